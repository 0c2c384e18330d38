use crate::cli::Session;
use crate::error::CliResult;
use crate::ui::OutputFormat;

/// Prints the JSON Schema of the workspace document, for editors: e.g. with the
/// YAML language server, `# yaml-language-server: $schema=desk.schema.json`.
///
/// `-o yaml` prints the same schema as YAML; every other format prints JSON.
pub async fn cmd_schema(session: &Session) -> CliResult {
    let text = crate::manifest::json_schema();
    if session.ui.format == OutputFormat::Yaml {
        let value: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
        return session.ui.print_value(&value, || text.clone());
    }
    session.ui.print_line(&text)
}
