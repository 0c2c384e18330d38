//! Email over SMTP with lettre: the stored server settings (password
//! included, never shown), their checks, and one attempt at one message.

use std::time::{Duration, SystemTime};

use lettre::address::Envelope;
use lettre::message::Mailbox;
use lettre::message::header::{self, ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::compose::{Address, EmailPayload};
use super::{Attempt, describe};
use crate::api::SmtpTls;
use crate::domain::mail;
use crate::domain::workspace::SmtpConfig;

fn mailbox(address: &Address, role: &str) -> Result<Mailbox, Attempt> {
    let email = address.email.parse::<lettre::Address>().map_err(|e| {
        Attempt::permanent(format!(
            "the {role} address '{}' is not valid: {e}",
            address.email
        ))
    })?;
    // Names stored before the support inbox kept them on one line may still
    // hold a line break, which lettre cannot write (it panics).
    let name = address
        .name
        .as_deref()
        .map(mail::one_line)
        .filter(|name| !name.is_empty());
    Ok(Mailbox::new(name, email))
}

/// The envelope sender (`MAIL FROM`, the `Return-Path` it arrives with):
/// where mail servers send a bounce. The desk's, not the operator whose name
/// is on `From:`: the support inbox (`Reply-To`) when it is on, so a bounce
/// comes back to the desk and is recorded on its ticket; else the desk's
/// sender address; else the `From:`.
fn envelope_sender(
    config: &SmtpConfig,
    email: &EmailPayload,
    from: &Mailbox,
) -> Result<lettre::Address, Attempt> {
    if let Some(inbox) = &email.reply_to {
        return Ok(mailbox(inbox, "reply-to")?.email);
    }
    Ok(config
        .from
        .as_deref()
        .and_then(|desk| desk.parse::<Mailbox>().ok())
        .map_or_else(|| from.email.clone(), |desk| desk.email))
}

fn build(config: &SmtpConfig, email: &EmailPayload) -> Result<Message, Attempt> {
    let from = match &email.from {
        Some(from) => mailbox(from, "sender")?,
        None => config
            .from
            .as_deref()
            .ok_or_else(|| {
                Attempt::transient(
                    "the desk has no sender address: set one with `deskctl email set --from ADDRESS`",
                )
            })?
            .parse::<Mailbox>()
            .map_err(|e| Attempt::transient(format!("the desk's sender address is not valid: {e}")))?,
    };
    let to = mailbox(&email.to, "recipient")?;
    let domain = from.email.domain().to_string();
    let sender = envelope_sender(config, email, &from)?;
    // Set, not read back from the headers: lettre cannot parse the `To:` it
    // writes for a quoted local part (`"John Doe"@example.com`).
    let envelope = Envelope::new(Some(sender), vec![to.email.clone()])
        .map_err(|e| Attempt::permanent(format!("cannot build the email: {e}")))?;
    let mut message = Message::builder()
        .envelope(envelope)
        .from(from)
        .to(to)
        .subject(email.subject.clone())
        .message_id(Some(format!("<{}@{domain}>", email.id)))
        .date(SystemTime::from(email.at));
    // The operator's own address is the sender, but the answer belongs in the
    // support inbox, where it joins the ticket.
    if let Some(reply_to) = &email.reply_to {
        message = message.reply_to(mailbox(reply_to, "reply-to")?);
    }
    if let Some(last) = email.references.last() {
        message = message
            .in_reply_to(last.clone())
            .references(email.references.join(" "));
    }
    // lettre's `body` writes no `MIME-Version` (its `singlepart` does, with
    // a body it will not encode for us): without one, a reader may take the
    // charset and quoted-printable of a reply with an accent as plain ASCII
    // (RFC 2045 4), and spam filters count it against the desk.
    message
        .header(header::MIME_VERSION_1_0)
        .header(ContentType::TEXT_PLAIN)
        .body(email.body.clone())
        .map_err(|e| Attempt::permanent(format!("cannot build the email: {e}")))
}

/// Whether an SMTP reply refuses the desk's login rather than the message:
/// `530` authentication (RFC 4954) or STARTTLS (RFC 3207) required, `534`
/// mechanism too weak, `535` credentials invalid, `538` encryption required.
fn refuses_the_login(code: lettre::transport::smtp::response::Code) -> bool {
    matches!(code.to_string().as_str(), "530" | "534" | "535" | "538")
}

/// One attempt to hand `email` to the SMTP server. SMTP 5xx replies and bad
/// addresses (a non-ASCII one included, when the server does not offer
/// SMTPUTF8) are permanent; everything else (4xx, connection, TLS,
/// time-outs, missing settings, a refused login) may succeed later.
pub async fn send(config: &SmtpConfig, email: &EmailPayload, timeout: Duration) -> Attempt {
    let Some(host) = config.host.as_deref() else {
        return Attempt::transient(
            "email is not set up: set the SMTP server with `deskctl email set --host HOST`",
        );
    };
    let message = match build(config, email) {
        Ok(message) => message,
        Err(failed) => return failed,
    };
    let envelope = message.envelope();
    let non_ascii = (envelope.from().into_iter().chain(envelope.to()))
        .find(|address| !address.to_string().is_ascii())
        .map(ToString::to_string);
    let tls = match config.tls {
        SmtpTls::None => Ok(Tls::None),
        SmtpTls::Starttls => TlsParameters::new(host.to_string()).map(Tls::Required),
        SmtpTls::Tls => TlsParameters::new(host.to_string()).map(Tls::Wrapper),
    };
    let tls = match tls {
        Ok(tls) => tls,
        Err(error) => {
            return Attempt::transient(format!("cannot set up TLS: {}", describe(&error)));
        }
    };
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        .port(config.effective_port())
        .tls(tls)
        .timeout(Some(timeout));
    if let Some(username) = &config.username {
        builder = builder.credentials(Credentials::new(
            username.clone(),
            config.password.clone().unwrap_or_default(),
        ));
    }
    let transport = builder.build();
    match tokio::time::timeout(timeout, transport.send(message)).await {
        Err(_) => Attempt::transient(format!(
            "the SMTP server at {host} did not finish within {}",
            super::seconds(timeout)
        )),
        Ok(Ok(_)) => Attempt::Delivered,
        // Refused by lettre before MAIL FROM: the server will not offer
        // SMTPUTF8 on the next attempt either, and retrying would keep the
        // ticket's later replies waiting for about nine hours.
        Ok(Err(error))
            if error.is_client()
                && non_ascii.is_some()
                && describe(&error).contains("SMTPUTF8") =>
        {
            Attempt::permanent(format!(
                "the SMTP server at {host} cannot take the address '{}': it is not ASCII, \
                 and the server does not offer SMTPUTF8",
                non_ascii.unwrap_or_default()
            ))
        }
        // The desk's own login refused: a setting to fix, not this message.
        // Tried again, as while no server is set, so the replies waiting go
        // out once the password is right, rather than each dead at once.
        Ok(Err(error)) if error.status().is_some_and(refuses_the_login) => {
            Attempt::transient(format!(
                "the SMTP server at {host} refused the desk's login: {}; check the username, \
                 password and TLS mode with `deskctl email set`",
                describe(&error)
            ))
        }
        Ok(Err(error)) if error.is_permanent() => {
            Attempt::permanent(format!("the SMTP server refused: {}", describe(&error)))
        }
        Ok(Err(error)) => {
            let why = describe(&error);
            let hint = tls_mode_hint(config.tls, &why).unwrap_or_default();
            Attempt::transient(format!("SMTP {host}: {why}{hint}"))
        }
    }
}

/// What to change when the TLS mode does not match the server's port: TLS
/// from the first byte (`tls`, port 465) spoken to a server that starts in
/// plain text (25 or 587) reads its greeting as a corrupt TLS record.
fn tls_mode_hint(tls: SmtpTls, why: &str) -> Option<&'static str> {
    (tls == SmtpTls::Tls && why.contains("received corrupt message")).then_some(
        "; the server does not start with TLS on this port: if it offers STARTTLS (usually \
         port 587), set `deskctl email set --tls starttls`",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workspace::Fingerprints;

    #[test]
    fn a_tls_mode_the_port_does_not_speak_is_named() {
        let corrupt = "Connection error: received corrupt message of type InvalidContentType";
        assert!(
            tls_mode_hint(SmtpTls::Tls, corrupt)
                .is_some_and(|hint| hint.contains("--tls starttls"))
        );
        assert_eq!(tls_mode_hint(SmtpTls::Starttls, corrupt), None);
        assert_eq!(tls_mode_hint(SmtpTls::Tls, "Connection refused"), None);
    }

    fn config() -> SmtpConfig {
        SmtpConfig {
            host: Some("smtp.example.com".into()),
            port: None,
            username: Some("desk".into()),
            password: Some("hunter22".into()),
            tls: SmtpTls::Starttls,
            from: Some("Acme Support <support@acme.example>".into()),
        }
    }

    #[test]
    fn the_view_never_holds_the_password() {
        let view = config().view(&Fingerprints::unkeyed(), None);
        assert_eq!(view.password, None);
        assert!(view.password_set);
        let json = serde_json::to_string(&view).unwrap();
        assert!(!json.contains("hunter22"), "{json}");
        assert!(!format!("{:?}", config()).contains("hunter22"));
    }

    #[test]
    fn an_update_keeps_the_password_unless_it_names_one() {
        let stored = config();
        let mut update = stored.view(&Fingerprints::unkeyed(), None);
        update.host = Some(" mail.example.com ".into());
        let kept = stored.updated(update.clone());
        assert_eq!(kept.password.as_deref(), Some("hunter22"));
        assert_eq!(kept.host.as_deref(), Some("mail.example.com"));
        update.password = Some(None);
        assert_eq!(stored.updated(update.clone()).password, None);
        update.password = Some(Some("new".into()));
        assert_eq!(stored.updated(update).password.as_deref(), Some("new"));
    }

    fn payload() -> EmailPayload {
        EmailPayload {
            id: "msg_1".into(),
            purpose: super::super::compose::EmailPurpose::Reply,
            from: Some(Address {
                name: Some("Bob Jones".into()),
                email: "bob@acme.example".into(),
            }),
            to: Address {
                name: None,
                email: "dana@example.com".into(),
            },
            subject: "Re: Parcel [#10001]".into(),
            body: "On its way.\n".into(),
            at: jiff::Timestamp::UNIX_EPOCH,
            reply_to: Some(Address {
                name: None,
                email: "help@acme.example".into(),
            }),
            references: vec![
                "<c1@mail.example.com>".into(),
                "<c2@mail.example.com>".into(),
            ],
        }
    }

    fn headers(email: &EmailPayload) -> String {
        let message = build(&config(), email).unwrap();
        let text = String::from_utf8(message.formatted()).unwrap();
        text.split("\r\n\r\n").next().unwrap().to_string()
    }

    #[test]
    fn a_reply_answers_to_the_inbox_in_the_customers_thread() {
        let headers = headers(&payload());
        for line in [
            "From: \"Bob Jones\" <bob@acme.example>",
            "Reply-To: help@acme.example",
            "In-Reply-To: <c2@mail.example.com>",
            "References: <c1@mail.example.com> <c2@mail.example.com>",
            "Message-ID: <msg_1@acme.example>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
        ] {
            assert!(headers.lines().any(|l| l == line), "{line} in\n{headers}");
        }
        let bare = EmailPayload {
            reply_to: None,
            references: Vec::new(),
            ..payload()
        };
        let headers = super::tests::headers(&bare);
        for absent in ["Reply-To:", "In-Reply-To:", "References:"] {
            assert!(!headers.contains(absent), "{absent} in\n{headers}");
        }
        let bad = EmailPayload {
            reply_to: Some(Address {
                name: None,
                email: "not an address".into(),
            }),
            ..payload()
        };
        assert_eq!(
            build(&config(), &bad).unwrap_err(),
            Attempt::permanent(
                "the reply-to address 'not an address' is not valid: Missing domain or user"
            )
        );
    }

    #[test]
    fn bounces_go_to_the_desk_not_to_the_operator() {
        let sender = |config: &SmtpConfig, email: &EmailPayload| {
            let message = build(config, email).unwrap();
            message.envelope().from().unwrap().to_string()
        };
        assert_eq!(sender(&config(), &payload()), "help@acme.example");
        let no_inbox = EmailPayload {
            reply_to: None,
            ..payload()
        };
        assert_eq!(sender(&config(), &no_inbox), "support@acme.example");
        let no_desk_sender = SmtpConfig {
            from: None,
            ..config()
        };
        assert_eq!(sender(&no_desk_sender, &no_inbox), "bob@acme.example");
        // The headers still name the operator.
        assert!(headers(&payload()).contains("From: \"Bob Jones\" <bob@acme.example>"));
    }

    #[test]
    fn a_name_with_a_line_break_goes_out_on_one_line() {
        // As a desk stored it before the support inbox kept names on one line.
        let broken = EmailPayload {
            to: Address {
                name: Some("Eve\r\nBcc: x@evil.example".into()),
                email: "eve@example.com".into(),
            },
            ..payload()
        };
        let written = headers(&broken);
        assert!(!written.contains("\r\nBcc"), "{written}");
        let to = written.lines().find(|l| l.starts_with("To: ")).unwrap();
        assert!(to.ends_with(" <eve@example.com>"), "{written}");
        let blank = EmailPayload {
            to: Address {
                name: Some("\r\n".into()),
                email: "eve@example.com".into(),
            },
            ..payload()
        };
        assert!(headers(&blank).lines().any(|l| l == "To: eve@example.com"));
    }

    #[test]
    fn a_sender_with_a_quoted_local_part_can_be_answered() {
        let quoted = EmailPayload {
            to: Address {
                name: None,
                email: "\"John Doe\"@cust.test".into(),
            },
            ..payload()
        };
        let headers = headers(&quoted);
        assert!(
            headers.lines().any(|l| l == "To: \"John Doe\"@cust.test"),
            "{headers}"
        );
    }

    /// An SMTP server on loopback that offers no SMTPUTF8, answers EHLO
    /// with `ehlo`, AUTH with `auth`, and accepts everything else; its port.
    async fn smtp_server(ehlo: &'static [u8], auth: &'static [u8]) -> u16 {
        use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 sink ESMTP\r\n").await.unwrap();
                let mut in_data = false;
                while let Ok(Some(line)) = lines.next_line().await {
                    let command = line.to_ascii_uppercase();
                    let answer: &[u8] = match command.get(..4).unwrap_or_default() {
                        _ if in_data && line != "." => continue,
                        _ if in_data => {
                            in_data = false;
                            b"250 queued\r\n"
                        }
                        "EHLO" => ehlo,
                        "AUTH" => auth,
                        "DATA" => {
                            in_data = true;
                            b"354 go on\r\n"
                        }
                        "QUIT" => b"221 bye\r\n",
                        _ => b"250 ok\r\n",
                    };
                    if write.write_all(answer).await.is_err() {
                        break;
                    }
                }
            }
        });
        port
    }

    async fn server_without_smtputf8() -> u16 {
        smtp_server(b"250-sink\r\n250 8BITMIME\r\n", b"502 no\r\n").await
    }

    fn on_loopback(port: u16) -> SmtpConfig {
        SmtpConfig {
            host: Some("127.0.0.1".into()),
            port: Some(port),
            username: None,
            password: None,
            tls: SmtpTls::None,
            from: Some("Acme Support <support@acme.example>".into()),
        }
    }

    #[tokio::test]
    async fn a_login_the_server_refuses_is_tried_again() {
        let timeout = Duration::from_secs(10);
        let logging_in = |port| SmtpConfig {
            username: Some("desk".into()),
            password: Some("hunter22".into()),
            ..on_loopback(port)
        };
        for refusal in [
            &b"535 5.7.8 authentication credentials invalid\r\n"[..],
            b"534 5.7.9 authentication mechanism is too weak\r\n",
            b"538 5.7.11 encryption required for requested authentication mechanism\r\n",
        ] {
            let port = smtp_server(b"250-sink\r\n250 AUTH PLAIN LOGIN\r\n", refusal).await;
            let Attempt::Failed(failure) = send(&logging_in(port), &payload(), timeout).await
            else {
                panic!("delivered despite {refusal:?}");
            };
            assert!(!failure.permanent, "{failure:?}");
            let code = String::from_utf8_lossy(&refusal[..3]).into_owned();
            assert!(
                failure.error.starts_with(
                    "the SMTP server at 127.0.0.1 refused the desk's login: permanent error"
                ) && failure.error.contains(&code)
                    && failure.error.ends_with(
                        "check the username, password and TLS mode with `deskctl email set`"
                    ),
                "{failure:?}"
            );
            assert!(!failure.error.contains("hunter22"), "{failure:?}");
        }
        // A message refused for itself stays refused for good.
        let port = smtp_server(b"250-sink\r\n250 AUTH PLAIN\r\n", b"235 2.7.0 ok\r\n").await;
        assert_eq!(
            send(&logging_in(port), &payload(), timeout).await,
            Attempt::Delivered
        );
    }

    #[tokio::test]
    async fn a_non_ascii_address_a_server_cannot_take_is_refused_for_good() {
        let config = on_loopback(server_without_smtputf8().await);
        let to_juergen = EmailPayload {
            to: Address {
                name: Some("Jürgen".into()),
                email: "jürgen@exämple.com".into(),
            },
            ..payload()
        };
        let timeout = Duration::from_secs(10);
        assert_eq!(
            send(&config, &to_juergen, timeout).await,
            Attempt::permanent(
                "the SMTP server at 127.0.0.1 cannot take the address 'jürgen@exämple.com': it \
                 is not ASCII, and the server does not offer SMTPUTF8"
            )
        );
        // The same server takes an ASCII address.
        assert_eq!(send(&config, &payload(), timeout).await, Attempt::Delivered);
    }

    #[test]
    fn checks_name_every_bad_field() {
        let bad = SmtpConfig {
            host: Some("smtp://x".into()),
            port: Some(0),
            username: None,
            password: Some("pw".into()),
            tls: SmtpTls::None,
            from: Some("not an address".into()),
        };
        let fields: Vec<String> = bad.check().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["host", "port", "password", "tls", "from"]);
        assert!(config().check().is_empty());
    }
}
