//! The AI copilot: Desk's inbox as read-only tools over the Model Context
//! Protocol, for assistants such as Claude Desktop or an IDE agent.
//!
//! It sits above both the client and the server: the tools read only through
//! [`Client`], the path every command takes, so what they show follows the
//! API's own role rules. `deskctl mcp` serves them on stdio for the target the
//! command line picks; `deskctl serve` serves them at `/v1/mcp` ([`http`]),
//! calling its own router in-process with each request's bearer token. The
//! server knows nothing of this module.

mod args;
pub mod http;
mod jsonrpc;
mod stdio;
mod tools;

use std::sync::Arc;

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CustomRequest, CustomResult, Implementation,
    ListToolsResult, PaginatedRequestParams, ServerCapabilities, ServerConfig, Tool,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer, ServerHandler, ServiceExt};

use crate::api::{Me, TokenKind};
use crate::client::Client;

/// What the copilot tells an assistant when it connects.
const INSTRUCTIONS: &str = "Read-only tools over a Desk help desk inbox. What they show \
    follows the role of the token deskctl acts with: owners and managers see every ticket; \
    operators see the tickets assigned to them and the unassigned tickets of their teams. \
    Start with list_tickets, search_tickets or count_tickets; open one ticket with \
    get_ticket. Quote ticket numbers (#10042) so people can find them. These tools cannot \
    reply to, assign, resolve or change anything: people do that in the inbox.";

/// The copilot's MCP server: the tools, over one client or over a router
/// called with each request's own token.
#[derive(Clone)]
pub struct Copilot {
    caller: Caller,
}

#[derive(Clone)]
enum Caller {
    /// `deskctl mcp`: the client of the target the command line picked.
    Client(Acting),
    /// `/v1/mcp`: the service's own router, called as each request's token.
    Router(axum::Router),
}

/// The client a request is answered with, and what its token is.
#[derive(Clone)]
struct Acting {
    client: Arc<Client>,
    /// An ingest token (the AI agent platform's) reads no tickets, and the
    /// copilot refuses it every tool: the API lets it read a handoff's
    /// status, which the copilot's `get_handoff` would show as a decision.
    is_ingest: bool,
}

impl Copilot {
    /// The copilot over `client`, acting with its token (or as the local
    /// desk's owner), which the service described as `me`.
    pub fn new(client: Client, me: &Me) -> Self {
        Copilot {
            caller: Caller::Client(Acting {
                client: Arc::new(client),
                is_ingest: me.kind == TokenKind::Ingest.as_str(),
            }),
        }
    }

    fn over_router(router: axum::Router) -> Self {
        Copilot {
            caller: Caller::Router(router),
        }
    }

    /// The client that answers this request: over HTTP, one acting with the
    /// token the request was authenticated with, never with more.
    fn acting(&self, context: &RequestContext<RoleServer>) -> Result<Acting, ErrorData> {
        match &self.caller {
            Caller::Client(acting) => Ok(acting.clone()),
            Caller::Router(router) => {
                let token = context
                    .extensions
                    .get::<::http::request::Parts>()
                    .and_then(|parts| parts.extensions.get::<http::CallerToken>())
                    .ok_or_else(|| {
                        ErrorData::internal_error(
                            "the request reached the copilot without a token",
                            None,
                        )
                    })?;
                Ok(Acting {
                    client: Arc::new(Client::in_process(router.clone(), token.secret.clone())),
                    is_ingest: token.is_ingest,
                })
            }
        }
    }

    /// Serves the tools on stdin and stdout until the client hangs up. Nothing
    /// else is written to stdout.
    pub async fn serve_stdio(self) -> Result<(), std::io::Error> {
        let (input, output) = rmcp::transport::io::stdio_pipes();
        let (transport, writing) = stdio::transport(input, output);
        let served = match self.serve(transport).await {
            Ok(running) => running
                .waiting()
                .await
                .map(drop)
                .map_err(std::io::Error::other),
            // A client that hangs up before (or while) it introduces itself
            // (one probing that the command starts) ended the session as
            // any hang-up does.
            Err(rmcp::service::ServerInitializeError::ConnectionClosed(_)) => Ok(()),
            Err(error) => Err(std::io::Error::other(error)),
        };
        // The transport is gone: the error responses it queued (to a last
        // line that was not JSON, say) are written before the process ends.
        match writing.await.map_err(std::io::Error::other)? {
            // A client that closed its end of stdout hung up: the session
            // ended as when it closes stdin.
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            written => written.and(served),
        }
    }
}

impl ServerHandler for Copilot {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(
                Implementation::new("deskctl", env!("CARGO_PKG_VERSION"))
                    .with_title("Desk copilot"),
            )
            .with_instructions(INSTRUCTIONS)
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(tools::definitions()))
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        tools::definitions()
            .into_iter()
            .find(|tool| tool.name == name)
    }

    /// rmcp hands on as a "custom" request both a method it does not know
    /// and a method it knows whose params it could not read: the second is
    /// JSON-RPC's Invalid params, saying what is wrong, not Method not found.
    async fn on_custom_request(
        &self,
        request: CustomRequest,
        _context: RequestContext<RoleServer>,
    ) -> Result<CustomResult, ErrorData> {
        Err(
            jsonrpc::params_problem(&request.method, request.params.as_ref())
                .unwrap_or_else(|| jsonrpc::method_not_found(&request.method)),
        )
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let acting = self.acting(&context)?;
        let result = if acting.is_ingest {
            tools::refuse_ingest(&request.name)?
        } else {
            tools::call(&acting.client, &request.name, request.arguments).await?
        };
        Ok(result.into())
    }
}
