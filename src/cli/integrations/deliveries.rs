use clap::Args;
use serde::Serialize;

use super::kind_parser;
use crate::api::{IntegrationKind, OutboxKind, OutboxMessage, OutboxQuery, OutboxState};
use crate::cli::{Session, wire_enum_parser};
use crate::error::CliResult;
use crate::ui::{Tabular, Ui};

#[derive(Debug, Args)]
pub struct IntegrationsDeliveriesArgs {
    /// Only deliveries to this platform
    #[arg(value_parser = kind_parser())]
    pub kind: Option<IntegrationKind>,
    /// Only deliveries in this state
    #[arg(long, value_parser = wire_enum_parser::<OutboxState>(OutboxState::NAMES))]
    pub state: Option<OutboxState>,
    /// How many to show, newest first (1 to 500)
    #[arg(long, value_name = "N", default_value_t = 50,
        value_parser = crate::cli::whole_number::<u32>(1, 500))]
    pub limit: u32,
}

/// A delivery as a row: which handoff, where to, how it went.
#[derive(Serialize)]
#[serde(transparent)]
struct Delivery(OutboxMessage);

impl Tabular for Delivery {
    fn columns(wide: bool) -> Vec<&'static str> {
        let mut columns = vec![
            "ID",
            "STATE",
            "PLATFORM",
            "HANDOFF",
            "ATTEMPTS",
            "WHEN",
            "LAST ERROR",
        ];
        if wide {
            columns.extend(["DESCRIPTION", "CREATED"]);
        }
        columns
    }

    fn cells(&self, ui: &Ui, wide: bool) -> Vec<String> {
        let message = &self.0;
        let mut cells = vec![
            message.id.to_string(),
            message.state.to_string(),
            message.integration.map_or("-".into(), |k| k.to_string()),
            message.handoff.clone().unwrap_or_else(|| "-".into()),
            message.attempts.to_string(),
            crate::cli::outbox::when(message, ui),
            message.last_error.clone().unwrap_or_else(|| "-".into()),
        ];
        if wide {
            cells.push(message.description.clone());
            cells.push(ui.time(message.created_at));
        }
        cells
    }

    fn name(&self) -> String {
        self.0.id.to_string()
    }

    fn fixed_columns() -> &'static [&'static str] {
        &["ID", "STATE", "PLATFORM", "ATTEMPTS", "WHEN", "CREATED"]
    }
}

pub async fn cmd_integrations_deliveries(
    session: &Session,
    args: IntegrationsDeliveriesArgs,
) -> CliResult {
    let client = session.client().await?;
    let query = OutboxQuery {
        state: args.state,
        kind: Some(OutboxKind::Integration),
        integration: args.kind,
        limit: Some(args.limit.clamp(1, crate::api::MAX_PAGE_LIMIT)),
        ..OutboxQuery::default()
    };
    let page = client.list_outbox(&query).await?;
    let more = page.next_cursor.is_some();
    let rows: Vec<Delivery> = page.items.into_iter().map(Delivery).collect();
    session.ui.print_list(&rows, "deliveries")?;
    if more {
        session.ui.info(&format!(
            "Showing the newest {}; pass --limit N for more",
            rows.len()
        ));
    }
    Ok(())
}
