//! `deskctl integrations`: connect Desk to external help desks, test the
//! connections, follow the deliveries of handoffs to them, and send a dead
//! delivery again.

mod connect;
mod deliveries;
mod disconnect;
mod list;
mod retry;
mod show;
mod test;

use clap::Subcommand;

use super::Session;
use crate::api::{CheckOutcome, Integration, IntegrationKind, TestReport};
use crate::error::{CliError, CliResult};
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum IntegrationsCommand {
    /// List the connected integrations with their status and last test
    #[command(visible_alias = "ls")]
    #[command(
        after_help = "Examples:\n  deskctl integrations list\n  deskctl integrations list -o wide"
    )]
    List(list::IntegrationsListArgs),
    /// Show one integration, the settings its kind takes, and its webhook URL
    #[command(after_help = "Examples:\n  deskctl integrations show zendesk")]
    Show(show::IntegrationsShowArgs),
    /// Connect an integration, or change its settings; then test it
    #[command(after_help = connect::EXAMPLES)]
    Connect(connect::IntegrationsConnectArgs),
    /// Test a connection: the platform's cheap authenticated call and its prerequisites
    #[command(after_help = "Examples:\n  deskctl integrations test zendesk")]
    Test(test::IntegrationsTestArgs),
    /// Disconnect an integration no handover action uses
    #[command(after_help = "Examples:\n  deskctl integrations disconnect zendesk")]
    Disconnect(disconnect::IntegrationsDisconnectArgs),
    /// Deliveries of handoffs to external platforms: state, attempts, last error
    #[command(
        after_help = "Examples:\n  deskctl integrations deliveries\n  deskctl integrations deliveries zendesk --state dead"
    )]
    Deliveries(deliveries::IntegrationsDeliveriesArgs),
    /// Queue dead deliveries again (or try pending ones now)
    #[command(
        after_help = "Examples:\n  deskctl integrations retry 17\n  deskctl integrations deliveries --state dead -o name \\\n      | xargs -r deskctl integrations retry"
    )]
    Retry(retry::IntegrationsRetryArgs),
}

pub async fn dispatch(session: &Session, command: IntegrationsCommand) -> CliResult {
    match command {
        IntegrationsCommand::List(args) => list::cmd_integrations_list(session, args).await,
        IntegrationsCommand::Show(args) => show::cmd_integrations_show(session, args).await,
        IntegrationsCommand::Connect(args) => {
            connect::cmd_integrations_connect(session, args).await
        }
        IntegrationsCommand::Test(args) => test::cmd_integrations_test(session, args).await,
        IntegrationsCommand::Disconnect(args) => {
            disconnect::cmd_integrations_disconnect(session, args).await
        }
        IntegrationsCommand::Deliveries(args) => {
            deliveries::cmd_integrations_deliveries(session, args).await
        }
        IntegrationsCommand::Retry(args) => retry::cmd_integrations_retry(session, args).await,
    }
}

/// The kind named on the command line.
fn kind_parser() -> impl clap::builder::TypedValueParser<Value = IntegrationKind> {
    super::wire_enum_parser::<IntegrationKind>(IntegrationKind::NAMES)
}

/// The last test in a few words: `ok`, or the first failed check.
fn last_test(integration: &Integration, ui: &Ui) -> String {
    match &integration.last_test {
        None => "never".into(),
        Some(report) => {
            let first_problem = report
                .checks
                .iter()
                .find(|check| check.outcome == CheckOutcome::Failed)
                .or_else(|| {
                    report
                        .checks
                        .iter()
                        .find(|check| check.outcome == CheckOutcome::Warning)
                });
            match first_problem {
                Some(check) => format!(
                    "{} ({}): {}",
                    check.outcome,
                    ui.time(report.at),
                    check.message
                ),
                None => format!("ok ({})", ui.time(report.at)),
            }
        }
    }
}

impl Tabular for Integration {
    fn columns(wide: bool) -> Vec<&'static str> {
        let mut columns = vec!["KIND", "STATUS", "LAST TEST"];
        if wide {
            columns.extend(["SETTINGS", "WEBHOOK PATH"]);
        }
        columns
    }

    fn cells(&self, ui: &Ui, wide: bool) -> Vec<String> {
        let mut cells = vec![
            self.kind.to_string(),
            self.status.to_string(),
            last_test(self, ui),
        ];
        if wide {
            let settings: Vec<String> = self
                .settings
                .iter()
                .map(|(key, value)| format!("{key}={value}"))
                .collect();
            cells.push(crate::ui::joined(&settings));
            cells.push(self.webhook_path.clone());
        }
        cells
    }

    fn name(&self) -> String {
        self.kind.to_string()
    }
}

fn pairs<K: std::fmt::Display, V: std::fmt::Display>(
    map: &std::collections::BTreeMap<K, V>,
) -> String {
    if map.is_empty() {
        return "-".into();
    }
    map.iter()
        .map(|(key, value)| format!("{key}: {value}"))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Detail for Integration {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let secrets: std::collections::BTreeMap<&String, String> = self
            .secrets
            .iter()
            .map(|(name, info)| {
                let text = match &info.unusable {
                    Some(why) => format!("{}, but cannot be used: {why}", info.fingerprint),
                    None => info.fingerprint.clone(),
                };
                (name, text)
            })
            .collect();
        vec![
            ("Kind", format!("{} ({})", self.kind, self.kind.title())),
            ("Status", self.status.to_string()),
            ("Settings", pairs(&self.settings)),
            ("Secrets", pairs(&secrets)),
            (
                "Base URL",
                self.base_url.clone().unwrap_or_else(|| "-".into()),
            ),
            ("Fields", pairs(&self.fields)),
            ("Priorities", pairs(&self.priorities)),
            ("Webhook path", self.webhook_path.clone()),
            (
                "Last test",
                self.last_test
                    .as_ref()
                    .map_or("never".into(), |report| report_text(report, ui)),
            ),
            ("Connected", ui.instant(self.created_at)),
            ("Updated", ui.instant(self.updated_at)),
        ]
    }
}

impl Tabular for TestReport {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec!["RESULT", "AT", "CHECKS"]
    }

    fn cells(&self, ui: &Ui, _wide: bool) -> Vec<String> {
        vec![
            if self.ok { "passed" } else { "failed" }.into(),
            ui.time(self.at),
            self.checks.len().to_string(),
        ]
    }

    fn name(&self) -> String {
        if self.ok { "passed" } else { "failed" }.into()
    }
}

impl Detail for TestReport {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        vec![("Test", report_text(self, ui))]
    }
}

/// A test report as lines: `✓ credentials: signed in …`.
fn report_text(report: &TestReport, ui: &Ui) -> String {
    let mut lines = vec![format!(
        "{} at {}",
        if report.ok { "passed" } else { "failed" },
        ui.instant(report.at)
    )];
    lines.extend(report.checks.iter().map(|check| {
        let mark = match check.outcome {
            CheckOutcome::Ok => "ok",
            CheckOutcome::Warning => "warning",
            CheckOutcome::Failed => "FAILED",
        };
        format!("{mark} {}: {}", check.check, check.message)
    }));
    lines.join("\n")
}

/// Prints a test report (`-o json` gives the report itself); a failed test
/// is an error naming what failed.
fn print_report(session: &Session, kind: IntegrationKind, report: &TestReport) -> CliResult {
    session.ui.print_item(report)?;
    if report.ok {
        session
            .ui
            .success(&format!("The {} connection works", kind.title()));
        return Ok(());
    }
    let failed: Vec<&str> = report
        .checks
        .iter()
        .filter(|check| check.outcome == CheckOutcome::Failed)
        .map(|check| check.message.as_str())
        .collect();
    Err(CliError::general(format!(
        "the {} connection does not work: {}",
        kind.title(),
        failed.join("; ")
    )))
}
