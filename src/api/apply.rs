//! `/v1/config`: the live workspace as a document with its revision, plans
//! against it and revision-guarded applies; and `/v1/handoffs/what-if`, which
//! compares handoff decisions today with those under a document.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{DeskDocument, HandoffDecision, HandoffRequest, Plan, Problem};

/// The largest request body the service reads, but for a workspace document.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The largest request body that carries a whole workspace document
/// (`POST /v1/config/plan`, `PUT /v1/config`, `POST /v1/handoffs/what-if`);
/// every other request is held to [`MAX_BODY_BYTES`]. An export is a document of the whole
/// workspace, so this bounds the workspace `export` then `apply` round-trips:
/// 400 agents with the longest guidance are under 2 MiB.
pub const MAX_DOCUMENT_BODY_BYTES: usize = 32 * 1024 * 1024;

/// The paths whose request body is a workspace document, held to
/// [`MAX_DOCUMENT_BODY_BYTES`].
pub const DOCUMENT_PATHS: [&str; 3] = ["/v1/config", "/v1/config/plan", "/v1/handoffs/what-if"];

/// `GET /v1/config`: the workspace as a document `PUT /v1/config` and
/// `POST /v1/config/plan` accept unchanged. Secrets are `${hmac:…}`
/// fingerprints of the stored ones, never values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WorkspaceConfig {
    /// The configuration revision (also the `ETag`); pass it as `If-Match` to apply.
    pub revision: String,
    pub document: DeskDocument,
    /// The reference each of the document's secrets is written as in a file
    /// (`deskctl export`), by where it sits (`email.password`,
    /// `delivery.secret`, `integrations.<kind>.<name>`): the `${env:…}` or
    /// `${file:…}` it was applied from, else `${env:DESKCTL_…}`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub secret_references: std::collections::BTreeMap<String, String>,
}

/// `POST /v1/config/plan` and `PUT /v1/config`: a desired document, its
/// secrets resolved to their values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigRequest {
    pub document: DeskDocument,
    /// Also delete what the document's sections do not list.
    #[serde(default)]
    pub prune: bool,
    /// The `${env:…}`/`${file:…}` reference each secret was written as
    /// before it was resolved, by where the secret sits (`email.password`,
    /// `delivery.secret`, `integrations.<kind>.<name>`): kept so that
    /// `GET /v1/config/export` names the same references.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub secret_references: std::collections::BTreeMap<String, String>,
    /// The document's `${env:…}`/`${file:…}` secret references are left as
    /// written, not resolved (`deskctl diff --skip-secrets`): a plan takes
    /// each by its reference, unchanged when the stored secret was applied
    /// from the same one, and warns that its value was not compared. Apply
    /// ignores it and refuses any unresolved reference.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub skip_secrets: bool,
}

/// `PUT /v1/config`: what was applied, and the revision after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConfigApplied {
    /// The plan that was carried out; without changes when the workspace
    /// already matched the document.
    pub plan: Plan,
    /// The revision now (unchanged when nothing was applied).
    pub revision: String,
}

/// `POST /v1/handoffs/what-if`: handoffs to evaluate today and under a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WhatIfRequest {
    /// The document laid over the live workspace (secrets need not be resolved:
    /// nothing is applied).
    pub document: DeskDocument,
    pub handoffs: Vec<HandoffRequest>,
}

/// One decided value that differs between today and the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DecisionDifference {
    /// `priority`, `team`, `assignee`, `fields.<key>`, `field_mismatches` (the keys
    /// whose value does not convert), `outcome`, `platform`, `action`,
    /// `customer_sees` (its kind), `customer_sees.text` (same kind, other words),
    /// `summary`, or `error`.
    pub field: String,
    /// The value today; absent when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<serde_json::Value>,
    /// The value under the document; absent when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed: Option<serde_json::Value>,
}

/// The pipeline's answer for one handoff: a decision, or why it was refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum WhatIfOutcome {
    Decision(Box<HandoffDecision>),
    Rejected(Box<Problem>),
}

/// One handoff evaluated today and under the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WhatIfResult {
    /// 0-based position in the request's `handoffs`.
    pub index: usize,
    pub current: WhatIfOutcome,
    pub proposed: WhatIfOutcome,
    /// Empty when the handoff would be decided the same way.
    pub differences: Vec<DecisionDifference>,
}

/// `POST /v1/handoffs/what-if`: every handoff's comparison, in request order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WhatIfReport {
    pub results: Vec<WhatIfResult>,
    /// How many handoffs would be decided differently.
    pub different: usize,
}
