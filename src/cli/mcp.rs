//! `deskctl mcp`: the AI copilot's read-only tools over MCP on stdio.

use clap::Args;

use crate::cli::Session;
use crate::error::{CliError, CliResult};
use crate::mcp::Copilot;

// `deskctl mcp` takes only the global flags that pick the target (a plain
// comment: clap would take a doc comment for the command's about).
#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  deskctl mcp                              # the local desk, as its owner
  DESKCTL_TOKEN=… deskctl mcp --server https://desk.example.com
  deskctl mcp --context prod               # a context and its stored token

In an MCP client's configuration (e.g. claude_desktop_config.json):
  {\"mcpServers\": {\"desk\": {\"command\": \"deskctl\",
                          \"args\": [\"mcp\", \"--context\", \"prod\"]}}}")]
pub struct McpArgs {}

/// Serves the tools for the target the global flags pick, until the client
/// hangs up. stdout carries only MCP messages; status goes to stderr.
pub async fn cmd_mcp(session: &Session, _args: McpArgs) -> CliResult {
    let client = session.client().await?;
    // Asked first, so that a bad token or an unreachable service fails here,
    // in the client's log, rather than on every tool call.
    let me = client.me().await?;
    let who = match (me.kind.as_str(), &me.operator, me.role) {
        ("local-owner", _, _) => "the local desk's owner".to_string(),
        (_, Some(handle), Some(role)) => format!("{handle} ({role})"),
        _ => {
            session.ui.warn(
                "this token is not an operator's: every tool will be refused; use an operator's token",
            );
            format!("{} token", with_article(&me.kind))
        }
    };
    session.ui.info(&format!(
        "deskctl mcp: read-only tools as {who} on {}, over MCP on stdin and stdout",
        client.target()
    ));
    Copilot::new(client, &me)
        .serve_stdio()
        .await
        .map_err(|e| CliError::general("the MCP connection failed").with_cause(e))
}

/// `word` after the article its sound takes: "an ingest", "a local".
fn with_article(word: &str) -> String {
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {word}")
}
