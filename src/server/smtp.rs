//! `serve --smtp-listen`: the support inbox over SMTP. A small tokio state
//! machine for the part of RFC 5321 a receiving-only server needs (EHLO/HELO,
//! MAIL, RCPT, DATA, RSET, NOOP, QUIT, and STARTTLS per RFC 3207 when a
//! certificate is given), with the SIZE extension and a hard size limit.
//! Each message goes through the support inbox's one pipeline
//! ([`routes::inbound::intake`]); what it refuses is answered 5xx, what may
//! pass later 4xx, and nothing is half stored.
//!
//! Why not a crate: `mailin-embedded` 0.8 serves with blocking I/O on its own
//! thread pool (`serve_forever`, no way to stop it with the HTTP server), and
//! `samotop` 0.13 is built on async-std, a second runtime beside tokio that is
//! itself discontinued. What a receive-only server needs is small enough to
//! keep here, on tokio, with tests.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::api::{InboundOutcome, InboundResult};
use crate::domain::mail::{self, Malformed, parse_message};
use crate::server::routes::inbound::intake;
use crate::server::store::Store;

/// The longest command line (RFC 5321 4.5.3.1.4: 512 octets, with room).
const MAX_LINE: usize = 2048;
/// How long a client may stay silent before the connection is closed.
const IDLE: Duration = Duration::from_secs(300);
/// Recipients per message.
const MAX_RECIPIENTS: usize = 100;

/// How the SMTP listener runs.
#[derive(Clone)]
pub struct SmtpOptions {
    /// The name the server greets with.
    pub hostname: String,
    /// The largest message accepted, in bytes.
    pub max_message_bytes: usize,
    /// Connections served at once; more are answered 421.
    pub max_connections: usize,
    /// STARTTLS is offered when set.
    pub tls: Option<Arc<tokio_rustls::rustls::ServerConfig>>,
}

/// The TLS configuration from a PEM certificate chain and private key, or
/// what is wrong with them.
pub fn tls_config(
    cert: &std::path::Path,
    key: &std::path::Path,
) -> Result<Arc<tokio_rustls::rustls::ServerConfig>, String> {
    use rustls_pki_types::pem::PemObject;
    use rustls_pki_types::{CertificateDer, PrivateKeyDer};
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
        .and_then(|certs| certs.collect())
        .map_err(|e| format!("cannot read the certificate {}: {e}", cert.display()))?;
    if certs.is_empty() {
        return Err(format!("no certificate in {}", cert.display()));
    }
    let key = PrivateKeyDer::from_pem_file(key)
        .map_err(|e| format!("cannot read the private key {}: {e}", key.display()))?;
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    tokio_rustls::rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|b| b.with_no_client_auth().with_single_cert(certs, key))
        .map(Arc::new)
        .map_err(|e| format!("the certificate and key do not make a TLS configuration: {e}"))
}

/// Accepts SMTP connections on `listeners` until the task is dropped.
pub async fn run(listeners: Vec<TcpListener>, store: Store, options: SmtpOptions) {
    let Some(mut acceptor) = super::listen::Acceptor::new(listeners) else {
        return;
    };
    let room = Arc::new(Semaphore::new(options.max_connections));
    loop {
        let (socket, peer) = match acceptor.accept().await {
            Ok(accepted) => accepted,
            Err(error) => {
                tracing::warn!(%error, "smtp accept failed");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let (store, options, room) = (store.clone(), options.clone(), room.clone());
        tokio::spawn(async move {
            let Ok(_permit) = room.try_acquire() else {
                let mut socket = socket;
                let _ = socket
                    .write_all(b"421 4.3.2 too many connections, try again later\r\n")
                    .await;
                return;
            };
            if let Err(error) = connection(socket, peer, &store, &options).await {
                tracing::debug!(%peer, %error, "smtp connection ended");
            }
        });
    }
}

/// How a conversation ended.
enum End<S> {
    Closed,
    /// The client asked for TLS: the plain stream, with nothing read ahead.
    StartTls(S),
}

async fn connection(
    socket: tokio::net::TcpStream,
    peer: SocketAddr,
    store: &Store,
    options: &SmtpOptions,
) -> std::io::Result<()> {
    let greeting = format!("220 {} deskctl ESMTP ready\r\n", options.hostname);
    let mut socket = socket;
    socket.write_all(greeting.as_bytes()).await?;
    match converse(socket, peer, store, options, false).await? {
        End::Closed => Ok(()),
        End::StartTls(socket) => {
            let config = options
                .tls
                .clone()
                .expect("STARTTLS is offered only with TLS");
            let tls = secure(socket, config, IDLE).await?;
            converse(tls, peer, store, options, true).await.map(|_| ())
        }
    }
}

/// The TLS session a client asked for with STARTTLS, given up when its
/// handshake has not ended within `limit`: a client that asks, then says
/// nothing, would otherwise hold its connection, and a place among
/// [`SmtpOptions::max_connections`], for ever.
async fn secure<S: AsyncRead + AsyncWrite + Unpin>(
    socket: S,
    config: Arc<tokio_rustls::rustls::ServerConfig>,
    limit: Duration,
) -> std::io::Result<tokio_rustls::server::TlsStream<S>> {
    tokio::time::timeout(
        limit,
        tokio_rustls::TlsAcceptor::from(config).accept(socket),
    )
    .await
    .map_err(|_| {
        std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            "the client asked for TLS, then did not start its handshake",
        )
    })?
}

/// The envelope of the message being sent.
#[derive(Default)]
struct Envelope {
    greeted: bool,
    from: Option<String>,
    to: Vec<String>,
}

async fn reply<S: AsyncWrite + Unpin>(stream: &mut S, text: &str) -> std::io::Result<()> {
    stream.write_all(text.as_bytes()).await?;
    stream.write_all(b"\r\n").await?;
    stream.flush().await
}

/// The address in `FROM:<a@b> SIZE=10` or `TO:<a@b>`, and the rest.
fn path_argument<'a>(argument: &'a str, keyword: &str) -> Option<(&'a str, &'a str)> {
    let rest = argument.trim_start();
    if rest.len() < keyword.len() || !rest[..keyword.len()].eq_ignore_ascii_case(keyword) {
        return None;
    }
    let rest = rest[keyword.len()..].trim_start();
    let rest = rest.strip_prefix('<')?;
    let (path, params) = rest.split_once('>')?;
    Some((path.trim(), params.trim()))
}

/// The SIZE MAIL FROM declares, if any, or the answer refusing its
/// parameters: only the advertised extensions' may be used (RFC 5321
/// 4.1.1.11), SIZE=bytes (RFC 1870) and BODY=7BIT or 8BITMIME (RFC 6152),
/// each once. SMTPUTF8 is not advertised: the desk's own mail could not
/// answer an address that needs it.
fn mail_parameters(params: &str) -> Result<Option<u64>, String> {
    let mut size = None;
    let mut body = false;
    for (keyword, value) in parameters(params)? {
        let keyword = keyword.to_ascii_uppercase();
        match keyword.as_str() {
            "SIZE" if size.is_some() => return Err("501 5.5.4 SIZE is given twice".into()),
            "BODY" if body => return Err("501 5.5.4 BODY is given twice".into()),
            "SIZE" => {
                let digits =
                    value.filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()));
                let Some(digits) = digits else {
                    return Err("501 5.5.4 SIZE must be a number of bytes".into());
                };
                // More digits than a u64 holds is still a size: too large.
                size = Some(digits.parse().unwrap_or(u64::MAX));
            }
            "BODY" => match value {
                Some(v) if v.eq_ignore_ascii_case("7BIT") || v.eq_ignore_ascii_case("8BITMIME") => {
                    body = true;
                }
                _ => return Err("501 5.5.4 BODY must be 7BIT or 8BITMIME".into()),
            },
            "SMTPUTF8" => {
                return Err(
                    "555 5.5.4 SMTPUTF8 is not offered: the support inbox takes ASCII addresses only"
                        .into(),
                );
            }
            _ => {
                return Err(format!(
                    "555 5.5.4 the MAIL FROM parameter {keyword} is not offered"
                ));
            }
        }
    }
    Ok(size)
}

/// The answer refusing RCPT TO's parameters: no extension this server
/// advertises defines one (RFC 5321 4.1.1.11).
fn rcpt_parameters(params: &str) -> Result<(), String> {
    match parameters(params)?.first() {
        None => Ok(()),
        Some((keyword, _)) => Err(format!(
            "555 5.5.4 the RCPT TO parameter {keyword} is not offered"
        )),
    }
}

/// `KEY=value KEY2` → `[(KEY, Some(value)), (KEY2, None)]`, or `501` when a
/// keyword is not one (RFC 5321 4.1.2: a letter or digit, then letters,
/// digits and dashes), so a refusal can name it safely.
fn parameters(params: &str) -> Result<Vec<(&str, Option<&str>)>, String> {
    params
        .split_whitespace()
        .map(|param| {
            let (keyword, value) = match param.split_once('=') {
                Some((keyword, value)) => (keyword, Some(value)),
                None => (param, None),
            };
            let well_formed = keyword.starts_with(|c: char| c.is_ascii_alphanumeric())
                && keyword
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-');
            match well_formed {
                true => Ok((keyword, value)),
                false => Err("501 5.5.4 syntax error in the parameters".to_string()),
            }
        })
        .collect()
}

/// The answer refusing a path with a character beyond ASCII: without
/// SMTPUTF8 (RFC 6531), which this server does not offer, it cannot be one.
fn non_ascii_path(path: &str) -> Option<String> {
    (!path.is_ascii())
        .then(|| "553 5.6.7 non-ASCII addresses need SMTPUTF8, which is not offered".to_string())
}

async fn converse<S: AsyncRead + AsyncWrite + Unpin>(
    stream: S,
    peer: SocketAddr,
    store: &Store,
    options: &SmtpOptions,
    secured: bool,
) -> std::io::Result<End<S>> {
    let mut stream = BufReader::new(stream);
    let mut envelope = Envelope::default();
    loop {
        let line = match tokio::time::timeout(IDLE, read_line(&mut stream)).await {
            Err(_) => {
                reply(&mut stream, "421 4.4.2 idle too long, closing").await?;
                return Ok(End::Closed);
            }
            Ok(Err(error)) => return Err(error),
            Ok(Ok(Line::Closed)) => return Ok(End::Closed),
            Ok(Ok(Line::TooLong)) => {
                reply(&mut stream, "500 5.5.2 line too long").await?;
                return Ok(End::Closed);
            }
            // RFC 5321 2.3.8: lines end in CRLF. No real MTA sends a bare LF,
            // and a listener that reads one as a line break is what lets a
            // message carry commands an MTA in front took for data (SMTP
            // smuggling), so refuse and close rather than guess where the
            // client thinks it is, as Postfix's `smtpd_forbid_bare_newline` does.
            Ok(Ok(Line::BareLf)) => {
                reply(
                    &mut stream,
                    "500 5.5.2 bare <LF> received: SMTP lines end with <CR><LF>",
                )
                .await?;
                return Ok(End::Closed);
            }
            Ok(Ok(Line::Command(line))) => line,
        };
        let text = String::from_utf8_lossy(&line);
        let (verb, argument) = text.split_once(' ').unwrap_or((&text, ""));
        match verb.to_ascii_uppercase().as_str() {
            "EHLO" | "HELO" if argument.trim().is_empty() => {
                reply(&mut stream, "501 5.5.4 say who you are").await?;
            }
            "EHLO" => {
                envelope = Envelope {
                    greeted: true,
                    ..Envelope::default()
                };
                let mut lines = vec![
                    format!("250-{} greets {}", options.hostname, argument.trim()),
                    format!("250-SIZE {}", options.max_message_bytes),
                    "250-8BITMIME".to_string(),
                ];
                if options.tls.is_some() && !secured {
                    lines.push("250-STARTTLS".into());
                }
                lines.push("250 ENHANCEDSTATUSCODES".into());
                reply(&mut stream, &lines.join("\r\n")).await?;
            }
            "HELO" => {
                envelope = Envelope {
                    greeted: true,
                    ..Envelope::default()
                };
                reply(&mut stream, &format!("250 {}", options.hostname)).await?;
            }
            "STARTTLS" if options.tls.is_some() && !secured => {
                reply(&mut stream, "220 2.0.0 ready to start TLS").await?;
                // Whatever the client sent after STARTTLS, before the
                // handshake, is dropped (RFC 3207 5; CVE-2011-0411).
                return Ok(End::StartTls(stream.into_inner()));
            }
            "STARTTLS" if secured => {
                reply(&mut stream, "503 5.5.1 TLS is already on").await?;
            }
            "STARTTLS" => {
                reply(&mut stream, "502 5.5.1 STARTTLS is not offered").await?;
            }
            "MAIL" if !envelope.greeted => {
                reply(&mut stream, "503 5.5.1 EHLO first").await?;
            }
            "MAIL" if envelope.from.is_some() => {
                reply(
                    &mut stream,
                    "503 5.5.1 a MAIL FROM is already given: RSET first",
                )
                .await?;
            }
            "MAIL" => {
                let answer = match path_argument(argument, "FROM:") {
                    None => Err("501 5.5.4 syntax: MAIL FROM:<address>".to_string()),
                    Some((path, params)) => match (non_ascii_path(path), mail_parameters(params)) {
                        (Some(refusal), _) | (None, Err(refusal)) => Err(refusal),
                        (None, Ok(Some(size))) if size > options.max_message_bytes as u64 => {
                            Err(format!(
                                "552 5.3.4 the message is larger than the {} bytes accepted",
                                options.max_message_bytes
                            ))
                        }
                        (None, Ok(_)) => Ok(path),
                    },
                };
                match answer {
                    Err(refusal) => reply(&mut stream, &refusal).await?,
                    Ok(path) => {
                        envelope.from = Some(path.to_string());
                        envelope.to.clear();
                        reply(&mut stream, "250 2.1.0 ok").await?;
                    }
                }
            }
            "RCPT" if envelope.from.is_none() => {
                reply(&mut stream, "503 5.5.1 MAIL first").await?;
            }
            "RCPT" => match path_argument(argument, "TO:") {
                None => reply(&mut stream, "501 5.5.4 syntax: RCPT TO:<address>").await?,
                Some((path, params))
                    if let Some(refusal) =
                        non_ascii_path(path).or_else(|| rcpt_parameters(params).err()) =>
                {
                    reply(&mut stream, &refusal).await?;
                }
                Some(_) if envelope.to.len() >= MAX_RECIPIENTS => {
                    reply(&mut stream, "452 4.5.3 too many recipients").await?;
                }
                Some((path, _)) => match support_address(store).await {
                    Err(answer) => reply(&mut stream, &answer).await?,
                    Ok(address) if mail::is_support_address(path, &address) => {
                        envelope.to.push(path.to_string());
                        reply(&mut stream, "250 2.1.5 ok").await?;
                    }
                    Ok(_) => {
                        reply(
                            &mut stream,
                            &format!("550 5.1.1 <{path}> is not the support inbox's address"),
                        )
                        .await?;
                    }
                },
            },
            "DATA" if envelope.to.is_empty() => {
                reply(&mut stream, "503 5.5.1 RCPT first").await?;
            }
            "DATA" => {
                reply(&mut stream, "354 end with <CRLF>.<CRLF>").await?;
                let message = read_data(&mut stream, options.max_message_bytes).await?;
                let answer = match message {
                    None => format!(
                        "552 5.3.4 the message is larger than the {} bytes accepted",
                        options.max_message_bytes
                    ),
                    Some(raw) => deliver(store, &raw, &envelope.to[0], peer).await,
                };
                envelope.from = None;
                envelope.to.clear();
                reply(&mut stream, &answer).await?;
            }
            "RSET" => {
                envelope.from = None;
                envelope.to.clear();
                reply(&mut stream, "250 2.0.0 ok").await?;
            }
            "NOOP" => reply(&mut stream, "250 2.0.0 ok").await?,
            "VRFY" => reply(&mut stream, "252 2.1.5 cannot verify, send it").await?,
            "QUIT" => {
                reply(&mut stream, "221 2.0.0 bye").await?;
                return Ok(End::Closed);
            }
            _ => reply(&mut stream, "500 5.5.2 unknown command").await?,
        }
    }
}

/// The support inbox's address, or the SMTP answer when there is none now.
async fn support_address(store: &Store) -> Result<String, String> {
    match store.workspace().await {
        Ok(workspace) => {
            let inbox = &workspace.assignment.support_inbox;
            match (&inbox.address, inbox.enabled) {
                (Some(address), true) => Ok(address.clone()),
                _ => Err("450 4.2.1 the support inbox is off, try again later".into()),
            }
        }
        Err(error) => {
            tracing::warn!(%error, "smtp: cannot read the workspace");
            Err("451 4.3.0 the desk cannot take mail now, try again later".into())
        }
    }
}

/// One command line as the client sent it.
enum Line {
    /// A command, without its CRLF.
    Command(Vec<u8>),
    /// A line ending in a bare LF.
    BareLf,
    /// A line longer than [`MAX_LINE`], read to its end and dropped.
    TooLong,
    /// The client closed the connection.
    Closed,
}

/// The next command line, read in the reader's own chunks so that a line
/// that never ends holds no more than [`MAX_LINE`] bytes. A longer line is
/// read to its end all the same: closing on unread input would reset the
/// connection and lose the answer that says why.
async fn read_line<S: AsyncRead + Unpin>(stream: &mut BufReader<S>) -> std::io::Result<Line> {
    let mut line = Vec::new();
    let mut too_long = false;
    loop {
        let chunk = stream.fill_buf().await?;
        if chunk.is_empty() {
            return Ok(Line::Closed);
        }
        let (used, ended) = match chunk.iter().position(|&byte| byte == b'\n') {
            Some(end) => (end + 1, true),
            None => (chunk.len(), false),
        };
        too_long = too_long || line.len() + used > MAX_LINE;
        if too_long {
            line.clear();
        } else {
            line.extend_from_slice(&chunk[..used]);
        }
        stream.consume(used);
        if ended {
            return Ok(match line.strip_suffix(b"\r\n") {
                _ if too_long => Line::TooLong,
                Some(command) => Line::Command(command.to_vec()),
                None => Line::BareLf,
            });
        }
    }
}

/// Where DATA's reader is in the line it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// After a CRLF, or at the start: a dot here is stuffing, or the end.
    LineStart,
    /// A dot opened the line.
    Dot,
    /// A dot and a CR opened the line: an LF now ends the message.
    DotCr,
    /// Inside a line.
    Inside,
    /// Inside a line, just after a CR.
    Cr,
}

/// The message after DATA as it arrives in chunks: dot-unstuffed, kept up
/// to `max` bytes and counted, not kept, beyond.
struct Unstuffer {
    max: usize,
    message: Vec<u8>,
    too_large: bool,
    at: At,
}

impl Unstuffer {
    fn new(max: usize) -> Self {
        Unstuffer {
            max,
            message: Vec::new(),
            too_large: false,
            at: At::LineStart,
        }
    }

    fn keep(&mut self, bytes: &[u8]) {
        if self.too_large {
            return;
        }
        if self.message.len() + bytes.len() > self.max {
            self.too_large = true;
            self.message = Vec::new();
            return;
        }
        self.message.extend_from_slice(bytes);
    }

    /// Takes `chunk`; when the end of the message is in it, how many of its
    /// bytes, up to and including that end, belong to the message.
    fn feed(&mut self, chunk: &[u8]) -> Option<usize> {
        let mut i = 0;
        while i < chunk.len() {
            if self.at == At::Inside {
                // Nothing but a CR matters inside a line: take the run before it.
                let run = chunk[i..]
                    .iter()
                    .position(|&byte| byte == b'\r')
                    .unwrap_or(chunk.len() - i);
                self.keep(&chunk[i..i + run]);
                i += run;
                if i == chunk.len() {
                    break;
                }
            }
            let byte = chunk[i];
            i += 1;
            self.at = match (self.at, byte) {
                (At::LineStart, b'.') => At::Dot,
                (At::Dot, b'\r') => At::DotCr,
                (At::DotCr, b'\n') => return Some(i),
                // `.` CR and more: the dot was stuffing, the CR is data.
                (At::DotCr, _) => {
                    self.keep(&[b'\r', byte]);
                    if byte == b'\r' { At::Cr } else { At::Inside }
                }
                (At::Cr, b'\n') => {
                    self.keep(&[byte]);
                    At::LineStart
                }
                (_, b'\r') => {
                    self.keep(&[byte]);
                    At::Cr
                }
                _ => {
                    self.keep(&[byte]);
                    At::Inside
                }
            };
        }
        None
    }

    /// The message, or `None` when it was larger than `max`.
    fn finish(self) -> Option<Vec<u8>> {
        (!self.too_large).then_some(self.message)
    }
}

/// The message after DATA, dot-unstuffed, or `None` when it was larger than
/// `max`: read to its end all the same, so the conversation can go on, in the
/// reader's chunks, so that memory stays within `max` however long its lines.
///
/// Only `<CRLF>.<CRLF>` ends it (RFC 5321 4.1.1.4): a line starts only after
/// a CRLF, and a bare LF (or CR) is data. Ending at `<LF>.<LF>` too would let
/// a message that an MTA in front relayed as one carry a second, forged one.
async fn read_data<S: AsyncRead + Unpin>(
    stream: &mut BufReader<S>,
    max: usize,
) -> std::io::Result<Option<Vec<u8>>> {
    let mut message = Unstuffer::new(max);
    loop {
        let chunk = tokio::time::timeout(IDLE, stream.fill_buf())
            .await
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::TimedOut, "idle in DATA"))??;
        if chunk.is_empty() {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let read = chunk.len();
        if let Some(used) = message.feed(chunk) {
            stream.consume(used);
            return Ok(message.finish());
        }
        stream.consume(read);
    }
}

/// What the answer to a message taken says. The sender hears the number of
/// the ticket their own mail opened or joined, and no other: a message
/// held as a note, a duplicate (some mailers reuse Message-IDs) or a bounce
/// may concern someone else's ticket, which is none of the sender's business.
fn taken(result: &InboundResult) -> String {
    let own = |what: &str| match result.ticket {
        Some(number) => format!("{what} {number}"),
        None => "received".to_string(),
    };
    match result.outcome {
        InboundOutcome::Created => own("opened ticket"),
        InboundOutcome::Appended | InboundOutcome::Reopened => own("added to ticket"),
        InboundOutcome::HeldAsNote | InboundOutcome::AutoReply => "received".into(),
        InboundOutcome::Duplicate => "already received".into(),
        InboundOutcome::Bounce => "delivery report received".into(),
        // A report about no email of the desk's: a bounce or a read receipt.
        InboundOutcome::Dropped => "report received".into(),
    }
}

/// Hands a message to the pipeline and answers as SMTP does.
async fn deliver(store: &Store, raw: &[u8], recipient: &str, peer: SocketAddr) -> String {
    let email = match parse_message(raw, Some(recipient)) {
        Ok(email) => email,
        Err(malformed @ (Malformed::Empty | Malformed::NoHeaders | Malformed::NoFrom)) => {
            return format!("550 5.6.0 refused: {malformed}");
        }
        Err(malformed @ Malformed::TooLarge) => {
            return format!("552 5.3.4 refused: {malformed}");
        }
    };
    match intake(store, email).await {
        Ok(result) => {
            tracing::info!(%peer, ticket = result.ticket, outcome = %result.outcome, "smtp: message taken");
            format!("250 2.0.0 {}", taken(&result))
        }
        Err(error) if error.status.is_client_error() && error.status.as_u16() != 409 => {
            let detail = match error.errors.first() {
                Some(field) => format!("{}: {}", field.field, field.message),
                None => error.detail.clone(),
            };
            format!("550 5.6.0 refused: {}", detail.replace(['\r', '\n'], " "))
        }
        Err(error) => {
            tracing::warn!(%peer, detail = %error.detail, "smtp: message deferred");
            "451 4.3.0 the desk cannot take mail now, try again later".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncReadExt;

    #[test]
    fn paths_and_sizes_are_read_from_the_arguments() {
        assert_eq!(
            path_argument("FROM:<dana@example.com> SIZE=100", "FROM:"),
            Some(("dana@example.com", "SIZE=100"))
        );
        assert_eq!(
            path_argument("from: <>", "FROM:"),
            Some(("", "")),
            "the null reverse path"
        );
        assert_eq!(path_argument("TO:dana@example.com", "TO:"), None);
        assert_eq!(path_argument("", "TO:"), None);
    }

    #[test]
    fn the_answer_names_only_the_senders_own_ticket_and_calls_a_report_what_it_is() {
        let answer = |outcome, ticket| {
            taken(&InboundResult {
                ticket,
                created: false,
                outcome,
            })
        };
        assert_eq!(
            answer(InboundOutcome::Created, Some(10001)),
            "opened ticket 10001"
        );
        assert_eq!(answer(InboundOutcome::HeldAsNote, Some(10001)), "received");
        assert_eq!(
            answer(InboundOutcome::Bounce, Some(10001)),
            "delivery report received"
        );
        // A read receipt about no email of the desk's is dropped: not a
        // delivery report.
        assert_eq!(answer(InboundOutcome::Dropped, None), "report received");
    }

    #[test]
    fn only_the_advertised_parameters_are_taken() {
        assert_eq!(mail_parameters(""), Ok(None));
        assert_eq!(mail_parameters("BODY=8BITMIME SIZE=2048"), Ok(Some(2048)));
        assert_eq!(mail_parameters("body=7bit"), Ok(None));
        assert_eq!(
            mail_parameters("SIZE=99999999999999999999999"),
            Ok(Some(u64::MAX)),
            "too large, not malformed"
        );
        for (params, answer) in [
            (
                "FOO=bar",
                "555 5.5.4 the MAIL FROM parameter FOO is not offered",
            ),
            (
                "SMTPUTF8",
                "555 5.5.4 SMTPUTF8 is not offered: the support inbox takes ASCII addresses only",
            ),
            ("size=abc", "501 5.5.4 SIZE must be a number of bytes"),
            ("SIZE", "501 5.5.4 SIZE must be a number of bytes"),
            ("SIZE=-1", "501 5.5.4 SIZE must be a number of bytes"),
            ("SIZE=1 size=2", "501 5.5.4 SIZE is given twice"),
            ("BODY=7BIT BODY=8BITMIME", "501 5.5.4 BODY is given twice"),
            ("BODY=BINARYMIME", "501 5.5.4 BODY must be 7BIT or 8BITMIME"),
            ("=x", "501 5.5.4 syntax error in the parameters"),
            ("F.O=1", "501 5.5.4 syntax error in the parameters"),
        ] {
            assert_eq!(mail_parameters(params), Err(answer.to_string()), "{params}");
        }
        assert_eq!(rcpt_parameters(""), Ok(()));
        assert_eq!(
            rcpt_parameters("NOTIFY=NEVER"),
            Err("555 5.5.4 the RCPT TO parameter NOTIFY is not offered".into())
        );
        assert!(non_ascii_path("dana@example.com").is_none());
        assert!(
            non_ascii_path("j\u{fc}rgen@example.com")
                .unwrap()
                .starts_with("553 5.6.7")
        );
    }

    /// The message `read_data` takes from `input`, and what is left after it.
    async fn data(input: &[u8], max: usize) -> (Option<Vec<u8>>, Vec<u8>) {
        let mut stream = BufReader::new(input);
        let message = read_data(&mut stream, max).await.unwrap();
        let mut rest = Vec::new();
        stream.read_to_end(&mut rest).await.unwrap();
        (message, rest)
    }

    #[tokio::test]
    async fn only_crlf_dot_crlf_ends_the_data() {
        for inner in [
            &b"a\n.\nb"[..],
            b"a\r\n.\nb",
            b"a\n.\r\nb",
            b"a\r.\r\nb",
            b"a\r\n.\rb",
        ] {
            let mut input = inner.to_vec();
            input.extend_from_slice(b"\r\n.\r\nNOOP\r\n");
            let (message, rest) = data(&input, 1024).await;
            let message = message.unwrap();
            assert!(message.starts_with(b"a") && message.ends_with(b"b\r\n"));
            assert_eq!(rest, b"NOOP\r\n", "{:?}", String::from_utf8_lossy(inner));
        }
        // A dot opening a line is unstuffed; one inside a line is data.
        let (message, _) = data(b"..x\r\ny.\r\n.\r\n", 1024).await;
        assert_eq!(message.unwrap(), b".x\r\ny.\r\n");
        let (message, rest) = data(b".\r\n", 1024).await;
        assert_eq!((message.unwrap(), rest), (Vec::new(), Vec::new()));
    }

    #[test]
    fn the_data_reads_the_same_however_it_is_cut_into_chunks() {
        let input = b"..a\r\n.\rb\r\n.\r\r\nc\n.\nd\r\n\r\n.x\r\r\n.\r\nrest";
        let mut whole = Unstuffer::new(1024);
        let used = whole.feed(input);
        assert_eq!(used, Some(input.len() - 4));
        let whole = whole.finish().unwrap();
        assert_eq!(whole, b".a\r\n\rb\r\n\r\r\nc\n.\nd\r\n\r\nx\r\r\n");
        for size in 1..input.len() {
            let mut unstuffer = Unstuffer::new(1024);
            let mut fed = 0;
            let end = input.chunks(size).find_map(|chunk| {
                let used = unstuffer.feed(chunk).map(|used| fed + used);
                fed += chunk.len();
                used
            });
            assert_eq!(end, used, "chunks of {size}");
            assert_eq!(unstuffer.finish().unwrap(), whole, "chunks of {size}");
        }
    }

    #[tokio::test]
    async fn command_lines_are_bounded_and_end_in_crlf() {
        let mut input = b"EHLO a\r\n".to_vec();
        input.extend(vec![b'x'; 100_000]);
        input.extend_from_slice(b"\r\nNOOP\nQUIT\r\nRSET");
        let mut stream = BufReader::new(&input[..]);
        let mut lines = Vec::new();
        loop {
            let line = read_line(&mut stream).await.unwrap();
            lines.push(match line {
                Line::Command(command) => String::from_utf8(command).unwrap(),
                Line::BareLf => "bare LF".into(),
                Line::TooLong => "too long".into(),
                Line::Closed => break,
            });
        }
        assert_eq!(lines, ["EHLO a", "too long", "bare LF", "QUIT"]);
        let mut long = vec![b'x'; MAX_LINE - 2];
        long.extend_from_slice(b"\r\n");
        let line = read_line(&mut BufReader::new(&long[..])).await.unwrap();
        assert!(matches!(line, Line::Command(c) if c.len() == MAX_LINE - 2));
    }

    /// A server that has no certificate to give: enough to wait for a
    /// client's hello, which never comes.
    #[derive(Debug)]
    struct NoCertificate;

    impl tokio_rustls::rustls::server::ResolvesServerCert for NoCertificate {
        fn resolve(
            &self,
            _: tokio_rustls::rustls::server::ClientHello<'_>,
        ) -> Option<Arc<tokio_rustls::rustls::sign::CertifiedKey>> {
            None
        }
    }

    #[tokio::test]
    async fn a_client_that_asks_for_tls_and_says_nothing_is_let_go() {
        let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
        let config = tokio_rustls::rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_cert_resolver(Arc::new(NoCertificate));
        // The client's end stays open and silent.
        let (_client, server) = tokio::io::duplex(1024);
        let limit = Duration::from_millis(20);
        let outcome = tokio::time::timeout(
            Duration::from_secs(10),
            secure(server, Arc::new(config), limit),
        )
        .await
        .expect("the handshake was waited for without end");
        match outcome {
            Ok(_) => panic!("a handshake nobody started succeeded"),
            Err(error) => assert_eq!(error.kind(), std::io::ErrorKind::TimedOut, "{error}"),
        }
    }

    #[tokio::test]
    async fn data_over_the_limit_is_read_to_its_end_and_refused() {
        let (message, rest) = data(b"0123456789\r\n.\r\nQUIT\r\n", 8).await;
        assert_eq!((message, rest), (None, b"QUIT\r\n".to_vec()));
        let (message, _) = data(b"0123456\r\n.\r\n", 9).await;
        assert_eq!(message.unwrap(), b"0123456\r\n");
        // A line of any length without an end holds no more than the limit.
        let mut long = vec![b'x'; 1 << 20];
        long.extend_from_slice(b"\r\n.\r\n");
        let mut unstuffer = Unstuffer::new(8);
        assert_eq!(unstuffer.feed(&long[..1000]), None);
        assert!(unstuffer.message.capacity() <= 8);
        assert_eq!(unstuffer.feed(&long[1000..]), Some(long.len() - 1000));
        assert_eq!(unstuffer.finish(), None);
        let eof = read_data(&mut BufReader::new(&b"no end\r\n"[..]), 100).await;
        assert_eq!(eof.unwrap_err().kind(), std::io::ErrorKind::UnexpectedEof);
    }
}
