use std::path::PathBuf;

use clap::Args;

use super::ActionView;
use crate::api::{Channel, HandoverAction, Priority};
use crate::cli::document::read_object;
use crate::cli::names::{Named, missing};
use crate::cli::{Session, wire_enum_parser};
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct ActionsSetArgs {
    /// The agent's key
    #[arg(add = crate::cli::complete::agents())]
    pub agent: String,
    /// Set the action to the one in this file, JSON or YAML as `actions show -o json|yaml` prints
    /// it (`-` for stdin). The file is the whole action: a field it leaves out takes its default,
    /// as the API's PUT gives it. Flags given beside it override its fields
    #[arg(short = 'f', long = "file", value_name = "PATH")]
    pub file: Option<PathBuf>,
    /// The action's name, as the agent sees it, e.g. `Escalate_To_Human`
    #[arg(long)]
    pub name: Option<String>,
    /// Where tickets go: `inbox` or a connected integration
    #[arg(long)]
    pub platform: Option<String>,
    /// Point the action at an integration even though its last connection test failed
    #[arg(long)]
    pub force: bool,
    /// Guidance for the agent: what the action does, what data moves, when to use it
    #[arg(long, value_name = "TEXT", conflicts_with = "when_to_use_file")]
    pub when_to_use: Option<String>,
    /// Read the guidance from a file (`-` for stdin)
    #[arg(long, value_name = "PATH")]
    pub when_to_use_file: Option<PathBuf>,
    /// A channel where escalation is offered; repeat for several (replaces the list)
    #[arg(long = "channel", value_name = "CHANNEL",
        value_parser = wire_enum_parser::<Channel>(Channel::NAMES))]
    pub channels: Vec<Channel>,
    /// The priority of tickets no priority rule decides
    #[arg(long, value_name = "PRIORITY", conflicts_with = "no_default_priority",
        value_parser = wire_enum_parser::<Priority>(Priority::NAMES))]
    pub default_priority: Option<Priority>,
    /// Leave the priority to rules, else medium
    #[arg(long)]
    pub no_default_priority: bool,
    /// Show a "talk to a human" button in the chat widget
    #[arg(long, value_name = "BOOL")]
    pub human_button: Option<bool>,
    /// Messages exchanged before the button appears
    #[arg(long, value_name = "N", value_parser = crate::cli::whole_number::<u32>(0, u32::MAX))]
    pub message_threshold: Option<u32>,
    /// Shown to the customer while waiting for a person
    #[arg(long, value_name = "TEXT", conflicts_with = "waiting_label_file")]
    pub waiting_label: Option<String>,
    /// Read the waiting label from a file (`-` for stdin)
    #[arg(long, value_name = "PATH")]
    pub waiting_label_file: Option<PathBuf>,
    /// Shown to the customer once a person has joined
    #[arg(long, value_name = "TEXT", conflicts_with = "connected_label_file")]
    pub connected_label: Option<String>,
    /// Read the connected label from a file (`-` for stdin)
    #[arg(long, value_name = "PATH")]
    pub connected_label_file: Option<PathBuf>,
    /// Shown when nobody is available (outside business hours, or nobody online)
    #[arg(long, value_name = "TEXT", conflicts_with = "auto_reply_file")]
    pub auto_reply: Option<String>,
    /// Read the auto-reply from a file (`-` for stdin)
    #[arg(long, value_name = "PATH")]
    pub auto_reply_file: Option<PathBuf>,
}

/// Starts from the file's action if one is given, else the agent's (its
/// defaults when it has none), then applies the flags.
pub async fn cmd_actions_set(session: &Session, args: ActionsSetArgs) -> CliResult {
    let from_stdin = [
        &args.file,
        &args.when_to_use_file,
        &args.waiting_label_file,
        &args.connected_label_file,
        &args.auto_reply_file,
    ]
    .iter()
    .filter(|path| path.as_deref().is_some_and(|p| p.as_os_str() == "-"))
    .count();
    if from_stdin > 1 {
        return Err(CliError::usage(
            "only one text can be read from stdin (`-`); give the others as files",
        ));
    }
    // Read before anything is asked of the service: a bad file changes nothing.
    let from_file: Option<HandoverAction> = args
        .file
        .as_deref()
        .map(|path| {
            read_object(session, path, &[]).map_err(|error| {
                error.with_hint(format!(
                    "`deskctl actions show {} -o yaml` prints an action to start from",
                    args.agent
                ))
            })
        })
        .transpose()?;
    let text = |flag: Option<String>, file: &Option<PathBuf>| -> CliResult<Option<String>> {
        match file {
            Some(path) => Ok(Some(session.read_text(path)?)),
            None => Ok(flag),
        }
    };
    let when_to_use = text(args.when_to_use, &args.when_to_use_file)?;
    let waiting = text(args.waiting_label, &args.waiting_label_file)?;
    let connected = text(args.connected_label, &args.connected_label_file)?;
    let auto_reply = text(args.auto_reply, &args.auto_reply_file)?;

    let client = session
        .writer(&format!("set the handover action of agent {}", args.agent))
        .await?;
    let existing = match client.get_handover(&args.agent).await {
        Ok(action) => Some(action),
        Err(error) if error.code() == Some("handover_not_found") => None,
        Err(error) => {
            let missing = missing(&client, Named::Agent, &args.agent).await;
            return Err(missing.unwrap_or_else(|| error.into()));
        }
    };
    let mut action = match from_file {
        Some(action) => action,
        None => existing.clone().unwrap_or_default(),
    };
    if let Some(name) = args.name {
        action.name = name;
    }
    if let Some(platform) = args.platform {
        action.platform = platform;
    }
    if let Some(text) = when_to_use {
        action.when_to_use = text;
    }
    if !args.channels.is_empty() {
        action.channels = args.channels;
    }
    if let Some(priority) = args.default_priority {
        action.default_priority = Some(priority);
    }
    if args.no_default_priority {
        action.default_priority = None;
    }
    if let Some(shown) = args.human_button {
        action.human_button = shown;
    }
    if let Some(threshold) = args.message_threshold {
        action.message_threshold = threshold;
    }
    if let Some(text) = waiting {
        action.labels.waiting = text;
    }
    if let Some(text) = connected {
        action.labels.connected = text;
    }
    if let Some(text) = auto_reply {
        action.auto_reply = text;
    }
    let handover: HandoverAction = client
        .put_handover(&args.agent, &action, args.force)
        .await?;
    let agent = &args.agent;
    session.ui.success(&match &existing {
        None => format!("Created the handover action of agent {agent}"),
        // A file as `show` printed it sets what is there: saying so shows the round trip.
        Some(before) if *before == handover => {
            format!("The handover action of agent {agent} is unchanged")
        }
        Some(_) => format!("Updated the handover action of agent {agent}"),
    });
    session.ui.print_item(&ActionView {
        agent: args.agent,
        handover,
    })
}
