//! What a platform's webhook events do to the external status of a handoff.

use jiff::Timestamp;

use crate::api::ExternalStatus;

/// The external status after `event` when it is `current`; none when the
/// event changes nothing. A resolved ticket that is opened or assigned again
/// is reopened; a failed or queued delivery is not moved by webhooks.
pub fn advance(current: ExternalStatus, event: ExternalStatus) -> Option<ExternalStatus> {
    use ExternalStatus::*;
    let next = match (current, event) {
        (Queued | Failed, _) => return None,
        (Resolved, Created | Assigned | Reopened) => Reopened,
        (_, Reopened) if current != Resolved => return None,
        (_, event) => event,
    };
    (next != current).then_some(next)
}

/// Something the platform did to a ticket Desk delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalEvent {
    /// The platform's id of the ticket, as `connectors::Delivered::id` recorded it.
    pub id: String,
    pub status: ExternalStatus,
    /// When it happened by the platform's own clock, where its webhook says;
    /// kept to the microsecond, as the stores keep times.
    pub occurred_at: Option<Timestamp>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use ExternalStatus::*;

    #[test]
    fn webhooks_move_the_external_status_forward() {
        assert_eq!(advance(Created, Assigned), Some(Assigned));
        assert_eq!(advance(Assigned, Resolved), Some(Resolved));
        assert_eq!(advance(Resolved, Created), Some(Reopened));
        assert_eq!(advance(Resolved, Assigned), Some(Reopened));
        assert_eq!(advance(Resolved, Reopened), Some(Reopened));
        assert_eq!(advance(Reopened, Resolved), Some(Resolved));
        assert_eq!(advance(Assigned, Assigned), None);
        assert_eq!(advance(Assigned, Reopened), None);
        assert_eq!(advance(Queued, Resolved), None);
        assert_eq!(advance(Failed, Assigned), None);
    }
}
