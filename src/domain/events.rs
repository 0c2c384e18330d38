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
    // A status asked for takes the place of `mine`'s and `unassigned`'s own
    // (open or pending), as the store's condition does.
    let to_work = active || query.status.is_some();
    let in_view = match query.view.unwrap_or(TicketView::All) {
        TicketView::All => true,
        TicketView::Mine => to_work && me.is_some() && ticket.assignee.as_deref() == me,
        TicketView::Unassigned => to_work && ticket.assignee.is_none(),
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
            || r.name
                .as_ref()
                .is_some_and(|name| contains_folding_ascii(name, who))
            || r.external_id.as_deref() == Some(who.as_str())
    });
    // Searched text is the subject and the customer's and operators'
    // messages: never notes, events or the requester's name.
    let text = query.q.as_ref().is_none_or(|q| {
        contains_folding_ascii(&ticket.subject, q)
            || entries
                .iter()
                .filter(|e| e.kind == TimelineKind::Message)
                .filter_map(|e| e.body.as_ref())
                .any(|body| contains_folding_ascii(body, q))
    });
    let since = |since: &Option<String>, at: jiff::Timestamp| {
        since.as_ref().is_none_or(|since| {
            since
                .parse::<jiff::Timestamp>()
                .is_ok_and(|since| at >= since)
        })
    };
    in_view
        && query.status.is_none_or(|s| s == ticket.status)
        && query.priority.is_none_or(|p| p == ticket.priority)
        && query.channel.is_none_or(|c| c == ticket.channel)
        && same(&query.assignee, &ticket.assignee)
        && same(&query.team, &ticket.team)
        && same(&query.agent, &ticket.agent)
        && requester
        && text
        && since(&query.created_since, ticket.created_at)
        && since(&query.updated_since, ticket.last_activity_at)
        && query
            .field
            .iter()
            .all(|c| super::field_conditions::holds(ticket.fields.get(&c.key), &c.value))
}

/// Whether `text` holds `part` with A-Z in either case and every other
/// character exactly: the store's rule for searched text and requester names
/// (`store::shared::ticket_condition`), so a watch shows what a list would.
fn contains_folding_ascii(text: &str, part: &str) -> bool {
    // ASCII folding never changes a character's length, so the folded texts
    // hold the same characters at the same places.
    text.to_ascii_lowercase()
        .contains(&part.to_ascii_lowercase())
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
            dated_by_sender: false,
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
            let decision = decide(
                &Actor::Desk,
                ticket,
                action,
                &crate::domain::workspace::Snapshot::empty(),
                at,
            )
            .unwrap();
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
    fn a_status_asked_for_takes_the_place_of_mine_and_unassigned_own() {
        use crate::api::{TicketQuery, TicketStatus, TicketView};
        let resolved = |assignee: Option<&str>| crate::api::Ticket {
            assignee: assignee.map(Into::into),
            status: TicketStatus::Resolved,
            ..ticket()
        };
        let query = |view, status| TicketQuery {
            view: Some(view),
            status,
            ..TicketQuery::default()
        };
        let bob = Some("bob");
        let done = Some(TicketStatus::Resolved);
        assert!(query_selects(
            &query(TicketView::Mine, done),
            &resolved(bob),
            &[],
            bob
        ));
        assert!(!query_selects(
            &query(TicketView::Mine, done),
            &resolved(Some("alice")),
            &[],
            bob
        ));
        assert!(query_selects(
            &query(TicketView::Unassigned, done),
            &resolved(None),
            &[],
            bob
        ));
        assert!(!query_selects(
            &query(TicketView::Unassigned, done),
            &resolved(bob),
            &[],
            bob
        ));
        // Without one, both are the tickets still to work.
        assert!(!query_selects(
            &query(TicketView::Mine, None),
            &resolved(bob),
            &[],
            bob
        ));
        assert!(!query_selects(
            &query(TicketView::Unassigned, None),
            &resolved(None),
            &[],
            bob
        ));
        // `resolved` is a status itself: another one selects nothing.
        let open = Some(TicketStatus::Open);
        assert!(!query_selects(
            &query(TicketView::Resolved, open),
            &ticket(),
            &[],
            bob
        ));
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

    /// The cases of the store's `requesters_match_by_whole_email_or_external_id_
    /// and_by_any_part_of_a_name` and `text_search_is_an_ascii_case_insensitive_
    /// substring_by_index_or_by_walk` (tests/store.rs) that a change shows.
    #[test]
    fn a_watch_matches_names_and_text_by_the_lists_rule() {
        use crate::api::{TicketQuery, TimelineEntry};
        let ticket = crate::api::Ticket {
            subject: "Élodie's café".into(),
            requester: crate::api::Requester {
                name: Some("Dana Reyes".into()),
                email: Some("Dana@Example.com".into()),
                external_id: Some("ext-7".into()),
                phone: None,
            },
            ..ticket()
        };
        let entry = |kind, body: &str| TimelineEntry {
            seq: 2,
            kind,
            author_kind: AuthorKind::Operator,
            author: Some("bob".into()),
            event: None,
            body: Some(body.into()),
            channel: None,
            at: ticket.created_at,
        };
        let added = [
            entry(TimelineKind::Message, "My parcel never ARRIVED."),
            entry(TimelineKind::Note, "internal zanzibar"),
        ];
        // Whether a query with one value set selects the change.
        let selects = |set: fn(&mut TicketQuery, String), value: &str| {
            let mut query = TicketQuery::default();
            set(&mut query, value.into());
            query_selects(&query, &ticket, &added, None)
        };
        let requester: fn(&mut TicketQuery, String) = |q, who| q.requester = Some(who);
        for who in ["DANA@example.COM", "ext-7", "dana", "DANA R", "reyes", "a"] {
            assert!(selects(requester, who), "{who:?}");
        }
        for who in [
            "erin@example",
            "EXT-7",
            "ext",
            "Dana_Reyes",
            "%",
            "Reyes Dana",
        ] {
            assert!(!selects(requester, who), "{who:?}");
        }
        let text: fn(&mut TicketQuery, String) = |q, text| q.q = Some(text);
        for q in ["Élodie", "CAFé", "parcel never arrived", "arrived."] {
            assert!(selects(text, q), "{q:?}");
        }
        // É is not folded; notes and names are not searched text.
        for q in ["élodie", "cafÉ", "zanzibar", "Reyes", "arrived never"] {
            assert!(!selects(text, q), "{q:?}");
        }
        let updated_since: fn(&mut TicketQuery, String) = |q, at| q.updated_since = Some(at);
        assert!(selects(updated_since, "2025-12-31T00:00:00Z"));
        assert!(!selects(updated_since, "2026-01-02T00:00:00Z"));
    }
}
