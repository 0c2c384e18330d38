//! The answer to a request hyper cannot read, as problem+json.
//!
//! A malformed request line or header, a target too long or a header
//! section too large is answered by hyper itself, before the router sees a
//! request: `400`, `414` or `431` with an empty body, no request id, and the
//! connection closed. No hook of hyper's changes that answer, so the
//! connection's writes pass through [`ProblemAnswers`], which replaces that
//! one head, recognized exactly, with the problem every other error is.
//! Everything else it writes through untouched.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use axum::http::StatusCode;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use crate::server::error::ApiError;

/// A connection's stream, with hyper's own answers to requests it could not
/// read made problems (see the module documentation).
pub(crate) struct ProblemAnswers<T> {
    inner: T,
    /// The problem answer still to write, from `written` on.
    pending: Vec<u8>,
    written: usize,
}

impl<T> ProblemAnswers<T> {
    pub(crate) fn new(inner: T) -> Self {
        Self {
            inner,
            pending: Vec::new(),
            written: 0,
        }
    }
}

impl<T: AsyncWrite + Unpin> ProblemAnswers<T> {
    /// Writes what is left of a problem answer; ready once it is all out.
    fn poll_pending(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.written < self.pending.len() {
            let wrote =
                ready!(Pin::new(&mut self.inner).poll_write(cx, &self.pending[self.written..]))?;
            if wrote == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.written += wrote;
        }
        self.pending.clear();
        self.written = 0;
        Poll::Ready(Ok(()))
    }

    /// Takes `buf` as written when it is hyper's own answer, the problem
    /// written in its stead (as far as the socket takes it now; the rest
    /// goes out before anything else, and on flush).
    fn replaced(&mut self, cx: &mut Context<'_>, buf: &[u8]) -> Option<Poll<io::Result<usize>>> {
        let answer = problem_answer(buf)?;
        self.pending = answer;
        self.written = 0;
        Some(match self.poll_pending(cx) {
            Poll::Ready(Err(error)) => Poll::Ready(Err(error)),
            _ => Poll::Ready(Ok(buf.len())),
        })
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for ProblemAnswers<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for ProblemAnswers<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        ready!(self.poll_pending(cx))?;
        if let Some(done) = self.replaced(cx, buf) {
            return done;
        }
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        ready!(self.poll_pending(cx))?;
        // hyper's answer is a head alone: one buffer.
        let mut nonempty = bufs.iter().filter(|buf| !buf.is_empty());
        if let (Some(only), None) = (nonempty.next(), nonempty.next())
            && let Some(done) = self.replaced(cx, only)
        {
            return done;
        }
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_pending(cx))?;
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_pending(cx))?;
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// The longest head hyper answers an unreadable request with (its date is
/// fixed-width): a bound well above it.
const MAX_HYPER_ANSWER: usize = 256;

/// The problem answer to write instead of `written`, when `written` is
/// exactly the head hyper answers an unreadable request with: a `400`,
/// `414` or `431` status line, then `connection: close`, `content-length: 0`
/// and `date` only. Every answer of the router's carries a request id and,
/// with a body, a content type: none is ever taken for hyper's.
pub(crate) fn problem_answer(written: &[u8]) -> Option<Vec<u8>> {
    // Most writes are the router's answers, some large: told apart cheaply.
    if written.len() > MAX_HYPER_ANSWER || !written.starts_with(b"HTTP/1.1 4") {
        return None;
    }
    let head = std::str::from_utf8(written)
        .ok()?
        .strip_suffix("\r\n\r\n")?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.strip_prefix("HTTP/1.1 ")?;
    let (code, _reason) = status.split_once(' ')?;
    let (code, detail) = match code {
        "400" => (
            "malformed_request",
            "the request is not HTTP/1.1 the service can read: its request line or a header is \
             malformed",
        ),
        "414" => (
            "uri_too_long",
            "the request's target (path and query) is longer than the service reads",
        ),
        "431" => (
            "headers_too_large",
            "the request's headers are more or larger than the service reads",
        ),
        _ => return None,
    };
    let mut date = None;
    let mut closes = false;
    let mut empty = false;
    for line in lines {
        let (name, value) = line.split_once(": ")?;
        match name {
            "connection" if value == "close" => closes = true,
            "content-length" if value == "0" => empty = true,
            "date" => date = Some(value),
            _ => return None,
        }
    }
    if !(closes && empty) {
        return None;
    }
    let status = StatusCode::from_bytes(status.get(..3)?.as_bytes()).ok()?;
    let id = crate::server::auth::generate_id("req");
    tracing::info_span!("request", request_id = %id).in_scope(|| {
        tracing::warn!(status = status.as_u16(), "refused: {detail}");
    });
    let problem = ApiError::new(status, code, detail).to_problem();
    let body = serde_json::to_vec(&problem).ok()?;
    let mut answer = format!(
        "HTTP/1.1 {status}\r\ncontent-type: {}\r\ncontent-length: {}\r\nconnection: close\r\n\
         {}: {id}\r\n",
        crate::api::PROBLEM_CONTENT_TYPE,
        body.len(),
        crate::server::REQUEST_ID_HEADER,
    );
    if let Some(date) = date {
        answer.push_str(&format!("date: {date}\r\n"));
    }
    answer.push_str("\r\n");
    let mut answer = answer.into_bytes();
    answer.extend(body);
    Some(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATE: &str = "date: Mon, 07 Dec 2026 12:29:15 GMT";

    fn hyper_answer(status: &str) -> String {
        format!("HTTP/1.1 {status}\r\nconnection: close\r\ncontent-length: 0\r\n{DATE}\r\n\r\n")
    }

    #[test]
    fn hypers_own_answers_become_problems_with_a_request_id() {
        for (status, code) in [
            ("400 Bad Request", "malformed_request"),
            ("414 URI Too Long", "uri_too_long"),
            ("431 Request Header Fields Too Large", "headers_too_large"),
        ] {
            let answer = problem_answer(hyper_answer(status).as_bytes()).expect(status);
            let answer = String::from_utf8(answer).unwrap();
            let (head, body) = answer.split_once("\r\n\r\n").unwrap();
            assert!(
                head.starts_with(&format!("HTTP/1.1 {status}\r\n")),
                "{head}"
            );
            assert!(head.contains("\r\ncontent-type: application/problem+json\r\n"));
            assert!(head.contains(&format!("\r\ncontent-length: {}\r\n", body.len())));
            assert!(head.contains("\r\nconnection: close\r\n"), "{head}");
            assert!(head.contains("\r\nx-request-id: req_"), "{head}");
            assert!(head.ends_with(DATE), "{head}");
            let problem: serde_json::Value = serde_json::from_str(body).unwrap();
            assert_eq!(problem["code"], code);
            assert_eq!(problem["type"], format!("urn:deskctl:problem:{code}"));
            assert_eq!(problem["status"].to_string(), status[..3]);
        }
    }

    #[test]
    fn the_routers_answers_pass_untouched() {
        for written in [
            // An answer of the router's: a request id, a body.
            "HTTP/1.1 400 Bad Request\r\ncontent-type: application/problem+json\r\n\
             content-length: 2\r\nx-request-id: req_1\r\n\r\n{}"
                .to_string(),
            "HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\
             x-request-id: req_1\r\n\r\n"
                .to_string(),
            hyper_answer("200 OK"),
            hyper_answer("404 Not Found"),
            // A body, or a head without what hyper's has.
            format!("{}x", hyper_answer("400 Bad Request")),
            "HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n".to_string(),
            "HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n".to_string(),
            "HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 3\r\n\r\n"
                .to_string(),
        ] {
            assert_eq!(problem_answer(written.as_bytes()), None, "{written:?}");
        }
    }

    /// Through the stream: what the router answered goes out as it was,
    /// hyper's answer after it is replaced whole, though the other end
    /// reads a few bytes at a time.
    #[tokio::test]
    async fn the_stream_writes_the_problem_in_place_of_hypers_answer() {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let (client, server) = tokio::io::duplex(8);
        let mut stream = ProblemAnswers::new(server);
        let reader = tokio::spawn(async move {
            let mut client = client;
            let mut read = Vec::new();
            client.read_to_end(&mut read).await.unwrap();
            String::from_utf8(read).unwrap()
        });
        stream
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok")
            .await
            .unwrap();
        stream
            .write_all(hyper_answer("431 Request Header Fields Too Large").as_bytes())
            .await
            .unwrap();
        stream.shutdown().await.unwrap();
        drop(stream);
        let read = reader.await.unwrap();
        let (first, second) = read.split_once("ok").unwrap();
        assert_eq!(first, "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n");
        assert!(second.starts_with("HTTP/1.1 431 "), "{second}");
        assert!(
            second.contains("\"code\":\"headers_too_large\""),
            "{second}"
        );
    }
}
