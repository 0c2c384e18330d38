//! `/v1/config` and `/v1/handoffs/what-if` through the router: export with a
//! revision, plans, revision-guarded atomic applies, prune, secrets, roles,
//! and what a document would change about handoff routing.

use crate::common::{error_fields, sqlite};
use axum::Router;
use axum::body::Body;
use deskctl::server::store::Open;
use deskctl::server::{AppState, LocalDesk, Store, router};
use http::header::{AUTHORIZATION, CONTENT_TYPE, ETAG, IF_MATCH, IF_NONE_MATCH};
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

const EMAIL_PASSWORD: &str = "smtp-pass-Zq8-never-shown";
const DELIVERY_SECRET: &str = "delivery-secret-Kx4-never-shown";
const ZENDESK_TOKEN: &str = "zd-token-Qm7-never-shown";
const ZENDESK_WEBHOOK_SECRET: &str = "zd-webhook-Lp3-never-shown";

/// The variables an export names, with the secrets they hold.
const EXPORT_VARIABLES: [(&str, &str); 4] = [
    ("DESKCTL_EMAIL_PASSWORD", EMAIL_PASSWORD),
    ("DESKCTL_DELIVERY_SECRET", DELIVERY_SECRET),
    ("DESKCTL_ZENDESK_API_TOKEN", ZENDESK_TOKEN),
    ("DESKCTL_ZENDESK_WEBHOOK_SECRET", ZENDESK_WEBHOOK_SECRET),
];

struct Reply {
    status: StatusCode,
    etag: Option<String>,
    json: Value,
}

impl Reply {
    #[track_caller]
    fn ok(self) -> Value {
        assert_eq!(self.status, StatusCode::OK, "{:#}", self.json);
        self.json
    }

    #[track_caller]
    fn problem(self, status: StatusCode, code: &str) -> Value {
        assert_eq!(self.status, status, "{:#}", self.json);
        assert_eq!(self.json["code"], code, "{:#}", self.json);
        self.json
    }
}

struct Desk {
    _dir: tempfile::TempDir,
    router: Router,
    local: LocalDesk,
}

impl Desk {
    async fn new() -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite");
        let router = router(AppState {
            store: Store::open(&sqlite(&path), Open::CreateIfMissing, crate::common::keys())
                .await
                .unwrap(),
        });
        let local = LocalDesk::open(&sqlite(&path), Open::CreateIfMissing, crate::common::keys())
            .await
            .unwrap();
        Desk {
            _dir: dir,
            router,
            local,
        }
    }

    /// A request with an optional token (none: the in-process owner) and If-Match.
    async fn send(
        &self,
        token: Option<&str>,
        method: &str,
        uri: &str,
        body: Option<&Value>,
        if_match: Option<&str>,
    ) -> Reply {
        let mut builder = Request::builder().method(method).uri(uri);
        if let Some(token) = token {
            builder = builder.header(AUTHORIZATION, format!("Bearer {token}"));
        }
        if let Some(revision) = if_match {
            builder = builder.header(IF_MATCH, revision);
        }
        let request = match body {
            Some(body) => builder
                .header(CONTENT_TYPE, "application/json")
                .body(Body::from(serde_json::to_vec(body).unwrap()))
                .unwrap(),
            None => builder.body(Body::empty()).unwrap(),
        };
        let response = match token {
            Some(_) => self.router.clone().oneshot(request).await.unwrap(),
            None => self.local.call(request).await,
        };
        let (parts, body) = response.into_parts();
        let bytes = body.collect().await.unwrap().to_bytes();
        Reply {
            status: parts.status,
            etag: parts
                .headers
                .get(ETAG)
                .map(|v| v.to_str().unwrap().to_string()),
            json: if bytes.is_empty() {
                Value::Null
            } else {
                serde_json::from_slice(&bytes).unwrap()
            },
        }
    }

    async fn owner(&self, method: &str, uri: &str, body: Option<Value>) -> Reply {
        self.send(None, method, uri, body.as_ref(), None).await
    }

    /// The revision, and the document as `deskctl export` writes it: the
    /// service's, its secrets named by the references it sends beside it.
    async fn export(&self) -> (String, Value) {
        let reply = self.owner("GET", "/v1/config", None).await;
        let etag = reply.etag.clone().expect("GET /v1/config has an ETag");
        let body = reply.ok();
        assert_eq!(etag, format!("\"{}\"", body["revision"].as_str().unwrap()));
        let config: deskctl::api::WorkspaceConfig = serde_json::from_value(body.clone()).unwrap();
        let document = deskctl::domain::workspace::document::with_references(
            config.document,
            &config.secret_references,
        );
        (
            body["revision"].as_str().unwrap().to_string(),
            serde_json::to_value(document).unwrap(),
        )
    }

    async fn revision(&self) -> String {
        self.export().await.0
    }

    async fn plan(&self, document: &Value, prune: bool) -> Value {
        self.owner(
            "POST",
            "/v1/config/plan",
            Some(json!({ "document": document, "prune": prune })),
        )
        .await
        .ok()
    }

    async fn apply_at(&self, document: &Value, prune: bool, revision: &str) -> Reply {
        self.send(
            None,
            "PUT",
            "/v1/config",
            Some(&json!({ "document": document, "prune": prune })),
            Some(&format!("\"{revision}\"")),
        )
        .await
    }

    /// Plans, then applies at the planned revision.
    async fn apply(&self, document: &Value, prune: bool) -> Value {
        let plan = self.plan(document, prune).await;
        let revision = plan["revision"].as_str().unwrap().to_string();
        self.apply_at(document, prune, &revision).await.ok()
    }

    async fn token(&self, handle: &str, role: &str) -> String {
        self.owner(
            "POST",
            "/v1/operators",
            Some(json!({"handle": handle, "name": handle, "email": format!("{handle}@example.com"), "role": role})),
        )
        .await;
        let created = self
            .owner(
                "POST",
                "/v1/tokens",
                Some(json!({ "kind": "operator", "operator": handle })),
            )
            .await;
        created.json["secret"].as_str().unwrap().to_string()
    }
}

fn summary(plan: &Value) -> (u64, u64, u64, u64) {
    let s = &plan["summary"];
    (
        s["add"].as_u64().unwrap(),
        s["change"].as_u64().unwrap(),
        s["remove"].as_u64().unwrap(),
        s["unmanaged"].as_u64().unwrap(),
    )
}

/// A realistic workspace, secrets resolved to their values as the CLI sends them.
fn realistic() -> Value {
    json!({
        "apiVersion": "deskctl/v1",
        "kind": "Desk",
        "operators": [
            {"handle": "alice", "name": "Alice Smith", "email": "alice@example.com", "role": "owner"},
            {"handle": "bob", "name": "Bob Jones", "email": "bob@example.com", "capacity": 5,
             "signature": "Bob, Acme Support", "teams": ["billing"]},
            {"handle": "carol", "name": "Carol White", "email": "carol@example.com", "role": "manager"}
        ],
        "teams": [
            {"key": "support", "name": "Support", "default": true, "members": ["alice", "carol"]},
            {"key": "billing", "name": "Billing", "members": ["carol"]}
        ],
        "ticket-fields": [
            {"key": "order-id", "name": "Order", "type": "text"},
            {"key": "plan", "name": "Plan", "type": "dropdown", "options": ["free", "pro"]}
        ],
        "assignment": {"method": "round-robin", "support-inbox": {"enabled": true, "address": "help@acme.example"}},
        "business-hours": {"enabled": true, "timezone": "Europe/Berlin", "days": ["friday", "monday"],
                           "start": "08:00", "end": "18:00", "holidays": ["2026-12-25"]},
        "notifications": {"email-owners-on-human-request": true},
        "handoff": {"preview-in-non-production": false},
        "email": {"host": "smtp.acme.example", "username": "desk", "password": EMAIL_PASSWORD,
                  "from": "Acme Support <support@acme.example>"},
        "delivery": {"url": "https://ai.acme.example/desk/events", "secret": DELIVERY_SECRET},
        "rules": {
            "priority": [
                {"name": "VIP", "conditions": [{"field": "context.plan", "op": "equals", "value": "pro"}], "priority": "high"},
                {"conditions": [{"field": "reason", "op": "equals", "value": "explicit-request"}], "priority": "urgent"}
            ],
            "assignment": [
                {"name": "Money", "match": "any", "conditions": [
                    {"field": "context.order-id", "op": "exists"},
                    {"field": "channel", "op": "in", "values": ["email", "whatsapp"]}
                ], "team": "billing"}
            ]
        },
        "agents": [
            {"key": "shop", "name": "Shop assistant", "handover": {"channels": ["web", "email"], "default-priority": "low"}},
            {"key": "faq", "name": "FAQ bot"}
        ]
    })
}

/// The exported document with its `${env:…}` references resolved, as
/// `deskctl apply` does with [`EXPORT_VARIABLES`] set.
fn resolved(exported: Value) -> Value {
    let text = exported.to_string();
    assert!(text.contains("${env:DESKCTL_EMAIL_PASSWORD}"), "{text}");
    assert!(text.contains("${env:DESKCTL_DELIVERY_SECRET}"), "{text}");
    resolve_references(exported)
}

fn resolve_references(value: Value) -> Value {
    match value {
        Value::String(text) => match text
            .strip_prefix("${env:")
            .and_then(|rest| rest.strip_suffix('}'))
        {
            Some(name) => {
                let (_, secret) = EXPORT_VARIABLES
                    .iter()
                    .find(|(variable, _)| *variable == name)
                    .unwrap_or_else(|| panic!("the export names an unknown variable {name}"));
                json!(secret)
            }
            None => Value::String(text),
        },
        Value::Array(items) => items.into_iter().map(resolve_references).collect(),
        Value::Object(map) => map
            .into_iter()
            .map(|(key, value)| (key, resolve_references(value)))
            .collect(),
        other => other,
    }
}

/// `document` with Zendesk connected, and agent `shop` handing over to it.
fn with_zendesk(mut document: Value) -> Value {
    document["integrations"] = json!([{
        "kind": "zendesk",
        "settings": {"subdomain": "acme", "email": "desk@acme.example"},
        "secrets": {"api-token": ZENDESK_TOKEN, "webhook-secret": ZENDESK_WEBHOOK_SECRET},
        "fields": {"order-id": "360001234"},
        "priorities": {"urgent": "urgent"}
    }]);
    assert_eq!(document["agents"][0]["key"], "shop");
    document["agents"][0]["handover"]["platform"] = json!("zendesk");
    document
}

/// The one change a plan makes to `section`/`resource`.
#[track_caller]
fn change_of<'a>(plan: &'a Value, section: &str, resource: &str) -> &'a Value {
    plan["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["section"] == section)
        .flat_map(|s| s["changes"].as_array().unwrap())
        .find(|c| c["resource"] == resource)
        .unwrap_or_else(|| panic!("no change to {section}/{resource}: {plan:#}"))
}

#[track_caller]
fn assert_no_secret(text: &str) {
    for (_, secret) in EXPORT_VARIABLES {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }
}

#[tokio::test]
async fn a_realistic_document_applies_then_reapplies_and_round_trips_as_no_ops() {
    let desk = Desk::new().await;
    let document = realistic();

    let plan = desk.plan(&document, false).await;
    // 3 operators, 2 teams, 2 fields, 6 settings sections, 2 rule lists, 2 agents.
    assert!(summary(&plan).0 > 10, "{plan:#}");
    assert_eq!(summary(&plan).2, 0, "nothing to remove: {plan:#}");
    let applied = desk.apply(&document, false).await;
    assert!(applied["plan"]["summary"]["add"].as_u64().unwrap() > 0);
    assert_ne!(applied["revision"], plan["revision"]);

    // The workspace now holds what the document says.
    let bob = desk.owner("GET", "/v1/operators/bob", None).await.ok();
    assert_eq!(bob["teams"], json!(["billing"]));
    assert_eq!(bob["capacity"], 5);
    assert_eq!(bob["availability"], "offline");
    let billing = desk.owner("GET", "/v1/teams/billing", None).await.ok();
    assert_eq!(billing["members"], json!(["bob", "carol"]));
    let support = desk.owner("GET", "/v1/teams/support", None).await.ok();
    assert_eq!(support["default"], true);
    let rules = desk.owner("GET", "/v1/rules/priority", None).await.ok();
    assert_eq!(rules.as_array().unwrap().len(), 2);
    assert_eq!(rules[0]["name"], "VIP");
    let hours = desk
        .owner("GET", "/v1/settings/business-hours", None)
        .await
        .ok();
    assert_eq!(hours["days"], json!(["monday", "friday"]));
    let email = desk.owner("GET", "/v1/settings/email", None).await.ok();
    assert_eq!(email["password-set"], true);

    // The same document again: nothing to do, and the revision stays.
    let revision = desk.revision().await;
    let again = desk.apply(&document, false).await;
    assert_eq!(summary(&again["plan"]), (0, 0, 0, 0), "{again:#}");
    assert_eq!(again["revision"], revision.as_str());

    // Export, then apply the export: still nothing to do.
    let (_, exported) = desk.export().await;
    assert_eq!(
        crate::common::schema_errors(&exported),
        Vec::<String>::new(),
        "{exported:#}"
    );
    let round_trip = desk.apply(&resolved(exported), false).await;
    assert_eq!(summary(&round_trip["plan"]), (0, 0, 0, 0), "{round_trip:#}");
    assert_eq!(desk.revision().await, revision);
}

/// jiff finds a time zone whatever its case; the service stores it as the
/// time zone database spells it, so how it was typed is never a change.
#[tokio::test]
async fn a_time_zone_is_stored_as_the_database_spells_it_however_it_was_typed() {
    let desk = Desk::new().await;
    let put = desk
        .owner(
            "PUT",
            "/v1/settings/business-hours",
            Some(json!({"enabled": true, "timezone": "america/new_york"})),
        )
        .await
        .ok();
    assert_eq!(put["timezone"], "America/New_York");
    let got = desk
        .owner("GET", "/v1/settings/business-hours", None)
        .await
        .ok();
    assert_eq!(got["timezone"], "America/New_York");

    let spelt = |zone: &str| {
        json!({
            "apiVersion": "deskctl/v1",
            "kind": "Desk",
            "business-hours": {"enabled": true, "timezone": zone},
        })
    };
    let plan = desk.plan(&spelt("EUROPE/BERLIN"), false).await;
    let change = change_of(&plan, "business-hours", "");
    let timezone = change["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "timezone")
        .unwrap_or_else(|| panic!("{plan:#}"));
    assert_eq!(timezone["new"], "Europe/Berlin", "{plan:#}");
    desk.apply(&spelt("EUROPE/BERLIN"), false).await;
    let (_, exported) = desk.export().await;
    assert_eq!(exported["business-hours"]["timezone"], "Europe/Berlin");
    for zone in ["Europe/Berlin", "EUROPE/BERLIN", "europe/berlin"] {
        let plan = desk.plan(&spelt(zone), false).await;
        assert_eq!(summary(&plan), (0, 0, 0, 0), "{zone}: {plan:#}");
    }
}

#[tokio::test]
async fn a_document_may_be_larger_than_any_other_body_up_to_its_own_limit() {
    use deskctl::api::MAX_DOCUMENT_BODY_BYTES;
    use deskctl::server::MAX_BODY_BYTES;
    let desk = Desk::new().await;
    let head = || json!({"apiVersion": "deskctl/v1", "kind": "Desk"});
    // Past the 1 MiB of other bodies, a document is read (a plan finds its
    // name too long; what-if lays it over without checking names).
    let mut document = head();
    document["teams"] =
        json!([{"key": "t", "name": "n".repeat(2 * MAX_BODY_BYTES), "default": true}]);
    for path in ["/v1/config/plan", "/v1/handoffs/what-if"] {
        let mut body = json!({ "document": document });
        if path.ends_with("what-if") {
            body["handoffs"] = json!([]);
        }
        let reply = desk.owner("POST", path, Some(body)).await;
        let read = if path.ends_with("plan") {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        };
        assert_eq!(reply.status, read, "{path}: {:#}", reply.json);
    }
    // Past its own limit, refused, the detail naming it; other requests keep theirs.
    let mut document = head();
    document["teams"] =
        json!([{"key": "t", "name": "n".repeat(MAX_DOCUMENT_BODY_BYTES), "default": true}]);
    let refused = [
        (
            "/v1/config/plan",
            json!({ "document": document }),
            "32 MiB (33554432 bytes)",
        ),
        (
            "/v1/teams",
            json!({"key": "t", "name": "n".repeat(2 * MAX_BODY_BYTES)}),
            "1 MiB (1048576 bytes)",
        ),
    ];
    for (path, body, limit) in refused {
        let problem = desk
            .owner("POST", path, Some(body))
            .await
            .problem(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large");
        let detail = problem["detail"].as_str().unwrap();
        assert!(detail.contains(limit), "{path}: {problem:#}");
    }
    assert_eq!(summary(&desk.plan(&head(), false).await).0, 0);
}

#[tokio::test]
async fn a_stale_revision_applies_nothing() {
    let desk = Desk::new().await;
    desk.apply(&realistic(), false).await;
    let mut changed = realistic();
    changed["teams"][1]["name"] = json!("Billing and refunds");
    let plan = desk.plan(&changed, false).await;
    let planned_at = plan["revision"].as_str().unwrap().to_string();

    // Someone changes the workspace between plan and apply.
    desk.owner("PATCH", "/v1/agents/faq", Some(json!({"name": "Help bot"})))
        .await
        .ok();
    let (revision, before) = desk.export().await;
    assert_ne!(revision, planned_at);

    let problem = desk
        .apply_at(&changed, false, &planned_at)
        .await
        .problem(StatusCode::PRECONDITION_FAILED, "revision_mismatch");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("nothing was applied"),
        "{problem:#}"
    );
    assert_eq!(desk.export().await, (revision.clone(), before));

    // No If-Match at all is refused too, and an unreadable one.
    desk.send(
        None,
        "PUT",
        "/v1/config",
        Some(&json!({ "document": changed })),
        None,
    )
    .await
    .problem(StatusCode::PRECONDITION_REQUIRED, "revision_required");
    desk.send(
        None,
        "PUT",
        "/v1/config",
        Some(&json!({ "document": changed })),
        Some("yesterday"),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(desk.revision().await, revision);
}

/// `If-Match` as RFC 9110 §13.1.1 reads it: a list applies when the
/// workspace is at any revision it names, `*` whatever the revision; a list
/// naming none of the current applies nothing. `If-None-Match` naming the
/// current revision answers 304, without the document.
#[tokio::test]
async fn if_match_takes_a_list_or_any_and_if_none_match_answers_unchanged() {
    let desk = Desk::new().await;
    desk.apply(&realistic(), false).await;
    let (revision, _) = desk.export().await;
    let mut changed = realistic();
    changed["teams"][1]["name"] = json!("Billing and refunds");
    let shared = &desk;
    let apply = move |document: &Value, if_match: String| {
        let body = json!({ "document": document });
        let desk = shared;
        async move {
            desk.send(None, "PUT", "/v1/config", Some(&body), Some(&if_match))
                .await
        }
    };
    let applied = apply(&changed, format!("\"v1\", W/\"{revision}\""))
        .await
        .ok();
    let moved = applied["revision"].as_str().unwrap().to_string();
    assert_ne!(moved, revision);

    changed["teams"][1]["name"] = json!("Billing");
    apply(&changed, format!("\"{revision}\", \"v1\""))
        .await
        .problem(StatusCode::PRECONDITION_FAILED, "revision_mismatch");
    apply(&changed, "\"v1\"".into())
        .await
        .problem(StatusCode::PRECONDITION_FAILED, "revision_mismatch");
    assert_eq!(desk.revision().await, moved);
    apply(&changed, "*".into()).await.ok();
    let (now, document) = desk.export().await;
    let names: Vec<&Value> = document["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| &t["name"])
        .collect();
    assert!(names.contains(&&json!("Billing")), "{names:?}");

    let read_if_none_match = |tag: &str| {
        let request = Request::builder()
            .uri("/v1/config")
            .header(IF_NONE_MATCH, tag)
            .body(Body::empty())
            .unwrap();
        desk.local.call(request)
    };
    for unchanged in [
        format!("\"{now}\""),
        format!("\"1\", W/\"{now}\""),
        "*".into(),
    ] {
        let response = read_if_none_match(&unchanged).await;
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED, "{unchanged}");
        assert_eq!(response.headers()[ETAG], format!("\"{now}\"").as_str());
        let body = response.into_body().collect().await.unwrap().to_bytes();
        assert!(body.is_empty(), "{unchanged}: {body:?}");
    }
    for changed_since in [format!("\"{moved}\""), "not a tag".into()] {
        let response = read_if_none_match(&changed_since).await;
        assert_eq!(response.status(), StatusCode::OK, "{changed_since}");
    }
}

#[tokio::test]
async fn the_revision_moves_with_configuration_only() {
    let desk = Desk::new().await;
    desk.apply(&realistic(), false).await;
    let start = desk.revision().await;

    // Availability, handoffs and tickets are not configuration.
    desk.owner(
        "PUT",
        "/v1/operators/bob/availability",
        Some(json!({"availability": "online"})),
    )
    .await
    .ok();
    let sent = desk
        .owner(
            "POST",
            "/v1/handoffs",
            Some(handoff("shop", "web", json!({}))),
        )
        .await;
    assert_eq!(sent.status, StatusCode::CREATED, "{:#}", sent.json);
    // Writing a settings section with the same value changes nothing.
    desk.owner(
        "PUT",
        "/v1/settings/notifications",
        Some(json!({"email-owners-on-human-request": true})),
    )
    .await
    .ok();
    assert_eq!(desk.revision().await, start);

    for (method, uri, body) in [
        ("PATCH", "/v1/teams/billing", json!({"name": "Money"})),
        (
            "POST",
            "/v1/ticket-fields",
            json!({"key": "sku", "name": "SKU", "type": "text"}),
        ),
        (
            "PUT",
            "/v1/settings/handoff",
            json!({"preview-in-non-production": true}),
        ),
        (
            "POST",
            "/v1/agents",
            json!({"key": "new-bot", "name": "New"}),
        ),
    ] {
        let before = desk.revision().await;
        let reply = desk.owner(method, uri, Some(body)).await;
        assert!(
            reply.status.is_success(),
            "{method} {uri}: {:#}",
            reply.json
        );
        assert_ne!(
            desk.revision().await,
            before,
            "{method} {uri} moves the revision"
        );
    }
}

#[tokio::test]
async fn prune_removes_exactly_what_the_plan_shows() {
    let desk = Desk::new().await;
    desk.apply(&realistic(), false).await;
    desk.owner(
        "POST",
        "/v1/ticket-fields",
        Some(json!({"key": "sku", "name": "SKU", "type": "text"})),
    )
    .await;
    desk.owner(
        "POST",
        "/v1/agents",
        Some(json!({"key": "legacy", "name": "Legacy bot"})),
    )
    .await;

    let mut smaller = realistic();
    smaller["operators"].as_array_mut().unwrap().remove(2); // carol
    smaller["teams"][0]["members"] = json!(["alice"]);
    smaller["teams"][1]["members"] = json!([]);

    // Without prune the extras are listed as unmanaged and stay.
    let plan = desk.plan(&smaller, false).await;
    assert_eq!(
        sorted(changes(&plan, "unmanaged")),
        ["agents/legacy", "operators/carol", "ticket-fields/sku"]
    );

    let plan = desk.plan(&smaller, true).await;
    let removals = sorted(changes(&plan, "remove"));
    assert_eq!(
        removals,
        ["agents/legacy", "operators/carol", "ticket-fields/sku"]
    );
    let applied = desk.apply(&smaller, true).await;
    assert_eq!(sorted(changes(&applied["plan"], "remove")), removals);

    // Exactly those are gone; everything else is still there.
    for uri in [
        "/v1/agents/legacy",
        "/v1/operators/carol",
        "/v1/ticket-fields/sku",
    ] {
        assert_eq!(
            desk.owner("GET", uri, None).await.status,
            StatusCode::NOT_FOUND,
            "{uri}"
        );
    }
    for uri in [
        "/v1/agents/faq",
        "/v1/operators/bob",
        "/v1/ticket-fields/plan",
        "/v1/teams/billing",
    ] {
        assert_eq!(
            desk.owner("GET", uri, None).await.status,
            StatusCode::OK,
            "{uri}"
        );
    }
    // And the pruned desk re-applies as a no-op.
    let again = desk.apply(&smaller, true).await;
    assert_eq!(summary(&again["plan"]), (0, 0, 0, 0), "{again:#}");
}

/// `section/resource` of every change with `action`.
fn changes(plan: &Value, action: &str) -> Vec<String> {
    plan["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|section| {
            let name = section["section"].as_str().unwrap().to_string();
            section["changes"]
                .as_array()
                .unwrap()
                .iter()
                .filter(move |c| c["action"] == action)
                .map(move |c| format!("{name}/{}", c["resource"].as_str().unwrap()))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn sorted(mut items: Vec<String>) -> Vec<String> {
    items.sort();
    items
}

#[tokio::test]
async fn bad_documents_are_refused_with_their_paths_and_change_nothing() {
    let desk = Desk::new().await;
    desk.apply(&realistic(), false).await;
    let before = desk.export().await;

    let mut bad = realistic();
    bad["teams"][1]["members"] = json!(["nobody"]);
    bad["operators"][0]["email"] = json!("not-an-email");
    bad["rules"]["assignment"][0]["team"] = json!("ghosts");
    bad["ticket-fields"][1]["options"] = json!([]);
    bad["agents"][0]["handover"]["platform"] = json!("jira");
    bad["business-hours"]["timezone"] = json!("Mars/Olympus");
    bad["teams"][1]["default"] = json!(true);

    let reply = desk
        .owner("POST", "/v1/config/plan", Some(json!({ "document": bad })))
        .await;
    let problem = reply.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fields = error_fields(&problem);
    for expected in [
        "teams[1].members[0]",
        "operators[0].email",
        "rules.assignment[0].team",
        "ticket-fields[1].options",
        "agents[0].handover.platform",
        "business-hours.timezone",
        "teams",
    ] {
        assert!(fields.contains(&expected), "{expected} in {fields:?}");
    }
    let revision = before.0.clone();
    desk.apply_at(&bad, false, &revision)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(desk.export().await, before);
}

#[tokio::test]
async fn secrets_never_leave_the_service() {
    let desk = Desk::new().await;
    let applied = desk.apply(&realistic(), false).await;
    let (_, exported) = desk.export().await;
    let mut rotated = resolved(exported.clone());
    rotated["email"]["password"] = json!("a-new-smtp-pass-Zq9");
    let plan = desk.plan(&rotated, false).await;
    let rotation = desk.apply(&rotated, false).await;

    // The change shows as sensitive, with no value on either side.
    let email_change = &plan["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["section"] == "email")
        .expect("the email section changes")["changes"][0];
    let password = email_change["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "password")
        .unwrap();
    assert_eq!(password["sensitive"], true);
    assert!(password.get("old").is_none() && password.get("new").is_none());

    for text in [
        applied.to_string(),
        exported.to_string(),
        plan.to_string(),
        rotation.to_string(),
    ] {
        for secret in [EMAIL_PASSWORD, DELIVERY_SECRET, "a-new-smtp-pass-Zq9"] {
            assert!(!text.contains(secret), "{secret} leaked: {text}");
        }
    }
    // An unresolved reference is refused: the client resolves references.
    let mut unresolved = realistic();
    unresolved["email"]["password"] = json!("${env:SMTP_PASSWORD}");
    let reply = desk
        .owner(
            "POST",
            "/v1/config/plan",
            Some(json!({ "document": unresolved })),
        )
        .await;
    let problem = reply.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(problem["errors"][0]["field"], "email.password");
}

#[tokio::test]
async fn integrations_apply_reapply_export_and_round_trip_without_their_secrets() {
    let desk = Desk::new().await;
    let document = with_zendesk(realistic());

    let plan = desk.plan(&document, false).await;
    let added = change_of(&plan, "integrations", "zendesk");
    assert_eq!(added["action"], "add");
    let token = added["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "secrets.api-token")
        .expect("the plan names the secret it sets");
    assert_eq!(token["sensitive"], true);
    assert!(token.get("new").is_none(), "{token}");
    let applied = desk.apply(&document, false).await;

    // Connected as the document says, and the action hands over to it: the
    // integration was saved before the agent that names it.
    let zendesk = desk
        .owner("GET", "/v1/integrations/zendesk", None)
        .await
        .ok();
    assert_eq!(
        zendesk["settings"],
        json!({"subdomain": "acme", "email": "desk@acme.example"})
    );
    assert_eq!(
        zendesk["secrets"]["api-token"]["fingerprint"],
        crate::common::keys().fingerprints().of(ZENDESK_TOKEN)
    );
    assert_eq!(zendesk["fields"], json!({"order-id": "360001234"}));
    assert_eq!(zendesk["priorities"], json!({"urgent": "urgent"}));
    let shop = desk.owner("GET", "/v1/agents/shop", None).await.ok();
    assert_eq!(shop["handover"]["platform"], "zendesk");

    // The same document again: no change, not even to the secrets.
    let revision = desk.revision().await;
    let again = desk.apply(&document, false).await;
    assert_eq!(summary(&again["plan"]), (0, 0, 0, 0), "{again:#}");
    assert_eq!(again["revision"], revision.as_str());

    // The export names variables for the secrets, and holds none of them.
    let (_, exported) = desk.export().await;
    assert_eq!(
        crate::common::schema_errors(&exported),
        Vec::<String>::new(),
        "{exported:#}"
    );
    let integrations = exported["integrations"].as_array().unwrap();
    assert_eq!(integrations.len(), 1, "{exported:#}");
    assert_eq!(
        integrations[0]["secrets"],
        json!({
            "api-token": "${env:DESKCTL_ZENDESK_API_TOKEN}",
            "webhook-secret": "${env:DESKCTL_ZENDESK_WEBHOOK_SECRET}"
        })
    );
    assert_eq!(
        integrations[0]["settings"],
        document["integrations"][0]["settings"]
    );
    assert_eq!(
        integrations[0]["fields"],
        document["integrations"][0]["fields"]
    );
    for text in [plan.to_string(), applied.to_string(), exported.to_string()] {
        assert_no_secret(&text);
    }

    // With the variables holding the same secrets, the export is a no-op.
    let round_trip = desk.apply(&resolved(exported.clone()), false).await;
    assert_eq!(summary(&round_trip["plan"]), (0, 0, 0, 0), "{round_trip:#}");
    assert_eq!(desk.revision().await, revision);

    // A rotated secret is the only change, and shows no value.
    let mut rotated = resolved(exported);
    rotated["integrations"][0]["secrets"]["api-token"] = json!("zd-token-rotated-Vn2");
    let plan = desk.plan(&rotated, false).await;
    assert_eq!(summary(&plan), (0, 1, 0, 0), "{plan:#}");
    assert_eq!(
        change_of(&plan, "integrations", "zendesk")["fields"],
        json!([{"field": "secrets.api-token", "sensitive": true}])
    );
    let rotation = desk.apply(&rotated, false).await;
    assert_eq!(summary(&rotation["plan"]), (0, 1, 0, 0));
    let zendesk = desk
        .owner("GET", "/v1/integrations/zendesk", None)
        .await
        .ok();
    assert_eq!(
        zendesk["secrets"]["api-token"]["fingerprint"],
        crate::common::keys()
            .fingerprints()
            .of("zd-token-rotated-Vn2")
    );
    assert_eq!(
        zendesk["secrets"]["webhook-secret"]["fingerprint"],
        crate::common::keys()
            .fingerprints()
            .of(ZENDESK_WEBHOOK_SECRET),
        "the secret the document did not change is kept"
    );
    for text in [plan.to_string(), rotation.to_string()] {
        assert!(!text.contains("zd-token-rotated-Vn2"), "{text}");
    }
}

/// A plan sent with `skip_secrets` takes each unresolved reference by the
/// reference: the one a secret was applied from is no change, another is a
/// change, each warned of and never valued. Applying needs the values: the
/// same request with `PUT` is refused at the reference and changes nothing.
#[tokio::test]
async fn a_plan_with_secrets_skipped_plans_references_and_apply_refuses_them() {
    let desk = Desk::new().await;
    let document = with_zendesk(realistic());
    let reference = "${env:ZENDESK_WEBHOOK}";
    let mut applied = document.clone();
    applied["integrations"][0]["secrets"]["webhook-secret"] = json!(ZENDESK_WEBHOOK_SECRET);
    let plan = desk.plan(&applied, false).await;
    let revision = plan["revision"].as_str().unwrap().to_string();
    let body = json!({
        "document": applied,
        "secret_references": {"integrations.zendesk.webhook-secret": reference},
    });
    desk.send(
        None,
        "PUT",
        "/v1/config",
        Some(&body),
        Some(&format!("\"{revision}\"")),
    )
    .await
    .ok();
    let before = desk.export().await;

    let mut skipped = document.clone();
    skipped["integrations"][0]["secrets"]["webhook-secret"] = json!(reference);
    let request = |document: &Value| {
        json!({
            "document": document,
            "skip_secrets": true,
            "secret_references": {"integrations.zendesk.webhook-secret": document["integrations"][0]["secrets"]["webhook-secret"]},
        })
    };
    let same = desk
        .owner("POST", "/v1/config/plan", Some(request(&skipped)))
        .await
        .ok();
    assert_eq!(same["summary"]["change"], 0, "{same}");
    assert!(
        same["warnings"][0]
            .as_str()
            .unwrap()
            .contains("planned as unchanged"),
        "{same}"
    );

    let mut other = skipped.clone();
    other["integrations"][0]["secrets"]["webhook-secret"] = json!("${env:ANOTHER_WEBHOOK}");
    let changed = desk
        .owner("POST", "/v1/config/plan", Some(request(&other)))
        .await
        .ok();
    assert_eq!(changed["summary"]["change"], 1, "{changed}");
    assert!(
        changed["warnings"][0]
            .as_str()
            .unwrap()
            .contains("planned as changed"),
        "{changed}"
    );
    assert_no_secret(&changed.to_string());

    let revision = changed["revision"].as_str().unwrap();
    let refused = desk
        .send(
            None,
            "PUT",
            "/v1/config",
            Some(&request(&other)),
            Some(&format!("\"{revision}\"")),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        refused["errors"][0]["field"],
        "integrations[0].secrets.webhook-secret"
    );
    assert_eq!(desk.export().await, before);
}

#[tokio::test]
async fn bad_integrations_are_refused_at_their_paths_and_change_nothing() {
    let desk = Desk::new().await;
    desk.apply(&realistic(), false).await;
    let before = desk.export().await;

    let mut bad = with_zendesk(realistic());
    let zendesk = bad["integrations"][0].clone();
    bad["integrations"][0]["settings"] = json!({"email": "desk@acme.example", "region": "eu"});
    bad["integrations"][0]["base-url"] = json!("http://zendesk.example");
    bad["integrations"][0]["secrets"]["webhook-secret"] = json!("${env:ZENDESK_WEBHOOK}");
    bad["integrations"]
        .as_array_mut()
        .unwrap()
        .push(zendesk.clone());
    bad["agents"][1]["handover"] = json!({"platform": "freshdesk"});

    let reply = desk
        .owner("POST", "/v1/config/plan", Some(json!({ "document": bad })))
        .await;
    let problem = reply.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        problem["errors"][0]["field"], "integrations[0].secrets.webhook-secret",
        "an unresolved reference: the client resolves them"
    );

    // Secrets prepared, the rest is checked all at once.
    bad["integrations"][0]["secrets"]["webhook-secret"] = json!(ZENDESK_WEBHOOK_SECRET);
    let reply = desk
        .owner("POST", "/v1/config/plan", Some(json!({ "document": bad })))
        .await;
    let problem = reply.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fields = error_fields(&problem);
    for expected in [
        "integrations[0].settings.subdomain",
        "integrations[0].settings.region",
        "integrations[0].base-url",
        "integrations[1]",
        "agents[1].handover.platform",
    ] {
        assert!(fields.contains(&expected), "{expected} in {fields:?}");
    }
    assert_no_secret(&problem.to_string());
    desk.apply_at(&bad, false, &before.0)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(desk.export().await, before);
}

#[tokio::test]
async fn prune_disconnects_integrations_no_action_sends_tickets_to() {
    let desk = Desk::new().await;
    let document = with_zendesk(realistic());
    desk.apply(&document, false).await;
    // Connected by hand, outside the document.
    desk.owner(
        "PUT",
        "/v1/integrations/freshdesk",
        Some(json!({"settings": {"domain": "acme"}, "secrets": {"api-key": "fd-key-Wq1"}})),
    )
    .await;

    let plan = desk.plan(&document, false).await;
    assert_eq!(changes(&plan, "unmanaged"), ["integrations/freshdesk"]);
    let plan = desk.plan(&document, true).await;
    assert_eq!(changes(&plan, "remove"), ["integrations/freshdesk"]);
    let applied = desk.apply(&document, true).await;
    assert_eq!(
        changes(&applied["plan"], "remove"),
        ["integrations/freshdesk"]
    );
    assert_eq!(
        desk.owner("GET", "/v1/integrations/freshdesk", None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    desk.owner("GET", "/v1/integrations/zendesk", None)
        .await
        .ok();

    // Pruning the platform an action still sends tickets to is refused before
    // anything changes: the action the document states, or one it leaves alone.
    let before = desk.export().await;
    let mut unplugged = document.clone();
    unplugged["integrations"] = json!([]);
    let problem = desk
        .owner(
            "POST",
            "/v1/config/plan",
            Some(json!({ "document": unplugged, "prune": true })),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(problem["errors"][0]["field"], "agents[0].handover.platform");
    let mut no_agents = unplugged.clone();
    no_agents.as_object_mut().unwrap().remove("agents");
    let problem = desk
        .owner(
            "POST",
            "/v1/config/plan",
            Some(json!({ "document": no_agents, "prune": true })),
        )
        .await
        .problem(StatusCode::CONFLICT, "integration_in_use");
    assert_eq!(problem["errors"][0]["field"], "integrations");
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("agent 'shop'"),
        "{problem:#}"
    );
    assert_eq!(desk.export().await, before);

    // The same prune with the action moved to the inbox: the action changes
    // first, then the integration goes, in one apply.
    unplugged["agents"][0]["handover"]["platform"] = json!("inbox");
    let applied = desk.apply(&unplugged, true).await;
    assert_eq!(
        changes(&applied["plan"], "remove"),
        ["integrations/zendesk"]
    );
    assert_eq!(
        desk.owner("GET", "/v1/integrations/zendesk", None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let shop = desk.owner("GET", "/v1/agents/shop", None).await.ok();
    assert_eq!(shop["handover"]["platform"], "inbox");
    let again = desk.apply(&unplugged, true).await;
    assert_eq!(summary(&again["plan"]), (0, 0, 0, 0), "{again:#}");
}

#[tokio::test]
async fn a_connection_test_between_plan_and_apply_does_not_fail_it() {
    let desk = Desk::new().await;
    // A platform that answers nothing the connector asks for: the test fails.
    let platform = wiremock::MockServer::start().await;
    let mut document = with_zendesk(realistic());
    document["integrations"][0]["base-url"] = json!(platform.uri());
    desk.apply(&document, false).await;

    let mut renamed = document.clone();
    renamed["teams"][1]["name"] = json!("Billing and refunds");
    let planned_at = desk.plan(&renamed, false).await["revision"]
        .as_str()
        .unwrap()
        .to_string();
    let report = desk
        .owner("POST", "/v1/integrations/zendesk/test", None)
        .await
        .ok();
    assert_eq!(report["ok"], false, "{report:#}");
    let zendesk = desk
        .owner("GET", "/v1/integrations/zendesk", None)
        .await
        .ok();
    assert_eq!(zendesk["status"], "error");
    assert_eq!(
        desk.revision().await,
        planned_at,
        "a test is not configuration"
    );
    let applied = desk.apply_at(&renamed, false, &planned_at).await.ok();
    assert_eq!(summary(&applied["plan"]), (0, 1, 0, 0), "{applied:#}");

    // Changing the connection between plan and apply is a change.
    let mut again = renamed.clone();
    again["teams"][1]["name"] = json!("Money");
    let planned_at = desk.plan(&again, false).await["revision"]
        .as_str()
        .unwrap()
        .to_string();
    desk.owner(
        "PUT",
        "/v1/integrations/zendesk",
        Some(
            json!({"settings": {"subdomain": "acme-eu", "email": "desk@acme.example"},
                    "base-url": platform.uri()}),
        ),
    )
    .await
    .ok();
    desk.apply_at(&again, false, &planned_at)
        .await
        .problem(StatusCode::PRECONDITION_FAILED, "revision_mismatch");
}

#[tokio::test]
async fn managers_change_configuration_but_not_roles_or_owner_sections() {
    let desk = Desk::new().await;
    desk.apply(&with_zendesk(realistic()), false).await;
    let manager = desk.token("mia", "manager").await;
    let owner = desk.token("olga", "owner").await;
    let plan_as = |token: &str, document: Value| {
        let token = token.to_string();
        let desk = &desk;
        async move {
            desk.send(
                Some(&token),
                "POST",
                "/v1/config/plan",
                Some(&json!({ "document": document })),
                None,
            )
            .await
        }
    };

    // A manager's export has no owner-only sections; a manager may apply it.
    let reply = desk
        .send(Some(&manager), "GET", "/v1/config", None, None)
        .await;
    let exported = reply.ok();
    assert!(exported["document"].get("email").is_none());
    assert!(exported["document"].get("delivery").is_none());
    assert!(exported["document"].get("integrations").is_none());
    let mut renamed = exported["document"].clone();
    renamed["teams"][1]["name"] = json!("Money");
    let plan = plan_as(&manager, renamed.clone()).await.ok();
    desk.send(
        Some(&manager),
        "PUT",
        "/v1/config",
        Some(&json!({ "document": renamed })),
        Some(plan["revision"].as_str().unwrap()),
    )
    .await
    .ok();

    // Roles and owner sections need an owner.
    let mut promote = renamed.clone();
    promote["operators"][1]["role"] = json!("owner");
    plan_as(&manager, promote.clone())
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    plan_as(&owner, promote).await.ok();
    plan_as(&manager, realistic())
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let integrations_only = json!({"apiVersion": "deskctl/v1", "kind": "Desk",
                                   "integrations": with_zendesk(realistic())["integrations"]});
    let problem = plan_as(&manager, integrations_only.clone())
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("`integrations`"),
        "{problem:#}"
    );
    plan_as(&owner, integrations_only).await.ok();

    // An owner's profile is an owner's to change (their address gets the
    // owners' alerts), through a document as through PATCH /v1/operators.
    let mut hijack = renamed.clone();
    assert_eq!(hijack["operators"][0]["handle"], "alice");
    hijack["operators"][0]["email"] = json!("evil@example.com");
    let problem = plan_as(&manager, hijack.clone())
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("'alice' is an owner: only an owner may change an owner"),
        "{problem:#}"
    );
    let revision = desk.revision().await;
    desk.send(
        Some(&manager),
        "PUT",
        "/v1/config",
        Some(&json!({ "document": hijack })),
        Some(&revision),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(desk.revision().await, revision, "nothing changed");
    plan_as(&owner, hijack).await.ok();
}

fn handoff(agent: &str, channel: &str, context: Value) -> Value {
    json!({"agent": agent, "environment": "production", "channel": channel,
           "requester": {"name": "Dana", "email": "dana@example.com"},
           "transcript": [{"role": "customer", "text": "I need a person"}], "context": context})
}

#[tokio::test]
async fn what_if_reports_exactly_the_handoffs_whose_routing_changes() {
    let desk = Desk::new().await;
    desk.apply(&realistic(), false).await;
    let revision = desk.revision().await;
    let handoffs = json!([
        handoff("shop", "web", json!({})),                  // support, low
        handoff("shop", "email", json!({})),                // billing (channel rule)
        handoff("shop", "web", json!({"plan": "pro"})),     // support, high
        handoff("shop", "web", json!({"order-id": "A-1"})), // billing
        handoff("faq", "web", json!({})),                   // refused: no action
    ]);

    // The document sends whatsapp-or-order handoffs to support instead, and
    // makes `pro` urgent.
    let mut proposal = realistic();
    proposal["rules"]["assignment"][0]["conditions"] =
        json!([{"field": "channel", "op": "equals", "value": "email"}]);
    proposal["rules"]["priority"][0]["priority"] = json!("urgent");
    let report = desk
        .owner(
            "POST",
            "/v1/handoffs/what-if",
            Some(json!({ "document": proposal, "handoffs": handoffs })),
        )
        .await
        .ok();

    let differing: Vec<u64> = report["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !r["differences"].as_array().unwrap().is_empty())
        .map(|r| r["index"].as_u64().unwrap())
        .collect();
    assert_eq!(differing, [2, 3], "{report}");
    assert_eq!(report["different"], 2);
    let third = &report["results"][2]["differences"];
    assert_eq!(
        third[0],
        json!({"field": "priority", "current": "high", "proposed": "urgent"})
    );
    let fourth = &report["results"][3]["differences"];
    assert_eq!(
        fourth[0],
        json!({"field": "team", "current": "billing", "proposed": "support"})
    );
    assert!(report["results"][4]["current"]["rejected"].is_object());

    // Nothing was stored or changed.
    assert_eq!(desk.revision().await, revision);
    let handoffs = desk.owner("GET", "/v1/handoffs", None).await.ok();
    assert_eq!(handoffs["items"], json!([]));
}

// ---------------------------------------------------------------------------
// Through the CLI, on a local desk
// ---------------------------------------------------------------------------

use crate::common;

const DESK_YAML: &str = r#"apiVersion: deskctl/v1
kind: Desk
operators:
  - handle: alice
    name: Alice Smith
    email: alice@example.com
    role: owner
  - handle: bob
    name: Bob Jones
    email: bob@example.com
teams:
  - key: support
    name: Support
    default: true
    members: [alice]
  - key: billing
    name: Billing
    members: [bob]
email:
  host: smtp.acme.example
  username: desk
  password: ${env:SMTP_PASSWORD}
rules:
  assignment:
    - name: Money
      conditions:
        - field: channel
          op: equals
          value: email
      team: billing
agents:
  - key: shop
    name: Shop assistant
    handover:
      channels: [web, email]
"#;

fn cli_output(cmd: &mut assert_cmd::Command) -> (i32, String, String) {
    let output = cmd.output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn diff_apply_export_through_the_cli_never_show_the_secret() {
    let desk = common::Desk::new();
    desk.create();
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(&file, DESK_YAML).unwrap();
    let file = file.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut cmd = desk.cmd();
        cmd.env("SMTP_PASSWORD", EMAIL_PASSWORD).args(args);
        cli_output(&mut cmd)
    };
    let mut seen = String::new();

    let (code, out, err) = run(&["diff", "-f", file]);
    assert_eq!(code, 3, "{out}{err}");
    assert!(out.contains("+ add alice"), "{out}");
    assert!(out.contains("password: (sensitive value changed)"), "{out}");
    seen += &(out + &err);

    // No terminal and no --yes: refused, nothing applied.
    let (code, _, err) = run(&["apply", "-f", file]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(run(&["diff", "-f", file]).0, 3);

    let (code, out, err) = run(&["apply", "-f", file, "--yes"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("Applied"), "{err}");
    seen += &(out + &err);

    let (code, out, err) = run(&["diff", "-f", file]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, _, err) = run(&["apply", "-f", file]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!("No changes. The workspace matches {file}.")),
        "{err}"
    );
    seen += &err;

    // Export names the secret by the reference it was applied from, so the
    // export applies back with the same variable set: no changes.
    let (code, exported, err) = run(&["export"]);
    assert_eq!(code, 0, "{err}");
    assert!(exported.contains("${env:SMTP_PASSWORD}"), "{exported}");
    seen += &(exported.clone() + &err);
    let export_file = desk.dir.path().join("exported.yaml");
    std::fs::write(&export_file, &exported).unwrap();
    let (code, out, err) = run(&["diff", "-f", export_file.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    // Without the variable the reference cannot be resolved: refused, named.
    let mut cmd = desk.cmd();
    cmd.args(["diff", "-f", export_file.to_str().unwrap()]);
    let (code, _, err) = cli_output(&mut cmd);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("`SMTP_PASSWORD` is not set"), "{err}");
    // A secret applied from another reference is exported by that one (the
    // reference is recorded by an apply that changes something).
    let renamed = exported
        .replace("${env:SMTP_PASSWORD}", "${env:MAIL_SECRET}")
        .replace("name: Billing", "name: Billing desk");
    assert_ne!(renamed, exported);
    std::fs::write(&export_file, &renamed).unwrap();
    let mut cmd = desk.cmd();
    cmd.env("MAIL_SECRET", EMAIL_PASSWORD).args([
        "apply",
        "-f",
        export_file.to_str().unwrap(),
        "--yes",
    ]);
    let (code, out, err) = cli_output(&mut cmd);
    assert_eq!(code, 0, "{out}{err}");
    let (_, exported, _) = run(&["export"]);
    assert!(exported.contains("${env:MAIL_SECRET}"), "{exported}");
    assert!(!exported.contains("SMTP_PASSWORD"), "{exported}");
    // The original document again: its reference is back too.
    assert_eq!(run(&["apply", "-f", file, "--yes"]).0, 0);
    assert!(run(&["export"]).1.contains("${env:SMTP_PASSWORD}"));

    // --dry-run shows the plan and exits 3, applying nothing.
    let changed = DESK_YAML.replace("name: Billing", "name: Billing and refunds");
    std::fs::write(desk.dir.path().join("desk.yaml"), &changed).unwrap();
    let (code, out, _) = run(&["apply", "-f", file, "--dry-run"]);
    assert_eq!(code, 3);
    assert!(
        out.contains("name: \"Billing\" → \"Billing and refunds\""),
        "{out}"
    );
    assert_eq!(run(&["diff", "-f", file]).0, 3, "dry-run applied nothing");
    seen += &out;

    assert!(!seen.contains(EMAIL_PASSWORD), "the secret leaked: {seen}");
}

#[test]
fn an_export_written_elsewhere_still_finds_the_secret_files_it_names() {
    let desk = common::Desk::new();
    let repo = desk.dir.path().join("repo");
    std::fs::create_dir_all(repo.join("secrets")).unwrap();
    std::fs::write(repo.join("secrets/hook"), format!("{DELIVERY_SECRET}\n")).unwrap();
    std::fs::write(
        repo.join("desk.yaml"),
        "apiVersion: deskctl/v1\nkind: Desk\ndelivery:\n  url: https://ai.acme.example/hook\n  secret: ${file:secrets/hook}\n",
    )
    .unwrap();
    let (code, out, err) = cli_output(desk.cmd().args([
        "apply",
        "--yes",
        "-f",
        common::path_str(&repo.join("desk.yaml")),
    ]));
    assert_eq!(code, 0, "{out}{err}");

    // The reference is recorded as the absolute path it resolved to.
    let (code, exported, err) = cli_output(desk.cmd().arg("export"));
    assert_eq!(code, 0, "{err}");
    let absolute = std::path::absolute(repo.join("secrets/hook")).unwrap();
    assert!(
        exported.contains(&format!("${{file:{}}}", absolute.display())),
        "{exported}"
    );
    assert!(!exported.contains(DELIVERY_SECRET), "{exported}");
    // Written into another directory, and read from a third, it still
    // resolves: the plan finds nothing to change.
    let elsewhere = desk.dir.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("desk.yaml"), &exported).unwrap();
    let (code, out, err) = cli_output(desk.cmd().current_dir(desk.dir.path()).args([
        "diff",
        "-f",
        "elsewhere/desk.yaml",
    ]));
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn what_the_service_finds_wrong_is_shown_at_its_place_with_the_closest_name() {
    let desk = common::Desk::new();
    desk.seed();
    let file = desk.dir.path().join("desk.yaml");
    // No `teams` section: offline, the team cannot be checked; the service can.
    std::fs::write(
        &file,
        "apiVersion: deskctl/v1\nkind: Desk\noperators:\n  - handle: carol\n    name: Carol\n    email: carol@example.com\n    teams: [suport]\nrules:\n  assignment:\n    - conditions: [{field: channel, op: equals, value: email}]\n      team: bilingg\n",
    )
    .unwrap();
    let file = common::path_str(&file);
    for args in [
        vec!["diff", "-f", file],
        vec!["apply", "--yes", "-f", file],
        vec!["apply", "--dry-run", "-f", file],
    ] {
        let (code, out, err) = cli_output(desk.cmd().args(&args));
        assert_eq!(code, 1, "{args:?}: {out}{err}");
        for expected in [
            "error: team 'suport' does not exist and the document does not add it; did you \
             mean 'support'?"
                .to_string(),
            format!("--> {file}:7:13"),
            "7 |     teams: [suport]".to_string(),
            // No team is close to this one: none is named.
            "error: team 'bilingg' does not exist and the document does not add it\n".to_string(),
            format!("--> {file}:11:13"),
            format!("error: {file} is not valid: 2 errors (found by the service)"),
        ] {
            assert!(err.contains(&expected), "{args:?}: {expected:?} in:\n{err}");
        }
        assert!(!err.contains("operators[0].teams[0]"), "{err}");
    }
}

/// A document of `count` agents `key-0`… whose guidance is the longest allowed.
fn agents_with_long_guidance(key: &str, count: usize) -> String {
    let guidance = "Escalate refunds over 100 EUR and every complaint. ".repeat(80);
    let guidance = &guidance[..deskctl::domain::validate::MAX_GUIDANCE_CHARS];
    let mut text = String::from("apiVersion: deskctl/v1\nkind: Desk\nagents:\n");
    for index in 0..count {
        text += &format!(
            "  - key: {key}-{index}\n    name: Agent {index}\n    handover:\n      when-to-use: \"{guidance}\"\n"
        );
    }
    text
}

#[test]
fn an_export_over_a_mebibyte_diffs_and_applies_back_unchanged_on_the_local_desk() {
    let desk = common::Desk::new();
    desk.create();
    let file = desk.dir.path().join("part.yaml");
    // 400 agents of 4,000 characters of guidance, applied in parts that each
    // stay under the 1 MiB every other request is held to; the export is not.
    for part in ["a", "b", "c", "d"] {
        std::fs::write(&file, agents_with_long_guidance(part, 100)).unwrap();
        let (code, out, err) =
            cli_output(
                desk.cmd()
                    .args(["apply", "-f", common::path_str(&file), "--yes"]),
            );
        assert_eq!(code, 0, "{out}{err}");
    }
    let (code, exported, err) = cli_output(desk.cmd().arg("export"));
    assert_eq!(code, 0, "{err}");
    assert!(exported.len() > 1024 * 1024, "{} bytes", exported.len());
    let export_file = desk.dir.path().join("exported.yaml");
    std::fs::write(&export_file, &exported).unwrap();
    let export_file = common::path_str(&export_file);
    let (code, out, err) = cli_output(desk.cmd().args(["diff", "-f", export_file]));
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) =
        cli_output(
            desk.cmd()
                .args(["apply", "-f", export_file, "--prune", "--yes"]),
        );
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("No changes"), "{err}");
}

/// A desk [`DESK_YAML`] was applied to through the CLI.
fn desk_applied_from_yaml() -> common::Desk {
    let desk = common::Desk::new();
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(&file, DESK_YAML).unwrap();
    desk.cmd()
        .env("SMTP_PASSWORD", EMAIL_PASSWORD)
        .args(["apply", "-f", file.to_str().unwrap(), "--yes"])
        .assert()
        .success();
    desk
}

#[test]
fn handoff_preview_with_a_document_counts_the_handoffs_routed_differently() {
    let desk = desk_applied_from_yaml();
    let handoffs = desk.dir.path().join("handoffs.jsonl");
    let line = |channel: &str| serde_json::to_string(&handoff("shop", channel, json!({}))).unwrap();
    std::fs::write(
        &handoffs,
        [line("web"), line("email"), line("web")].join("\n"),
    )
    .unwrap();
    // Under the proposal, the first assignment rule sends web to billing: a
    // listed rule replaces the one at its position, as apply would.
    let proposal = desk.dir.path().join("proposal.yaml");
    std::fs::write(
        &proposal,
        "apiVersion: deskctl/v1\nkind: Desk\nrules:\n  assignment:\n    - conditions:\n        \
         - {field: channel, op: equals, value: web}\n      team: billing\n",
    )
    .unwrap();
    let mut cmd = desk.cmd();
    cmd.args([
        "handoff",
        "preview",
        "-f",
        handoffs.to_str().unwrap(),
        "--with",
        proposal.to_str().unwrap(),
    ]);
    let (code, out, err) = cli_output(&mut cmd);
    assert_eq!(code, 3, "{out}{err}");
    assert!(err.contains("3 of 3 would be decided differently"), "{err}");
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 3, "{out}");
    assert!(rows[0].contains("team support → billing"), "{out}");
    assert!(rows[1].contains("team billing → support"), "{out}");

    // An empty list without --prune leaves the rules alone, as apply does.
    std::fs::write(
        &proposal,
        "apiVersion: deskctl/v1\nkind: Desk\nrules:\n  assignment: []\n",
    )
    .unwrap();
    let mut cmd = desk.cmd();
    cmd.args([
        "handoff",
        "preview",
        "-f",
        handoffs.to_str().unwrap(),
        "--with",
        proposal.to_str().unwrap(),
    ]);
    let (code, out, err) = cli_output(&mut cmd);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("0 of 3 would be decided differently"), "{err}");
}

/// A what-if sends nothing, so it needs no secret: the document's secret
/// references are left unresolved (and said to be), where `apply` of the
/// same document still requires them.
#[test]
fn handoff_preview_with_a_document_needs_none_of_its_secrets() {
    let desk = desk_applied_from_yaml();
    let proposal = desk.dir.path().join("proposal.yaml");
    let integration = "integrations:\n  - kind: zendesk\n    settings: {subdomain: acme, email: ops@acme.example}\n    \
                       secrets:\n      api-token: ${file:no-such-secret}\n";
    std::fs::write(&proposal, format!("{DESK_YAML}{integration}")).unwrap();
    let handoffs = desk.dir.path().join("one.json");
    std::fs::write(
        &handoffs,
        serde_json::to_string(&handoff("shop", "web", json!({}))).unwrap(),
    )
    .unwrap();
    let mut cmd = desk.cmd();
    cmd.env_remove("SMTP_PASSWORD")
        .args(["handoff", "preview", "-f", handoffs.to_str().unwrap()])
        .args(["--with", proposal.to_str().unwrap()]);
    let (code, out, err) = cli_output(&mut cmd);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("secret references left unresolved (${env:SMTP_PASSWORD}, ${file:"),
        "{err}"
    );
    assert!(
        err.contains("no-such-secret}): a what-if sends nothing and needs no secret"),
        "{err}"
    );
    assert!(err.contains("0 of 1 would be decided differently"), "{err}");

    let mut cmd = desk.cmd();
    cmd.env_remove("SMTP_PASSWORD")
        .args(["apply", "-f", proposal.to_str().unwrap(), "--yes"]);
    let (code, out, err) = cli_output(&mut cmd);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("environment variable `SMTP_PASSWORD` is not set"),
        "{err}"
    );
    assert!(
        err.contains("cannot read the secret file `no-such-secret`"),
        "{err}"
    );
}

#[test]
fn handoff_preview_with_a_document_shows_every_bad_line_of_json_lines_and_previews_nothing() {
    let desk = desk_applied_from_yaml();
    let proposal = desk.dir.path().join("proposal.yaml");
    std::fs::write(&proposal, "apiVersion: deskctl/v1\nkind: Desk\n").unwrap();
    let handoffs = desk.dir.path().join("handoffs.jsonl");
    let good = serde_json::to_string(&handoff("shop", "web", json!({}))).unwrap();
    let misspelt = good.replace("\"channel\"", "\"chanel\"");
    let cut = &good[..good.len() / 2];
    let preview = |lines: &[&str]| {
        std::fs::write(&handoffs, lines.join("\n")).unwrap();
        let mut cmd = desk.cmd();
        cmd.args(["handoff", "preview", "-f", handoffs.to_str().unwrap()])
            .args(["--with", proposal.to_str().unwrap()]);
        cli_output(&mut cmd)
    };

    // Lines 2 and 5 are wrong: both are shown at their place, nothing is previewed.
    let (code, out, err) = preview(&[&good, &misspelt, "", &good, cut, &good]);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(out, "", "{err}");
    let name = handoffs.to_str().unwrap();
    assert!(err.contains("error: unknown key `chanel`"), "{err}");
    assert!(err.contains(&format!("--> {name}:2:")), "{err}");
    assert!(
        err.contains(&format!("--> {name}:5:{}", cut.len())),
        "{err}"
    );
    assert!(
        err.contains(&format!("5 | {cut}")),
        "the line is quoted: {err}"
    );
    assert!(
        err.contains(&format!("{name} is not valid: 2 errors")),
        "line 2 misspells `channel` as `chanel` (not also missing); line 5 is cut: {err}"
    );
    assert!(!err.contains("would be decided differently"), "{err}");

    // Blank lines, and the break after the last line, are skipped: three handoffs.
    let (code, out, err) = preview(&["", &good, "  ", &good, &good, ""]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(err.contains("0 of 3 would be decided differently"), "{err}");

    // A file without a handoff has nothing to preview: it is refused.
    for empty in [&[][..], &["", "   ", ""][..]] {
        let (code, out, err) = preview(empty);
        assert_eq!(code, 1, "{out}{err}");
        assert!(err.contains(&format!("{name} holds no handoffs")), "{err}");
        assert!(
            err.contains("hint: each line of a JSON Lines file is one handoff"),
            "{err}"
        );
    }
}

#[test]
fn handoff_preview_with_a_document_reads_json_lines_on_stdin_by_their_content() {
    let desk = desk_applied_from_yaml();
    let proposal = desk.dir.path().join("proposal.yaml");
    std::fs::write(&proposal, "apiVersion: deskctl/v1\nkind: Desk\n").unwrap();
    let good = serde_json::to_string(&handoff("shop", "web", json!({}))).unwrap();
    let preview = |stdin: String, with: bool| {
        let mut cmd = desk.cmd();
        cmd.args(["handoff", "preview", "-f", "-"])
            .write_stdin(stdin);
        if with {
            cmd.args(["--with", proposal.to_str().unwrap()]);
        }
        cli_output(&mut cmd)
    };

    // As `jq -c` prints them: a handoff a line, each compared.
    let (code, out, err) = preview(format!("{good}\n{good}\n\n{good}\n"), true);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(err.contains("0 of 3 would be decided differently"), "{err}");

    // Every bad line is shown at its number, and nothing is compared.
    let misspelt = good.replace("\"channel\"", "\"chanel\"");
    let cut = &good[..good.len() / 2];
    let (code, out, err) = preview(format!("{good}\n{misspelt}\n{good}\n{cut}\n"), true);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(out, "", "{err}");
    assert!(err.contains("error: unknown key `chanel`"), "{err}");
    assert!(err.contains("--> <stdin>:2:"), "{err}");
    assert!(
        err.contains(&format!("--> <stdin>:4:{}", cut.len())),
        "{err}"
    );
    assert!(err.contains("<stdin> is not valid: 2 errors"), "{err}");
    assert!(
        err.contains("hint: each line of a JSON Lines file"),
        "{err}"
    );

    // One handoff, pretty-printed, or on one line, is still one handoff.
    let pretty = serde_json::to_string_pretty(&handoff("shop", "web", json!({}))).unwrap();
    for one in [pretty, format!("{good}\n")] {
        let (code, out, err) = preview(one.clone(), true);
        assert_eq!(code, 0, "{one}\n{out}{err}");
        assert_eq!(out.lines().count(), 1, "{out}");
        assert!(err.contains("0 of 1 would be decided differently"), "{err}");
        let (code, out, err) = preview(one, false);
        assert_eq!(code, 0, "{out}{err}");
    }

    // Without --with, one handoff is read: several are refused, saying what reads them.
    let lines = format!("{good}\n{good}\n");
    let (code, out, err) = preview(lines.clone(), false);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(out, "", "{err}");
    assert!(
        err.contains("<stdin> holds several handoffs, one a line (JSON Lines)"),
        "{err}"
    );
    assert!(err.contains("hint: with `--with DESK_YAML`"), "{err}");
    let (code, out, err) = cli_output(
        desk.cmd()
            .args(["handoff", "send", "-f", "-"])
            .write_stdin(lines),
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("holds several handoffs"), "{err}");
    assert!(err.contains("`handoff preview --with DESK_YAML`"), "{err}");
    let (code, out, err) = cli_output(desk.cmd().args(["handoff", "list", "-o", "json"]));
    assert_eq!((code, out.trim()), (0, "[]"), "nothing was sent: {err}");
}

#[test]
fn json_lines_after_a_byte_order_mark_are_json_lines_on_stdin_and_under_any_name() {
    let desk = desk_applied_from_yaml();
    let proposal = desk.dir.path().join("proposal.yaml");
    std::fs::write(&proposal, "apiVersion: deskctl/v1\nkind: Desk\n").unwrap();
    let good = serde_json::to_string(&handoff("shop", "web", json!({}))).unwrap();
    let preview = |file: &str, stdin: &str| {
        cli_output(
            desk.cmd()
                .args(["handoff", "preview", "-f", file])
                .args(["--with", proposal.to_str().unwrap()])
                .write_stdin(stdin),
        )
    };
    let marked = format!("\u{feff}{good}\n{good}\n");
    let (code, out, err) = preview("-", &marked);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("0 of 2 would be decided differently"), "{err}");
    for name in ["b.txt", "b.json"] {
        let file = desk.dir.path().join(name);
        std::fs::write(&file, &marked).unwrap();
        let (code, out, err) = preview(file.to_str().unwrap(), "");
        assert_eq!(code, 0, "{name}: {out}{err}");
        assert!(err.contains("0 of 2 would be decided differently"), "{err}");
    }
    // A problem of the first line is where it is without the mark.
    let misspelt = good.replace("\"channel\"", "\"chanel\"");
    let place = |err: &str| {
        err.lines()
            .find(|line| line.contains("--> <stdin>:1:"))
            .map(str::to_string)
    };
    let (code, _, unmarked) = preview("-", &format!("{misspelt}\n{good}\n"));
    assert_eq!(code, 1, "{unmarked}");
    let (code, out, err) = preview("-", &format!("\u{feff}{misspelt}\n{good}\n"));
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("error: unknown key `chanel`"), "{err}");
    assert!(place(&err).is_some(), "{err}");
    assert_eq!(place(&err), place(&unmarked), "{err}");
    assert!(err.contains(&format!("1 | {}", &misspelt[..40])), "{err}");
}

#[test]
fn handoff_preview_refuses_reading_both_the_handoffs_and_the_document_from_stdin() {
    let desk = desk_applied_from_yaml();
    let good = serde_json::to_string(&handoff("shop", "web", json!({}))).unwrap();
    let (code, out, err) = cli_output(
        desk.cmd()
            .args(["handoff", "preview", "-f", "-", "--with", "-"])
            .write_stdin(format!("{good}\n")),
    );
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("error: `-f -` and `--with -` both read stdin, which can be read once"),
        "{err}"
    );
    assert!(!err.contains("apiVersion"), "nothing was read: {err}");
    // One of them from stdin is fine.
    let proposal = desk.dir.path().join("proposal.yaml");
    std::fs::write(&proposal, "apiVersion: deskctl/v1\nkind: Desk\n").unwrap();
    let (code, out, err) = cli_output(
        desk.cmd()
            .args(["handoff", "preview", "-f", "-"])
            .args(["--with", proposal.to_str().unwrap()])
            .write_stdin(format!("{good}\n")),
    );
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn a_handoff_over_the_request_limit_is_refused_naming_its_file_and_limit() {
    let desk = desk_applied_from_yaml();
    let mut large = handoff("shop", "web", json!({}));
    // 60 messages of 19,000 characters: each within its limit, 1.1 MB in all.
    large["transcript"] = (0..60)
        .map(|_| json!({"role": "customer", "text": "x".repeat(19_000)}))
        .collect();
    let file = desk.dir.path().join("large.json");
    std::fs::write(&file, serde_json::to_string(&large).unwrap()).unwrap();
    let file = file.to_str().unwrap();
    let local = || desk.cmd();
    // Refused before anything is sent: an unreachable service is never asked.
    let remote = || {
        let mut cmd = desk.elsewhere();
        cmd.args(["--server", "http://127.0.0.1:9"]);
        cmd
    };
    for (verb, mut cmd) in [
        ("preview", local()),
        ("send", local()),
        ("preview", remote()),
        ("send", remote()),
    ] {
        let (code, out, err) = cli_output(cmd.args(["handoff", verb, "-f", file]));
        assert_eq!((code, out.as_str()), (1, ""), "{verb}: {err}");
        assert!(
            err.contains(&format!("error: the handoff in {file} is ")),
            "{verb}: {err}"
        );
        assert!(
            err.contains("bytes as sent (JSON), over the 1 MiB (1048576 bytes) a handoff may be"),
            "{verb}: {err}"
        );
        assert!(err.contains("hint: send less in one handoff"), "{err}");
        assert!(
            !err.contains("workspace document") && !err.contains("older deskctl"),
            "{verb}: {err}"
        );
    }
    let (code, out, err) = cli_output(desk.cmd().args(["handoff", "list", "-o", "json"]));
    assert_eq!((code, out.trim()), (0, "[]"), "nothing was sent: {err}");
}

const ZENDESK_YAML: &str = r#"apiVersion: deskctl/v1
kind: Desk
integrations:
  - kind: zendesk
    settings:
      subdomain: acme
      email: desk@acme.example
    secrets:
      api-token: ${env:ZENDESK_TOKEN}
agents:
  - key: shop
    name: Shop assistant
    handover:
      platform: zendesk
      channels: [web]
"#;

#[test]
fn integrations_through_the_cli_show_a_rotated_secret_only_as_changed() {
    let desk = common::Desk::new();
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(&file, ZENDESK_YAML).unwrap();
    let file = file.to_str().unwrap();
    let run = |variables: &[(&str, &str)], args: &[&str]| {
        let mut cmd = desk.cmd();
        for (name, value) in variables {
            cmd.env(name, value);
        }
        let (code, out, err) = cli_output(cmd.args(args));
        for secret in [ZENDESK_TOKEN, "zd-token-rotated-Vn2"] {
            assert!(
                !out.contains(secret) && !err.contains(secret),
                "{args:?} leaked:\n{out}{err}"
            );
        }
        (code, out, err)
    };
    let token = [("ZENDESK_TOKEN", ZENDESK_TOKEN)];

    let (code, out, err) = run(&token, &["apply", "-f", file, "--yes"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("Applied"), "{err}");
    let (code, out, err) = run(&token, &["diff", "-f", file]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out, "No changes: the workspace matches the document.\n");

    // The export names the token by the variable it was applied from; with
    // it set, no changes.
    let (code, exported, err) = run(&[], &["export"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        exported.contains("api-token: ${env:ZENDESK_TOKEN}"),
        "{exported}"
    );
    let export_file = desk.dir.path().join("exported.yaml");
    std::fs::write(&export_file, &exported).unwrap();
    let export_file = export_file.to_str().unwrap();
    let (code, out, err) = run(&token, &["diff", "-f", export_file]);
    assert_eq!(code, 0, "{out}{err}");

    // A rotated token is the one change, shown without a value.
    let (code, out, err) = run(
        &[("ZENDESK_TOKEN", "zd-token-rotated-Vn2")],
        &["diff", "-f", file],
    );
    assert_eq!(code, 3, "{err}");
    assert_eq!(
        out,
        "integrations\n  ~ change zendesk\n      secrets.api-token: (sensitive value changed)\n\n\
         Plan: 0 to add, 1 to change, 0 to remove.\n"
    );
}

/// `deskctl apply -f` (support and billing) against a served desk where
/// someone sends `change` after the plan and before the apply: a layer in
/// front of the service makes that change as the apply arrives, so the test
/// needs no timing. Returns the exit code, stderr and the teams afterwards.
async fn apply_while_someone_sends(
    change: (&'static str, &'static str, &'static str),
) -> (i32, String, Vec<(String, String, bool)>) {
    use axum::middleware::{Next, from_fn};
    use std::sync::Arc;

    let cli = common::Desk::new();
    let path = cli.dir.path().join("served.sqlite");
    let local = Arc::new(
        LocalDesk::open(&sqlite(&path), Open::CreateIfMissing, crate::common::keys())
            .await
            .unwrap(),
    );
    let call = |method: &str, uri: &str, body: Value| {
        let local = local.clone();
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header(CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        async move {
            let response = local.call(request).await;
            let status = response.status();
            let bytes = response.into_body().collect().await.unwrap().to_bytes();
            assert!(status.is_success(), "{status}: {bytes:?}");
            serde_json::from_slice::<Value>(&bytes).unwrap_or(Value::Null)
        }
    };
    call(
        "POST",
        "/v1/operators",
        json!({"handle": "alice", "name": "Alice", "email": "alice@example.com", "role": "owner"}),
    )
    .await;
    call(
        "POST",
        "/v1/teams",
        json!({"key": "support", "name": "Support"}),
    )
    .await;
    let token = call(
        "POST",
        "/v1/tokens",
        json!({"kind": "operator", "operator": "alice"}),
    )
    .await["secret"]
        .as_str()
        .unwrap()
        .to_string();

    let interloper = local.clone();
    let app = router(AppState {
        store: Store::open(&sqlite(&path), Open::CreateIfMissing, crate::common::keys())
            .await
            .unwrap(),
    })
    .layer(from_fn(move |request: Request<Body>, next: Next| {
        let interloper = interloper.clone();
        async move {
            if request.method() == http::Method::PUT && request.uri().path() == "/v1/config" {
                let (method, uri, body) = change;
                let change = Request::builder()
                    .method(method)
                    .uri(uri)
                    .header(CONTENT_TYPE, "application/json")
                    .body(Body::from(body))
                    .unwrap();
                assert!(interloper.call(change).await.status().is_success());
            }
            next.run(request).await
        }
    }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let file = cli.dir.path().join("desk.yaml");
    std::fs::write(
        &file,
        "apiVersion: deskctl/v1\nkind: Desk\nteams:\n  - key: support\n    name: Support\n    \
         default: true\n  - key: billing\n    name: Billing\n",
    )
    .unwrap();
    let (code, _out, err) = tokio::task::spawn_blocking(move || {
        let mut cmd = cli.cmd();
        cmd.env_remove("DESKCTL_DESK")
            .env("DESKCTL_TOKEN", token)
            .args([
                "--server",
                &url,
                "apply",
                "-f",
                file.to_str().unwrap(),
                "--yes",
            ]);
        cli_output(&mut cmd)
    })
    .await
    .unwrap();
    let teams = call("GET", "/v1/teams", Value::Null).await;
    let teams = teams["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["key"].as_str().unwrap().to_string(),
                t["name"].as_str().unwrap().to_string(),
                t["default"].as_bool().unwrap(),
            )
        })
        .collect();
    (code, err, teams)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn apply_exits_6_and_applies_nothing_when_the_workspace_changed_since_the_plan() {
    let (code, err, teams) = apply_while_someone_sends((
        "PATCH",
        "/v1/teams/support",
        r#"{"name": "Renamed meanwhile"}"#,
    ))
    .await;
    assert_eq!(code, 6, "{err}");
    assert!(err.contains("nothing was applied"), "{err}");
    assert!(err.contains("run the apply again"), "{err}");
    // Only the other change landed.
    assert_eq!(
        teams,
        [("support".to_string(), "Renamed meanwhile".to_string(), true)]
    );
}

/// A change in between that makes the workspace what the document says (a
/// retried apply whose first attempt committed, or a colleague's identical
/// change) is not a conflict.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn apply_succeeds_when_the_change_in_between_made_the_workspace_match() {
    let (code, err, teams) = apply_while_someone_sends((
        "POST",
        "/v1/teams",
        r#"{"key": "billing", "name": "Billing"}"#,
    ))
    .await;
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("matches"), "{err}");
    let keys: Vec<&str> = teams.iter().map(|(key, _, _)| key.as_str()).collect();
    assert_eq!(keys, ["billing", "support"]);
}

// ---------------------------------------------------------------------------
// Property: apply to an empty desk, export, and the document comes back
// ---------------------------------------------------------------------------

mod round_trip {
    use deskctl::api::DeskDocument;
    use proptest::prelude::*;
    use serde_json::{Value, json};

    use super::{Desk, ZENDESK_TOKEN, resolve_references, summary};

    const HANDLES: [&str; 3] = ["alice", "bob", "carol"];
    const TEAMS: [&str; 3] = ["billing", "sales", "support"];
    const FIELDS: [&str; 4] = ["due", "order-id", "plan", "vip"];
    const FIELD_TYPES: [&str; 5] = ["text", "number", "dropdown", "checkbox", "date"];
    const AGENTS: [&str; 2] = ["faq", "shop"];
    const ROLES: [&str; 3] = ["operator", "manager", "owner"];
    const PRIORITIES: [&str; 4] = ["low", "medium", "high", "urgent"];
    const CHANNELS: [&str; 3] = ["web", "email", "telegram"];

    fn conditions() -> impl Strategy<Value = Vec<Value>> {
        let condition = prop::sample::select(vec![
            json!({"field": "channel", "op": "equals", "value": "web"}),
            json!({"field": "context.plan", "op": "exists"}),
            json!({"field": "reason", "op": "contains", "value": "human"}),
            json!({"field": "channel", "op": "in", "values": ["email", "whatsapp"]}),
        ]);
        prop::collection::vec(condition, 1..=2)
    }

    /// The items of `names` whose bit is set in `mask`.
    fn picked<'a>(names: &[&'a str], mask: u8) -> Vec<&'a str> {
        names
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, name)| *name)
            .collect()
    }

    /// A valid document with every section the property covers: a few
    /// operators, teams (one the default) with members, ticket fields, both
    /// rule lists, agents with or without a handover action, and maybe Zendesk.
    fn document() -> impl Strategy<Value = Value> {
        let operators = prop::collection::vec(
            prop::option::of((0..ROLES.len(), prop::option::of(1u32..5), 0u8..8)),
            HANDLES.len(),
        );
        let teams = (
            prop::collection::vec(prop::option::of(0u8..8), TEAMS.len()),
            0..3usize,
        );
        let fields = prop::collection::vec(prop::option::of(0..FIELD_TYPES.len()), FIELDS.len());
        let rules = (
            prop::collection::vec((any::<bool>(), conditions(), 0..PRIORITIES.len()), 0..=2),
            prop::collection::vec((conditions(), 0..3usize), 0..=2),
        );
        let agents = prop::collection::vec(
            prop::option::of(prop::option::of((
                1u8..8,
                prop::option::of(0..PRIORITIES.len()),
                any::<bool>(),
            ))),
            AGENTS.len(),
        );
        (operators, teams, fields, rules, agents, any::<bool>()).prop_map(
            |(operators, (teams, default), fields, (priority, assignment), agents, zendesk)| {
                let handles: Vec<&str> = HANDLES
                    .iter()
                    .zip(&operators)
                    .filter_map(|(h, o)| o.map(|_| *h))
                    .collect();
                let mut team_keys: Vec<&str> = TEAMS
                    .iter()
                    .zip(&teams)
                    .filter_map(|(k, t)| t.map(|_| *k))
                    .collect();
                if team_keys.is_empty() {
                    team_keys.push(TEAMS[0]);
                }
                let default = team_keys[default % team_keys.len()];
                let teams: Vec<Value> = TEAMS
                    .iter()
                    .zip(&teams)
                    .filter(|(key, _)| team_keys.contains(key))
                    .map(|(key, members)| {
                        json!({"key": key, "name": key.to_uppercase(), "default": *key == default,
                               "members": picked(&handles, members.unwrap_or(0))})
                    })
                    .collect();
                let operators: Vec<Value> = HANDLES
                    .iter()
                    .zip(&operators)
                    .filter_map(|(handle, spec)| {
                        let (role, capacity, teams) = (*spec)?;
                        let mut operator = json!({
                            "handle": handle, "name": format!("{handle} ({})", ROLES[role]),
                            "email": format!("{handle}@example.com"), "role": ROLES[role],
                            "teams": picked(&team_keys, teams),
                        });
                        if let Some(capacity) = capacity {
                            operator["capacity"] = json!(capacity);
                        }
                        Some(operator)
                    })
                    .collect();
                let fields: Vec<Value> = FIELDS
                    .iter()
                    .zip(&fields)
                    .filter_map(|(key, field_type)| {
                        let field_type = FIELD_TYPES[(*field_type)?];
                        let mut field = json!({"key": key, "name": key, "type": field_type});
                        if field_type == "dropdown" {
                            field["options"] = json!(["basic", "pro"]);
                        }
                        Some(field)
                    })
                    .collect();
                let priority: Vec<Value> = priority
                    .into_iter()
                    .enumerate()
                    .map(|(index, (named, conditions, priority))| {
                        let mut rule =
                            json!({"conditions": conditions, "priority": PRIORITIES[priority]});
                        if named {
                            rule["name"] = json!(format!("Rule {index}"));
                        }
                        rule
                    })
                    .collect();
                let assignment: Vec<Value> = assignment
                    .into_iter()
                    .map(|(conditions, team)| {
                        json!({"match": "any", "conditions": conditions,
                               "team": team_keys[team % team_keys.len()]})
                    })
                    .collect();
                let agents: Vec<Value> = AGENTS
                    .iter()
                    .zip(&agents)
                    .filter_map(|(key, spec)| {
                        let action = (*spec)?;
                        let mut agent = json!({"key": key, "name": format!("The {key} bot")});
                        if let Some((channels, priority, to_zendesk)) = action {
                            let platform = if zendesk && to_zendesk {
                                "zendesk"
                            } else {
                                "inbox"
                            };
                            agent["handover"] = json!({
                                "platform": platform,
                                "channels": picked(&CHANNELS, channels),
                                "default-priority": priority.map(|p| PRIORITIES[p]),
                            });
                        }
                        Some(agent)
                    })
                    .collect();
                let integrations: Vec<Value> = zendesk
                    .then(|| {
                        json!({"kind": "zendesk",
                               "settings": {"subdomain": "acme", "email": "desk@acme.example"},
                               "secrets": {"api-token": ZENDESK_TOKEN}})
                    })
                    .into_iter()
                    .collect();
                json!({
                    "apiVersion": "deskctl/v1", "kind": "Desk",
                    "operators": operators, "teams": teams, "ticket-fields": fields,
                    "rules": {"priority": priority, "assignment": assignment},
                    "integrations": integrations, "agents": agents,
                })
            },
        )
    }

    /// A document as the service documents its normalization: as
    /// single-resource writes store it, set-like lists sorted, membership
    /// stated on both sides, resources in key order.
    fn normalized(document: &Value) -> DeskDocument {
        let document: DeskDocument = serde_json::from_value(document.clone()).unwrap();
        let document = deskctl::domain::plan::normalized(
            &deskctl::domain::workspace::document::normalize(document),
        );
        let pairs = deskctl::domain::plan::memberships(&document);
        let mut document = deskctl::domain::plan::with_memberships(document, &pairs);
        document
            .operators
            .iter_mut()
            .for_each(|l| l.sort_by(|a, b| a.handle.cmp(&b.handle)));
        document
            .teams
            .iter_mut()
            .for_each(|l| l.sort_by(|a, b| a.key.cmp(&b.key)));
        document
            .ticket_fields
            .iter_mut()
            .for_each(|l| l.sort_by(|a, b| a.key.cmp(&b.key)));
        document
            .agents
            .iter_mut()
            .for_each(|l| l.sort_by(|a, b| a.key.cmp(&b.key)));
        document
            .integrations
            .iter_mut()
            .for_each(|l| l.sort_by_key(|i| i.kind.as_str()));
        document
    }

    async fn round_trip(desired: Value) -> Result<(), TestCaseError> {
        let desk = Desk::new().await;
        desk.apply(&desired, false).await;
        let (_, exported) = desk.export().await;
        let invalid = crate::common::schema_errors(&exported);
        prop_assert!(invalid.is_empty(), "{:?} in {:#}", invalid, exported);
        let exported = resolve_references(exported);

        let (want, got) = (normalized(&desired), normalized(&exported));
        prop_assert_eq!(want.operators, got.operators);
        prop_assert_eq!(want.teams, got.teams);
        prop_assert_eq!(want.ticket_fields, got.ticket_fields);
        prop_assert_eq!(want.rules, got.rules);
        prop_assert_eq!(want.integrations, got.integrations);
        prop_assert_eq!(want.agents, got.agents);

        // Planning the document or its export again finds nothing to do;
        // the export lists everything, so not even with prune.
        let again = desk.plan(&desired, false).await;
        let (add, change, remove, _) = summary(&again);
        prop_assert_eq!((add, change, remove), (0, 0, 0), "{:#}", again);
        let again = desk.plan(&exported, true).await;
        prop_assert_eq!(summary(&again), (0, 0, 0, 0), "{:#}", again);
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

        #[test]
        fn applying_a_document_to_an_empty_desk_then_exporting_gives_it_back(
            desired in document()
        ) {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(round_trip(desired))?;
        }
    }
}

/// The top-level `section` of `document`, as a document of its own.
fn section_alone(document: &str, section: &str) -> String {
    let mut lines = document
        .lines()
        .skip_while(|l| !l.starts_with(&format!("{section}:")));
    let head = lines.next().expect("the section");
    let body: Vec<&str> = lines
        .take_while(|l| l.starts_with(' ') || l.starts_with('-'))
        .collect();
    format!(
        "apiVersion: deskctl/v1\nkind: Desk\n{head}\n{}\n",
        body.join("\n")
    )
}

/// `deskctl teams list` as `team: members` lines.
fn members_by_team(desk: &common::Desk) -> Vec<String> {
    let listed: serde_json::Value =
        serde_json::from_str(&desk.run(&["teams", "list", "-o", "json"])).unwrap();
    listed
        .as_array()
        .unwrap()
        .iter()
        .map(|team| format!("{}: {}", team["key"].as_str().unwrap(), team["members"]))
        .collect()
}

#[test]
fn a_document_changes_only_the_memberships_it_states() {
    for backend in [common::Backend::Sqlite, common::Backend::Postgres] {
        let Some(desk) = common::Desk::on(backend) else {
            continue;
        };
        let file = |name: &str, text: &str| {
            let path = desk.dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            common::path_str(&path).to_string()
        };
        let apply = |path: &str| {
            desk.cmd()
                .env("SMTP_PASSWORD", EMAIL_PASSWORD)
                .args(["apply", "-q", "--yes", "-f", path])
                .assert()
                .success();
        };
        apply(&file("desk.yaml", DESK_YAML));
        let both = [r#"billing: ["bob"]"#, r#"support: ["alice"]"#];
        assert_eq!(members_by_team(&desk), both);

        // An export's `operators` alone: it names no memberships, so it keeps them.
        let exported = desk.run(&["export"]);
        let operators = file("operators.yaml", &section_alone(&exported, "operators"));
        assert!(
            !std::fs::read_to_string(&operators)
                .unwrap()
                .contains("teams")
        );
        let (code, out, err) = cli_output(desk.cmd().args(["diff", "-f", &operators]));
        assert_eq!(code, 0, "{backend:?}: {out}{err}");
        apply(&operators);
        assert_eq!(members_by_team(&desk), both, "{backend:?}");

        // Teams, then operators, in two applies: the teams' members hold.
        let teams =
            section_alone(&exported, "teams").replace("  - alice\n", "  - alice\n  - bob\n");
        apply(&file("teams.yaml", &teams));
        apply(&operators);
        let bob_in_both = [r#"billing: ["bob"]"#, r#"support: ["alice","bob"]"#];
        assert_eq!(members_by_team(&desk), bob_in_both, "{backend:?}");

        // Stated empty, on either side, it clears.
        let alice_in_none = "apiVersion: deskctl/v1\nkind: Desk\noperators:\n  - handle: alice\n    name: Alice Smith\n    email: alice@example.com\n    role: owner\n    teams: []\n";
        apply(&file("alice.yaml", alice_in_none));
        let billing_empty = "apiVersion: deskctl/v1\nkind: Desk\nteams:\n  - {key: support, name: Support, default: true}\n  - {key: billing, name: Billing, members: []}\n";
        apply(&file("billing.yaml", billing_empty));
        assert_eq!(
            members_by_team(&desk),
            ["billing: []", r#"support: ["bob"]"#],
            "{backend:?}"
        );
    }
}

/// `--prune` removing a team that still holds open tickets is refused as
/// `teams remove` refuses it without `--move-to` (409 `pruned_team_has_tickets`,
/// exit 6, at `teams`), by `diff` as by `apply`, and changes nothing; once
/// the ticket is resolved the same document applies.
#[test]
fn a_pruned_team_with_open_tickets_is_refused_and_nothing_changes() {
    let desk = desk_applied_from_yaml();
    let handoff_file = desk.dir.path().join("handoff.json");
    std::fs::write(
        &handoff_file,
        handoff("shop", "email", json!({})).to_string(),
    )
    .unwrap();
    desk.run(&[
        "handoff",
        "send",
        "-q",
        "-f",
        common::path_str(&handoff_file),
    ]);
    let shown = desk.run(&["tickets", "show", "10001", "-o", "json"]);
    assert_eq!(
        serde_json::from_str::<Value>(&shown).unwrap()["ticket"]["team"],
        "billing"
    );
    let pruned = desk.dir.path().join("pruned.yaml");
    std::fs::write(
        &pruned,
        "apiVersion: deskctl/v1\nkind: Desk\nteams:\n  - {key: support, name: Support, \
         default: true, members: [alice]}\nrules: {priority: [], assignment: []}\n",
    )
    .unwrap();
    let path = common::path_str(&pruned);
    for args in [
        vec!["diff", "--prune", "-f", path],
        vec!["apply", "--prune", "--yes", "-f", path],
    ] {
        let (code, out, err) = cli_output(desk.cmd().args(&args));
        assert_eq!(code, 6, "{args:?}: {out}{err}");
        assert!(
            err.contains("pruning would remove team billing, which has 1 open or pending ticket"),
            "{err}"
        );
        assert!(
            err.contains(
                "hint: move them first with `deskctl teams remove KEY --move-to TEAM`, or list \
                 the team in the document's `teams`"
            ),
            "{err}"
        );
        assert!(err.contains(&format!("--> {path}:3:1")), "{args:?}: {err}");
    }
    let teams = desk.run(&["teams", "list", "-o", "name"]);
    assert!(teams.contains("billing"), "nothing changed: {teams}");
    let shown = desk.run(&["tickets", "show", "10001", "-o", "json"]);
    assert_eq!(
        serde_json::from_str::<Value>(&shown).unwrap()["ticket"]["team"],
        "billing"
    );
    desk.run(&["tickets", "resolve", "10001", "-q"]);
    desk.run(&["apply", "--prune", "--yes", "-q", "-f", path]);
    let teams = desk.run(&["teams", "list", "-o", "name"]);
    assert!(!teams.contains("billing"), "{teams}");
}

#[test]
fn a_workspace_rule_a_document_breaks_is_shown_at_its_place_and_exits_6() {
    let desk = desk_applied_from_yaml();
    let file = |name: &str, text: &str| {
        let path = desk.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        common::path_str(&path).to_string()
    };
    let head = "apiVersion: deskctl/v1\nkind: Desk\n";
    let fields = file(
        "fields.yaml",
        &format!("{head}ticket-fields:\n  - {{key: order-id, name: Order ID, type: text}}\n"),
    );
    desk.run(&["apply", "-q", "--yes", "-f", &fields]);
    let retyped = file(
        "retyped.yaml",
        &format!("{head}ticket-fields:\n  - {{key: order-id, name: Order ID, type: date}}\n"),
    );
    let ownerless = file(
        "ownerless.yaml",
        &format!(
            "{head}operators:\n  - {{handle: alice, name: A, email: alice@example.com, role: operator}}\n"
        ),
    );
    for (path, place, message) in [
        (
            &retyped,
            "4:43",
            "ticket field 'order-id' cannot change its type",
        ),
        (
            &ownerless,
            "3:1",
            "the document leaves the workspace without an owner",
        ),
    ] {
        for args in [vec!["diff", "-f", path], vec!["apply", "--yes", "-f", path]] {
            let (code, out, err) = cli_output(desk.cmd().args(&args));
            assert_eq!(code, 6, "{args:?}: {out}{err}");
            assert!(err.contains(&format!("error: {message}")), "{err}");
            assert!(
                err.contains(&format!("--> {path}:{place}")),
                "{args:?}: {err}"
            );
        }
    }
}
