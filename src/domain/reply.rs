//! Which channel an operator's reply goes out on.
//!
//! As the help desk does it: the live channel (web, help page, Telegram,
//! WhatsApp) once a person has taken the chat over; otherwise email when the
//! customer's address is on file; otherwise there is no way to reach them.

use crate::api::Channel;

/// Whether replies on `channel` reach the customer in the live chat.
pub fn is_live(channel: Channel) -> bool {
    !matches!(channel, Channel::Email)
}

/// Why no channel reaches the customer with a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoReplyChannel {
    /// Email, asked for or the only way left, and no address on file.
    NoEmail,
    /// A live channel other than the one the customer is on was asked for.
    OtherChannel {
        customer_on: Channel,
        asked: Channel,
    },
    /// A live reply, asked for (`requested`) or the only way left, while the
    /// AI still answers there: a person takes the chat over first.
    AiAnswering { live: Channel, requested: bool },
}

impl NoReplyChannel {
    /// Why, and what to do about it: `take_over` names how the chat is
    /// taken over in the caller's words (a command, or the inbox's key).
    pub fn explain(&self, take_over: &str) -> String {
        match *self {
            NoReplyChannel::NoEmail => "there is no email address on file for this customer".into(),
            NoReplyChannel::OtherChannel { customer_on, asked } => format!(
                "the customer is on {customer_on}, not {asked}: reply on {customer_on} or by email"
            ),
            NoReplyChannel::AiAnswering {
                live,
                requested: true,
            } => format!(
                "the AI is still answering on {live}: take the chat over first ({take_over})"
            ),
            NoReplyChannel::AiAnswering {
                live,
                requested: false,
            } => format!(
                "no email address is on file and the AI still answers on {live}: take the chat \
                 over first ({take_over}) to reply live"
            ),
        }
    }
}

/// The problem code of a reply refused while the AI still answers: a
/// takeover mends it (the CLI's hint names the command), as nothing mends
/// the other reasons (`no_reply_channel`).
pub const AI_STILL_ANSWERING: &str = "ai_still_answering";

impl NoReplyChannel {
    /// The problem code the service refuses the reply with.
    pub fn code(&self) -> &'static str {
        match self {
            NoReplyChannel::AiAnswering { .. } => AI_STILL_ANSWERING,
            _ => "no_reply_channel",
        }
    }
}

/// In the service's words, which every client shares: the takeover, not a
/// command (the CLI's hint names its command, the inbox its key).
impl std::fmt::Display for NoReplyChannel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.explain("the ticket's takeover"))
    }
}

/// The channel for a reply, or why there is none. `requested` overrides the
/// choice, but only with a channel that reaches the customer.
///
/// ```
/// use deskctl::api::Channel;
/// use deskctl::domain::reply::reply_channel;
///
/// // Taken over: the reply goes to the live chat.
/// assert_eq!(reply_channel(Channel::Telegram, true, true, None), Ok(Channel::Telegram));
/// // Still with the AI: by email, when an address is on file.
/// assert_eq!(reply_channel(Channel::Telegram, false, true, None), Ok(Channel::Email));
/// assert!(reply_channel(Channel::Telegram, false, false, None).is_err());
/// ```
pub fn reply_channel(
    ticket_channel: Channel,
    taken_over: bool,
    has_email: bool,
    requested: Option<Channel>,
) -> Result<Channel, NoReplyChannel> {
    match requested {
        Some(Channel::Email) if has_email => Ok(Channel::Email),
        Some(Channel::Email) => Err(NoReplyChannel::NoEmail),
        Some(live) if live != ticket_channel => Err(NoReplyChannel::OtherChannel {
            customer_on: ticket_channel,
            asked: live,
        }),
        Some(live) if taken_over => Ok(live),
        Some(live) => Err(NoReplyChannel::AiAnswering {
            live,
            requested: true,
        }),
        None if taken_over && is_live(ticket_channel) => Ok(ticket_channel),
        None if has_email => Ok(Channel::Email),
        None if is_live(ticket_channel) => Err(NoReplyChannel::AiAnswering {
            live: ticket_channel,
            requested: false,
        }),
        None => Err(NoReplyChannel::NoEmail),
    }
}

/// Where a reply on `channel` reaches the customer of `ticket`: `by email to
/// dana@example.com`, or `in the telegram chat with Tom (tg-42)`. The words of
/// the question asked before a reply is sent, by the command and the inbox.
pub fn destination(ticket: &crate::api::Ticket, channel: Channel) -> String {
    let r = &ticket.requester;
    if channel == Channel::Email {
        return format!("by email to {}", r.email.as_deref().unwrap_or("-"));
    }
    let who = match (&r.name, &r.external_id) {
        (Some(name), Some(id)) => format!("{name} ({id})"),
        (Some(name), None) => name.clone(),
        (None, Some(id)) => id.clone(),
        (None, None) => r.email.clone().unwrap_or_else(|| "the customer".into()),
    };
    format!("in the {channel} chat with {who}")
}

/// The question asked before a reply goes out on `ticket`, or None when no
/// channel reaches the customer (the service then refuses, saying why, and
/// nothing is asked).
pub fn reply_question(ticket: &crate::api::Ticket, requested: Option<Channel>) -> Option<String> {
    let channel = reply_channel(
        ticket.channel,
        ticket.ai_paused,
        ticket.requester.email.is_some(),
        requested,
    )
    .ok()?;
    Some(format!(
        "Send this reply {} on ticket {}",
        destination(ticket, channel),
        ticket.number
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_taken_over_live_chat_gets_the_reply_live() {
        assert_eq!(
            reply_channel(Channel::Telegram, true, true, None),
            Ok(Channel::Telegram)
        );
        assert_eq!(
            reply_channel(Channel::Web, true, false, None),
            Ok(Channel::Web)
        );
    }

    #[test]
    fn otherwise_email_when_an_address_is_on_file() {
        assert_eq!(
            reply_channel(Channel::Web, false, true, None),
            Ok(Channel::Email)
        );
        assert_eq!(
            reply_channel(Channel::Email, false, true, None),
            Ok(Channel::Email)
        );
        assert_eq!(
            reply_channel(Channel::Email, true, true, None),
            Ok(Channel::Email)
        );
    }

    #[test]
    fn without_either_there_is_a_clear_error() {
        let error = reply_channel(Channel::Whatsapp, false, false, None).unwrap_err();
        assert_eq!(
            error.to_string(),
            "no email address is on file and the AI still answers on whatsapp: take the chat \
             over first (the ticket's takeover) to reply live"
        );
        assert_eq!(error.code(), AI_STILL_ANSWERING);
        assert_eq!(
            reply_channel(Channel::Email, false, false, None)
                .unwrap_err()
                .code(),
            "no_reply_channel"
        );
        // The inbox names its key instead of the command.
        assert!(
            error
                .explain("key o")
                .contains("take the chat over first (key o) to reply live"),
            "{error}"
        );
        assert!(reply_channel(Channel::Email, false, false, None).is_err());
    }

    #[test]
    fn an_override_must_reach_the_customer() {
        assert_eq!(
            reply_channel(Channel::Web, true, true, Some(Channel::Email)),
            Ok(Channel::Email)
        );
        assert!(reply_channel(Channel::Web, true, false, Some(Channel::Email)).is_err());
        assert!(reply_channel(Channel::Web, true, true, Some(Channel::Telegram)).is_err());
        assert!(reply_channel(Channel::Web, false, true, Some(Channel::Web)).is_err());
        assert_eq!(
            reply_channel(Channel::Web, true, false, Some(Channel::Web)),
            Ok(Channel::Web)
        );
    }

    fn channel() -> impl Strategy<Value = Channel> {
        prop_oneof![
            Just(Channel::Web),
            Just(Channel::HelpPage),
            Just(Channel::Telegram),
            Just(Channel::Whatsapp),
            Just(Channel::Email),
        ]
    }

    proptest! {
        #[test]
        fn a_chosen_channel_always_reaches_the_customer(
            ticket in channel(), taken in any::<bool>(), email in any::<bool>(),
            requested in proptest::option::of(channel()),
        ) {
            if let Ok(chosen) = reply_channel(ticket, taken, email, requested) {
                if chosen == Channel::Email {
                    prop_assert!(email);
                } else {
                    prop_assert_eq!(chosen, ticket);
                    prop_assert!(taken);
                }
            }
        }
    }
}
