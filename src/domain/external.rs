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

/// A handoff's external status, and the platform's time of the last event
/// applied to it (none until an event that carries a time is applied).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExternalState {
    pub status: ExternalStatus,
    pub last_event_at: Option<Timestamp>,
}

/// The state after `event` when it is `current`; `current` itself when the
/// event changes nothing.
///
/// Platforms retry webhooks and do not promise their order, so an event the
/// platform timed before the last one applied is late: the ticket has moved
/// on since, and it changes nothing (a delayed `open` must not reopen a
/// ticket solved after it). Only the platform's own times are compared,
/// never Desk's: the two clocks need not agree. An event at the same time as
/// the last one is applied, in the order it arrived: platforms that time
/// events to the second give two changes within one second the same time,
/// and refusing the second would lose a real change (a replay of the same
/// request is refused before it gets here). An event without a time is
/// applied as it arrives and leaves the last time as it was. An event that
/// is applied records its time even when the status stays: a later event
/// that confirms the status still makes older ones late.
pub fn apply(current: ExternalState, event: &ExternalEvent) -> ExternalState {
    use ExternalStatus::*;
    if matches!(current.status, Queued | Failed) {
        return current;
    }
    if let (Some(at), Some(last)) = (event.occurred_at, current.last_event_at)
        && at < last
    {
        return current;
    }
    ExternalState {
        status: advance(current.status, event.status).unwrap_or(current.status),
        last_event_at: event.occurred_at.max(current.last_event_at),
    }
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

    fn at(second: i64) -> Option<Timestamp> {
        Some(Timestamp::from_second(1_800_000_000 + second).unwrap())
    }

    fn state(status: ExternalStatus, last_event_at: Option<Timestamp>) -> ExternalState {
        ExternalState {
            status,
            last_event_at,
        }
    }

    fn event(status: ExternalStatus, occurred_at: Option<Timestamp>) -> ExternalEvent {
        ExternalEvent {
            id: "35436".into(),
            status,
            occurred_at,
        }
    }

    #[test]
    fn a_late_event_changes_nothing() {
        // Solved at :10, then the `open` of :05 arrives: still resolved.
        let solved = apply(state(Created, None), &event(Resolved, at(10)));
        assert_eq!(solved, state(Resolved, at(10)));
        assert_eq!(apply(solved, &event(Assigned, at(5))), solved);
        assert_eq!(apply(solved, &event(Created, at(9))), solved);
        // A late event that would not move the status leaves the time too.
        let assigned = state(Assigned, at(20));
        assert_eq!(apply(assigned, &event(Assigned, at(15))), assigned);
    }

    #[test]
    fn a_later_event_moves_the_status_and_the_last_time() {
        let solved = state(Resolved, at(10));
        assert_eq!(
            apply(solved, &event(Assigned, at(11))),
            state(Reopened, at(11))
        );
        assert_eq!(
            apply(state(Assigned, at(10)), &event(Resolved, at(30))),
            state(Resolved, at(30))
        );
    }

    #[test]
    fn an_event_that_keeps_the_status_still_makes_older_ones_late() {
        // Assigned at :10 and :30 (the second changes no status), then a
        // resolution of :20 arrives: the ticket was open again after it.
        let assigned = apply(state(Assigned, at(10)), &event(Assigned, at(30)));
        assert_eq!(assigned, state(Assigned, at(30)));
        assert_eq!(apply(assigned, &event(Resolved, at(20))), assigned);
    }

    #[test]
    fn an_event_at_the_same_time_is_applied_in_arrival_order() {
        let solved = state(Resolved, at(10));
        assert_eq!(
            apply(solved, &event(Assigned, at(10))),
            state(Reopened, at(10))
        );
        let reopened = state(Reopened, at(10));
        assert_eq!(
            apply(reopened, &event(Resolved, at(10))),
            state(Resolved, at(10))
        );
    }

    #[test]
    fn events_without_a_time_are_applied_as_they_arrive() {
        // No time on the event: applied, the last time kept.
        let solved = state(Resolved, at(10));
        assert_eq!(
            apply(solved, &event(Assigned, None)),
            state(Reopened, at(10))
        );
        // No time recorded yet: any event is applied and starts the record.
        assert_eq!(
            apply(state(Created, None), &event(Assigned, at(1))),
            state(Assigned, at(1))
        );
        assert_eq!(
            apply(state(Resolved, None), &event(Created, None)),
            state(Reopened, None)
        );
    }

    #[test]
    fn queued_and_failed_deliveries_take_no_event_nor_its_time() {
        for status in [Queued, Failed] {
            let current = state(status, None);
            assert_eq!(apply(current, &event(Resolved, at(10))), current);
        }
    }
}
