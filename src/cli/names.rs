//! The named things of a desk (operators, teams, agents, ticket fields): listed
//! for shell completions, and searched for the nearest name when a command
//! names one that does not exist.

use crate::cli::Session;
use crate::client::{Client, ClientError, ClientResult};
use crate::domain::suggest::did_you_mean_question;
use crate::error::{CliError, CliResult, ExitKind};

/// A kind of named thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Named {
    Operator,
    Team,
    Agent,
    Field,
}

impl Named {
    pub fn noun(self) -> &'static str {
        match self {
            Named::Operator => "operator",
            Named::Team => "team",
            Named::Agent => "agent",
            Named::Field => "ticket field",
        }
    }

    fn list_command(self) -> &'static str {
        match self {
            Named::Operator => "deskctl operators list",
            Named::Team => "deskctl teams list",
            Named::Agent => "deskctl agents list",
            Named::Field => "deskctl fields list",
        }
    }

    /// Every name of this kind, each with what describes it (a display name).
    pub async fn list(self, client: &Client) -> ClientResult<Vec<(String, String)>> {
        Ok(match self {
            Named::Operator => client
                .list_operators()
                .await?
                .into_iter()
                .map(|o| (o.handle, o.name))
                .collect(),
            Named::Team => client
                .list_teams()
                .await?
                .into_iter()
                .map(|t| (t.key, t.name))
                .collect(),
            Named::Agent => client
                .list_agents()
                .await?
                .into_iter()
                .map(|a| (a.key, a.name))
                .collect(),
            Named::Field => client
                .list_fields()
                .await?
                .into_iter()
                .map(|f| (f.key, f.name))
                .collect(),
        })
    }
}

/// A not-found error for the `kind` called `name`, with the nearest of
/// `known` as a hint, or else where to find them.
fn not_found<'a>(
    kind: Named,
    name: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
) -> CliError {
    let noun = kind.noun();
    let elsewhere = match known.clone().into_iter().next() {
        None => format!("there are no {noun}s yet"),
        Some(_) => format!("list them with `{}`", kind.list_command()),
    };
    if kind == Named::Field {
        // In the inbox's and the copilot's words, the nearest key and all.
        let said = crate::domain::field_conditions::no_ticket_field(name, known);
        return CliError::new(ExitKind::NotFound, said).with_hint(elsewhere);
    }
    let error = CliError::new(
        ExitKind::NotFound,
        format!("{noun} '{name}' does not exist"),
    );
    error.with_hint(did_you_mean_question(name, known).unwrap_or(elsewhere))
}

/// A list of names (a team's members, an operator's teams) with `add` joined
/// and `remove` left, as `--add-…` and `--remove-…` flags edit it. A name in
/// both is a usage error; one to remove that the desk does not have is not
/// found (exit 5, with the nearest name), as one to add would be; one it has
/// but the list lacks is only said (`whose` names the list's holder).
pub(crate) async fn edited_list(
    session: &Session,
    client: &Client,
    kind: Named,
    current: Vec<String>,
    (add, remove): (&[String], &[String]),
    whose: &str,
) -> CliResult<Vec<String>> {
    if let Some(both) = add.iter().find(|name| remove.contains(name)) {
        return Err(CliError::usage(format!(
            "'{both}' is both added and removed: name it once"
        )));
    }
    for name in remove.iter().filter(|name| !current.contains(name)) {
        if let Some(missing) = missing(client, kind, name).await {
            return Err(missing);
        }
        session.ui.info(&format!(
            "{whose} has no {} '{name}': nothing to remove",
            kind.noun()
        ));
    }
    let mut list: Vec<String> = current
        .into_iter()
        .filter(|name| !remove.contains(name))
        .collect();
    for name in add {
        if !list.contains(name) {
            list.push(name.clone());
        }
    }
    Ok(list)
}

/// A client answer whose failure may be because a name the command was given
/// does not exist.
pub(crate) trait OrSuggest<T> {
    /// On a 404 or 422, checks each of `names` and, for the first that does not
    /// exist, fails with "not found" (exit 5) and the nearest existing name.
    /// Any other failure, or when every name exists, is the error as it came.
    async fn or_suggest(self, client: &Client, names: &[(Named, &str)]) -> CliResult<T>;
}

impl<T> OrSuggest<T> for ClientResult<T> {
    async fn or_suggest(self, client: &Client, names: &[(Named, &str)]) -> CliResult<T> {
        match self {
            Ok(value) => Ok(value),
            Err(error) => Err(explain_missing(client, error, names).await),
        }
    }
}

async fn explain_missing(client: &Client, error: ClientError, names: &[(Named, &str)]) -> CliError {
    if matches!(error.status().map(|s| s.as_u16()), Some(404 | 422)) {
        for &(kind, name) in names {
            if let Some(missing) = missing(client, kind, name).await {
                return missing;
            }
        }
    }
    error.into()
}

/// Succeeds when `name` is one the desk has; else "not found" with the
/// nearest name, as [`missing`] says it.
pub(crate) async fn must_exist(client: &Client, kind: Named, name: &str) -> CliResult<()> {
    match missing(client, kind, name).await {
        Some(missing) => Err(missing),
        None => Ok(()),
    }
}

/// For a list that came back empty: fails with "not found" (exit 5) for
/// the first of `filters` that names something the desk does not have, so
/// a mistyped name is not taken for "nothing matches". Checked only once a
/// list is empty: a filter may name something removed since, whose records
/// are still listed.
pub(crate) async fn filters_exist(client: &Client, filters: &[(Named, Option<&str>)]) -> CliResult {
    for &(kind, name) in filters {
        if let Some(name) = name {
            must_exist(client, kind, name).await?;
        }
    }
    Ok(())
}

/// A not-found error, with the nearest name, when the desk has no `kind`
/// called `name`; none when it has one or the names cannot be listed.
pub(crate) async fn missing(client: &Client, kind: Named, name: &str) -> Option<CliError> {
    let known = kind.list(client).await.ok()?;
    if known.iter().any(|(known, _)| known == name) {
        return None;
    }
    Some(not_found(
        kind,
        name,
        known.iter().map(|(known, _)| known.as_str()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_gets_the_nearest_name_and_nonsense_the_list_command() {
        let known = ["alice", "bob", "carol"];
        let error = not_found(Named::Operator, "alcie", known);
        assert_eq!(error.kind, ExitKind::NotFound);
        assert_eq!(error.message, "operator 'alcie' does not exist");
        assert_eq!(error.hints, ["did you mean 'alice'?"]);
        let error = not_found(Named::Operator, "zzz", known);
        assert_eq!(error.hints, ["list them with `deskctl operators list`"]);
        let error = not_found(Named::Team, "x", []);
        assert_eq!(error.hints, ["there are no teams yet"]);
    }

    #[test]
    fn a_field_key_is_said_as_the_inbox_and_the_copilot_say_it() {
        let error = not_found(Named::Field, "plam", ["plan", "seats"]);
        assert_eq!(error.kind, ExitKind::NotFound);
        assert_eq!(
            error.message,
            "the desk has no ticket field 'plam': did you mean 'plan'?"
        );
        assert_eq!(error.hints, ["list them with `deskctl fields list`"]);
        let error = not_found(Named::Field, "plan", []);
        assert_eq!(error.message, "the desk has no ticket field 'plan'");
        assert_eq!(error.hints, ["there are no ticket fields yet"]);
    }
}
