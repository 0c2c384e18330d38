//! The command line: clap definitions and one module per noun, one file per verb.
//! Commands resolve their inputs, ask the client, and render the answer.

pub mod actions;
pub mod agents;
pub mod apply;
pub mod assignment;
pub mod completions;
pub mod context;
pub mod delivery;
pub mod diff;
mod document;
pub mod email;
pub mod export;
pub mod fields;
pub mod handoff;
pub mod hours;
pub mod integrations;
pub mod mcp;
pub mod notifications;
pub mod operators;
pub mod outbox;
pub mod rules;
pub mod schema;
mod secret;
pub mod serve;
mod session;
pub mod teams;
pub mod tickets;
pub mod tokens;
pub mod validate;

pub use session::Session;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::error::CliResult;
use crate::ui::{ColorChoice, OutputFormat};

/// deskctl: administer a Desk help desk, and run the Desk service.
///
/// With no context configured every command runs the Desk service in-process on a
/// local SQLite file (the local desk), so deskctl works on a fresh machine with no
/// server. `deskctl serve` exposes a desk over HTTP; `deskctl context add` points
/// the CLI at one.
#[derive(Debug, Parser)]
#[command(name = "deskctl", version, max_term_width = 100)]
#[command(after_long_help = crate::docs::after_long_help())]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Use this context instead of the current one (`local` is the local desk)
    #[arg(long, global = true, value_name = "NAME", conflicts_with_all = ["server", "desk"])]
    pub context: Option<String>,
    /// Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN
    #[arg(long, global = true, value_name = "URL", conflicts_with = "desk")]
    pub server: Option<String>,
    /// Use this local desk file instead of the default one
    #[arg(long, global = true, value_name = "PATH")]
    pub desk: Option<PathBuf>,
    /// Output format for data on stdout
    #[arg(short = 'o', long, global = true, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
    /// Never prompt: fail instead, naming the flag that answers the question
    #[arg(long, global = true)]
    pub no_input: bool,
    /// Answer yes to every confirmation
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,
    /// Print only data and errors: no status lines or notes
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// When to use color
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the Desk service over HTTP
    Serve(serve::ServeArgs),
    /// Choose which Desk service the CLI talks to
    #[command(subcommand)]
    Context(context::ContextCommand),
    /// Manage the people who work tickets
    #[command(subcommand)]
    Operators(operators::OperatorsCommand),
    /// Manage teams of operators
    #[command(subcommand)]
    Teams(teams::TeamsCommand),
    /// Manage API tokens
    #[command(subcommand)]
    Tokens(tokens::TokensCommand),
    /// Manage the AI agents that hand conversations over
    #[command(subcommand)]
    Agents(agents::AgentsCommand),
    /// Configure each agent's handover action (Escalate to Human)
    #[command(subcommand)]
    Actions(actions::ActionsCommand),
    /// How new tickets are assigned, and the support inbox
    #[command(subcommand)]
    Assignment(assignment::AssignmentCommand),
    /// Business hours
    #[command(subcommand)]
    Hours(hours::HoursCommand),
    /// Who is told when a customer asks for a human
    #[command(subcommand)]
    Notifications(notifications::NotificationsCommand),
    /// Ticket fields, set from context keys
    #[command(subcommand)]
    Fields(fields::FieldsCommand),
    /// Connections to external help desks, and deliveries of handoffs to them
    #[command(subcommand)]
    Integrations(integrations::IntegrationsCommand),
    /// Priority and assignment rules
    #[command(subcommand)]
    Rules(rules::RulesCommand),
    /// The ticket inbox: list, show, assign, reply, note, resolve
    #[command(subcommand)]
    Tickets(tickets::TicketsCommand),
    /// Preview, send and inspect handoffs
    #[command(subcommand)]
    Handoff(handoff::HandoffCommand),
    /// The SMTP server that emails customers and owners
    #[command(subcommand)]
    Email(email::EmailCommand),
    /// The AI agent platform's webhook for live replies and takeovers
    #[command(subcommand)]
    Delivery(delivery::DeliveryCommand),
    /// Outbound messages: pending, delivered and dead, with their errors
    #[command(subcommand)]
    Outbox(outbox::OutboxCommand),
    /// Make the workspace match a desk document, in one transaction
    Apply(apply::ApplyArgs),
    /// Show what applying a desk document would change (exit 3 when something would)
    Diff(diff::DiffArgs),
    /// Write the workspace as a desk document that `apply` accepts unchanged
    Export(export::ExportArgs),
    /// Check a workspace document offline, with the place of every problem
    Validate(validate::ValidateArgs),
    /// Print the JSON Schema of the workspace document
    Schema,
    /// Serve the AI copilot's read-only tools over MCP on stdio
    ///
    /// An MCP client (Claude Desktop, an IDE agent) starts `deskctl mcp` and talks to it on
    /// stdin and stdout. The tools read tickets, handoffs and operators as the target's
    /// token sees them (the local desk: as its owner) and change nothing. See
    /// docs/copilot.md.
    Mcp(mcp::McpArgs),
    /// Print a shell completion script
    Completions(completions::CompletionsArgs),
}

/// A value parser for a wire enum: its names become the possible values that
/// help and completions show.
pub(crate) fn wire_enum_parser<T>(
    names: &'static [&'static str],
) -> impl clap::builder::TypedValueParser<Value = T>
where
    T: std::str::FromStr + Clone + Send + Sync + 'static,
    T::Err: std::fmt::Debug,
{
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(names)
        .map(|name| name.parse::<T>().expect("a listed value parses"))
}

pub async fn dispatch(command: Command, session: &Session) -> CliResult {
    match command {
        Command::Serve(args) => serve::cmd_serve(session, args).await,
        Command::Context(command) => context::dispatch(session, command).await,
        Command::Operators(command) => operators::dispatch(session, command).await,
        Command::Teams(command) => teams::dispatch(session, command).await,
        Command::Tokens(command) => tokens::dispatch(session, command).await,
        Command::Agents(command) => agents::dispatch(session, command).await,
        Command::Actions(command) => actions::dispatch(session, command).await,
        Command::Assignment(command) => assignment::dispatch(session, command).await,
        Command::Hours(command) => hours::dispatch(session, command).await,
        Command::Notifications(command) => notifications::dispatch(session, command).await,
        Command::Fields(command) => fields::dispatch(session, command).await,
        Command::Rules(command) => rules::dispatch(session, command).await,
        Command::Integrations(command) => integrations::dispatch(session, command).await,
        Command::Handoff(command) => handoff::dispatch(session, command).await,
        Command::Tickets(command) => tickets::dispatch(session, command).await,
        Command::Email(command) => email::dispatch(session, command).await,
        Command::Delivery(command) => delivery::dispatch(session, command).await,
        Command::Outbox(command) => outbox::dispatch(session, command).await,
        Command::Apply(args) => apply::cmd_apply(session, args).await,
        Command::Diff(args) => diff::cmd_diff(session, args).await,
        Command::Export(args) => export::cmd_export(session, args).await,
        Command::Validate(args) => validate::cmd_validate(session, args).await,
        Command::Schema => schema::cmd_schema(session).await,
        Command::Mcp(args) => mcp::cmd_mcp(session, args).await,
        Command::Completions(args) => completions::cmd_completions(args),
    }
}

/// A moment given on the command line: an RFC 3339 instant
/// (`2026-03-29T07:30:00Z`), or a civil date and time (`2026-03-29T09:30`) in the
/// caller's time zone.
pub(crate) fn parse_instant(text: &str) -> Result<jiff::Timestamp, String> {
    if let Ok(at) = text.parse::<jiff::Timestamp>() {
        return Ok(at);
    }
    if let Ok(zoned) = text.parse::<jiff::Zoned>() {
        return Ok(zoned.timestamp());
    }
    text.parse::<jiff::civil::DateTime>()
        .ok()
        .and_then(|civil| civil.to_zoned(jiff::tz::TimeZone::system()).ok())
        .map(|zoned| zoned.timestamp())
        .ok_or_else(|| {
            format!(
                "'{text}' is not a moment: use RFC 3339 like 2026-03-29T07:30:00Z, or a local \
                 date and time like 2026-03-29T09:30"
            )
        })
}
