//! What an event is called, decided from the change it records. The store
//! writes the event with the change; this only names it.

use crate::api::{EventKind, TimelineKind};
use crate::domain::tickets::NewEntry;

/// The kind of event a ticket change records, from the timeline entries it
/// appends: the first entry says what the change was (a reply appends its
/// message, then the status change it causes).
pub fn ticket_change_kind(entries: &[NewEntry]) -> EventKind {
    let Some(first) = entries.first() else {
        return EventKind::TicketUpdated;
    };
    match first.kind {
        TimelineKind::Message => EventKind::TicketMessage,
        TimelineKind::Note => EventKind::TicketNote,
        TimelineKind::Event => match first.event.as_deref() {
            Some("created") => EventKind::TicketCreated,
            Some("assigned") => EventKind::TicketAssigned,
            Some("unassigned") => EventKind::TicketUnassigned,
            Some("taken-over") => EventKind::TicketTakeover,
            Some("resolved" | "reopened" | "status-changed") => EventKind::TicketStatus,
            Some("priority-changed") => EventKind::TicketPriority,
            _ => EventKind::TicketUpdated,
        },
    }
}

/// Whether `ticket`, just changed (adding `entries`), is one `query` selects,
/// as the server's ticket list would: what `tickets list --watch` shows. `me`
/// is the caller's handle (the `mine` view). Text search looks at the subject
/// and the entries the change added (the server also searches older messages).
pub fn query_selects(
    query: &crate::api::TicketQuery,
    ticket: &crate::api::Ticket,
    entries: &[crate::api::TimelineEntry],
    me: Option<&str>,
) -> bool {
    use crate::api::{TicketStatus, TicketView};
    let active = ticket.status != TicketStatus::Resolved;
    let in_view = match query.view.unwrap_or(TicketView::All) {
        TicketView::All => true,
        TicketView::Mine => active && me.is_some() && ticket.assignee.as_deref() == me,
        TicketView::Unassigned => active && ticket.assignee.is_none(),
        TicketView::Resolved => !active,
    };
    let same = |wanted: &Option<String>, value: &Option<String>| {
        wanted.is_none() || wanted.as_ref() == value.as_ref()
    };
    let requester = query.requester.as_ref().is_none_or(|who| {
        let r = &ticket.requester;
        r.email
            .as_ref()
            .is_some_and(|e| e.eq_ignore_ascii_case(who))
            || r.name.as_deref() == Some(who.as_str())
            || r.external_id.as_deref() == Some(who.as_str())
    });
    let text = query.q.as_ref().is_none_or(|q| {
        let q = q.to_lowercase();
        ticket.subject.to_lowercase().contains(&q)
            || entries
                .iter()
                .filter_map(|e| e.body.as_ref())
                .any(|body| body.to_lowercase().contains(&q))
    });
    let created = query.created_since.as_ref().is_none_or(|since| {
        since
            .parse::<jiff::Timestamp>()
            .is_ok_and(|since| ticket.created_at >= since)
    });
    in_view
        && query.status.is_none_or(|s| s == ticket.status)
        && query.priority.is_none_or(|p| p == ticket.priority)
        && query.channel.is_none_or(|c| c == ticket.channel)
        && same(&query.assignee, &ticket.assignee)
        && same(&query.team, &ticket.team)
        && same(&query.agent, &ticket.agent)
        && requester
        && text
        && created
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{AuthorKind, Channel};
    use crate::domain::tickets::{Action, Actor, decide};

    fn entry(kind: TimelineKind, event: Option<&str>) -> NewEntry {
        NewEntry {
            kind,
            author_kind: AuthorKind::Operator,
            author: Some("alice".into()),
            event: event.map(str::to_string),
            body: Some("text".into()),
            channel: Some(Channel::Email),
            at: jiff::Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn the_first_entry_names_the_change() {
        let cases = [
            (entry(TimelineKind::Message, None), EventKind::TicketMessage),
            (entry(TimelineKind::Note, None), EventKind::TicketNote),
            (
                entry(TimelineKind::Event, Some("assigned")),
                EventKind::TicketAssigned,
            ),
            (
                entry(TimelineKind::Event, Some("unassigned")),
                EventKind::TicketUnassigned,
            ),
            (
                entry(TimelineKind::Event, Some("taken-over")),
                EventKind::TicketTakeover,
            ),
            (
                entry(TimelineKind::Event, Some("resolved")),
                EventKind::TicketStatus,
            ),
            (
                entry(TimelineKind::Event, Some("reopened")),
                EventKind::TicketStatus,
            ),
            (
                entry(TimelineKind::Event, Some("priority-changed")),
                EventKind::TicketPriority,
            ),
            (
                entry(TimelineKind::Event, Some("something-new")),
                EventKind::TicketUpdated,
            ),
        ];
        for (entry, kind) in cases {
            assert_eq!(
                ticket_change_kind(std::slice::from_ref(&entry)),
                kind,
                "{entry:?}"
            );
        }
        assert_eq!(ticket_change_kind(&[]), EventKind::TicketUpdated);
    }

    #[test]
    fn a_reply_is_a_message_though_it_also_changes_the_status() {
        let entries = [
            entry(TimelineKind::Message, None),
            entry(TimelineKind::Event, Some("status-changed")),
        ];
        assert_eq!(ticket_change_kind(&entries), EventKind::TicketMessage);
    }

    #[test]
    fn every_decided_action_has_its_own_kind() {
        // The names the ticket rules write are the names read here: a renamed
        // timeline event would turn into `ticket.updated` and fail this.
        let ticket: crate::api::Ticket = serde_json::from_value(serde_json::json!({
            "number": 10001, "subject": "Parcel", "status": "open", "priority": "medium",
            "requester": {"name": "Dana", "email": "dana@example.com"},
            "assignee": "owner", "team": null, "agent": "shop", "channel": "web",
            "environment": "production", "fields": {}, "context": {}, "ai_paused": false,
            "handoff": null, "created_at": "2026-01-01T00:00:00Z",
            "last_activity_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap();
        let at = jiff::Timestamp::UNIX_EPOCH;
        let resolved = crate::api::Ticket {
            status: crate::api::TicketStatus::Resolved,
            ..ticket.clone()
        };
        let cases = [
            (&ticket, Action::Unassign, EventKind::TicketUnassigned),
            (&ticket, Action::Note("n".into()), EventKind::TicketNote),
            (
                &ticket,
                Action::Reply {
                    text: "r".into(),
                    channel: None,
                },
                EventKind::TicketMessage,
            ),
            (&ticket, Action::Takeover, EventKind::TicketTakeover),
            (&ticket, Action::Resolve, EventKind::TicketStatus),
            (&resolved, Action::Reopen, EventKind::TicketStatus),
            (
                &ticket,
                Action::SetPriority(crate::api::Priority::High),
                EventKind::TicketPriority,
            ),
        ];
        for (ticket, action, kind) in cases {
            let decision = decide(&Actor::Desk, ticket, action, at).unwrap();
            assert_eq!(ticket_change_kind(&decision.entries), kind);
        }
    }

    fn ticket() -> crate::api::Ticket {
        serde_json::from_value(serde_json::json!({
            "number": 10001, "subject": "Parcel late", "status": "open", "priority": "medium",
            "requester": {"name": "Dana", "email": "dana@example.com"},
            "assignee": null, "team": "support", "agent": "shop", "channel": "web",
            "environment": "production", "fields": {}, "context": {}, "ai_paused": false,
            "handoff": null, "created_at": "2026-01-01T00:00:00Z",
            "last_activity_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap()
    }

    #[test]
    fn a_watch_selects_what_the_list_would() {
        use crate::api::{TicketQuery, TicketStatus, TicketView};
        let open = ticket();
        let mine = crate::api::Ticket {
            assignee: Some("bob".into()),
            ..open.clone()
        };
        let resolved = crate::api::Ticket {
            status: TicketStatus::Resolved,
            ..mine.clone()
        };
        let view = |view| TicketQuery {
            view: Some(view),
            ..TicketQuery::default()
        };
        let bob = Some("bob");
        assert!(query_selects(
            &view(TicketView::Unassigned),
            &open,
            &[],
            bob
        ));
        assert!(!query_selects(
            &view(TicketView::Unassigned),
            &mine,
            &[],
            bob
        ));
        assert!(query_selects(&view(TicketView::Mine), &mine, &[], bob));
        assert!(!query_selects(
            &view(TicketView::Mine),
            &mine,
            &[],
            Some("alice")
        ));
        assert!(!query_selects(&view(TicketView::Mine), &resolved, &[], bob));
        assert!(query_selects(
            &view(TicketView::Resolved),
            &resolved,
            &[],
            bob
        ));
        assert!(query_selects(&view(TicketView::All), &resolved, &[], None));
        let by = |query: TicketQuery, ticket: &crate::api::Ticket| {
            query_selects(&query, ticket, &[], bob)
        };
        assert!(by(
            TicketQuery {
                team: Some("support".into()),
                ..Default::default()
            },
            &open
        ));
        assert!(!by(
            TicketQuery {
                team: Some("billing".into()),
                ..Default::default()
            },
            &open
        ));
        assert!(by(
            TicketQuery {
                requester: Some("DANA@example.com".into()),
                ..Default::default()
            },
            &open
        ));
        assert!(!by(
            TicketQuery {
                requester: Some("eve@example.com".into()),
                ..Default::default()
            },
            &open
        ));
        assert!(by(
            TicketQuery {
                q: Some("PARCEL".into()),
                ..Default::default()
            },
            &open
        ));
        assert!(!by(
            TicketQuery {
                q: Some("refund".into()),
                ..Default::default()
            },
            &open
        ));
        assert!(!by(
            TicketQuery {
                created_since: Some("2026-02-01T00:00:00Z".into()),
                ..Default::default()
            },
            &open
        ));
        assert!(!by(
            TicketQuery {
                priority: Some(crate::api::Priority::Urgent),
                ..Default::default()
            },
            &open
        ));
    }
}
