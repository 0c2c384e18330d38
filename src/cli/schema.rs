use crate::cli::Session;
use crate::error::CliResult;

/// Prints the JSON Schema of the workspace document, for editors: e.g. with the
/// YAML language server, `# yaml-language-server: $schema=desk.schema.json`.
pub async fn cmd_schema(session: &Session) -> CliResult {
    session.ui.print_line(&crate::manifest::json_schema())
}
