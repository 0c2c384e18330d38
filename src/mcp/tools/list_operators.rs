//! `list_operators`: who works tickets, and who is available now.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CopilotTool, ToolError, flat, name};
use crate::api::{Availability, Operator};
use crate::client::Client;

pub struct ListOperators;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListOperatorsArgs {
    /// Only operators with this availability; only `online` operators get new tickets.
    #[serde(default)]
    pub availability: Option<Availability>,
    /// Only members of this team (its key).
    #[serde(default)]
    #[schemars(length(max = crate::api::MAX_NAME_CHARS))]
    pub team: Option<String>,
}

/// The operators, by handle.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OperatorList {
    pub operators: Vec<Operator>,
}

impl CopilotTool for ListOperators {
    const NAME: &'static str = "list_operators";
    const TITLE: &'static str = "List operators";
    const DESCRIPTION: &'static str = "List the operators (the people who work tickets) with \
        their availability (online, away, busy, offline; only online operators get new \
        tickets), role and teams. Filter by availability or team.";
    type Args = ListOperatorsArgs;
    type Output = OperatorList;

    async fn run(client: &Client, args: ListOperatorsArgs) -> Result<OperatorList, ToolError> {
        let team = name("team", args.team)?;
        let operators = client
            .list_operators()
            .await?
            .into_iter()
            .filter(|o| args.availability.is_none_or(|a| o.availability == a))
            .filter(|o| team.as_ref().is_none_or(|t| o.teams.contains(t)))
            .collect::<Vec<_>>();
        if let Some(team) = team.as_deref().filter(|_| operators.is_empty()) {
            super::unknown_team(client, team).await?;
        }
        Ok(OperatorList { operators })
    }

    fn text(output: &OperatorList) -> String {
        if output.operators.is_empty() {
            return "No operators match.".into();
        }
        let lines: Vec<String> = output
            .operators
            .iter()
            .map(|o| {
                let teams = if o.teams.is_empty() {
                    "no team".to_string()
                } else {
                    format!("teams {}", o.teams.join(", "))
                };
                format!(
                    "{} ({}) · {} · {} · {teams}",
                    o.handle,
                    flat(&o.name),
                    o.availability,
                    o.role
                )
            })
            .collect();
        lines.join("\n")
    }
}
