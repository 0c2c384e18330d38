//! The CLI's one error type. Every failure reaches the user through
//! [`CliError`]: a message, optional causes and hints, and an exit code from the
//! documented table. Library errors are mapped to it here and nowhere else.

use std::fmt;

use http::StatusCode;

use crate::client::ClientError;
use crate::config::ConfigError;

/// The documented exit codes (docs/exit-codes.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExitKind {
    /// 1: something failed.
    Error,
    /// 2: the command line was wrong, or a needed answer could not be asked for.
    Usage,
    /// 3: `diff` or `apply --dry-run` found changes.
    ChangesPresent,
    /// 4: not authenticated or not allowed.
    Auth,
    /// 5: what was named does not exist.
    NotFound,
    /// 6: a conflict: it already exists, a rule of the workspace, a stale revision.
    Conflict,
    /// 7: the service could not be reached, timed out or was rate limited after retries.
    Unavailable,
    /// 65: `inbox receive` refused malformed mail (sysexits EX_DATAERR: an MTA bounces it).
    DataError,
    /// 66: `inbox receive` could not read its input (sysexits EX_NOINPUT: no
    /// retry brings a missing file back, so an MTA bounces it).
    NoInput,
    /// 75: `inbox receive` could not take the mail now (sysexits EX_TEMPFAIL: an
    /// MTA tries again later).
    TempFail,
    /// 130: interrupted (Ctrl-C).
    Interrupted,
    /// 0: the reader of our output went away (a closed pipe is not a failure).
    BrokenPipe,
}

impl ExitKind {
    pub fn code(self) -> u8 {
        match self {
            ExitKind::BrokenPipe => 0,
            ExitKind::Error => 1,
            ExitKind::Usage => 2,
            ExitKind::ChangesPresent => 3,
            ExitKind::Auth => 4,
            ExitKind::NotFound => 5,
            ExitKind::Conflict => 6,
            ExitKind::Unavailable => 7,
            ExitKind::DataError => 65,
            ExitKind::NoInput => 66,
            ExitKind::TempFail => 75,
            ExitKind::Interrupted => 130,
        }
    }
}

/// The exit-code table, for `--help` and docs/exit-codes.md.
pub const EXIT_CODES: &[(u8, &str)] = &[
    (0, "success (an empty result included)"),
    (1, "error"),
    (
        2,
        "usage: invalid arguments (an operator's request, such as `--me`, `tickets take` or \
         `--view mine`, from the local desk's owner included, and filters too long together to \
         send), or an answer was needed and prompting is not possible",
    ),
    (3, "changes present (`diff`, `apply --dry-run`)"),
    (4, "not authenticated or not allowed"),
    (5, "not found"),
    (
        6,
        "conflict: already exists, a workspace rule, a stale revision or a concurrent change",
    ),
    (
        7,
        "service unreachable, timed out or rate limited after retries",
    ),
    (
        65,
        "`inbox receive`: malformed or refused mail, nothing stored (an MTA bounces it)",
    ),
    (
        66,
        "`inbox receive`: the message file (or stdin) cannot be read, nothing stored (an MTA \
         bounces it: trying again would not help)",
    ),
    (
        75,
        "`inbox receive`: cannot take the mail now, nothing stored (an MTA tries again later)",
    ),
    (130, "interrupted"),
];

#[derive(Debug)]
pub struct CliError {
    pub kind: ExitKind,
    pub message: String,
    /// Indented lines under the message, e.g. one per invalid field.
    pub details: Vec<String>,
    pub causes: Vec<String>,
    pub hints: Vec<String>,
    /// The fields a refusal names (a 422's invalid fields, a 409's place in
    /// a document), for a command that can show each at its place in the
    /// document it sent.
    /// (Boxed: every command's result carries this type.)
    pub fields: Box<[crate::api::FieldError]>,
    /// Already reported as a log event (`serve --log-format json`, whose
    /// collectors read every stderr line as JSON): nothing more is printed.
    pub logged: bool,
}

pub type CliResult<T = ()> = Result<T, CliError>;

impl CliError {
    pub fn new(kind: ExitKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            details: Vec::new(),
            causes: Vec::new(),
            hints: Vec::new(),
            fields: Box::default(),
            logged: false,
        }
    }

    pub fn general(message: impl Into<String>) -> Self {
        Self::new(ExitKind::Error, message)
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ExitKind::Usage, message)
    }

    pub fn interrupted() -> Self {
        Self::new(ExitKind::Interrupted, "interrupted")
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// This error, reported already as a log event.
    pub fn logged(mut self) -> Self {
        self.logged = true;
        self
    }

    pub fn with_cause(mut self, cause: impl fmt::Display) -> Self {
        self.causes.push(cause.to_string());
        self
    }

    /// A needed value that could not be asked for: names the flag to pass.
    /// Exit 3 for `diff` and `apply --dry-run`: not an error, so nothing is
    /// reported; the plan was printed.
    pub fn changes_present() -> Self {
        Self::new(ExitKind::ChangesPresent, "")
    }

    pub fn needs_flag(what: &str, flag: &str) -> Self {
        Self::usage(format!("{what}: pass {flag}")).with_hint(
            "deskctl prompts only when stdin and stdout are terminals and --no-input is not set",
        )
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

fn chain(error: &dyn std::error::Error) -> Vec<String> {
    let mut causes = Vec::new();
    let mut current = error.source();
    while let Some(cause) = current {
        causes.push(cause.to_string());
        current = cause.source();
    }
    causes
}

/// What to do when the service refuses a request for its size: most often a
/// workspace document sent to a server older than its workspace's size.
fn body_too_large_hint() -> String {
    format!(
        "a deskctl service of this version takes a workspace document (apply, diff, handoff \
         preview --with) of up to {} MiB and any other request of up to {} MiB; a server that \
         refuses a document at 1 MiB runs an older deskctl: upgrade it, or apply the document \
         in parts (a section the document leaves out is left alone)",
        crate::api::MAX_DOCUMENT_BODY_BYTES / MIB,
        crate::api::MAX_BODY_BYTES / MIB
    )
}

const MIB: usize = 1024 * 1024;

/// The exit code of an HTTP error status (docs/exit-codes.md).
fn exit_kind(status: StatusCode) -> ExitKind {
    match status {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => ExitKind::Auth,
        StatusCode::NOT_FOUND => ExitKind::NotFound,
        StatusCode::CONFLICT | StatusCode::PRECONDITION_FAILED => ExitKind::Conflict,
        StatusCode::TOO_MANY_REQUESTS
        | StatusCode::BAD_GATEWAY
        | StatusCode::SERVICE_UNAVAILABLE
        | StatusCode::GATEWAY_TIMEOUT => ExitKind::Unavailable,
        _ => ExitKind::Error,
    }
}

impl From<ClientError> for CliError {
    fn from(error: ClientError) -> Self {
        let message = error.to_string();
        match &error {
            ClientError::Api {
                status,
                problem,
                request_id,
            } => {
                let kind = match problem.code.as_str() {
                    // Not possible for who the caller is: other arguments do it.
                    crate::api::NOT_AN_OPERATOR => ExitKind::Usage,
                    _ => exit_kind(*status),
                };
                let mut cli = CliError::new(kind, message);
                // One invalid field is already the message; list several.
                if problem.errors.len() > 1 {
                    cli.details = problem
                        .errors
                        .iter()
                        .map(|e| format!("{}: {}", e.field, e.message))
                        .collect();
                }
                // A conflict about part of a document (a workspace rule it
                // breaks) names its place too, as a validation problem does.
                cli.fields = problem.errors.clone().into_boxed_slice();
                if let Some(id) = request_id.as_ref().filter(|_| status.is_server_error()) {
                    cli.causes.push(format!("request id {id}"));
                }
                match problem.code.as_str() {
                    "unauthenticated" | "invalid_token" | "invalid_authorization" => cli
                        .with_hint(
                            "pass a token with DESKCTL_TOKEN, or store one for the context with \
                             `deskctl context set NAME --token-stdin`",
                        )
                        .with_hint(
                            "an owner creates tokens with `deskctl tokens create --operator HANDLE`",
                        ),
                    "too_many_requests" | "http_429" => {
                        cli.with_hint("the service is rate limiting; try again later")
                    }
                    "body_too_large" => cli.with_hint(body_too_large_hint()),
                    // What a handoff to the agent needs first is the admin's
                    // to do: say with which command.
                    crate::domain::handoff::HANDOVER_DISABLED => cli.with_hint(
                        "enable it with `deskctl actions enable AGENT`, or send the handoff to \
                         another agent (`deskctl actions list` shows each agent's)",
                    ),
                    crate::domain::handoff::HANDOVER_NOT_CONFIGURED => cli.with_hint(
                        "give the agent one with `deskctl actions set AGENT --channel CHANNEL`",
                    ),
                    crate::domain::handoff::CHANNEL_NOT_ALLOWED => cli.with_hint(
                        "offer it there with `deskctl actions set AGENT --channel CHANNEL` (each \
                         channel it is offered on), or send the handoff on one it is offered on",
                    ),
                    // The service says what goes ahead anyway in words every
                    // client shares; the command's flag is the CLI's to name.
                    code if crate::domain::assignment::OVERRIDABLE.contains(&code) => {
                        cli.with_hint("pass --force to go ahead anyway")
                    }
                    "team_has_tickets" => cli.with_hint(
                        "name it with `deskctl teams remove KEY --move-to TEAM`",
                    ),
                    crate::domain::tickets::PRUNED_TEAM_HAS_TICKETS => cli.with_hint(
                        "move them first with `deskctl teams remove KEY --move-to TEAM`, or list \
                         the team in the document's `teams`",
                    ),
                    crate::domain::tickets::ASSIGN_NEEDS_MANAGER => cli.with_hint(
                        "take the ticket with `deskctl tickets take NUMBER` (or `deskctl tickets \
                         assign NUMBER --me`)",
                    ),
                    crate::api::SUPPORT_INBOX_DISABLED => cli.with_hint(
                        "turn it on with `deskctl assignment set --support-inbox ADDRESS`",
                    ),
                    "default_team_exists" => cli.with_hint(
                        "create the team without --default, then move the default with \
                         `deskctl teams set KEY --default`",
                    ),
                    "default_team_required" => cli.with_hint(
                        "make another team the default with `deskctl teams set KEY --default`",
                    ),
                    "integration_in_use" => cli.with_hint(
                        "set their platform with `deskctl actions set AGENT --platform inbox`",
                    ),
                    "handover_not_found" => {
                        cli.with_hint("create one with `deskctl actions set AGENT`")
                    }
                    "integration_not_connected" => cli.with_hint(
                        "connect it with `deskctl integrations connect KIND`, or set the \
                         action's platform with `deskctl actions set AGENT --platform inbox`",
                    ),
                    crate::domain::reply::AI_STILL_ANSWERING => cli.with_hint(
                        "take the chat over with `deskctl tickets takeover NUMBER`",
                    ),
                    "no_ai_to_take_over" => cli
                        .with_hint("reply by email with `deskctl tickets reply NUMBER`"),
                    "ambiguous_delivery_id" => {
                        cli.with_hint("`deskctl outbox list` shows each message's id")
                    }
                    "integration_test_failed" => cli.with_hint(
                        "test it again with `deskctl integrations test KIND`, or pass --force to \
                         point the action at it anyway",
                    ),
                    _ => cli,
                }
            }
            ClientError::InvalidUrl { problem, .. } => {
                CliError::usage(message).with_hint(problem.hint().unwrap_or(
                    "give the service's URL with --server, DESKCTL_SERVER or \
                     `deskctl context set NAME --server URL`",
                ))
            }
            ClientError::NotTls { target } => CliError::general(message).with_hint(format!(
                "the service speaks plain HTTP there: use {}",
                target.replacen("https://", "http://", 1)
            )),
            ClientError::Foreign { target, status, .. } => {
                // Not the API's answer: a web page's 404 says nothing of what
                // was named, nor its 409 of a conflict.
                let kind = match exit_kind(*status) {
                    ExitKind::NotFound | ExitKind::Conflict => ExitKind::Error,
                    kind => kind,
                };
                if *status == StatusCode::PAYLOAD_TOO_LARGE {
                    // A proxy in front of the service refused it before the service saw it.
                    return CliError::new(kind, message).with_hint(format!(
                        "a proxy in front of {target} refuses bodies this large: let bodies of up \
                         to {} MiB through (nginx: `client_max_body_size`, see \
                         docs/deployment.md)",
                        crate::api::MAX_DOCUMENT_BODY_BYTES / MIB
                    ));
                }
                CliError::new(kind, message).with_hint(format!(
                    "is {target} a Desk service? `deskctl serve` prints its URL when it starts"
                ))
            }
            // Not 7: trying again cannot mend a certificate or a protocol.
            ClientError::Tls { .. } => {
                let mut cli = CliError::general(message);
                cli.causes = chain(&error);
                if error.unknown_issuer() {
                    cli = cli.with_hint(
                        "no CA this machine trusts signed the service's certificate: trust a \
                         private CA with SSL_CERT_FILE=ca.pem (a PEM file of CA certificates) or \
                         SSL_CERT_DIR, see docs/deployment.md",
                    );
                }
                cli
            }
            ClientError::LocalDesk { path, source } => CliError::opening(path, source),
            // What was asked must change: sending it again cannot help.
            ClientError::UrlTooLong { .. } => CliError::usage(message).with_hint(
                "filters are sent in the request's URL: pass fewer `--field` values, or shorter ones",
            ),
            ClientError::Unreachable { target, .. } | ClientError::Timeout { target } => {
                let mut cli = CliError::new(ExitKind::Unavailable, message);
                cli.causes = chain(&error);
                cli.with_hint(format!(
                    "is `deskctl serve` running at {target}? check with `deskctl context show`"
                ))
            }
            _ => {
                let mut cli = CliError::general(message);
                cli.causes = chain(&error);
                cli
            }
        }
    }
}

impl CliError {
    /// The desk at `desk` could not be opened: its database unreachable or
    /// its disk full (7), missing (5), or otherwise failing (1).
    pub fn opening(desk: &str, error: &crate::server::store::StoreError) -> CliError {
        use crate::server::store::StoreError;
        let message = format!("cannot open the desk at {desk}");
        match error {
            StoreError::Unavailable(_) => CliError::new(ExitKind::Unavailable, message)
                .with_cause(error)
                .with_hint(
                    "is the database server running and taking connections, and are the URL's \
                     host and port right? then try again",
                ),
            StoreError::Missing(_) => CliError::new(ExitKind::NotFound, error.to_string()),
            // A new desk, or its schema brought up to date, on a full disk.
            StoreError::DiskFull(_) => {
                CliError::new(ExitKind::Unavailable, message).with_cause(error)
            }
            _ => CliError::general(message).with_cause(error),
        }
    }
}

impl From<ConfigError> for CliError {
    fn from(error: ConfigError) -> Self {
        let message = error.to_string();
        match &error {
            ConfigError::UnknownContext { name, known } => {
                let question = crate::domain::suggest::did_you_mean_question(
                    name,
                    known
                        .iter()
                        .map(String::as_str)
                        .chain([crate::config::LOCAL_CONTEXT]),
                );
                let hint = match question {
                    Some(question) => question,
                    None if known.is_empty() => "no contexts are configured; add one with \
                                                 `deskctl context add NAME --server URL`"
                        .to_string(),
                    None => format!(
                        "known contexts: {}, and `local` for the local desk",
                        known.join(", ")
                    ),
                };
                CliError::new(ExitKind::NotFound, message).with_hint(hint)
            }
            ConfigError::Ambiguous { .. } => CliError::usage(message),
            ConfigError::Parse { path, problems } => {
                // `PATH:LINE:COLUMN: what`, as a compiler says it; no snippet
                // is shown, since the line may be a credentials file's token.
                let at = |problem: &crate::manifest::Diagnostic| {
                    format!("{}:{}: {}", path.display(), problem.pos, problem.message)
                };
                match problems.as_slice() {
                    [only] => {
                        let mut cli = CliError::general(at(only));
                        cli.hints.extend(only.help.clone());
                        cli
                    }
                    many => {
                        let mut cli =
                            CliError::general(format!("{message}: {} errors", many.len()));
                        cli.details = many
                            .iter()
                            .map(|problem| match &problem.help {
                                Some(help) => format!("{}; {help}", at(problem)),
                                None => at(problem),
                            })
                            .collect();
                        cli
                    }
                }
            }
            ConfigError::ServerUrl {
                context, problem, ..
            } => {
                let cli = CliError::usage(message);
                let cli = match problem.hint() {
                    Some(hint) => cli.with_hint(hint),
                    None => cli,
                };
                match context {
                    Some(name) => cli.with_hint(format!(
                        "fix it with `deskctl context set {name} --server URL`"
                    )),
                    None => cli,
                }
            }
            ConfigError::Token { context, .. } => {
                CliError::usage(message).with_hint(match context {
                    Some(name) => {
                        format!("store a new one with `deskctl context set {name} --token-stdin`")
                    }
                    None => {
                        "give the token alone, on one line, as `deskctl tokens create` printed it"
                            .to_string()
                    }
                })
            }
            ConfigError::DatabaseScheme { scheme } => {
                CliError::usage(message).with_hint(match scheme.as_deref() {
                    Some("sqlite") => "a SQLite desk is a file: name it with --desk PATH or \
                                       DESKCTL_DESK"
                        .to_string(),
                    _ => "deskctl keeps a desk in PostgreSQL (--database \
                          postgres://USER@HOST/DATABASE) or in a SQLite file (--desk PATH)"
                        .to_string(),
                })
            }
            _ => {
                let mut cli = CliError::general(message);
                cli.causes = chain(&error);
                cli
            }
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> Self {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            return CliError::new(ExitKind::BrokenPipe, "output closed");
        }
        CliError::general(error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_refused_for_its_size_says_the_limits_and_what_to_do() {
        // An older server, whose limit was 1 MiB for a document too.
        let refused = ClientError::Api {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            problem: Box::new(crate::api::Problem {
                kind: "urn:deskctl:problem:body_too_large".into(),
                title: "Payload Too Large".into(),
                status: 413,
                detail: Some("the request body is larger than the limit of 1048576 bytes".into()),
                code: "body_too_large".into(),
                errors: Vec::new(),
            }),
            request_id: None,
        };
        let cli = CliError::from(refused);
        assert_eq!(cli.kind, ExitKind::Error);
        assert!(cli.message.contains("1048576 bytes"), "{}", cli.message);
        let hint = cli.hints.join("\n");
        assert!(hint.contains("up to 32 MiB"), "{hint}");
        assert!(
            hint.contains("upgrade it, or apply the document in parts"),
            "{hint}"
        );
        // A proxy's own page: its limit is the one to raise.
        let proxy = CliError::from(ClientError::Foreign {
            target: "https://desk.example.com".into(),
            status: StatusCode::PAYLOAD_TOO_LARGE,
            what: "an HTML page".into(),
        });
        let hint = proxy.hints.join("\n");
        assert!(hint.contains("client_max_body_size"), "{hint}");
        assert!(!hint.contains("a Desk service?"), "{hint}");
    }
}
