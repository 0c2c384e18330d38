//! The event stream (`GET /v1/events`) through the router, on both backends:
//! every change in commit order with ids that grow by one, resuming with
//! `Last-Event-ID` or `?after=` with nothing missed, a `reset` when what was
//! asked for is not kept, changes made by another process, and each role
//! seeing what `tickets list` shows it.

use super::BACKEND;
use crate::common::Desk;

use axum::Router;
use axum::body::Body;
use deskctl::server::store::{Open, Store, Viewer};
use deskctl::server::{AppState, router};
use http::header::AUTHORIZATION;
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

/// One Server-Sent Event as the stream sent it.
#[derive(Debug, Clone)]
struct Sse {
    id: Option<u64>,
    event: String,
    data: Value,
}

/// A stream opened through the router.
struct Stream {
    body: Body,
    buffer: String,
    /// The place the service said the stream goes on after
    /// (`Desk-Last-Event-ID`).
    told: u64,
}

impl Stream {
    /// Opens `/v1/events{query}` with `token`, sending `last_event_id` if given.
    async fn open(
        router: &Router,
        token: &str,
        query: &str,
        last_event_id: Option<&str>,
    ) -> Result<Stream, (StatusCode, Value)> {
        let mut request = Request::get(format!("/v1/events{query}"))
            .header(AUTHORIZATION, format!("Bearer {token}"));
        if let Some(id) = last_event_id {
            request = request.header("Last-Event-ID", id);
        }
        let response = router
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        if status != StatusCode::OK {
            let bytes = response.into_body().collect().await.unwrap().to_bytes();
            return Err((
                status,
                serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            ));
        }
        assert_eq!(
            response.headers()["content-type"],
            "text/event-stream",
            "an SSE stream"
        );
        let told = response.headers()["desk-last-event-id"]
            .to_str()
            .unwrap()
            .parse()
            .expect("a numeric place");
        Ok(Stream {
            body: response.into_body(),
            buffer: String::new(),
            told,
        })
    }

    /// The next frame as sent, up to its blank line.
    async fn frame(&mut self) -> String {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                return self.buffer.drain(..end + 2).collect();
            }
            let frame = tokio::time::timeout(std::time::Duration::from_secs(60), self.body.frame())
                .await
                .expect("the stream sent nothing for a minute")
                .expect("the stream did not end")
                .expect("the stream did not fail");
            if let Ok(data) = frame.into_data() {
                self.buffer.push_str(std::str::from_utf8(&data).unwrap());
            }
        }
    }

    /// The next event: a frame with data. Frames without (keep-alive
    /// comments, the opening `id:`) dispatch nothing, as in `EventSource`.
    /// A stream that sends nothing for a minute fails the test instead of
    /// hanging it.
    async fn next(&mut self) -> Sse {
        loop {
            let block = self.frame().await;
            let mut sse = Sse {
                id: None,
                event: "message".into(),
                data: Value::Null,
            };
            let mut has_data = false;
            for line in block.lines() {
                if let Some(id) = line.strip_prefix("id:") {
                    sse.id = Some(id.trim().parse().expect("numeric ids"));
                } else if let Some(event) = line.strip_prefix("event:") {
                    sse.event = event.trim().to_string();
                } else if let Some(data) = line.strip_prefix("data:") {
                    sse.data = serde_json::from_str(data.trim()).expect("JSON data");
                    has_data = true;
                }
            }
            if has_data {
                return sse;
            }
        }
    }

    /// Waits for the stream to end (keep-alive comments skipped), failing the
    /// test if it sends an event first or stays open for a minute.
    async fn ends(&mut self) {
        loop {
            assert!(
                !self.buffer.contains("data:"),
                "the stream sent an event instead of ending: {}",
                self.buffer
            );
            let frame = tokio::time::timeout(std::time::Duration::from_secs(60), self.body.frame())
                .await
                .expect("the stream stayed open for a minute");
            match frame {
                None => return,
                Some(frame) => {
                    if let Ok(data) = frame.expect("the stream did not fail").into_data() {
                        self.buffer.push_str(std::str::from_utf8(&data).unwrap());
                    }
                }
            }
        }
    }

    /// The next `count` events.
    async fn take(&mut self, count: usize) -> Vec<Sse> {
        let mut events = Vec::with_capacity(count);
        for _ in 0..count {
            events.push(self.next().await);
        }
        events
    }
}

/// Teams support (alice the owner, bob) and billing (carol); an agent; manual
/// assignment; rules send "invoice" handoffs to billing, the rest to support.
fn configured(desk: Desk) -> Desk {
    desk.seed_with_billing();
    for handle in ["alice", "bob", "carol"] {
        desk.run(&["operators", "availability", handle, "online"]);
    }
    desk.run(&["agents", "add", "shop", "--name", "Shop"]);
    desk.run(&["actions", "set", "shop", "--channel", "web"]);
    desk.run(&[
        "rules",
        "add",
        "assignment",
        "--when",
        "reason contains invoice",
        "--team",
        "billing",
    ]);
    desk.run(&[
        "rules",
        "add",
        "assignment",
        "--when",
        "reason contains parcel",
        "--team",
        "support",
    ]);
    desk.run(&["assignment", "set", "--method", "manual"]);
    desk
}

/// Sends a handoff from another process (the CLI on the desk).
fn send_handoff(desk: &Desk, reason: &str) {
    let body = json!({
        "agent": "shop", "environment": "production", "channel": "web",
        "requester": {"name": "Dana", "email": "dana@example.com"},
        "transcript": [{"role": "customer", "text": format!("About my {reason}")}],
        "reason": reason,
    });
    let path = desk.dir.path().join("handoff.json");
    std::fs::write(&path, body.to_string()).unwrap();
    desk.run(&["handoff", "send", "-f", path.to_str().unwrap()]);
}

async fn served(desk: &Desk) -> (Store, Router) {
    let store = Store::open(&desk.location(), Open::Existing, crate::common::keys())
        .await
        .expect("open the store");
    let router = router(AppState {
        store: store.clone(),
    });
    (store, router)
}

/// Every event recorded so far, as the owner's stream from the start sends them.
async fn everything(store: &Store, router: &Router, owner: &str) -> Vec<Sse> {
    let last = store.event_bounds().await.unwrap().last as usize;
    let mut stream = Stream::open(router, owner, "?after=0", None).await.unwrap();
    stream.take(last).await
}

fn kinds(events: &[Sse]) -> Vec<&str> {
    events
        .iter()
        .map(|e| e.event.as_str())
        .filter(|kind| *kind != "delivery")
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_change_is_one_event_in_commit_order() {
    let desk = configured(desk!());
    let owner = desk.token("alice");
    send_handoff(&desk, "parcel");
    desk.run(&["tickets", "assign", "10001", "--to", "bob"]);
    desk.run(&["tickets", "note", "10001", "-m", "Checking the courier"]);
    desk.run(&["tickets", "priority", "10001", "high"]);
    desk.run(&["tickets", "takeover", "10001"]);
    desk.run(&["tickets", "reply", "10001", "-m", "On its way", "--yes"]);
    desk.run(&["tickets", "unassign", "10001"]);
    desk.run(&["tickets", "resolve", "10001"]);
    desk.run(&["tickets", "reopen", "10001"]);
    let (store, router) = served(&desk).await;
    let events = everything(&store, &router, &owner).await;

    // Ids grow by one, in the order the changes committed; data carries the id.
    for (n, event) in events.iter().enumerate() {
        assert_eq!(event.id, Some(n as u64 + 1), "{events:#?}");
        assert_eq!(event.data["id"], n as u64 + 1);
        assert_eq!(event.data["kind"], event.event.as_str());
    }
    assert_eq!(
        kinds(&events),
        [
            "ticket.created",
            "handoff",
            "ticket.assigned",
            "ticket.note",
            "ticket.priority",
            "ticket.takeover",
            "ticket.message",
            "ticket.unassigned",
            "ticket.status",
            "ticket.status",
        ]
    );
    let by_kind = |kind: &str| events.iter().find(|e| e.event == kind).unwrap();
    // Each event carries the ticket after the change and the entries it added.
    let created = by_kind("ticket.created");
    assert_eq!(created.data["ticket"]["number"], 10001);
    assert_eq!(created.data["ticket"]["team"], "support");
    assert_eq!(created.data["entries"][0]["event"], "created");
    let handoff = by_kind("handoff");
    assert_eq!(handoff.data["handoff"]["agent"], "shop");
    assert_eq!(handoff.data["handoff"]["outcome"], "ticket");
    assert_eq!(handoff.data["ticket_number"], 10001);
    let assigned = by_kind("ticket.assigned");
    assert_eq!(assigned.data["ticket"]["assignee"], "bob");
    assert_eq!(assigned.data["entries"][0]["body"], "Assigned to bob");
    let note = by_kind("ticket.note");
    assert_eq!(note.data["entries"][0]["body"], "Checking the courier");
    assert_eq!(note.data["entries"][0]["kind"], "note");
    let message = by_kind("ticket.message");
    assert_eq!(message.data["entries"][0]["body"], "On its way");
    assert_eq!(message.data["ticket"]["status"], "pending");
    assert_eq!(
        by_kind("ticket.priority").data["ticket"]["priority"],
        "high"
    );
    assert_eq!(by_kind("ticket.takeover").data["ticket"]["ai_paused"], true);
    assert!(by_kind("ticket.unassigned").data["ticket"]["assignee"].is_null());
    // The timeline's own numbering is carried: the note is the entry after
    // those the ticket was created with and the assignment.
    let first_entries = created.data["entries"].as_array().unwrap().len() as u64;
    assert_eq!(assigned.data["entries"][0]["seq"], first_entries + 1);
    assert_eq!(note.data["entries"][0]["seq"], first_entries + 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stream_resumes_after_its_last_event_id_with_nothing_missed() {
    let desk = configured(desk!());
    let owner = desk.token("alice");
    send_handoff(&desk, "parcel");
    send_handoff(&desk, "invoice");
    let (store, router) = served(&desk).await;
    let first = everything(&store, &router, &owner).await;
    assert_eq!(first.len(), 4, "{first:#?}");
    let mut before_the_break = Stream::open(&router, &owner, "?after=0", None)
        .await
        .unwrap();
    let seen = before_the_break.take(2).await;
    drop(before_the_break);

    // While the client is away, more happens.
    desk.run(&["tickets", "assign", "10002", "--to", "carol"]);
    desk.run(&["tickets", "note", "10001", "-m", "While you were away"]);
    let all = everything(&store, &router, &owner).await;
    let last_seen = seen.last().unwrap().id.unwrap();
    let expected: Vec<_> = all.iter().skip(last_seen as usize).collect();

    // By header, as EventSource does; by query, as `curl` would.
    for (query, header) in [
        (String::new(), Some(last_seen.to_string())),
        (format!("?after={last_seen}"), None),
        // The header wins over the query.
        ("?after=0".to_string(), Some(last_seen.to_string())),
    ] {
        let mut resumed = Stream::open(&router, &owner, &query, header.as_deref())
            .await
            .unwrap();
        let rest = resumed.take(expected.len()).await;
        let ids: Vec<_> = rest.iter().map(|e| e.id).collect();
        let want: Vec<_> = expected.iter().map(|e| e.id).collect();
        assert_eq!(ids, want, "{query} {header:?}");
        assert_eq!(rest.last().unwrap().data, expected.last().unwrap().data);
    }

    // Without either, the stream starts with the next change, made here by
    // another process: the stream learns of it by itself.
    let mut live = Stream::open(&router, &owner, "", None).await.unwrap();
    desk.run(&["tickets", "resolve", "10001"]);
    let next = live.next().await;
    assert_eq!(next.event, "ticket.status");
    assert_eq!(next.id, Some(all.len() as u64 + 1));
    assert_eq!(next.data["ticket"]["status"], "resolved");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_place_that_is_not_kept_or_never_was_is_a_reset() {
    let desk = configured(desk!());
    let owner = desk.token("alice");
    send_handoff(&desk, "parcel");
    let (store, router) = served(&desk).await;
    let last = store.event_bounds().await.unwrap().last;
    assert_eq!(last, 2);

    // An id from the future (another desk's, a restored backup's).
    let mut stream = Stream::open(&router, &owner, "", Some("99")).await.unwrap();
    assert_eq!(stream.told, last);
    let reset = stream.next().await;
    assert_eq!(reset.event, "reset");
    assert_eq!(reset.id, Some(last), "the client's place moves to now");
    assert_eq!(reset.data["id"], last);
    assert!(
        reset.data["reason"]
            .as_str()
            .unwrap()
            .contains("never sent"),
        "{reset:?}"
    );

    // Events past their retention are pruned: resuming before them is a reset,
    // and what is left still resumes.
    let pruned = store
        .prune_events(jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1))
        .await
        .unwrap();
    assert_eq!(pruned, 2);
    let bounds = store.event_bounds().await.unwrap();
    assert_eq!((bounds.last, bounds.pruned_through), (2, 2));
    let mut stream = Stream::open(&router, &owner, "?after=1", None)
        .await
        .unwrap();
    let reset = stream.next().await;
    assert_eq!(reset.event, "reset");
    assert!(
        reset.data["reason"]
            .as_str()
            .unwrap()
            .contains("no longer kept"),
        "{reset:?}"
    );
    // Ids are never given out twice, though no event is left.
    send_handoff(&desk, "parcel");
    let next = stream.next().await;
    assert_eq!(next.id, Some(3));
    assert_eq!(next.event, "ticket.created");
    let mut resumed = Stream::open(&router, &owner, "?after=2", None)
        .await
        .unwrap();
    assert_eq!(
        resumed.next().await.id,
        Some(3),
        "from the last pruned id on"
    );
}

/// The place a stream opened without one tells: its header, which its first
/// frame, with no data, repeats as its `id:`.
async fn place_told(router: &Router, token: &str) -> u64 {
    let mut stream = Stream::open(router, token, "", None).await.unwrap();
    let place = stream.told;
    assert_eq!(stream.frame().await, format!(": ready\nid: {place}\n\n"));
    place
}

/// A stream opened without a place tells the one it goes on after before any
/// event: in its header, and as the `id:` of a first frame with no data (which
/// `EventSource` records as its last id without dispatching anything). A
/// client that loses the connection before any event arrived resumes from
/// there and misses nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stream_tells_its_place_first_so_a_reconnection_before_any_event_misses_nothing() {
    let desk = configured(desk!());
    let owner = desk.token("alice");
    let carol = desk.token("carol");
    send_handoff(&desk, "parcel"); // 10001, support's: not carol's to see
    let (store, router) = served(&desk).await;
    assert_eq!(store.event_bounds().await.unwrap().last, 2);
    assert_eq!(place_told(&router, &owner).await, 2);

    desk.run(&["tickets", "note", "10001", "-m", "While you were away"]);
    let mut resumed = Stream::open(&router, &owner, "", Some("2")).await.unwrap();
    assert_eq!(resumed.told, 2, "a place asked for is the place told");
    assert_eq!(resumed.frame().await, ": ready\nid: 2\n\n");
    let missed = resumed.next().await;
    assert_eq!((missed.id, missed.event.as_str()), (Some(3), "ticket.note"));
    assert_eq!(missed.data["entries"][0]["body"], "While you were away");

    // An operator's place is the desk's, though none of its events is theirs.
    assert_eq!(place_told(&router, &carol).await, 3);
    send_handoff(&desk, "invoice"); // 10002, billing's
    let mut resumed = Stream::open(&router, &carol, "", Some("3")).await.unwrap();
    let missed = resumed.next().await;
    assert_eq!(
        (missed.id, missed.event.as_str()),
        (Some(4), "ticket.created")
    );
    assert_eq!(missed.data["ticket"]["number"], 10002);
}

/// On a desk where nothing has happened yet the place is 0, and resuming from
/// it gives the first events, not a reset.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_desk_without_events_the_place_is_0_and_the_first_ones_are_not_missed() {
    let desk = configured(desk!());
    let owner = desk.token("alice");
    let (store, router) = served(&desk).await;
    assert_eq!(store.event_bounds().await.unwrap().last, 0);
    assert_eq!(place_told(&router, &owner).await, 0);

    send_handoff(&desk, "parcel");
    let mut resumed = Stream::open(&router, &owner, "", Some("0")).await.unwrap();
    let first = resumed.take(2).await;
    assert_eq!(kinds(&first), ["ticket.created", "handoff"]);
    assert_eq!(first[0].id, Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_places_and_callers_are_refused() {
    let desk = configured(desk!());
    let owner = desk.token("alice");
    let ingest = desk
        .run(&["tokens", "create", "--ingest", "--name", "platform"])
        .trim()
        .to_string();
    let (_store, router) = served(&desk).await;
    for (query, header, field, status) in [
        // A malformed cursor is one answer, however it is sent (and as a
        // list's `cursor`): 422 naming where it was.
        ("", Some("latest"), "Last-Event-ID", 422),
        ("", Some("-1"), "Last-Event-ID", 422),
        ("?after=soon", None, "after", 422),
        ("?after=-1", None, "after", 422),
        ("?after=", None, "after", 422),
        ("?after=soon", Some("3"), "after", 422),
        // An unknown parameter is malformed, as on every route.
        ("?from=3", None, "from", 400),
    ] {
        let Err((refused, problem)) = Stream::open(&router, &owner, query, header).await else {
            panic!("{query} {header:?} was accepted");
        };
        assert_eq!(refused.as_u16(), status, "{problem:#}");
        assert_eq!(problem["errors"][0]["field"], field, "{problem:#}");
    }
    let Err((status, problem)) = Stream::open(&router, &ingest, "", None).await else {
        panic!("an ingest token read the stream");
    };
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem:#}");
    let Err((status, _)) = Stream::open(&router, "desk_nonsense", "", None).await else {
        panic!("an unknown token read the stream");
    };
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

/// One token holds a bounded number of streams, so it cannot take every
/// connection the service has; a stream that ends gives its place back, and
/// other tokens are counted apart.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_token_holds_a_bounded_number_of_streams() {
    let desk = configured(desk!());
    let bob = desk.token("bob");
    let carol = desk.token("carol");
    let (_store, router) = served(&desk).await;
    let mut bobs = Vec::new();
    for _ in 0..deskctl::api::MAX_STREAMS_PER_TOKEN {
        bobs.push(Stream::open(&router, &bob, "", None).await.unwrap());
    }
    let Err((status, problem)) = Stream::open(&router, &bob, "", None).await else {
        panic!("a token opened more streams than it may");
    };
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{problem:#}");
    assert_eq!(problem["code"], "too_many_streams", "{problem:#}");
    let detail = problem["detail"].as_str().unwrap();
    assert!(detail.contains("16 event streams"), "{detail}");
    // As every 429 of the service, it says when to try again.
    let refused = router
        .clone()
        .oneshot(
            Request::get("/v1/events")
                .header(AUTHORIZATION, format!("Bearer {bob}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.headers()["retry-after"], "15");
    Stream::open(&router, &carol, "", None)
        .await
        .expect("another token's streams are counted apart");
    drop(bobs.pop());
    Stream::open(&router, &bob, "", None)
        .await
        .expect("the place the closed stream gave back");
}

/// A stream does not outlive what opened it: once its token is revoked, or
/// its operator is given a lower role, it ends at the next change instead of
/// sending it, and a reconnection is answered as the token now deserves.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stream_ends_when_its_token_is_revoked_or_its_role_lowered() {
    let desk = configured(desk!());
    desk.run(&["operators", "set", "carol", "--role", "manager"]);
    let bob = desk.token("bob");
    let carol = desk.token("carol");
    let (_store, router) = served(&desk).await;
    let mut bobs = Stream::open(&router, &bob, "", None).await.unwrap();
    let mut carols = Stream::open(&router, &carol, "", None).await.unwrap();
    send_handoff(&desk, "parcel"); // 10001, support's: both see it
    for stream in [&mut bobs, &mut carols] {
        let events = stream.take(2).await;
        assert_eq!(kinds(&events), ["ticket.created", "handoff"]);
    }

    let tokens: Value = serde_json::from_str(&desk.run(&["tokens", "list", "-o", "json"])).unwrap();
    let bobs_id = tokens
        .as_array()
        .unwrap()
        .iter()
        .find(|token| token["operator"] == "bob")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    desk.run(&["tokens", "revoke", &bobs_id, "--yes"]);
    desk.run(&["operators", "set", "carol", "--role", "operator"]);
    desk.run(&["tickets", "note", "10001", "-m", "Not for a revoked token"]);
    bobs.ends().await;
    carols.ends().await;

    let (status, _) = Stream::open(&router, &bob, "", None).await.err().unwrap();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // Carol, an operator now, sees what an operator of billing sees: not
    // support's note.
    let mut again = Stream::open(&router, &carol, "", None).await.unwrap();
    send_handoff(&desk, "invoice"); // 10002, billing's
    let event = again.next().await;
    assert_eq!(
        (event.event.as_str(), event.data["ticket_number"].as_u64()),
        ("ticket.created", Some(10002))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn operators_see_the_events_of_the_tickets_they_may_see() {
    let desk = configured(desk!());
    let owner = desk.token("alice");
    let bob = desk.token("bob");
    let carol = desk.token("carol");
    send_handoff(&desk, "parcel"); // 10001, support: bob's team
    send_handoff(&desk, "invoice"); // 10002, billing: carol's team
    desk.run(&["tickets", "assign", "10001", "--to", "bob"]);
    desk.run(&["tickets", "note", "10001", "-m", "Bob's ticket"]);
    desk.run(&["tickets", "assign", "10001", "--to", "alice"]);
    desk.run(&["tickets", "note", "10001", "-m", "Alice's now"]);
    desk.run(&["tickets", "note", "10002", "-m", "Carol's team's"]);
    // The last change, seen by everyone: where each reader stops.
    send_handoff(&desk, "parcel and invoice"); // 10003, first rule: billing
    // Bob is not in billing: a lead hands it to him knowingly.
    desk.run(&["tickets", "assign", "10003", "--to", "bob", "--force"]);
    let (store, router) = served(&desk).await;
    let all = everything(&store, &router, &owner).await;
    assert_eq!(all.len(), 12, "{:?}", kinds(&all));

    let read_until_last = async |token: &str| {
        let mut stream = Stream::open(&router, token, "?after=0", None)
            .await
            .unwrap();
        let mut seen = Vec::new();
        loop {
            let event = stream.next().await;
            let last = event.id == all.last().unwrap().id;
            seen.push(event);
            if last {
                return seen;
            }
        }
    };
    let summary = |events: &[Sse]| -> Vec<(String, u64)> {
        events
            .iter()
            .map(|e| {
                (
                    e.event.clone(),
                    e.data["ticket_number"].as_u64().unwrap_or_default(),
                )
            })
            .collect()
    };

    let seen = read_until_last(&bob).await;
    assert_eq!(
        summary(&seen),
        [
            ("ticket.created".into(), 10001),
            ("handoff".into(), 10001),
            ("ticket.assigned".into(), 10001),
            ("ticket.note".into(), 10001),
            // Reassigned away: bob hears it left his view, not who has it.
            ("ticket.hidden".into(), 10001),
            ("ticket.assigned".into(), 10003),
        ]
    );
    let hidden = &seen[4];
    assert_eq!(
        hidden.data,
        json!({"id": hidden.id, "kind": "ticket.hidden", "at": hidden.data["at"],
               "ticket_number": 10001}),
        "nothing but the number"
    );

    let seen = read_until_last(&carol).await;
    assert_eq!(
        summary(&seen),
        [
            ("ticket.created".into(), 10002),
            ("handoff".into(), 10002),
            ("ticket.note".into(), 10002),
            ("ticket.created".into(), 10003),
            ("handoff".into(), 10003),
            // Taken out of her team's unassigned tickets by an assignment.
            ("ticket.hidden".into(), 10003),
        ]
    );

    // What the stream shows an operator is what `tickets list` shows them.
    let bob_events = read_until_last(&bob).await;
    let mut visible: std::collections::BTreeMap<u64, bool> = Default::default();
    for event in &bob_events {
        let number = event.data["ticket_number"].as_u64().unwrap();
        visible.insert(number, event.event != "ticket.hidden");
    }
    let shown: Vec<u64> = visible
        .into_iter()
        .filter_map(|(n, v)| v.then_some(n))
        .collect();
    let filter = deskctl::server::store::TicketFilter {
        me: Some("bob".into()),
        ..deskctl::server::store::TicketFilter::everything(Viewer::Operator("bob".into()))
    };
    let mut listed: Vec<u64> = store
        .list_tickets(&filter, 100)
        .await
        .unwrap()
        .tickets()
        .unwrap()
        .iter()
        .map(|t| t.number)
        .collect();
    listed.sort();
    assert_eq!(shown, listed);
}

// ---------------------------------------------------------------------------
// The commands: `deskctl events` and `tickets list --watch`
// ---------------------------------------------------------------------------

/// A command that runs until killed, its stdout and stderr read a line at a
/// time.
struct Running {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
    notes: std::sync::mpsc::Receiver<String>,
}

/// The lines of `from`, sent one by one as they are read.
fn lines_of(from: impl std::io::Read + Send + 'static) -> std::sync::mpsc::Receiver<String> {
    let (send, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(from).lines() {
            let Ok(line) = line else { return };
            if send.send(line).is_err() {
                return;
            }
        }
    });
    lines
}

impl Running {
    fn start(mut command: std::process::Command) -> Running {
        let mut child = command
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let lines = lines_of(child.stdout.take().unwrap());
        let notes = lines_of(child.stderr.take().unwrap());
        Running {
            child,
            lines,
            notes,
        }
    }

    /// Waits until the command says `text` on stderr; a minute without it
    /// fails the test.
    fn says(&self, text: &str) {
        loop {
            let note = self
                .notes
                .recv_timeout(std::time::Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("the command did not say {text:?} in a minute"));
            if note.contains(text) {
                return;
            }
        }
    }

    /// The next line as JSON; a command silent for a minute fails the test.
    fn next(&self) -> Value {
        let line = self
            .lines
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the command printed nothing for a minute");
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn deskctl_events_prints_every_change_as_a_json_line() {
    let desk = configured(desk!());
    send_handoff(&desk, "parcel");
    let mut command = desk.std_cmd();
    command.args(["events", "--after", "0"]);
    let events = Running::start(command);
    let created = events.next();
    assert_eq!(created["id"], 1);
    assert_eq!(created["kind"], "ticket.created");
    assert_eq!(created["ticket"]["number"], 10001);
    assert_eq!(events.next()["kind"], "handoff");
    // A change made by another process on the same desk reaches the stream.
    desk.run(&["tickets", "note", "10001", "-m", "Seen from afar"]);
    let note = events.next();
    assert_eq!(note["id"], 3);
    assert_eq!(note["kind"], "ticket.note");
    assert_eq!(note["entries"][0]["body"], "Seen from afar");
}

/// A stream of changes is never one document: `-o json` and `-o yaml` are
/// usage errors naming the format that streams, before anything is read, as
/// for `tickets list --watch`; `-o name` prints each event's id.
#[test]
fn deskctl_events_refuses_a_document_format_and_prints_ids_by_name() {
    let desk = configured(desk!());
    for (command, format) in [("events", "json"), ("events", "yaml"), ("--watch", "yaml")] {
        let args: &[&str] = match command {
            "events" => &["events", "--after", "0", "-o", format],
            _ => &["tickets", "list", "--watch", "-o", format],
        };
        // A stream that is not refused would run until killed.
        desk.cmd()
            .args(args)
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains(format!(
                "{command} cannot print -o {format}: use -o jsonl for a stream of changes"
            )));
    }
    send_handoff(&desk, "parcel");
    let mut command = desk.std_cmd();
    command.args(["events", "--after", "0", "-o", "name"]);
    let events = Running::start(command);
    let line = |events: &Running| {
        events
            .lines
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the command printed nothing for a minute")
    };
    assert_eq!(line(&events), "1");
    assert_eq!(line(&events), "2");
}

/// On a terminal `deskctl events` prints a row per event for people, never
/// the JSON a pipe gets.
#[test]
fn deskctl_events_on_a_terminal_prints_a_row_per_event() {
    if !crate::common::have_tool("tmux") {
        return;
    }
    let desk = configured(desk!());
    let terminal = crate::common::Tmux::start(&desk, 100, 20);
    terminal.type_line(&format!("{} events", crate::common::BIN));
    terminal.wait_for("Watching events on");
    send_handoff(&desk, "parcel");
    let screen = terminal.wait_for("handoff hof_");
    let created = screen
        .lines()
        .find(|line| line.contains("ticket.created"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(created.contains("10001"), "{screen}");
    assert!(!screen.contains("{\"id\""), "{screen}");
    terminal.press("C-c");
}

/// On a terminal, a watched change is a row like the list's: one line that
/// fits the width, never the tab-separated record a pipe gets.
#[test]
fn tickets_list_watch_on_a_terminal_prints_changes_as_rows_that_fit() {
    if !crate::common::have_tool("tmux") {
        return;
    }
    let desk = configured(desk!());
    send_handoff(&desk, "parcel with a subject long enough to be cut short");
    let terminal = crate::common::Tmux::start(&desk, 60, 20);
    terminal.type_line(&format!("{} tickets list --watch", crate::common::BIN));
    terminal.wait_for("Watching for changes");
    desk.run(&["tickets", "priority", "10001", "urgent"]);
    let screen = terminal.wait_for("urgent");
    let row = screen
        .lines()
        .find(|line| line.contains("urgent"))
        .unwrap()
        .to_string();
    assert!(row.contains("10001") && row.contains('…'), "{screen}");
    assert!(!row.contains('\t') && row.chars().count() <= 60, "{screen}");
    // The row is not wrapped onto a second line.
    let below = screen.lines().skip_while(|line| *line != row).nth(1);
    assert!(below.is_none_or(|line| line.trim().is_empty()), "{screen}");
    terminal.press("C-c");
}

/// The unassigned view, watched, as JSON lines.
const WATCH_UNASSIGNED: &[&str] = &[
    "tickets",
    "list",
    "--view",
    "unassigned",
    "--watch",
    "-o",
    "jsonl",
];

#[test]
fn tickets_list_watch_prints_the_list_then_a_line_per_change() {
    let desk = configured(desk!());
    send_handoff(&desk, "parcel");
    let mut command = desk.std_cmd();
    command.args(WATCH_UNASSIGNED);
    let watch = Running::start(command);
    let listed = watch.next();
    assert_eq!(listed["number"], 10001);
    assert!(listed["assignee"].is_null());

    send_handoff(&desk, "invoice");
    let new = watch.next();
    assert_eq!(new["number"], 10002, "a new ticket in the view");
    desk.run(&["tickets", "assign", "10001", "--to", "bob"]);
    let left = watch.next();
    assert_eq!(left["number"], 10001, "a shown ticket leaving the view");
    assert_eq!(left["assignee"], "bob");
    // Out of the view now: its changes are not shown; the view's are.
    desk.run(&["tickets", "note", "10001", "-m", "Not in this view"]);
    desk.run(&["tickets", "priority", "10002", "urgent"]);
    let changed = watch.next();
    assert_eq!(changed["number"], 10002);
    assert_eq!(changed["priority"], "urgent");
}

/// A shown ticket the operator may no longer see is a line of its own, so a
/// program keeping the list drops it (it once went to stderr alone).
#[test]
fn tickets_list_watch_tells_a_program_when_a_ticket_leaves_what_it_may_see() {
    let desk = configured(desk!());
    send_handoff(&desk, "parcel"); // 10001, support: bob's team
    let port = crate::common::unclaimed_port();
    let mut server = serve_on(&desk, port);
    let watch = Running::start(over_http(&desk, "bob", port, WATCH_UNASSIGNED));
    assert_eq!(watch.next()["number"], 10001);

    desk.run(&["tickets", "assign", "10001", "--team", "billing"]);
    assert_eq!(watch.next(), json!({"number": 10001, "hidden": true}));
    // Its later changes are not bob's; those of his view still are.
    desk.run(&["tickets", "note", "10001", "-m", "Billing's now"]);
    send_handoff(&desk, "parcel again");
    assert_eq!(watch.next()["number"], 10002);
    let _ = server.kill();
    let _ = server.wait();
}

/// `deskctl serve` on `port`, once it listens.
fn serve_on(desk: &Desk, port: u16) -> std::process::Child {
    use std::io::BufRead;
    let mut child = desk
        .std_cmd()
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.contains(&port.to_string()), "serve printed {line:?}");
    child
}

/// `command` run against the desk served at `port` as `handle`, with their
/// token, not the desk's database.
fn over_http(desk: &Desk, handle: &str, port: u16, args: &[&str]) -> std::process::Command {
    let mut command = desk.std_cmd();
    command
        .env_remove("DESKCTL_DESK")
        .env_remove("DESKCTL_DATABASE_URL")
        .env("DESKCTL_TOKEN", desk.token(handle))
        .args(["--server", &format!("http://127.0.0.1:{port}")])
        .args(args);
    command
}

/// Kills `server` and, once it is gone, runs `meanwhile`: the restarted
/// service on the same port.
fn restart(
    desk: &Desk,
    port: u16,
    mut server: std::process::Child,
    meanwhile: impl FnOnce(),
) -> std::process::Child {
    let _ = server.kill();
    let _ = server.wait();
    meanwhile();
    serve_on(desk, port)
}

#[test]
fn an_operator_watching_over_http_misses_nothing_across_a_server_restart() {
    let desk = configured(desk!());
    let port = crate::common::unclaimed_port();
    let server = serve_on(&desk, port);
    // From the first event: the handoffs below may land before the stream is
    // open, and the command would rightly not show them.
    let events = Running::start(over_http(&desk, "bob", port, &["events", "--after", "0"]));
    send_handoff(&desk, "invoice"); // billing: not bob's to see
    send_handoff(&desk, "parcel"); // support: bob's team
    let first = events.next();
    assert_eq!(first["kind"], "ticket.created");
    assert_eq!(
        first["ticket"]["number"], 10002,
        "carol's team's ticket is not shown"
    );
    assert_eq!(events.next()["kind"], "handoff");

    // The service goes away; meanwhile a change lands in the database.
    let mut server = restart(&desk, port, server, || {
        desk.run(&[
            "tickets",
            "note",
            "10002",
            "-m",
            "While the server was down",
        ]);
    });
    let resumed = events.next();
    assert_eq!(resumed["kind"], "ticket.note");
    assert_eq!(resumed["entries"][0]["body"], "While the server was down");
    let _ = server.kill();
    let _ = server.wait();
}

/// The reported loss: `deskctl events` started with the next change, and the
/// service restarted before any event arrived. What changed while it was
/// down is printed, before what changed after.
#[test]
fn deskctl_events_misses_nothing_made_while_it_reconnects_before_its_first_event() {
    let desk = configured(desk!());
    send_handoff(&desk, "parcel"); // events 1 and 2, before the stream opens
    let port = crate::common::unclaimed_port();
    let server = serve_on(&desk, port);
    let events = Running::start(over_http(&desk, "alice", port, &["events"]));
    events.says("Watching events on");

    let mut server = restart(&desk, port, server, || {
        desk.run(&[
            "tickets",
            "note",
            "10001",
            "-m",
            "While the server was down",
        ]);
    });
    events.says("Reconnected");
    desk.run(&["tickets", "note", "10001", "-m", "After it came back"]);
    let missed = events.next();
    assert_eq!(missed["id"], 3, "{missed:#}");
    assert_eq!(missed["entries"][0]["body"], "While the server was down");
    assert_eq!(events.next()["entries"][0]["body"], "After it came back");
    let _ = server.kill();
    let _ = server.wait();
}

/// On a desk where nothing has happened yet, `tickets list --watch` shows the
/// first tickets even when they came while it reconnected.
#[test]
fn tickets_list_watch_on_a_desk_without_events_misses_none_made_while_it_reconnects() {
    let desk = configured(desk!());
    let port = crate::common::unclaimed_port();
    let server = serve_on(&desk, port);
    let watch = Running::start(over_http(&desk, "alice", port, WATCH_UNASSIGNED));
    watch.says("Watching for changes");

    let mut server = restart(&desk, port, server, || send_handoff(&desk, "parcel"));
    watch.says("Reconnected");
    send_handoff(&desk, "parcel again");
    assert_eq!(watch.next()["number"], 10001, "the desk's first ticket");
    assert_eq!(watch.next()["number"], 10002);
    let _ = server.kill();
    let _ = server.wait();
}

// ---------------------------------------------------------------------------
// `deskctl inbox`: refused without a terminal; live in one
// ---------------------------------------------------------------------------

#[test]
fn the_inbox_refuses_without_a_terminal_and_names_what_to_use() {
    let desk = configured(desk!());
    desk.cmd()
        .arg("inbox")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "inbox is full-screen: it needs a terminal",
        ))
        .stderr(predicates::str::contains("tickets list --watch"));
}

#[test]
fn the_inbox_shows_a_handoff_from_another_process_within_a_second_and_restores_the_terminal() {
    if !crate::common::have_tool("tmux") {
        return;
    }
    let desk = configured(desk!());
    send_handoff(&desk, "parcel");
    let tmux = crate::common::Tmux::start(&desk, 80, 24);
    tmux.type_line(&format!("{} inbox; echo \"exit=$?.\"", crate::common::BIN));
    tmux.wait_for_all(&["unassigned 1", "10001", "owner (local desk)"]);
    send_handoff(&desk, "parcel again");
    let sent = std::time::Instant::now();
    let screen = crate::common::wait_until(
        "the new ticket on the screen",
        std::time::Duration::from_secs(1),
        || Some(tmux.screen()).filter(|s| s.contains("unassigned 2") && s.contains("10002")),
    );
    assert!(
        sent.elapsed() < std::time::Duration::from_secs(1),
        "{screen}"
    );
    // Keys: down to 10001 (its timeline shows), then q.
    tmux.press("j");
    tmux.wait_for("#10001");
    tmux.press("q");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 0, "{screen}");
    assert!(
        !screen.contains("unassigned 2"),
        "the terminal is restored (the alternate screen is gone): {screen}"
    );
}

/// `deskctl inbox` in `tmux` against the served desk at `port`, as `handle`
/// (their token read from a file, never typed in argv), once its list shows.
fn inbox_as(desk: &Desk, handle: &str, port: u16, columns: u16, rows: u16) -> crate::common::Tmux {
    let token = desk.dir.path().join(format!("{handle}.token"));
    std::fs::write(&token, desk.token(handle)).unwrap();
    let tmux = crate::common::Tmux::start(desk, columns, rows);
    tmux.type_line(&format!(
        "env -u DESKCTL_DESK -u DESKCTL_DATABASE_URL DESKCTL_TOKEN=\"$(cat {})\" \
         {} --server http://127.0.0.1:{port} inbox; echo \"exit=$?.\"",
        token.display(),
        crate::common::BIN
    ));
    tmux.wait_for(&format!("{handle} ("));
    tmux
}

/// The ticket as the API shows it now.
fn ticket_json(desk: &Desk, number: u64) -> Value {
    let out = desk.run(&["tickets", "show", &number.to_string(), "-o", "json"]);
    serde_json::from_str(&out).unwrap()
}

#[test]
fn keys_in_the_inbox_take_and_note_a_ticket_through_the_api_at_200_by_50() {
    if !crate::common::have_tool("tmux") {
        return;
    }
    let desk = configured(desk!());
    send_handoff(&desk, "parcel");
    let port = crate::common::unclaimed_port();
    let mut server = serve_on(&desk, port);
    let tmux = inbox_as(&desk, "bob", port, 200, 50);
    // bob's first view is mine (empty); tab to unassigned, where 10001 is.
    tmux.wait_for_all(&["unassigned 1", "mine 0", "bob (operator)", "live"]);
    tmux.press("Tab");
    tmux.wait_for("#10001");
    tmux.press("t");
    let screen = tmux.wait_for("Took ticket 10001");
    tmux.wait_for("mine 1");
    assert!(!screen.contains("Refused"), "{screen}");
    tmux.press("BTab"); // back to mine, where it is now
    tmux.wait_for("#10001");
    tmux.press("n");
    tmux.wait_for("Internal note on ticket 10001");
    tmux.type_text("Asked the warehouse");
    tmux.press("Enter");
    tmux.wait_for("Added a note to ticket 10001");
    // The timeline on the right grew by the note, from the event.
    tmux.wait_for("bob: note: Asked the warehouse");
    // An operator assigns only to themselves: the picker lists everyone
    // (bob, who holds it, selected), and the service refuses anyone else.
    tmux.press("a");
    // Availability and load shown.
    tmux.wait_for_all(&["Assign ticket 10001 to", "online", "open"]);
    tmux.press("Down");
    tmux.press("Enter");
    tmux.wait_for("Refused: ");
    // A reply is asked first; n sends nothing.
    tmux.press("r");
    tmux.wait_for("Reply to the customer of ticket 10001");
    tmux.type_text("On its way");
    tmux.press("Enter");
    tmux.wait_for("Send this reply by email to dana@example.com on ticket 10001?");
    tmux.press("n");
    tmux.wait_for("Not sent.");
    tmux.press("q");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 0, "{screen}");

    // Through the API: taken by bob, the note there, no reply sent.
    let ticket = ticket_json(&desk, 10001);
    assert_eq!(ticket["ticket"]["assignee"], "bob", "{ticket:#}");
    let timeline = ticket["timeline"].as_array().unwrap();
    assert!(
        timeline
            .iter()
            .any(|e| e["kind"] == "note" && e["body"] == "Asked the warehouse"),
        "{ticket:#}"
    );
    assert!(
        !timeline.iter().any(|e| e["body"] == "On its way"),
        "the reply was not sent: {ticket:#}"
    );
    assert_eq!(ticket["ticket"]["status"], "open", "{ticket:#}");
    let _ = server.kill();
    let _ = server.wait();
}

#[test]
fn the_inbox_reconnects_after_a_server_restart_and_an_operator_sees_only_their_tickets() {
    if !crate::common::have_tool("tmux") {
        return;
    }
    let desk = configured(desk!());
    send_handoff(&desk, "parcel"); // 10001, support: bob's team
    send_handoff(&desk, "invoice"); // 10002, billing: not bob's to see
    let port = crate::common::unclaimed_port();
    let server = serve_on(&desk, port);
    let tmux = inbox_as(&desk, "bob", port, 80, 24);
    let screen = tmux.wait_for_all(&["unassigned 1", "all 1"]);
    assert!(!screen.contains("10002"), "carol's team's ticket: {screen}");

    // No event has reached the inbox yet: what happens while it is away
    // arrives all the same once it is back.
    let mut server = restart(&desk, port, server, || {
        tmux.wait_for("reconnecting");
        send_handoff(&desk, "parcel meanwhile"); // 10003: support
    });
    let screen = tmux.wait_until_screen("connected again", |s| {
        s.contains("· live") && !s.contains("reconnecting")
    });
    assert!(screen.contains("bob (operator)"), "{screen}");
    tmux.wait_for_all(&["unassigned 2", "all 2"]);
    send_handoff(&desk, "parcel again"); // 10004: support
    send_handoff(&desk, "invoice again"); // 10005: billing
    tmux.wait_for("unassigned 3");
    tmux.press("Tab");
    let screen = tmux.wait_for_all(&["10003", "10004", "all 3"]);
    assert!(
        !screen.contains("10005") && !screen.contains("10002"),
        "billing's tickets stay hidden: {screen}"
    );
    tmux.press("q");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 0, "{screen}");
    let _ = server.kill();
    let _ = server.wait();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_team_removed_and_an_operator_removed_by_a_configuration_change_are_events_too() {
    let desk = configured(desk!());
    let owner = desk.token("alice");
    send_handoff(&desk, "invoice"); // 10001: billing
    send_handoff(&desk, "parcel"); // 10002: support
    desk.run(&["tickets", "assign", "10002", "--to", "bob"]);
    desk.run(&["tickets", "resolve", "10001"]);
    desk.run(&["tickets", "reopen", "10001"]);
    let (store, router) = served(&desk).await;
    // The rule routing to billing goes first (a team a rule names stays).
    let rules = desk.run(&["rules", "list", "-o", "json"]);
    let rules: Value = serde_json::from_str(&rules).unwrap();
    let rule = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r.to_string().contains("billing"))
        .unwrap();
    desk.run(&["rules", "remove", rule["id"].as_str().unwrap(), "--yes"]);
    let before = store.event_bounds().await.unwrap().last;
    // Billing and bob go in configuration changes (as `apply --prune` removes
    // them), not through DELETE /v1/teams and /v1/operators, which move or
    // release their tickets first. Billing's ticket is left without a team,
    // as the last team's would be.
    store
        .change_workspace(
            None,
            Some(Box::new(|_, _, _| Ok(None))),
            |ws: &mut deskctl::domain::workspace::Snapshot| {
                deskctl::domain::workspace::change::remove_team(
                    ws,
                    "billing",
                    jiff::Timestamp::now(),
                )
            },
        )
        .await
        .unwrap();
    store
        .change_workspace(
            None,
            None,
            |ws: &mut deskctl::domain::workspace::Snapshot| {
                deskctl::domain::workspace::change::remove_operator(
                    ws,
                    "bob",
                    jiff::Timestamp::now(),
                )
            },
        )
        .await
        .unwrap();
    let mut stream = Stream::open(&router, &owner, &format!("?after={before}"), None)
        .await
        .unwrap();
    let events = stream.take(2).await;
    assert_eq!(
        kinds(&events),
        ["ticket.updated", "ticket.unassigned"],
        "{events:#?}"
    );
    let team = &events[0].data;
    assert_eq!(team["ticket"]["number"], 10001);
    assert_eq!(team["ticket"]["team"], Value::Null);
    assert_eq!(
        team["entries"][0]["body"], "No team now: team billing was removed",
        "{team:#}"
    );
    let released = &events[1].data;
    assert_eq!(released["ticket"]["number"], 10002);
    assert_eq!(released["ticket"]["assignee"], Value::Null);
    assert_eq!(
        released["entries"][0]["body"],
        "Unassigned from bob: the operator was removed"
    );
    // On the tickets' timelines too.
    let shown = desk.run(&["tickets", "show", "10002", "-o", "json"]);
    assert!(shown.contains("Unassigned from bob"), "{shown}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_replies_and_an_operator_removed_are_events_too() {
    let desk = configured(desk!());
    let owner = desk.token("alice");
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let receive = |message: &str| {
        desk.cmd()
            .args(["inbox", "receive"])
            .write_stdin(message.replace('\n', "\r\n"))
            .assert()
            .success();
    };
    receive(
        "From: Dana <dana@example.com>\nTo: help@example.com\nSubject: Invoice 99 is wrong\n\
         Message-ID: <first@mail.example.com>\n\nThe total is off by 10.\n",
    );
    desk.run(&["tickets", "assign", "10001", "--to", "bob"]);
    receive(
        "From: Dana <dana@example.com>\nTo: help@example.com\nSubject: Re: Invoice 99 is wrong\n\
         Message-ID: <second@mail.example.com>\nIn-Reply-To: <first@mail.example.com>\n\n\
         Still wrong today.\n",
    );
    desk.run(&["operators", "remove", "bob", "--yes"]);
    let (store, router) = served(&desk).await;
    let events = everything(&store, &router, &owner).await;
    assert_eq!(
        kinds(&events),
        [
            "ticket.created",
            "ticket.assigned",
            "ticket.message",
            "ticket.unassigned",
        ],
        "{events:#?}"
    );
    let message = events.iter().find(|e| e.event == "ticket.message").unwrap();
    assert_eq!(message.data["ticket"]["number"], 10001);
    assert!(
        message.data["entries"][0]["body"]
            .as_str()
            .unwrap()
            .contains("Still wrong today"),
        "{message:#?}"
    );
    let unassigned = events
        .iter()
        .find(|e| e.event == "ticket.unassigned")
        .unwrap();
    assert!(unassigned.data["ticket"]["assignee"].is_null());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ticket_moved_to_another_team_leaves_one_view_and_enters_the_other() {
    let desk = configured(desk!());
    let bob = desk.token("bob");
    let carol = desk.token("carol");
    send_handoff(&desk, "parcel"); // 10001, support: bob's team
    let (_store, router) = served(&desk).await;
    let mut bobs = Stream::open(&router, &bob, "", None).await.unwrap();
    let mut carols = Stream::open(&router, &carol, "", None).await.unwrap();
    desk.run(&["tickets", "assign", "10001", "--team", "billing"]);
    // Bob could see it in support's unassigned tickets: now he cannot.
    let event = bobs.next().await;
    assert_eq!(
        (event.event.as_str(), event.data["ticket_number"].as_u64()),
        ("ticket.hidden", Some(10001))
    );
    // Carol sees it arrive among billing's, with what moved it.
    let event = carols.next().await;
    assert_eq!(event.event, "ticket.updated");
    assert_eq!(event.data["ticket"]["team"], "billing");
    assert_eq!(event.data["entries"][0]["event"], "team-changed");
    assert_eq!(event.data["entries"][0]["body"], "Team support → billing");

    // Given to bob outside his teams, then taken back: he hears it left (the
    // stream once ended here, reading "visible now" as NULL).
    desk.run(&["tickets", "assign", "10001", "--to", "bob", "--force"]);
    desk.run(&["tickets", "unassign", "10001"]);
    let events = bobs.take(2).await;
    assert_eq!(kinds(&events), ["ticket.assigned", "ticket.hidden"]);
}
