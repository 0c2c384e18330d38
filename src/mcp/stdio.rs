//! `deskctl mcp`'s transport: MCP messages, one JSON-RPC message a line, on
//! stdin and stdout.
//!
//! rmcp's own stdio transport says nothing to a line that is not JSON and
//! answers other unreadable lines without the `id` the line carried; JSON-RPC
//! 2.0 asks for an error response to both, with the request's `id` when it
//! can be read and `null` when it cannot. This one answers every line it
//! cannot hand on, and the session goes on.

use std::collections::HashMap;
use std::io;

use rmcp::RoleServer;
use rmcp::model::{
    ClientJsonRpcMessage, ClientRequest, ErrorCode, ErrorData, RequestId, ServerJsonRpcMessage,
};
use rmcp::transport::Transport;
use serde::Serialize;
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

use super::jsonrpc;

/// The longest line read, as rmcp's stdio transport allows: longer ones are
/// refused without being held in memory.
const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// The transport over `input` and `output`, and the task that writes to
/// `output`: it ends once the transport is closed and every line is written.
pub fn transport<R, W>(input: R, output: W) -> (LineTransport<R>, JoinHandle<io::Result<()>>)
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    let (lines, queue) = mpsc::unbounded_channel();
    let writing = tokio::spawn(write_lines(output, queue));
    let transport = LineTransport {
        input: BufReader::new(input),
        line: Vec::new(),
        discarding: false,
        output: Some(lines),
        pending: HashMap::new(),
    };
    (transport, writing)
}

/// One line to write and, for a message the service sent, who waits to
/// hear it was written.
struct Outgoing {
    line: Vec<u8>,
    written: Option<oneshot::Sender<io::Result<()>>>,
}

/// Writes lines in the order they were queued: the service's answers and this
/// transport's own error responses share stdout, one whole line at a time.
async fn write_lines<W: AsyncWrite + Unpin>(
    mut output: W,
    mut queue: mpsc::UnboundedReceiver<Outgoing>,
) -> io::Result<()> {
    while let Some(Outgoing { line, written }) = queue.recv().await {
        let result = match output.write_all(&line).await {
            Ok(()) => output.flush().await,
            Err(error) => Err(error),
        };
        let failure = result
            .as_ref()
            .err()
            .map(|error| io::Error::new(error.kind(), error.to_string()));
        if let Some(written) = written {
            let _ = written.send(result);
        }
        if let Some(failure) = failure {
            return Err(failure);
        }
    }
    Ok(())
}

pub struct LineTransport<R> {
    input: BufReader<R>,
    /// The line being read. It lives here, not in `receive`, because rmcp
    /// drops a pending `receive` whenever it has something to send: the part
    /// of a line read so far must wait for the next call.
    line: Vec<u8>,
    /// Skipping the rest of a line already refused as too long.
    discarding: bool,
    /// `None` once closed.
    output: Option<mpsc::UnboundedSender<Outgoing>>,
    /// The method of each request handed on and not yet answered, by id, to
    /// word rmcp's "method not found" as JSON-RPC does.
    pending: HashMap<RequestId, String>,
}

/// What one read from the input gave.
enum Read {
    Line,
    TooLong,
    End,
}

impl<R: AsyncRead + Unpin + Send> LineTransport<R> {
    /// Reads up to the end of a line into `self.line`, never holding more
    /// than [`MAX_LINE_BYTES`]; safe to drop and call again.
    async fn read_line(&mut self) -> io::Result<Read> {
        loop {
            let available = self.input.fill_buf().await?;
            if available.is_empty() {
                return Ok(Read::End);
            }
            let newline = available.iter().position(|byte| *byte == b'\n');
            let take = newline.map_or(available.len(), |at| at + 1);
            let too_long = !self.discarding && self.line.len() + take > MAX_LINE_BYTES;
            if !self.discarding && !too_long {
                self.line.extend_from_slice(&available[..take]);
            }
            self.input.consume(take);
            match (newline.is_some(), self.discarding, too_long) {
                (true, true, _) => self.discarding = false,
                (true, false, false) => return Ok(Read::Line),
                (true, false, true) => {
                    self.line.clear();
                    return Ok(Read::TooLong);
                }
                (false, false, true) => {
                    self.line.clear();
                    self.discarding = true;
                    return Ok(Read::TooLong);
                }
                (false, _, _) => {}
            }
        }
    }

    /// Queues an error response; no await, so a dropped `receive` never
    /// leaves half of one written.
    fn answer(&self, id: Value, error: ErrorData) {
        let response = ErrorResponse {
            jsonrpc: "2.0",
            id: &id,
            error: &error,
        };
        let mut line = serde_json::to_vec(&response).expect("error responses serialize");
        line.push(b'\n');
        if let Some(output) = &self.output {
            let _ = output.send(Outgoing {
                line,
                written: None,
            });
        }
    }
}

/// An error response as JSON-RPC 2.0 has it: `id` is always there, `null`
/// when it could not be read.
#[derive(Serialize)]
struct ErrorResponse<'a> {
    jsonrpc: &'static str,
    id: &'a Value,
    error: &'a ErrorData,
}

/// What to do with one line.
enum Verdict {
    Message(Box<ClientJsonRpcMessage>),
    Answer(Value, ErrorData),
    Ignore,
}

/// Reads one line as a message the service can take, or says how to answer it.
fn judge(line: &[u8]) -> Verdict {
    let invalid = |message: String| ErrorData::new(ErrorCode::INVALID_REQUEST, message, None);
    let value: Value = match serde_json::from_slice(line) {
        Ok(value) => value,
        Err(error) => {
            let error = ErrorData::new(
                ErrorCode::PARSE_ERROR,
                format!("Parse error: the line is not JSON: {error}"),
                None,
            );
            return Verdict::Answer(Value::Null, error);
        }
    };
    let object = match &value {
        Value::Object(object) => object,
        Value::Array(_) => {
            let message = "Invalid Request: a batch (a JSON array) is not supported (MCP \
                dropped batches in protocol 2025-06-18): send each message on a line of its own";
            return Verdict::Answer(Value::Null, invalid(message.into()));
        }
        _ => {
            let message = "Invalid Request: a JSON-RPC message is a JSON object";
            return Verdict::Answer(Value::Null, invalid(message.into()));
        }
    };
    // A request's id when it has one JSON-RPC allows, so its caller can tell
    // which request was refused.
    let id = match object.get("id") {
        Some(id @ Value::String(_)) => id.clone(),
        Some(Value::Number(number)) if number.is_i64() || number.is_u64() => {
            Value::Number(number.clone())
        }
        _ => Value::Null,
    };
    if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        let message = r#"Invalid Request: "jsonrpc" must be "2.0""#;
        return Verdict::Answer(id, invalid(message.into()));
    }
    let is_notification = !object.contains_key("id") && object.contains_key("method");
    match serde_json::from_value::<ClientJsonRpcMessage>(value.clone()) {
        Ok(ClientJsonRpcMessage::Request(request)) => {
            if let ClientRequest::CustomRequest(custom) = &request.request
                && let Some(error) = jsonrpc::params_problem(&custom.method, custom.params.as_ref())
            {
                return Verdict::Answer(id, error);
            }
            Verdict::Message(Box::new(ClientJsonRpcMessage::Request(request)))
        }
        Ok(message) => Verdict::Message(Box::new(message)),
        // A notification is never answered, not even with an error.
        Err(_) if is_notification => Verdict::Ignore,
        Err(error) => Verdict::Answer(id, invalid(format!("Invalid Request: {error}"))),
    }
}

impl<R: AsyncRead + Unpin + Send + 'static> Transport<RoleServer> for LineTransport<R> {
    type Error = io::Error;

    fn send(
        &mut self,
        item: ServerJsonRpcMessage,
    ) -> impl Future<Output = Result<(), io::Error>> + Send + 'static {
        let output = self.output.clone();
        let answered = match &item {
            ServerJsonRpcMessage::Response(response) => self.pending.remove(&response.id),
            ServerJsonRpcMessage::Error(error) => {
                error.id.as_ref().and_then(|id| self.pending.remove(id))
            }
            _ => None,
        };
        let line = match (&item, answered) {
            (ServerJsonRpcMessage::Error(_), Some(method)) => {
                serde_json::to_value(&item).and_then(|mut message| {
                    let _reworded = jsonrpc::reword_method_not_found(&mut message, &method);
                    serde_json::to_vec(&message)
                })
            }
            _ => serde_json::to_vec(&item),
        };
        async move {
            let closed = || io::Error::new(io::ErrorKind::NotConnected, "the transport is closed");
            let output = output.ok_or_else(closed)?;
            let mut line = line?;
            line.push(b'\n');
            let (written, done) = oneshot::channel();
            output
                .send(Outgoing {
                    line,
                    written: Some(written),
                })
                .map_err(|_| closed())?;
            done.await.map_err(|_| closed())?
        }
    }

    async fn receive(&mut self) -> Option<ClientJsonRpcMessage> {
        loop {
            // Once nothing can be written (the client closed its end of
            // stdout), no request can be answered: the session is over, as
            // when the client closes stdin.
            let read = match self.output.clone() {
                Some(output) => tokio::select! {
                    read = self.read_line() => read,
                    () = output.closed() => return None,
                },
                None => self.read_line().await,
            };
            match read {
                Ok(Read::Line) => {}
                Ok(Read::TooLong) => {
                    let message = format!(
                        "Invalid Request: a message is at most {MAX_LINE_BYTES} bytes on one line"
                    );
                    let error = ErrorData::new(ErrorCode::INVALID_REQUEST, message, None);
                    self.answer(Value::Null, error);
                    continue;
                }
                Ok(Read::End) | Err(_) => return None,
            }
            let line = std::mem::take(&mut self.line);
            let line = line.strip_suffix(b"\n").unwrap_or(&line);
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match judge(line) {
                Verdict::Message(message) => {
                    if let ClientJsonRpcMessage::Request(request) = message.as_ref() {
                        let method = request.request.method().to_string();
                        self.pending.insert(request.id.clone(), method);
                    }
                    return Some(*message);
                }
                Verdict::Answer(id, error) => self.answer(id, error),
                Verdict::Ignore => {}
            }
        }
    }

    async fn close(&mut self) -> Result<(), io::Error> {
        self.output = None;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn answer(line: &str) -> (Value, ErrorData) {
        match judge(line.as_bytes()) {
            Verdict::Answer(id, error) => (id, error),
            Verdict::Message(message) => panic!("{line} was taken: {message:?}"),
            Verdict::Ignore => panic!("{line} was ignored"),
        }
    }

    #[test]
    fn a_line_that_is_not_json_is_a_parse_error_with_a_null_id() {
        for line in ["garbage", r#"{"jsonrpc":"2.0","id":"#] {
            let (id, error) = answer(line);
            assert_eq!(id, Value::Null);
            assert_eq!(error.code, ErrorCode::PARSE_ERROR, "{line}");
        }
    }

    #[test]
    fn an_invalid_request_carries_the_id_it_could_read() {
        let (id, error) = answer(r#"{"id":7,"method":"tools/list"}"#);
        assert_eq!(id, json!(7));
        assert_eq!(error.code, ErrorCode::INVALID_REQUEST);
        assert!(error.message.contains("jsonrpc"), "{}", error.message);
        let (id, _) = answer(r#"{"jsonrpc":"1.0","id":"seven","method":"tools/list"}"#);
        assert_eq!(id, json!("seven"));
        let (id, error) = answer(r#"[{"jsonrpc":"2.0","id":8,"method":"tools/list"}]"#);
        assert_eq!((id, error.code), (Value::Null, ErrorCode::INVALID_REQUEST));
        let (id, error) = answer("42");
        assert_eq!((id, error.code), (Value::Null, ErrorCode::INVALID_REQUEST));
        let (id, _) = answer(r#"{"jsonrpc":"2.0","id":true,"method":"tools/list"}"#);
        assert_eq!(
            id,
            Value::Null,
            "an id JSON-RPC does not allow is not echoed"
        );
    }

    #[test]
    fn params_that_do_not_fit_a_method_served_are_invalid_params() {
        let (id, error) = answer(r#"{"jsonrpc":"2.0","id":3,"method":"tools/call"}"#);
        assert_eq!((id, error.code), (json!(3), ErrorCode::INVALID_PARAMS));
        let (_, error) = answer(r#"{"jsonrpc":"2.0","id":4,"method":"initialize"}"#);
        assert_eq!(error.code, ErrorCode::INVALID_PARAMS);
    }

    #[test]
    fn good_messages_are_handed_on_and_bad_notifications_ignored() {
        let taken = [
            r#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#,
            r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            r#"{"jsonrpc":"2.0","id":2,"method":"resources/list"}"#,
        ];
        for line in taken {
            assert!(
                matches!(judge(line.as_bytes()), Verdict::Message(_)),
                "{line}"
            );
        }
        let bad_notification = r#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":7}"#;
        assert!(matches!(
            judge(bad_notification.as_bytes()),
            Verdict::Ignore | Verdict::Message(_)
        ));
    }

    #[tokio::test]
    async fn the_session_goes_on_after_a_bad_line_and_answers_in_order() {
        let input =
            b"garbage\n{\"id\":7}\n\n{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"}\n";
        let (written, mut read_back) = tokio::io::duplex(1 << 16);
        let (mut transport, writing) = transport(&input[..], written);
        let message = transport
            .receive()
            .await
            .expect("the good line is handed on");
        assert!(matches!(message, ClientJsonRpcMessage::Request(_)));
        assert!(transport.receive().await.is_none());
        transport.close().await.unwrap();
        drop(transport);
        writing.await.unwrap().unwrap();
        let mut output = String::new();
        tokio::io::AsyncReadExt::read_to_string(&mut read_back, &mut output)
            .await
            .unwrap();
        let answers: Vec<Value> = output
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(answers.len(), 2, "{output}");
        assert_eq!(answers[0]["id"], Value::Null);
        assert!(answers[0].as_object().unwrap().contains_key("id"));
        assert_eq!(answers[0]["error"]["code"], -32700);
        assert_eq!(answers[1]["id"], 7);
        assert_eq!(answers[1]["error"]["code"], -32600);
    }
}
