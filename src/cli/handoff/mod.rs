//! `deskctl handoff`: preview what a handoff would do, send one, and read the
//! recorded ones.

mod list;
mod preview;
mod send;
mod settings;
mod show;

use std::path::Path;

use clap::Subcommand;
use jiff::Timestamp;

use super::Session;
use crate::api::{Environment, Handoff, HandoffDecision, HandoffRequest};
use crate::cli::document::{read_source, refuse};
use crate::error::{CliError, CliResult};
use crate::manifest::{self, Source};
use crate::ui::{Detail, Tabular, Ui, context_text};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum HandoffCommand {
    /// Show what a handoff would do, storing nothing (a dry run of the real pipeline)
    #[command(
        after_help = "Examples:\n  deskctl handoff preview -f convo.json\n  deskctl handoff preview -f convo.json --env development --agent shop-assistant\n  deskctl handoff preview -f convos.jsonl --with desk.yaml"
    )]
    Preview(preview::HandoffPreviewArgs),
    /// Send a handoff for real, to test a setup end to end
    #[command(
        after_help = "Examples:\n  deskctl handoff send -f convo.json\n  deskctl handoff send -f convo.yaml --env production --idempotency-key test-1"
    )]
    Send(send::HandoffSendArgs),
    /// List recorded handoffs, newest first
    #[command(visible_alias = "ls")]
    #[command(
        after_help = "Examples:\n  deskctl handoff list\n  deskctl handoff list --env development --outcome preview\n  deskctl handoff list --all -o jsonl"
    )]
    List(list::HandoffListArgs),
    /// Show a recorded handoff and its decision
    #[command(after_help = "Examples:\n  deskctl handoff show hof_1kbp3sm803f9a0c1b2d4e")]
    Show(show::HandoffShowArgs),
    /// Show or change the handoff settings (the document's `handoff` section)
    #[command(
        after_help = "Examples:\n  deskctl handoff settings show\n  deskctl handoff settings set --preview-in-non-production false"
    )]
    Settings(settings::HandoffSettingsArgs),
}

pub async fn dispatch(session: &Session, command: HandoffCommand) -> CliResult {
    match command {
        HandoffCommand::Preview(args) => preview::cmd_handoff_preview(session, args).await,
        HandoffCommand::Send(args) => send::cmd_handoff_send(session, args).await,
        HandoffCommand::List(args) => list::cmd_handoff_list(session, args).await,
        HandoffCommand::Show(args) => show::cmd_handoff_show(session, args).await,
        HandoffCommand::Settings(args) => settings::cmd_handoff_settings(session, args).await,
    }
}

/// Reads a handoff from a JSON or YAML file (`-` for stdin; see
/// docs/handoff-format.md), with `--agent` and `--env` overriding the file.
/// Every problem of the file is shown at its place, as `validate` shows a
/// document's, before anything is sent. JSON Lines of several handoffs are
/// refused with `many` as the hint: what the command can do with them.
pub(crate) fn read_handoff(
    session: &Session,
    path: &Path,
    agent: Option<&str>,
    environment: Option<Environment>,
    many: &str,
) -> CliResult<HandoffRequest> {
    let source = read_source(session, path)?;
    if manifest::parse::holds_json_lines(source.text()) {
        return Err(CliError::general(format!(
            "{} holds several handoffs, one a line (JSON Lines): this command takes one",
            source.name
        ))
        .with_hint(many));
    }
    let request = one_in(session, &source, &given(agent, environment))?;
    refuse_over_body_limit(&source.name, &request)?;
    Ok(request)
}

/// Refuses a handoff larger than the service takes in one request, before
/// it is sent: the service's refusal would speak of requests in general,
/// and of workspace documents, not of this file.
fn refuse_over_body_limit(name: &str, request: &HandoffRequest) -> CliResult {
    // As the client sends it: compact JSON.
    let size = serde_json::to_vec(request).map_or(0, |body| body.len());
    let limit = crate::api::MAX_BODY_BYTES;
    if size <= limit {
        return Ok(());
    }
    Err(CliError::general(format!(
        "the handoff in {name} is {size} bytes as sent (JSON), over the {} MiB ({limit} bytes) \
         a handoff may be",
        limit / (1024 * 1024)
    ))
    .with_hint(
        "send less in one handoff: the transcript's latest messages, shorter context values \
         (the limits are in docs/handoff-format.md)",
    ))
}

/// The one handoff of a file already read, checked offline as the service
/// checks a handoff on its own, every problem shown at its place.
fn one_in(session: &Session, source: &Source, given: &[(&str, &str)]) -> CliResult<HandoffRequest> {
    manifest::handoff::parse_handoff(source, given, Timestamp::now())
        .map_err(|found| refuse(session, source, found).with_hint(FORMAT_HINT))
}

/// The handoffs of a file (`-` for stdin): one a line (blank lines skipped)
/// when its name ends in `.jsonl` or `.ndjson` or it holds JSON Lines (see
/// [`manifest::parse::holds_json_lines`]: `jq -c` piped in needs no name),
/// each read as [`read_handoff`] reads one, every bad line shown at its place
/// and any one refusing the file; else the one handoff of a JSON or YAML
/// document. A file without a handoff is refused too: there is nothing to
/// preview.
pub(crate) fn read_handoffs(
    session: &Session,
    path: &Path,
    agent: Option<&str>,
    environment: Option<Environment>,
) -> CliResult<Vec<HandoffRequest>> {
    let source = read_source(session, path)?;
    let given = given(agent, environment);
    let named_lines = path
        .extension()
        .is_some_and(|e| e == "jsonl" || e == "ndjson");
    if !named_lines && !manifest::parse::holds_json_lines(source.text()) {
        return Ok(vec![one_in(session, &source, &given)?]);
    }
    let handoffs = manifest::handoff::parse_handoff_lines(&source, &given, Timestamp::now())
        .map_err(|found| refuse(session, &source, found).with_hint(LINES_HINT))?;
    if handoffs.is_empty() {
        return Err(
            CliError::general(format!("{} holds no handoffs", source.name)).with_hint(LINES_HINT),
        );
    }
    Ok(handoffs)
}

const FORMAT_HINT: &str = "the handoff format is described in docs/handoff-format.md";
const LINES_HINT: &str =
    "each line of a JSON Lines file is one handoff as docs/handoff-format.md describes";

/// The keys `--agent` and `--env` give: they win over the file, and stand in
/// for what it leaves out.
fn given(agent: Option<&str>, environment: Option<Environment>) -> Vec<(&'static str, &str)> {
    let mut given = Vec::new();
    if let Some(agent) = agent {
        given.push(("agent", agent));
    }
    if let Some(environment) = environment {
        given.push(("environment", environment.as_str()));
    }
    given
}

/// A decision as the preview shows it.
pub(crate) fn decision_fields(decision: &HandoffDecision) -> Vec<(&'static str, String)> {
    let list = |items: &[String]| {
        if items.is_empty() {
            "-".to_string()
        } else {
            items.join(", ")
        }
    };
    let mut fields = vec![
        (
            "Agent",
            format!(
                "{} (action {}, platform {})",
                decision.agent, decision.action, decision.platform
            ),
        ),
        ("Environment", decision.environment.to_string()),
        ("Channel", decision.channel.to_string()),
        ("Outcome", decision.outcome.to_string()),
        ("Subject", decision.subject.clone()),
        (
            "Ticket priority",
            format!(
                "{} ({})",
                decision.priority.value,
                decision.priority.source.explain()
            ),
        ),
        (
            "Assigned team",
            format!(
                "{} ({})",
                decision.team.value.as_deref().unwrap_or("none"),
                decision.team.source.explain()
            ),
        ),
        (
            "Operator",
            format!(
                "{} ({})",
                decision.assignee.value.as_deref().unwrap_or(
                    // An external platform's ticket is not Desk's to assign:
                    // "nobody" would read as a problem.
                    if decision.platform == crate::domain::platform::INBOX {
                        "nobody"
                    } else {
                        "none in Desk"
                    }
                ),
                decision.assignee.reason
            ),
        ),
        (
            "Ticket fields",
            if decision.fields.is_empty() {
                "-".into()
            } else {
                decision
                    .fields
                    .iter()
                    .map(|f| format!("{} ({}, {}) = {}", f.key, f.name, f.field_type, f.value))
                    .collect::<Vec<_>>()
                    .join("\n")
            },
        ),
    ];
    if !decision.field_mismatches.is_empty() {
        fields.push((
            "Not applied",
            decision
                .field_mismatches
                .iter()
                .map(|m| format!("{} = {}: {}", m.key, m.value, m.message))
                .collect::<Vec<_>>()
                .join("\n"),
        ));
    }
    fields.extend([
        ("Unmatched keys", list(&decision.unmatched_context_keys)),
        ("Invalid keys", list(&decision.invalid_context_keys)),
        (
            "Customer sees",
            if decision.customer_sees.reason.is_empty() {
                format!(
                    "{}: {}",
                    decision.customer_sees.kind, decision.customer_sees.text
                )
            } else {
                format!(
                    "{}: {}\n(because {})",
                    decision.customer_sees.kind,
                    decision.customer_sees.text,
                    decision.customer_sees.reason
                )
            },
        ),
        ("Summary", decision.summary.clone()),
    ]);
    if !decision.warnings.is_empty() {
        fields.push(("Warnings", crate::ui::bullets(&decision.warnings)));
    }
    fields
}

impl Tabular for HandoffDecision {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec!["AGENT", "OUTCOME", "PRIORITY", "TEAM", "OPERATOR"]
    }

    fn cells(&self, _ui: &Ui, _wide: bool) -> Vec<String> {
        vec![
            self.agent.clone(),
            self.outcome.to_string(),
            self.priority.value.to_string(),
            self.team.value.clone().unwrap_or_else(|| "-".into()),
            self.assignee.value.clone().unwrap_or_else(|| "-".into()),
        ]
    }

    fn name(&self) -> String {
        self.agent.clone()
    }
}

impl Detail for HandoffDecision {
    fn fields(&self, _ui: &Ui) -> Vec<(&'static str, String)> {
        decision_fields(self)
    }
}

impl Tabular for Handoff {
    fn columns(wide: bool) -> Vec<&'static str> {
        let mut columns = vec![
            "ID",
            "CREATED",
            "AGENT",
            "REQUESTER",
            "CHANNEL",
            "SUBJECT",
            "OUTCOME",
        ];
        if wide {
            columns.extend([
                "ENVIRONMENT",
                "PRIORITY",
                "TEAM",
                "OPERATOR",
                "CUSTOMER SEES",
            ]);
        }
        columns
    }

    fn cells(&self, ui: &Ui, wide: bool) -> Vec<String> {
        let requester = self.request.requester.as_ref().and_then(|r| {
            [&r.email, &r.name, &r.external_id, &r.phone]
                .into_iter()
                .flatten()
                .find(|text| !text.trim().is_empty())
                .cloned()
        });
        let mut cells = vec![
            self.id.clone(),
            ui.time(self.created_at),
            self.agent.clone(),
            requester.unwrap_or_else(|| "-".into()),
            self.decision.channel.to_string(),
            self.decision.subject.clone(),
            outcome_cell(self),
        ];
        if wide {
            cells.push(self.environment.to_string());
            cells.extend(self.decision.cells(ui, false).into_iter().skip(2));
            cells.push(self.decision.customer_sees.kind.clone());
        }
        cells
    }

    fn name(&self) -> String {
        self.id.clone()
    }

    fn fixed_columns() -> &'static [&'static str] {
        &[
            "ID",
            "CREATED",
            "CHANNEL",
            "OUTCOME",
            "ENVIRONMENT",
            "PRIORITY",
        ]
    }

    /// The id, its age and outcome are fixed and take most of 80 columns:
    /// the agent, channel and requester go before the subject is cut to a
    /// stub beside them (`sho…  us…  Wh…`).
    fn optional_columns() -> &'static [&'static str] {
        &["AGENT", "CHANNEL", "REQUESTER"]
    }
}

/// What a handoff became, in a cell: `ticket 10001`, `zendesk #35436 created`,
/// `zendesk failed`, or `preview`.
fn outcome_cell(handoff: &Handoff) -> String {
    match (&handoff.ticket, &handoff.external) {
        (Some(number), _) => format!("ticket {number}"),
        (None, Some(external)) => external_cell(external),
        (None, None) => handoff.outcome.to_string(),
    }
}

/// An external ticket in a cell: `zendesk #35436 resolved`, or its status
/// alone while it is not delivered.
fn external_cell(external: &crate::api::ExternalTicket) -> String {
    match (&external.id, external.outcome.state) {
        (Some(id), _) => format!("{} #{id} {}", external.kind, external.status),
        (None, state) => format!("{} {state}", external.kind),
    }
}

/// How the delivery stands, for people: `failed after 1 attempt: …`.
pub(crate) fn delivery_text(outcome: &crate::api::DeliveryOutcome, ui: &Ui) -> String {
    let attempts = match outcome.attempts {
        1 => "1 attempt".to_string(),
        n => format!("{n} attempts"),
    };
    let mut text = match outcome.state {
        crate::api::DeliveryState::Queued => "queued".to_string(),
        state => format!("{state} after {attempts}"),
    };
    if let Some(error) = &outcome.error {
        text.push_str(": ");
        text.push_str(error);
    }
    if let Some(next) = outcome.next_attempt_at
        && outcome.state == crate::api::DeliveryState::Retrying
    {
        text.push_str(&format!(" (next attempt {})", ui.instant(next)));
    }
    text
}

impl Detail for Handoff {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let mut fields = vec![
            ("Handoff", self.id.clone()),
            ("Received", ui.instant(self.created_at)),
            (
                "Ticket",
                self.ticket
                    .map_or_else(|| "- (none)".into(), |n| n.to_string()),
            ),
        ];
        fields.extend(crate::ui::requester_fields(
            &self.request.requester.clone().unwrap_or_default(),
        ));
        if let Some(external) = &self.external {
            let ticket = external
                .id
                .as_ref()
                .map_or_else(String::new, |id| format!(" #{id}"));
            let mut text = format!(
                "{}{ticket}: {} since {} (delivery {})",
                external.kind.title(),
                external.status,
                ui.instant(external.updated_at),
                external.delivery
            );
            if let Some(url) = &external.url {
                text.push('\n');
                text.push_str(url);
            }
            fields.push(("External ticket", text));
            fields.push(("Delivery", delivery_text(&external.outcome, ui)));
        }
        if let Some(key) = &self.idempotency_key {
            fields.push(("Idempotency key", key.clone()));
        }
        fields.extend(decision_fields(&self.decision));
        fields.push(("Context object", context_text(&self.request.context)));
        fields.push((
            "Transcript",
            self.request
                .transcript
                .iter()
                .map(|m| format!("{}: {}", m.role, m.text))
                .collect::<Vec<_>>()
                .join("\n"),
        ));
        fields
    }
}

/// A preview as shown: the decision, then the context object it was made from
/// (the machine formats print the decision alone, as the API returns it).
pub(crate) struct PreviewView {
    pub decision: HandoffDecision,
    pub context: std::collections::BTreeMap<String, serde_json::Value>,
}

impl serde::Serialize for PreviewView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.decision.serialize(serializer)
    }
}

impl Tabular for PreviewView {
    fn columns(wide: bool) -> Vec<&'static str> {
        HandoffDecision::columns(wide)
    }

    fn cells(&self, ui: &Ui, wide: bool) -> Vec<String> {
        self.decision.cells(ui, wide)
    }

    fn name(&self) -> String {
        self.decision.name()
    }
}

impl Detail for PreviewView {
    fn fields(&self, _ui: &Ui) -> Vec<(&'static str, String)> {
        let mut fields = decision_fields(&self.decision);
        fields.push(("Context object", context_text(&self.context)));
        fields
    }
}
