//! `deskctl actions`: each AI agent's handover action ("Escalate to Human").

mod list;
mod remove;
mod set;
mod show;
mod status;
mod toggle;

use clap::Subcommand;
use serde::Serialize;

use super::Session;
use crate::api::{Agent, HandoverAction, HandoverStatus};
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ActionsCommand {
    /// List the agents' handover actions
    #[command(visible_alias = "ls")]
    #[command(after_help = "Examples:\n  deskctl actions list")]
    List(list::ActionsListArgs),
    /// Show an agent's handover action
    #[command(after_help = "Examples:\n  deskctl actions show shop-assistant")]
    Show(show::ActionsShowArgs),
    /// Create or change an agent's handover action
    #[command(
        after_help = "Without -f, each flag changes its field of the agent's action and leaves the \
others as they are (a new action starts from the defaults). With -f, the file is the whole \
action, as `PUT /v1/agents/{key}/handover` takes it: a field it leaves out takes its default (no \
`default-priority` clears it), and flags given beside -f override the file's fields. `actions \
show -o json|yaml` prints exactly what -f reads, so setting what it printed changes nothing. A \
file with an error is refused, each problem shown at its line and column, and nothing changes.

Examples:\n  deskctl actions set shop-assistant --channel web --channel telegram\n  deskctl actions set shop-assistant --platform zendesk --default-priority high\n  deskctl actions set shop-assistant --when-to-use-file guidance.md \\\n      --human-button true --message-threshold 3\n  deskctl actions show shop-assistant -o yaml > action.yaml \\\n      && deskctl actions set shop-assistant -f action.yaml\n  deskctl actions show shop-assistant -o json | jq '.name=\"Ask_A_Person\"' \\\n      | deskctl actions set faq-bot -f -\n  deskctl actions set faq-bot -f action.yaml --platform inbox"
    )]
    Set(Box<set::ActionsSetArgs>),
    /// Enable an agent's handover action
    #[command(after_help = "Examples:\n  deskctl actions enable shop-assistant")]
    Enable(toggle::ActionsToggleArgs),
    /// Disable an agent's handover action
    #[command(after_help = "Examples:\n  deskctl actions disable shop-assistant")]
    Disable(toggle::ActionsToggleArgs),
    /// Would the customer see the human button now (or at a moment), and if not why
    #[command(
        after_help = "Examples:\n  deskctl actions status shop-assistant\n  deskctl actions status shop-assistant --messages 5 --at 2026-03-30T18:30"
    )]
    Status(status::ActionsStatusArgs),
    /// Remove an agent's handover action
    #[command(visible_alias = "rm")]
    #[command(after_help = "Examples:\n  deskctl actions remove shop-assistant")]
    Remove(remove::ActionsRemoveArgs),
}

pub async fn dispatch(session: &Session, command: ActionsCommand) -> CliResult {
    match command {
        ActionsCommand::List(args) => list::cmd_actions_list(session, args).await,
        ActionsCommand::Show(args) => show::cmd_actions_show(session, args).await,
        ActionsCommand::Set(args) => set::cmd_actions_set(session, *args).await,
        ActionsCommand::Enable(args) => toggle::cmd_actions_toggle(session, args, true).await,
        ActionsCommand::Disable(args) => toggle::cmd_actions_toggle(session, args, false).await,
        ActionsCommand::Status(args) => status::cmd_actions_status(session, args).await,
        ActionsCommand::Remove(args) => remove::cmd_actions_remove(session, args).await,
    }
}

/// An agent's handover action as `show`, `set`, `enable` and `disable` print it.
/// `-o json` and `-o yaml` are the API's `HandoverAction` alone, as
/// `GET /v1/agents/{key}/handover` returns it and `PUT` takes it; the agent's
/// key is for the detail view and `-o name`.
#[derive(Debug)]
pub struct ActionView {
    pub agent: String,
    pub handover: HandoverAction,
}

impl Serialize for ActionView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.handover.serialize(serializer)
    }
}

/// A row of `actions list`: an agent that has a handover action. The API lists
/// actions only as part of their agents (`GET /v1/agents`), so `-o json` prints
/// those `Agent` objects.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ActionRow(Agent);

impl ActionRow {
    /// `None` for an agent without a handover action: it has no row.
    pub fn of(agent: Agent) -> Option<Self> {
        agent.handover.is_some().then_some(Self(agent))
    }

    fn action(&self) -> &HandoverAction {
        self.0
            .handover
            .as_ref()
            .expect("a row is only made of an agent with an action")
    }
}

fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.to_string()
}

fn action_columns(wide: bool) -> Vec<&'static str> {
    let mut columns = vec!["AGENT", "ACTION", "ENABLED", "PLATFORM", "CHANNELS"];
    if wide {
        columns.extend(["PRIORITY", "BUTTON", "THRESHOLD"]);
    }
    columns
}

fn action_cells(agent: &str, action: &HandoverAction, wide: bool) -> Vec<String> {
    let mut cells = vec![
        agent.to_string(),
        action.name.clone(),
        yes_no(action.enabled),
        action.platform.clone(),
        crate::ui::joined(&action.channels),
    ];
    if wide {
        cells.extend([
            action
                .default_priority
                .map_or_else(|| "-".into(), |p| p.to_string()),
            yes_no(action.human_button),
            action.message_threshold.to_string(),
        ]);
    }
    cells
}

impl Tabular for ActionRow {
    fn columns(wide: bool) -> Vec<&'static str> {
        action_columns(wide)
    }

    fn cells(&self, _ui: &Ui, wide: bool) -> Vec<String> {
        action_cells(&self.0.key, self.action(), wide)
    }

    fn name(&self) -> String {
        self.0.key.clone()
    }
}

impl Tabular for ActionView {
    fn columns(wide: bool) -> Vec<&'static str> {
        action_columns(wide)
    }

    fn cells(&self, _ui: &Ui, wide: bool) -> Vec<String> {
        action_cells(&self.agent, &self.handover, wide)
    }

    fn name(&self) -> String {
        self.agent.clone()
    }
}

impl Detail for ActionView {
    fn fields(&self, _ui: &Ui) -> Vec<(&'static str, String)> {
        let action = &self.handover;
        vec![
            ("Agent", self.agent.clone()),
            ("Action", action.name.clone()),
            ("Enabled", yes_no(action.enabled)),
            ("Platform", action.platform.clone()),
            ("Channels", crate::ui::joined(&action.channels)),
            (
                "Default priority",
                action
                    .default_priority
                    .map_or_else(|| "- (medium)".into(), |p| p.to_string()),
            ),
            ("Human button", yes_no(action.human_button)),
            ("Message threshold", action.message_threshold.to_string()),
            ("Waiting label", action.labels.waiting.clone()),
            ("Connected label", action.labels.connected.clone()),
            ("Auto-reply", action.auto_reply.clone()),
            (
                "When to use",
                if action.when_to_use.is_empty() {
                    "-".into()
                } else {
                    action.when_to_use.clone()
                },
            ),
        ]
    }
}

impl Tabular for HandoverStatus {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec!["AGENT", "BUTTON", "HIDDEN BECAUSE", "CUSTOMER SEES"]
    }

    fn cells(&self, _ui: &Ui, _wide: bool) -> Vec<String> {
        vec![
            self.agent.clone(),
            if self.button_visible {
                "shown"
            } else {
                "hidden"
            }
            .into(),
            self.hidden_because
                .iter()
                .map(|r| r.code.as_str())
                .collect::<Vec<_>>()
                .join(","),
            self.customer_sees.clone().unwrap_or_else(|| "-".into()),
        ]
    }

    fn name(&self) -> String {
        self.agent.clone()
    }
}

/// The team status assumes, why, and — when rules may route some handoffs
/// elsewhere — that it is an assumption and where else they may go.
fn status_team(status: &HandoverStatus) -> String {
    let mut text = status.team.clone().unwrap_or_else(|| "none".into());
    if let Some(reason) = &status.team_reason {
        text.push_str(&format!(" ({reason})"));
    }
    if !status.may_route_to.is_empty() {
        text.push_str(&format!(
            "\nassumed: assignment rules may route some handoffs to {} instead; \
             `deskctl handoff preview` shows where one goes",
            status.may_route_to.join(", ")
        ));
    }
    text
}

impl Detail for HandoverStatus {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let mut fields = vec![
            ("Agent", self.agent.clone()),
            ("At", ui.instant(self.at)),
            (
                "Human button",
                if self.button_visible {
                    "shown"
                } else {
                    "hidden"
                }
                .into(),
            ),
        ];
        if !self.hidden_because.is_empty() {
            let reasons: Vec<String> = self
                .hidden_because
                .iter()
                .map(|r| r.message.clone())
                .collect();
            let reasons = crate::ui::bullets(&reasons);
            fields.push(("Hidden because", reasons));
        }
        fields.extend([
            ("Messages", self.messages.to_string()),
            (
                "Business hours",
                if self.business_hours_open {
                    "open"
                } else {
                    "closed"
                }
                .into(),
            ),
            ("Team", status_team(self)),
            ("Online in team", self.operators_online.to_string()),
            (
                "Customer sees",
                match (&self.customer_sees, &self.customer_text) {
                    (Some(kind), Some(text)) => format!("{kind}: {text}"),
                    _ => "- (no escalation)".into(),
                },
            ),
        ]);
        if let Some(reason) = &self.customer_reason {
            fields.push(("Because", reason.clone()));
        }
        fields
    }
}
