//! `deskctl diff -f FILE…`: what applying a document would change.

use clap::Args;

use crate::cli::Session;
use crate::cli::document::{DocumentArgs, SecretsArgs, read_config_request};
use crate::config::Target;
use crate::error::{CliError, CliResult, ExitKind};
use crate::server::sealing::{Key, Keys};
use crate::server::store::{Location, Open};
use secrecy::ExposeSecret;

#[derive(Debug, Args)]
pub struct DiffArgs {
    #[command(flatten)]
    pub documents: DocumentArgs,
    #[command(flatten)]
    pub secrets: SecretsArgs,
    /// Also show what --prune would delete: what the document's sections do not list
    #[arg(long)]
    pub prune: bool,
}

/// Prints the plan; exits 3 when applying would change something, 0 when not.
pub async fn cmd_diff(session: &Session, args: DiffArgs) -> CliResult {
    let (request, places) =
        read_config_request(session, &args.documents, &args.secrets, args.prune)?;
    let plan = plan_changing_nothing(session, &request)
        .await
        .map_err(|error| places.locate(session, error))?;
    warn_of(session, &plan);
    session.ui.print_plan(&plan)?;
    if plan.has_changes() {
        Err(CliError::changes_present())
    } else {
        Ok(())
    }
}

/// The plan's warnings, on stderr whatever the output format: a secret the
/// service could not compare, or has no key to seal.
pub(crate) fn warn_of(session: &Session, plan: &crate::api::Plan) {
    for warning in &plan.warnings {
        session.ui.warn(warning);
    }
}

/// The plan of `request` on the target, for `diff` and `apply --dry-run`:
/// read, never written, so a desk that does not exist yet (a local file, or a
/// PostgreSQL database without a desk's schema), which a read client refuses
/// as not found, is planned against an empty workspace rather than created.
pub(crate) async fn plan_changing_nothing(
    session: &Session,
    request: &crate::api::ConfigRequest,
) -> CliResult<crate::api::Plan> {
    let error = match session.client().await {
        Ok(client) => return Ok(client.plan_config(request).await?),
        Err(error) if error.kind == ExitKind::NotFound => error,
        Err(error) => return Err(error),
    };
    let (missing, location) = match session.target()? {
        Target::Local { path } => (
            format!("at {}", path.display()),
            Location::Sqlite(path.clone()),
        ),
        Target::Database { url } => (
            format!(
                "in the database at {}",
                crate::net::redacted_url(url.expose_secret())
            ),
            Location::Postgres(url.expose_secret().to_string()),
        ),
        Target::Remote { .. } => return Err(error),
    };
    session.ui.info(&format!(
        "No desk {missing} yet: planned against an empty workspace (a read creates none)"
    ));
    // The desk, once made, seals secrets with the keys it would be given: a
    // key of its own for the scratch desk when they hold one or may make one
    // (never written), so that the plan warns only of what apply would meet.
    let keys = session.keys(&location)?;
    let keys = if keys.can_seal() {
        Keys::given(vec![Key::generate()])
    } else {
        keys
    };
    plan_on_scratch_desk(request, keys).await
}

/// The plan of `request` against an empty workspace: a desk made for it in a
/// directory of its own under the system's temporary directory, removed after,
/// sealing secrets with `keys`.
async fn plan_on_scratch_desk(
    request: &crate::api::ConfigRequest,
    keys: Keys,
) -> CliResult<crate::api::Plan> {
    let dir = std::env::temp_dir().join(format!(
        "deskctl-diff-{}-{}",
        std::process::id(),
        jiff::Timestamp::now().as_nanosecond()
    ));
    let location = Location::Sqlite(dir.join("desk.sqlite"));
    let planned = async {
        let client =
            crate::client::Client::local_with(&location, Open::CreateIfMissing, keys).await?;
        let plan = client.plan_config(request).await;
        client.close().await;
        plan
    }
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(planned?)
}
