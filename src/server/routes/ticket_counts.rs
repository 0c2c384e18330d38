//! `/v1/tickets/counts`: how many tickets the caller sees, grouped, with the
//! list's filters and the list's role rule.

use super::{ApiRoutes, routes};
use axum::Json;
use axum::extract::State;

use super::tickets::ticket_filter;
use crate::api::{
    Channel, Priority, Problem, TicketCount, TicketCountBy, TicketCountQuery, TicketCounts,
    TicketStatus,
};
use crate::server::AppState;
use crate::server::auth::Principal;
use crate::server::error::ApiResult;
use crate::server::json::ApiQuery;

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes.with(routes!(count))
}

/// Tickets counted by status, priority, assignee, team or channel. Operators
/// count what they may list: their own tickets and their teams' unassigned ones.
#[utoipa::path(get, path = "/v1/tickets/counts", tag = "tickets", params(TicketCountQuery),
    responses((status = 200, body = TicketCounts), (status = 400, body = Problem),
        (status = 401, body = Problem), (status = 422, body = Problem)))]
async fn count(
    State(state): State<AppState>,
    principal: Principal,
    ApiQuery(query): ApiQuery<TicketCountQuery>,
) -> ApiResult<Json<TicketCounts>> {
    principal.require_operator()?;
    let filter = ticket_filter(&state.store, &principal, &query.filters()).await?;
    let rows = state.store.ticket_counts(&filter, query.by).await?;
    Ok(Json(counts(query.by, rows)))
}

/// The groups as the API answers them: every value of a closed set in its
/// order (0 where none), open sets largest first, then by value.
fn counts(by: TicketCountBy, rows: Vec<(Option<String>, u64)>) -> TicketCounts {
    let total = rows.iter().map(|(_, count)| count).sum();
    let every: Option<&[&str]> = match by {
        TicketCountBy::Status => Some(TicketStatus::NAMES),
        TicketCountBy::Priority => Some(Priority::NAMES),
        TicketCountBy::Channel => Some(Channel::NAMES),
        TicketCountBy::Assignee | TicketCountBy::Team => None,
    };
    let groups = match every {
        Some(names) => names
            .iter()
            .map(|name| TicketCount {
                value: Some(name.to_string()),
                count: rows
                    .iter()
                    .find(|(value, _)| value.as_deref() == Some(*name))
                    .map_or(0, |(_, count)| *count),
            })
            .collect(),
        None => {
            let mut groups: Vec<TicketCount> = rows
                .into_iter()
                .map(|(value, count)| TicketCount { value, count })
                .collect();
            groups.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            groups
        }
    };
    TicketCounts { by, total, groups }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(value: Option<&str>, count: u64) -> TicketCount {
        TicketCount {
            value: value.map(str::to_string),
            count,
        }
    }

    #[test]
    fn a_closed_set_lists_every_value_in_order_with_zeros() {
        let counts = counts(
            TicketCountBy::Status,
            vec![(Some("resolved".into()), 4), (Some("open".into()), 2)],
        );
        assert_eq!(counts.total, 6);
        assert_eq!(
            counts.groups,
            [
                group(Some("open"), 2),
                group(Some("pending"), 0),
                group(Some("resolved"), 4)
            ]
        );
    }

    #[test]
    fn an_open_set_lists_the_largest_group_first_and_keeps_the_unassigned() {
        let counts = counts(
            TicketCountBy::Assignee,
            vec![
                (Some("bob".into()), 1),
                (None, 3),
                (Some("alice".into()), 1),
            ],
        );
        assert_eq!(counts.total, 5);
        assert_eq!(
            counts.groups,
            [
                group(None, 3),
                group(Some("alice"), 1),
                group(Some("bob"), 1)
            ]
        );
    }
}
