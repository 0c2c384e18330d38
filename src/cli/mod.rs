//! The command line: clap definitions and one module per noun, one file per verb.
//! Commands resolve their inputs, ask the client, and render the answer.

pub mod actions;
pub mod agents;
pub mod apply;
pub mod assignment;
pub mod auth;
pub mod complete;
pub mod completions;
pub mod context;
pub mod delivery;
pub mod diff;
mod document;
pub mod email;
pub mod events;
pub mod export;
pub mod fields;
pub mod handoff;
pub mod help;
pub mod hours;
pub mod inbox;
pub mod integrations;
pub mod mcp;
mod moment;
mod names;
pub mod notifications;
pub mod operators;
pub mod outbox;
pub mod requesters;
pub mod rules;
pub mod schema;
mod secret;
pub mod secrets;
pub mod serve;
mod session;
mod synonyms;
pub mod teams;
pub mod tickets;
pub mod tokens;
pub mod validate;

pub(crate) use moment::parse_instant;
pub use session::Session;
pub use synonyms::with_synonym_tip;

use std::path::PathBuf;

use clap::{ArgAction, Args, CommandFactory, Parser, Subcommand};

use crate::error::CliResult;
use crate::ui::{ColorChoice, OutputFormat};

/// Administer a Desk help desk, and run the Desk service.
///
/// With no context configured every command runs the Desk service in-process on a
/// local SQLite file (the local desk), so deskctl works on a fresh machine with no
/// server. `deskctl serve` exposes a desk over HTTP; `deskctl context add` points
/// the CLI at one.
#[derive(Debug, Parser)]
#[command(name = "deskctl", version, max_term_width = 100)]
#[command(after_help = ROOT_EXAMPLES, after_long_help = crate::cli::help::after_long_help(ROOT_EXAMPLES))]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes, shown under their own heading.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Use this context instead of the current one (`local` is the local desk)
    #[arg(long, global = true, value_name = "NAME", conflicts_with_all = ["server", "desk"])]
    #[arg(add = complete::contexts())]
    pub context: Option<String>,
    /// Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN
    #[arg(long, global = true, value_name = "URL", conflicts_with = "desk")]
    pub server: Option<String>,
    /// Use this local desk file instead of the default one
    #[arg(long, global = true, value_name = "PATH", conflicts_with = "database")]
    pub desk: Option<PathBuf>,
    /// Run (or serve) the desk in this PostgreSQL database: postgres://user@host/db; keep the
    /// password out of the command line (PGPASSWORD, ~/.pgpass or DESKCTL_DATABASE_URL)
    #[arg(long, global = true, value_name = "URL", conflicts_with_all = ["server", "context"])]
    pub database: Option<String>,
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
    /// Trace each request on stderr: method, path, status, time, request id
    /// (-vv: the in-process local desk's own log too)
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,
    /// When to use color
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

// A noun's verbs. clap's derive builds a `#[command(subcommand)]` variant's
// tree (a command for each of its verbs) with the root's, for every command
// line; an `Args` variant's it defers (`defer = true` below) until it is the
// one given. (No doc comment: clap would make it each noun's about.)
#[derive(Debug, Args)]
pub struct Verbs<T: Subcommand> {
    #[command(subcommand)]
    pub verb: T,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Run the Desk service over HTTP
    Serve(serve::ServeArgs),
    /// Choose which Desk service the CLI talks to
    #[command(
        after_help = "Examples:\n  deskctl context list\n  deskctl context add prod --server https://desk.example.com --token-stdin \\\n      < token.txt\n  deskctl context use prod"
    )]
    Context(Verbs<context::ContextCommand>),
    /// Manage the people who work tickets
    #[command(
        after_help = "Examples:\n  deskctl operators list\n  deskctl operators add alice --name 'Alice Smith' --email alice@example.com \\\n      --team support\n  deskctl operators availability alice online"
    )]
    Operators(Verbs<operators::OperatorsCommand>),
    /// Manage teams of operators
    #[command(
        after_help = "Examples:\n  deskctl teams list\n  deskctl teams add billing --name Billing --member carol\n  deskctl teams set billing --add-member dave"
    )]
    Teams(Verbs<teams::TeamsCommand>),
    /// Manage API tokens
    #[command(
        after_help = "Examples:\n  deskctl tokens create --operator alice\n  deskctl tokens create --ingest --name ai-platform\n  deskctl tokens revoke tok_3f9c0a1b2d4e"
    )]
    Tokens(Verbs<tokens::TokensCommand>),
    /// Manage the AI agents that hand conversations over
    #[command(
        after_help = "Examples:\n  deskctl agents list\n  deskctl agents add shop-assistant --name 'Shop assistant'"
    )]
    Agents(Verbs<agents::AgentsCommand>),
    /// Configure each agent's handover action (Escalate to Human)
    #[command(
        after_help = "Examples:\n  deskctl actions set shop-assistant --channel web --channel email \\\n      --default-priority high\n  deskctl actions status shop-assistant --messages 3\n  deskctl actions show shop-assistant -o json | jq '.name=\"Ask_A_Person\"' \\\n      | deskctl actions set faq-bot -f -\n  deskctl actions disable shop-assistant"
    )]
    Actions(Verbs<actions::ActionsCommand>),
    /// How new tickets are assigned, and the support inbox
    #[command(
        after_help = "Examples:\n  deskctl assignment show\n  deskctl assignment set --method round-robin"
    )]
    Assignment(Verbs<assignment::AssignmentCommand>),
    /// Business hours
    #[command(
        after_help = "Examples:\n  deskctl hours set --enabled true --timezone Europe/Berlin \\\n      --days mon,tue,wed,thu,fri --start 09:00 --end 17:00\n  deskctl hours check --at 2026-03-30T08:30"
    )]
    Hours(Verbs<hours::HoursCommand>),
    /// Who is told when a customer asks for a human
    #[command(after_help = "Examples:\n  deskctl notifications set --email-owners true")]
    Notifications(Verbs<notifications::NotificationsCommand>),
    /// Ticket fields, set from context keys
    #[command(
        after_help = "Examples:\n  deskctl fields add order-id --name 'Order ID' --type text\n  deskctl fields list"
    )]
    Fields(Verbs<fields::FieldsCommand>),
    /// Connections to external help desks, and deliveries of handoffs to them
    #[command(
        after_help = "Examples:\n  deskctl integrations connect zendesk --set subdomain=acme \\\n      --secret api-token=env:ZD_TOKEN\n  deskctl integrations deliveries --state dead\n  deskctl integrations test zendesk"
    )]
    Integrations(Verbs<integrations::IntegrationsCommand>),
    /// Priority and assignment rules
    #[command(
        after_help = "Examples:\n  deskctl rules add priority --when channel=telegram --priority high\n  deskctl rules add assignment --when 'reason contains invoice' --team billing\n  deskctl rules list"
    )]
    Rules(Verbs<rules::RulesCommand>),
    /// The ticket inbox: list, show, assign, reply, note, resolve
    #[command(
        after_help = "Examples:\n  deskctl tickets list --view unassigned\n  deskctl tickets show 10042\n  deskctl tickets assign 10042 --to alice\n  deskctl tickets triage"
    )]
    Tickets(Verbs<tickets::TicketsCommand>),
    /// Preview, send and inspect handoffs
    #[command(
        after_help = "Examples:\n  deskctl handoff preview -f convo.json --env development\n  deskctl handoff preview -f convos.jsonl --with desk.yaml\n  deskctl handoff list --outcome ticket"
    )]
    Handoff(Verbs<handoff::HandoffCommand>),
    /// The live inbox, full-screen; `inbox receive` takes an email from an MTA
    #[command(
        after_help = "Examples:\n  deskctl inbox\n  deskctl inbox --context prod\n  deskctl inbox receive < message.eml"
    )]
    Inbox(inbox::InboxArgs),
    /// Print every change as it happens (the event stream): JSON Lines, or rows on a terminal
    #[command(
        after_help = "Examples:\n  deskctl events\n  deskctl events --after 1200 | jq -c 'select(.kind == \"handoff\")'\n  deskctl tickets list --view unassigned --watch"
    )]
    Events(events::EventsArgs),
    /// The SMTP server that emails customers and owners
    #[command(
        after_help = "Examples:\n  deskctl email set --host smtp.example.com --tls starttls --username desk \\\n      --password-env SMTP_PASSWORD\n  deskctl email show"
    )]
    Email(Verbs<email::EmailCommand>),
    /// The AI agent platform's webhook for live replies and takeovers
    #[command(
        after_help = "Examples:\n  deskctl delivery set --url https://ai.example.com/desk/events \\\n      --secret-env DESK_WEBHOOK_SECRET\n  deskctl delivery show"
    )]
    Delivery(Verbs<delivery::DeliveryCommand>),
    /// Outbound messages: pending, delivered and dead, with their errors
    #[command(
        after_help = "Examples:\n  deskctl outbox list --state dead\n  deskctl outbox retry 42"
    )]
    Outbox(Verbs<outbox::OutboxCommand>),
    /// The key that seals stored secrets at rest
    #[command(after_help = "Examples:\n  deskctl secrets rotate-key")]
    Secrets(Verbs<secrets::SecretsCommand>),
    /// Customers: their own tickets, as they see them
    #[command(after_help = "Examples:\n  deskctl requesters tickets dana@example.com")]
    Requesters(Verbs<requesters::RequestersCommand>),
    /// Make the workspace match a desk document, in one transaction
    #[command(
        after_help = "Examples:\n  deskctl apply -f desk.yaml\n  deskctl apply -f desk.yaml --dry-run\n  deskctl apply -f operators.yaml -f teams.yaml\n  deskctl apply -f desk/\n  deskctl apply -f desk.yaml --prune --context prod --yes\n  deskctl apply -f desk.yaml --yes -o json | jq .revision"
    )]
    Apply(apply::ApplyArgs),
    /// Show what applying a desk document would change (exit 3 when something would)
    #[command(
        after_help = "Examples:\n  deskctl diff -f desk.yaml\n  deskctl diff -f desk/\n  deskctl diff -f desk.yaml --prune --context prod"
    )]
    Diff(diff::DiffArgs),
    /// Write the workspace as a desk document that `apply` accepts unchanged, once the
    /// variables its secrets name (`${env:…}`) are set
    #[command(
        after_help = "Examples:\n  deskctl export > desk.yaml\n  deskctl export --context prod > prod.yaml"
    )]
    Export(export::ExportArgs),
    /// Check a workspace document offline, with the place of every problem
    #[command(
        after_help = "Examples:\n  deskctl validate -f desk.yaml\n  deskctl validate -f operators.yaml -f teams.yaml\n  deskctl validate -f desk.yaml --skip-secrets\n  deskctl validate -f desk.yaml -o json\n  cat desk.yaml | deskctl validate -f -"
    )]
    Validate(validate::ValidateArgs),
    /// Print the JSON Schema of the workspace document
    #[command(after_help = "Examples:\n  deskctl schema > desk.schema.json")]
    Schema,
    /// Serve the AI copilot's read-only tools over MCP on stdio
    ///
    /// An MCP client (Claude Desktop, an IDE agent) starts `deskctl mcp` and talks to it on
    /// stdin and stdout. The tools read tickets, handoffs and operators as the target's
    /// token sees them (the local desk: as its owner) and change nothing. See
    /// docs/copilot.md.
    #[command(
        after_help = "Examples:\n  deskctl mcp\n  deskctl mcp --context prod\n  DESKCTL_TOKEN=… deskctl mcp --server https://desk.example.com"
    )]
    Mcp(mcp::McpArgs),
    /// Print the script that gives a shell deskctl's completions
    Completions(completions::CompletionsArgs),
    /// Who you are on the current target, and what serves it
    #[command(
        after_help = "Examples:\n  deskctl auth status\n  deskctl auth status --context prod -o json"
    )]
    Auth(Verbs<auth::AuthCommand>),
}

pub const ROOT_EXAMPLES: &str = "\
Examples:
  deskctl tickets list --view unassigned
  deskctl handoff preview -f convo.json --env development
  deskctl apply -f desk.yaml --context prod
  deskctl context add prod --server https://desk.example.com --token-stdin \\
      < token.txt
  deskctl serve --listen 0.0.0.0:7070";

/// The top-level commands by what they are for, as `deskctl --help` lists them.
pub const COMMAND_GROUPS: &[(&str, &[&str])] = &[
    (
        "Inbox",
        &["inbox", "tickets", "events", "outbox", "requesters"],
    ),
    (
        "Handoffs",
        &["handoff", "agents", "actions", "integrations"],
    ),
    (
        "Configuration",
        &[
            "operators",
            "teams",
            "tokens",
            "assignment",
            "hours",
            "notifications",
            "fields",
            "rules",
            "email",
            "delivery",
        ],
    ),
    (
        "Workspace as a file",
        &["apply", "diff", "export", "validate", "schema"],
    ),
    (
        "Service and CLI",
        &["serve", "secrets", "mcp", "context", "auth", "completions"],
    ),
];

/// The command line as clap sees it, with the top-level commands listed by
/// group: clap lists subcommands in one block, so the root's help template
/// carries the grouped list.
pub fn command() -> clap::Command {
    let command = Cli::command();
    let styles = command.get_styles().clone();
    let (header, literal) = (styles.get_header(), styles.get_literal());
    let width = command
        .get_subcommands()
        .map(|sub| sub.get_name().len())
        .max()
        .unwrap_or(0);
    let mut groups = String::new();
    for (title, names) in COMMAND_GROUPS {
        groups.push_str(&format!("{header}{title}:{header:#}\n"));
        for name in *names {
            let sub = command
                .find_subcommand(name)
                .unwrap_or_else(|| panic!("COMMAND_GROUPS names `{name}`, which is no command"));
            let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
            let lead = format!("  {name:<width$}  ");
            let rows = help::hanging(&lead, &about);
            // The name in the literal style, as clap shows a command's.
            groups.push_str(&format!(
                "  {literal}{name}{literal:#}{}",
                &rows[name.len() + 2..]
            ));
        }
        groups.push('\n');
    }
    command.help_template(format!(
        "{{before-help}}{{about-with-newline}}\n{{usage-heading}} {{usage}}\n\n{groups}\
         {header}Global options:{header:#}\n{{options}}{{after-help}}"
    ))
}

/// The usage errors clap cannot find itself: a choice of flags of which one
/// is needed (a required group would make the usage line wider than a
/// terminal). The error is clap's, with the verb's usage line, so it reads
/// and exits (2) as clap's own; `bin_name` is how the program was called.
pub fn check_usage(cli: &Cli, bin_name: Option<&str>) -> Result<(), clap::Error> {
    let (path, why) = match &cli.command {
        Command::Tickets(noun) => match noun.verb.missing() {
            Some((verb, why)) => (["tickets", verb], why),
            None => return Ok(()),
        },
        _ => return Ok(()),
    };
    let mut command = command();
    if let Some(name) = bin_name {
        command = command.bin_name(name);
    }
    command.build();
    let verb = path.iter().fold(&mut command, |command, name| {
        command
            .find_subcommand_mut(name)
            .unwrap_or_else(|| panic!("no subcommand `{name}`"))
    });
    Err(verb.error(clap::error::ErrorKind::MissingRequiredArgument, why))
}

/// How many rows a list shows unless told otherwise on a terminal.
const TERMINAL_LIMIT: u32 = 30;

/// How many rows a list with `--limit N` and `--all` shows (`None`: every
/// one): N when given; else a screenful on a terminal and all when piped, so
/// that `| xargs` and `| wc -l` see every row.
pub(crate) fn list_limit(limit: Option<u32>, all: bool, ui: &crate::ui::Ui) -> Option<u32> {
    match (limit, all) {
        (Some(n), _) => Some(n),
        (None, true) => None,
        (None, false) if ui.stdout_tty => Some(TERMINAL_LIMIT),
        (None, false) => None,
    }
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

/// A value parser for a text flag the API bounds: what `problem` (one of
/// the API's `*_problem` checks) finds wrong is a usage error naming the
/// flag, before any request (too long a text would not fit in a URL).
pub(crate) fn bounded_text(
    problem: fn(&str) -> Option<String>,
) -> impl Fn(&str) -> Result<String, String> + Clone + Send + Sync + 'static {
    move |text| match problem(text) {
        Some(problem) => Err(problem),
        None => Ok(text.to_string()),
    }
}

/// The value parser of every flag that takes a whole number from `min` to
/// `max`: clap's own errors ("invalid digit found in string", "0 is not in
/// 1..=4294967295") say neither what a number it wants nor which.
pub(crate) fn whole_number<T>(
    min: T,
    max: T,
) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync + 'static
where
    T: Copy + Into<u64> + TryFrom<u64> + Send + Sync + 'static,
{
    move |text| {
        let (low, high) = (min.into(), max.into());
        // Up to a count no one reaches: "1 or more" says it all.
        let unbounded = high >= u64::from(u32::MAX);
        let wanted = match unbounded {
            true => format!("{low} or more"),
            false => format!("a whole number from {low} to {high}"),
        };
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("not a whole number; expected {wanted}"));
        }
        match text.parse::<u64>() {
            Ok(n) if n < low => Err(format!("too small; expected {wanted}")),
            Ok(n) if n <= high => {
                T::try_from(n).map_err(|_| format!("too large; expected {wanted}"))
            }
            _ if unbounded => Err(format!("too large; the largest is {high}")),
            _ => Err(format!("too large; expected {wanted}")),
        }
    }
}

/// The value parser of every argument that names a ticket by its number:
/// Rust's own errors ("invalid digit found in string") say neither what a
/// ticket number is nor that a long one is a number at all.
pub(crate) fn parse_ticket_number(text: &str) -> Result<u64, String> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err("not a ticket number: a ticket number is a whole number, such as 10001".into());
    }
    text.parse()
        .map_err(|_| "no ticket has a number this large".to_string())
}

pub async fn dispatch(command: Command, session: &Session) -> CliResult {
    match command {
        Command::Serve(args) => serve::cmd_serve(session, args).await,
        Command::Context(noun) => context::dispatch(session, noun.verb).await,
        Command::Operators(noun) => operators::dispatch(session, noun.verb).await,
        Command::Teams(noun) => teams::dispatch(session, noun.verb).await,
        Command::Tokens(noun) => tokens::dispatch(session, noun.verb).await,
        Command::Agents(noun) => agents::dispatch(session, noun.verb).await,
        Command::Actions(noun) => actions::dispatch(session, noun.verb).await,
        Command::Assignment(noun) => assignment::dispatch(session, noun.verb).await,
        Command::Hours(noun) => hours::dispatch(session, noun.verb).await,
        Command::Notifications(noun) => notifications::dispatch(session, noun.verb).await,
        Command::Fields(noun) => fields::dispatch(session, noun.verb).await,
        Command::Rules(noun) => rules::dispatch(session, noun.verb).await,
        Command::Integrations(noun) => integrations::dispatch(session, noun.verb).await,
        Command::Handoff(noun) => handoff::dispatch(session, noun.verb).await,
        Command::Events(args) => events::cmd_events(session, args).await,
        Command::Tickets(noun) => tickets::dispatch(session, noun.verb).await,
        Command::Email(noun) => email::dispatch(session, noun.verb).await,
        Command::Delivery(noun) => delivery::dispatch(session, noun.verb).await,
        Command::Outbox(noun) => outbox::dispatch(session, noun.verb).await,
        Command::Secrets(noun) => secrets::dispatch(session, noun.verb).await,
        Command::Inbox(args) => inbox::dispatch(session, args).await,
        Command::Requesters(noun) => requesters::dispatch(session, noun.verb).await,
        Command::Apply(args) => apply::cmd_apply(session, args).await,
        Command::Diff(args) => diff::cmd_diff(session, args).await,
        Command::Export(args) => export::cmd_export(session, args).await,
        Command::Validate(args) => validate::cmd_validate(session, args).await,
        Command::Schema => schema::cmd_schema(session).await,
        Command::Mcp(args) => mcp::cmd_mcp(session, args).await,
        Command::Completions(args) => completions::cmd_completions(args),
        Command::Auth(noun) => auth::dispatch(session, noun.verb).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every visible command, with its path.
    fn commands() -> Vec<(String, clap::Command)> {
        fn walk(path: &str, command: &clap::Command, out: &mut Vec<(String, clap::Command)>) {
            out.push((path.to_string(), command.clone()));
            for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
                if sub.get_name() != "help" {
                    walk(&format!("{path} {}", sub.get_name()), sub, out);
                }
            }
        }
        let mut root = command();
        root.build();
        let mut out = Vec::new();
        walk("deskctl", &root, &mut out);
        out
    }

    #[test]
    fn a_whole_number_flag_says_what_it_takes() {
        let limit = whole_number::<u32>(1, u32::MAX);
        assert_eq!(limit("30"), Ok(30));
        assert_eq!(limit("4294967295"), Ok(u32::MAX));
        for text in ["abc", "", "-1", "1.5", " 3", "+3"] {
            assert_eq!(
                limit(text),
                Err("not a whole number; expected 1 or more".into()),
                "{text:?}"
            );
        }
        assert_eq!(limit("0"), Err("too small; expected 1 or more".into()));
        for text in ["4294967296", "99999999999999999999999"] {
            assert_eq!(
                limit(text),
                Err("too large; the largest is 4294967295".into())
            );
        }
        let wait = whole_number::<u32>(0, 20);
        assert_eq!(wait("0"), Ok(0));
        assert_eq!(
            wait("21"),
            Err("too large; expected a whole number from 0 to 20".into())
        );
        let port = whole_number::<u16>(1, u16::MAX);
        assert_eq!(port("65535"), Ok(65535));
        assert_eq!(
            port("70000"),
            Err("too large; expected a whole number from 1 to 65535".into())
        );
        assert_eq!(
            whole_number::<u64>(0, u64::MAX)("18446744073709551615"),
            Ok(u64::MAX)
        );
    }

    /// Prose below a command's help that is wrapped by hand must fit the
    /// width clap wraps help at (`max_term_width`): a longer line is wrapped
    /// again, and the paragraph shows a stub line in its middle. (A paragraph
    /// on one line is clap's to wrap, and an indented example may be long.)
    #[test]
    fn prose_wrapped_by_hand_below_every_help_fits_the_help_width() {
        let width = |line: &str| unicode_width::UnicodeWidthStr::width(line);
        let prose = |line: &str| !line.is_empty() && !line.starts_with(' ');
        let long: Vec<String> = commands()
            .into_iter()
            .flat_map(|(path, c)| {
                [c.get_after_help(), c.get_after_long_help()]
                    .into_iter()
                    .flatten()
                    .flat_map(|text| {
                        let text = text.to_string();
                        let lines: Vec<&str> = text.lines().collect();
                        lines
                            .windows(2)
                            .filter(|pair| prose(pair[0]) && prose(pair[1]) && width(pair[0]) > 100)
                            .map(|pair| format!("{path}: {}", pair[0]))
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(long.is_empty(), "longer than 100 columns: {long:#?}");
    }

    /// On an 80-column terminal every line of every help fits: clap wraps
    /// its own text there (a paragraph on one line included), and what is
    /// laid out by hand (the grouped commands, exit codes, environment,
    /// settings, examples, paragraphs wrapped by hand) is never wrapped
    /// again by clap, which would break it with no indent.
    #[test]
    fn every_help_fits_an_80_column_terminal_as_it_is_laid_out() {
        let width = |line: &str| crate::ui::width::columns(line);
        let mut wide = Vec::new();
        for (path, command) in commands() {
            let mut command = command.term_width(help::HELP_WIDTH);
            let rendered = [command.render_help(), command.render_long_help()];
            let by_hand = [command.get_after_help(), command.get_after_long_help()];
            for text in rendered.iter().map(|t| t.to_string()) {
                for line in text.lines().filter(|l| width(l) > help::HELP_WIDTH) {
                    wide.push(format!("{path}: {line}"));
                }
            }
            for text in by_hand.into_iter().flatten().map(|t| t.to_string()) {
                let lines: Vec<&str> = text.lines().collect();
                for (at, line) in lines.iter().enumerate() {
                    let text_beside = |at: Option<usize>| {
                        at.and_then(|at| lines.get(at))
                            .is_some_and(|l| !l.is_empty() && !l.starts_with(' '))
                    };
                    let by_hand = line.starts_with(' ')
                        || text_beside(at.checked_sub(1))
                        || text_beside(Some(at + 1));
                    if by_hand && width(line) > help::HELP_WIDTH {
                        wide.push(format!("{path}: {line}"));
                    }
                }
            }
        }
        wide.dedup();
        assert!(wide.is_empty(), "wider than 80 columns: {wide:#?}");
    }

    #[test]
    fn every_command_shows_examples() {
        let missing: Vec<String> = commands()
            .into_iter()
            .filter(|(_, c)| {
                !c.get_after_help()
                    .is_some_and(|h| h.to_string().contains("Examples:\n  "))
            })
            .map(|(path, _)| path)
            .collect();
        assert!(missing.is_empty(), "no examples: {missing:#?}");
    }

    #[test]
    fn a_ticket_number_that_is_not_one_says_what_a_ticket_number_is() {
        // `N` stands for the ticket number.
        let commands: [&[&str]; 8] = [
            &["tickets", "show", "--", "N"],
            &["tickets", "reply", "-m", "ok", "--", "N"],
            &["tickets", "note", "-m", "ok", "--", "N"],
            &["tickets", "priority", "--", "N", "high"],
            &["tickets", "assign", "--me", "--", "N"],
            &["tickets", "resolve", "--", "10001", "N"],
            &["tickets", "reopen", "--", "N"],
            &["outbox", "list", "--ticket=N"],
        ];
        for words in commands {
            for (number, problem) in [
                (
                    "-1",
                    "not a ticket number: a ticket number is a whole number, such as 10001",
                ),
                (
                    "ten",
                    "not a ticket number: a ticket number is a whole number, such as 10001",
                ),
                ("99999999999999999999", "no ticket has a number this large"),
            ] {
                let argv: Vec<String> = std::iter::once("deskctl".to_string())
                    .chain(words.iter().map(|word| word.replace('N', number)))
                    .collect();
                let error = command().try_get_matches_from(&argv).unwrap_err();
                assert_eq!(
                    error.kind(),
                    clap::error::ErrorKind::ValueValidation,
                    "{argv:?}"
                );
                let message = error.to_string();
                assert!(
                    message.contains(&format!("'{number}'")) && message.contains(problem),
                    "{argv:?}: {message}"
                );
            }
        }
        assert_eq!(parse_ticket_number("10001"), Ok(10001));
    }

    #[test]
    fn every_flag_and_argument_says_what_it_is() {
        let mut missing = Vec::new();
        for (path, command) in commands() {
            for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
                if arg.get_help().is_none() && arg.get_long_help().is_none() {
                    missing.push(format!("{path} {}", arg.get_id()));
                }
            }
        }
        assert!(missing.is_empty(), "undescribed: {missing:#?}");
    }

    #[test]
    fn every_top_level_command_is_in_exactly_one_group() {
        let grouped: Vec<&str> = COMMAND_GROUPS
            .iter()
            .flat_map(|(_, names)| *names)
            .copied()
            .collect();
        let mut root = command();
        root.build();
        for sub in root
            .get_subcommands()
            .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        {
            let count = grouped.iter().filter(|n| **n == sub.get_name()).count();
            assert_eq!(count, 1, "{} is in {count} groups", sub.get_name());
        }
    }

    #[test]
    fn global_flags_have_their_own_heading() {
        let mut root = command();
        root.build();
        let list = root
            .find_subcommand("tickets")
            .unwrap()
            .find_subcommand("list")
            .unwrap();
        for arg in list.get_arguments().filter(|a| a.is_global_set()) {
            assert_eq!(
                arg.get_help_heading(),
                Some("Global options"),
                "{}",
                arg.get_id()
            );
        }
        for arg in list.get_arguments().filter(|a| !a.is_global_set()) {
            assert_eq!(arg.get_help_heading(), None, "{}", arg.get_id());
        }
    }
}
