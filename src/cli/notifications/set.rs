use clap::Args;

use crate::api::NotificationSettings;
use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct NotificationsSetArgs {
    /// Email every owner when a customer asks for a human (a handoff with reason
    /// explicit-request; not when the AI could not resolve it): one alert per ticket
    #[arg(long, value_name = "BOOL", action = clap::ArgAction::Set, required = true)]
    pub email_owners: bool,
}

pub async fn cmd_notifications_set(session: &Session, args: NotificationsSetArgs) -> CliResult {
    let client = session.writer("change the notification settings").await?;
    let settings = client
        .put_notifications(&NotificationSettings {
            email_owners_on_human_request: args.email_owners,
        })
        .await?;
    session.ui.success("Updated the notification settings");
    session.ui.print_item(&settings)
}
