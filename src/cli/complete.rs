//! Shell completions that know the desk: clap_complete's dynamic engine asks
//! deskctl itself (`COMPLETE=bash deskctl -- deskctl tickets show 10`) for each
//! completion, so ticket numbers, handles, keys and contexts come from the
//! target the command line would use, through the normal client.
//!
//! A completer is quick (one request, a short budget, no retries), never creates
//! a local desk that does not exist, and is silent: any failure completes
//! nothing. Where no file is meant, nothing is offered rather than files.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::time::Duration;

use clap_complete::CompletionCandidate;
use clap_complete::engine::ArgValueCompleter;

use super::names::Named;
use crate::api::{TicketQuery, TicketStatus, TicketView};
use crate::client::{Client, RetryPolicy};
use crate::config::{
    ConfigFile, Credentials, LOCAL_CONTEXT, Paths, Target, TargetFlags, resolve_target,
};
use crate::env::EnvVars;
use crate::server::sealing::Keys;
use secrecy::ExposeSecret;

/// The variable the completion scripts set; its value names the shell.
pub const COMPLETE_VAR: &str = "COMPLETE";
/// How long a completer may wait for the desk before offering nothing.
const BUDGET: Duration = Duration::from_millis(1500);
/// How many tickets of each status a number completes from.
const TICKETS: u32 = 200;

/// Answers a shell's completion request and exits, when there is one.
pub fn complete_from_env() {
    clap_complete::CompleteEnv::with_factory(super::command)
        .var(COMPLETE_VAR)
        .complete();
}

/// The registration script for `shell`, which `deskctl completions SHELL` prints.
pub fn registration(shell: &str) -> Option<Vec<u8>> {
    let shells = clap_complete::env::Shells::builtins();
    let completer = shells.completer(shell)?;
    let mut script = Vec::new();
    completer
        .write_registration(COMPLETE_VAR, "deskctl", "deskctl", "deskctl", &mut script)
        .ok()?;
    if shell == "bash" {
        let text = String::from_utf8(script).ok()?;
        return Some(bash_words_rejoined(&text).into_bytes());
    }
    Some(script)
}

/// The words clap_complete's bash script hands deskctl, as bash splits them.
const BASH_WORDS: &str = r#"    local _CLAP_COMPLETE_INDEX=${COMP_CWORD}
"#;
const BASH_CURRENT: &str = r#"    local words=("${COMP_WORDS[@]}")
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        words[COMP_CWORD]="$2"
    fi
"#;
/// bash splits the word being completed at COMP_WORDBREAKS, `=` and `:`
/// among them: `--field plan=` reaches clap_complete (4.6, whose script
/// passes COMP_WORDS on; clap-rs/clap#3920) as `--field plan ''`, so it
/// offers every flag and bash inserts their common `--`. The words are
/// joined again from the line, where nothing but a break character stood
/// between them, and the offers are cut to the part bash replaces (`$2`).
const BASH_REJOINED: &str = r#"    local words=() _deskctl_rest="${COMP_LINE:0:COMP_POINT}" _deskctl_i _deskctl_word _deskctl_space
    for ((_deskctl_i = 0; _deskctl_i <= COMP_CWORD; _deskctl_i++)); do
        _deskctl_word="${COMP_WORDS[_deskctl_i]}"
        _deskctl_space="${_deskctl_rest%%[![:space:]]*}"
        _deskctl_rest="${_deskctl_rest#"$_deskctl_space"}"
        if ((_deskctl_i == COMP_CWORD)); then
            _deskctl_word="$_deskctl_rest"
        fi
        if ((_deskctl_i > 0)) && [[ -z "$_deskctl_space" ]]; then
            words[${#words[@]}-1]+="$_deskctl_word"
        else
            words+=("$_deskctl_word")
        fi
        _deskctl_rest="${_deskctl_rest#"$_deskctl_word"}"
    done
    local _CLAP_COMPLETE_INDEX=$(( ${#words[@]} - 1 ))
    local _deskctl_kept="${words[_CLAP_COMPLETE_INDEX]}"
    _deskctl_kept="${_deskctl_kept%"$2"}"
"#;
const BASH_REPLY: &str = r#"    if [[ $? != 0 ]]; then
        unset COMPREPLY
    elif [[ $_CLAP_COMPLETE_SPACE == false ]] && [[ "${COMPREPLY-}" =~ [=/:]$ ]]; then
        compopt -o nospace
    fi
"#;
const BASH_REPLY_CUT: &str = r#"    if [[ $? != 0 ]]; then
        unset COMPREPLY
        return
    fi
    if [[ -n "$_deskctl_kept" ]]; then
        COMPREPLY=("${COMPREPLY[@]#"$_deskctl_kept"}")
    fi
    if [[ $_CLAP_COMPLETE_SPACE == false ]] && [[ "${COMPREPLY-}" =~ [=/:]$ ]]; then
        compopt -o nospace
    fi
"#;

/// clap_complete's bash script with the words bash split at a break
/// character joined again (see [`BASH_REJOINED`]).
fn bash_words_rejoined(script: &str) -> String {
    for part in [BASH_WORDS, BASH_CURRENT, BASH_REPLY] {
        assert!(
            script.contains(part),
            "clap_complete's bash script changed: {script}"
        );
    }
    script
        .replacen(BASH_WORDS, "", 1)
        .replacen(BASH_CURRENT, BASH_REJOINED, 1)
        .replacen(BASH_REPLY, BASH_REPLY_CUT, 1)
}

/// Completes ticket numbers (open, then pending, then the most recently
/// active of the rest), with their subjects.
pub fn tickets() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| ticket_numbers(current, TicketView::All))
}

/// Completes resolved tickets' numbers, for `reopen`.
pub fn resolved_tickets() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| ticket_numbers(current, TicketView::Resolved))
}

pub fn operators() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| named(current, Named::Operator))
}

pub fn teams() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| named(current, Named::Team))
}

pub fn agents() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| named(current, Named::Agent))
}

pub fn fields() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| named(current, Named::Field))
}

/// Completes a `--field KEY=VALUE` condition: each ticket field's key with
/// its `=`, then after it a dropdown's options or a checkbox's `true` and
/// `false` (other types take any value).
pub fn field_conditions() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        ask_desk(current, async |client| {
            let fields = client.list_fields().await.ok()?;
            let typed = current.to_str().and_then(|c| c.split_once('='));
            Some(match typed {
                None => fields
                    .into_iter()
                    .map(|f| (format!("{}=", f.key), f.name))
                    .collect(),
                Some((key, _)) => {
                    let field = fields.into_iter().find(|f| f.key == key)?;
                    let values = match field.field_type {
                        crate::api::FieldType::Checkbox => vec!["true".into(), "false".into()],
                        _ => field.options,
                    };
                    values
                        .into_iter()
                        .map(|value| (format!("{key}={value}"), field.name.clone()))
                        .collect()
                }
            })
        })
    })
}

/// Completes context names from the config file (and `local`); no request.
pub fn contexts() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let Some(prefix) = current.to_str() else {
            return Vec::new();
        };
        let env = EnvVars::from_process();
        let Ok(paths) = Paths::resolve(&env) else {
            return Vec::new();
        };
        let config = ConfigFile::load(&paths.config).unwrap_or_default();
        std::iter::once((LOCAL_CONTEXT.to_string(), "the local desk".to_string()))
            .chain(config.contexts.into_iter().map(|c| (c.name, c.server)))
            .filter(|(name, _)| name.starts_with(prefix))
            .map(|(name, help)| candidate(name, &help))
            .collect()
    })
}

fn named(current: &OsStr, kind: Named) -> Vec<CompletionCandidate> {
    ask_desk(current, async |client| kind.list(client).await.ok())
}

fn ticket_numbers(current: &OsStr, view: TicketView) -> Vec<CompletionCandidate> {
    ask_desk(current, async |client| {
        // A desk's history outgrows one page: an old open ticket would be
        // missing from the most recently active. So open, then pending, then
        // the most recent of the rest, each a page of its own.
        let statuses: &[Option<TicketStatus>] = match view {
            TicketView::All => &[Some(TicketStatus::Open), Some(TicketStatus::Pending), None],
            _ => &[None],
        };
        let mut seen = std::collections::HashSet::new();
        let mut found = Vec::new();
        for status in statuses {
            let query = TicketQuery {
                view: Some(view),
                status: *status,
                limit: Some(TICKETS),
                ..TicketQuery::default()
            };
            let page = client.list_tickets(&query).await.ok()?;
            for ticket in page.items {
                if seen.insert(ticket.number) {
                    found.push((ticket.number.to_string(), ticket.subject));
                }
            }
        }
        Some(found)
    })
}

/// Runs `lookup` against the target the command line being completed would
/// use, and offers the values that start with `current`.
fn ask_desk(
    current: &OsStr,
    lookup: impl AsyncFnOnce(&Client) -> Option<Vec<(String, String)>>,
) -> Vec<CompletionCandidate> {
    let Some(prefix) = current.to_str() else {
        return Vec::new();
    };
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return Vec::new();
    };
    let found = runtime.block_on(async {
        let client = completion_client().await?;
        let found = tokio::time::timeout(BUDGET, lookup(&client)).await.ok()?;
        client.close().await;
        found
    });
    found
        .unwrap_or_default()
        .into_iter()
        .filter(|(value, _)| value.starts_with(prefix))
        .map(|(value, help)| candidate(value, &help))
        .collect()
}

/// A value offered with its description, which a shell prints as it is:
/// shown on one line, as tables and the inbox show text from customers
/// (a subject's tab would end fish's description, its line break the
/// candidate, and a bidirectional override reorder the line).
fn candidate(value: String, help: &str) -> CompletionCandidate {
    CompletionCandidate::new(value).help(Some(crate::ui::one_line(help).into()))
}

/// A client of the target the words being completed name, or of the current
/// one; none when the local desk does not exist yet (completing must not make one).
async fn completion_client() -> Option<Client> {
    let words: Vec<String> = std::env::args_os()
        .skip_while(|arg| arg != "--")
        .skip(1)
        .filter_map(|arg| arg.into_string().ok())
        .collect();
    let env = EnvVars::from_process();
    let paths = Paths::resolve(&env).ok()?;
    let config = ConfigFile::load(&paths.config).ok()?;
    let credentials = Credentials::load(&paths.credentials).ok()?;
    let target = resolve_target(
        &target_flags(&words),
        &env,
        &config,
        &credentials,
        &paths.default_desk,
    )
    .ok()?;
    let client = match target {
        Target::Local { path } if path.is_file() => {
            let location = crate::server::store::Location::Sqlite(path);
            let secret_key = env.secret_key.as_ref().map(|k| k.expose_secret());
            let keys = Keys::load(secret_key, &paths.secret_key, false).ok()?;
            tokio::time::timeout(BUDGET, Client::local(&location, keys))
                .await
                .ok()?
                .ok()?
        }
        // Completing must never create a desk or its schema.
        Target::Local { .. } | Target::Database { .. } => return None,
        Target::Remote { server, token, .. } => Client::http(&server, token).ok()?,
    };
    Some(client.with_retry(RetryPolicy {
        max_retries: 0,
        ..RetryPolicy::default()
    }))
}

/// `--context`, `--server` and `--desk` as the words being completed give them.
fn target_flags(words: &[String]) -> TargetFlags {
    let mut flags = TargetFlags::default();
    let mut words = words.iter();
    while let Some(word) = words.next() {
        let (name, inline) = match word.split_once('=') {
            Some((name, value)) => (name, Some(value.to_string())),
            None => (word.as_str(), None),
        };
        let slot = match name {
            "--context" => &mut flags.context,
            "--server" => &mut flags.server,
            "--desk" => {
                let value = inline.or_else(|| words.next().cloned());
                flags.desk = value.map(PathBuf::from);
                continue;
            }
            _ => continue,
        };
        *slot = inline.or_else(|| words.next().cloned());
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn the_target_flags_come_from_the_words_being_completed() {
        let flags = target_flags(&words("deskctl --context prod tickets show 10"));
        assert_eq!(flags.context.as_deref(), Some("prod"));
        let flags = target_flags(&words("deskctl tickets show --server=http://x:1 10"));
        assert_eq!(flags.server.as_deref(), Some("http://x:1"));
        let flags = target_flags(&words("deskctl --desk /tmp/d.sqlite tickets show"));
        assert_eq!(flags.desk, Some(PathBuf::from("/tmp/d.sqlite")));
        let flags = target_flags(&words("deskctl tickets show --context"));
        assert_eq!(flags.context, None);
    }

    #[test]
    fn a_description_from_the_desk_cannot_break_the_shells_line() {
        let offered = candidate(
            "10008".into(),
            "tab\there\nnext line \u{202e}reversed\x1b[2J",
        );
        let help = offered.get_help().unwrap().to_string();
        assert_eq!(help, "tab here next line \\u{202e}reversed^[[2J");
        assert_eq!(offered.get_value(), "10008");
    }

    #[test]
    fn every_shell_has_a_registration_script() {
        for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
            let script = String::from_utf8(registration(shell).unwrap()).unwrap();
            assert!(script.contains("COMPLETE"), "{shell}: {script}");
        }
        assert!(registration("tcsh").is_none());
    }
}
