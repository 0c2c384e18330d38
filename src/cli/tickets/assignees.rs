//! The assignee picker's people, shared by `tickets triage` and `deskctl
//! inbox`: every operator with availability, teams (the ticket's first) and
//! open-ticket load.

use crate::api::{Availability, Operator, Ticket, TicketCountBy, TicketCountQuery, TicketStatus};
use crate::client::{Client, ClientResult};

/// The picker's line for an operator: handle, availability, teams (the
/// ticket's first) and open tickets, e.g. `alice  online · support, billing ·
/// 3 of 5 open`.
pub(crate) fn assignee_label(operator: &Operator, open: u64, width: usize) -> String {
    let teams = if operator.teams.is_empty() {
        "no team".to_string()
    } else {
        operator.teams.join(", ")
    };
    let capacity = operator
        .capacity
        .map(|c| format!(" of {c}"))
        .unwrap_or_default();
    format!(
        "{:width$}  {} · {teams} · {open}{capacity} open",
        operator.handle, operator.availability
    )
}

/// Every operator with their open (and pending) tickets: online first, then
/// members of `ticket`'s team, then by load; each one's teams list the
/// ticket's team first.
pub(crate) async fn candidates(
    client: &Client,
    ticket: &Ticket,
) -> ClientResult<Vec<(Operator, u64)>> {
    let mut load = std::collections::HashMap::<String, u64>::new();
    for status in [TicketStatus::Open, TicketStatus::Pending] {
        let counts = client
            .count_tickets(&TicketCountQuery {
                by: TicketCountBy::Assignee,
                view: None,
                status: Some(status),
                priority: None,
                assignee: None,
                team: None,
                channel: None,
                agent: None,
                requester: None,
                q: None,
                created_since: None,
                updated_since: None,
                field: Vec::new(),
            })
            .await?;
        for group in counts.groups {
            if let Some(handle) = group.value {
                *load.entry(handle).or_default() += group.count;
            }
        }
    }
    let mut operators: Vec<_> = client
        .list_operators()
        .await?
        .into_iter()
        .map(|o| {
            let open = load.get(&o.handle).copied().unwrap_or(0);
            (o, open)
        })
        .collect();
    operators.sort_by_key(|(o, open)| {
        let member = ticket.team.as_ref().is_some_and(|t| o.teams.contains(t));
        (
            o.availability != Availability::Online,
            !member,
            *open,
            o.handle.clone(),
        )
    });
    for (operator, _) in &mut operators {
        if let Some(team) = &ticket.team
            && let Some(at) = operator.teams.iter().position(|t| t == team)
        {
            let first = operator.teams.remove(at);
            operator.teams.insert(0, first);
        }
    }
    Ok(operators)
}

/// The picker's items for `operators`: each handle with its line.
pub(crate) fn labelled(operators: &[(Operator, u64)]) -> Vec<(String, String)> {
    let width = operators
        .iter()
        .map(|(o, _)| o.handle.len())
        .max()
        .unwrap_or(0);
    operators
        .iter()
        .map(|(o, open)| (o.handle.clone(), assignee_label(o, *open, width)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picker_shows_availability_teams_and_load() {
        let operator: Operator = serde_json::from_value(serde_json::json!({
            "handle": "bob", "name": "Bob", "email": "bob@example.com", "role": "operator",
            "availability": "online", "teams": ["support", "billing"], "capacity": 5,
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap();
        assert_eq!(
            assignee_label(&operator, 3, 5),
            "bob    online · support, billing · 3 of 5 open"
        );
        assert_eq!(
            labelled(&[(operator, 0)]),
            [(
                "bob".to_string(),
                "bob  online · support, billing · 0 of 5 open".to_string()
            )]
        );
    }
}
