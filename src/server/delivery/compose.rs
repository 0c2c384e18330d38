//! What the desk sends, composed when the cause is recorded (so the message
//! says what was true then, e.g. the operator's signature at the time): replies
//! by email or to the live chat, takeovers, and the owners' notices. Pure.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::api::{
    Channel, DeliveryEvent, DeliveryEventType, EventOperator, HandoffDecision, HandoffEvent,
    HandoffRequest, IntegrationKind, Operator, OutboxKind, Ticket,
};
use crate::domain::mail;
use crate::domain::tickets::NewTicket;
use crate::server::connectors::Escalation;
use crate::server::store::NewOutbound;

/// The name live replies carry when the local desk's owner, who is no operator, replies.
pub const OWNER_NAME: &str = "Support";

/// A mailbox: a display name and an address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub email: String,
}

impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.name {
            Some(name) => write!(f, "{name} <{}>", self.email),
            None => f.write_str(&self.email),
        }
    }
}

/// Why an email is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EmailPurpose {
    /// An operator's reply to the customer.
    Reply,
    /// An owner is told that a customer asked for a human.
    OwnerNotice,
}

/// An email as queued in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmailPayload {
    /// Unique, and the same on every attempt: it makes the Message-ID, so a
    /// message sent twice (a lost answer, then a retry) can be recognised.
    pub id: String,
    pub purpose: EmailPurpose,
    /// The sender; none means the desk's own sender address (email settings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Address>,
    pub to: Address,
    pub subject: String,
    pub body: String,
    pub at: Timestamp,
    /// Where the customer's answer goes (`Reply-To`): the support inbox.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<Address>,
    /// The customer's messages this answers, oldest first: `References`,
    /// the last also `In-Reply-To`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
}

/// How an email reply joins the customer's thread.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EmailThread {
    /// The support inbox's address, when it is on.
    pub reply_to: Option<String>,
    /// The ticket's inbound message ids (`<id>`), oldest first.
    pub message_ids: Vec<String>,
}

/// The operator behind an event; none is the local desk's owner.
fn event_operator(operator: Option<&Operator>) -> EventOperator {
    match operator {
        Some(operator) => EventOperator {
            handle: Some(operator.handle.clone()),
            name: operator.name.clone(),
        },
        None => EventOperator {
            handle: None,
            name: OWNER_NAME.into(),
        },
    }
}

/// The delivery webhook as an outbox destination: one receiver, whatever its URL.
const WEBHOOK: &str = "webhook";

fn webhook(event: &DeliveryEvent, description: String) -> NewOutbound {
    NewOutbound {
        kind: OutboxKind::Webhook,
        ticket: Some(event.ticket),
        description,
        payload: serde_json::to_string(event).expect("events serialize"),
        destination: WEBHOOK.into(),
        integration: None,
        handoff: None,
        thread: None,
        delivery_id: Some(event.id.clone()),
    }
}

/// The delivery webhook telling the AI agent platform what became of a handoff
/// it sent to an external platform.
pub fn handoff_event(event: &HandoffEvent) -> NewOutbound {
    NewOutbound {
        kind: OutboxKind::Webhook,
        ticket: None,
        description: format!("{} of {}", event.event_type, event.handoff),
        payload: serde_json::to_string(event).expect("events serialize"),
        destination: WEBHOOK.into(),
        integration: None,
        // Not the handoff's own delivery: that is the integration message.
        handoff: None,
        thread: None,
        delivery_id: Some(event.id.clone()),
    }
}

fn email(payload: &EmailPayload, ticket: Option<u64>) -> NewOutbound {
    NewOutbound {
        kind: OutboxKind::Email,
        ticket,
        description: format!("email to {}: {}", payload.to.email, payload.subject),
        payload: serde_json::to_string(payload).expect("emails serialize"),
        // Per recipient: an owner's mailbox that defers mail must not hold
        // up the customer's replies.
        destination: format!("email:{}", payload.to.email),
        integration: None,
        handoff: None,
        // The Message-ID is `<{id}@{sender's domain}>` (delivery::email).
        thread: ticket.map(|_| payload.id.clone()),
        delivery_id: Some(payload.id.clone()),
    }
}

/// An operator's reply on `channel`: an email to the customer from the
/// operator's name and address with their signature, answered to the support
/// inbox and in the customer's `thread`, or for a live channel an event for
/// the AI agent platform to relay.
pub fn reply(
    ticket: &Ticket,
    channel: Channel,
    operator: Option<&Operator>,
    text: &str,
    at: Timestamp,
    id: String,
    thread: &EmailThread,
) -> NewOutbound {
    if channel == Channel::Email {
        let mut body = text.trim_end().to_string();
        if let Some(signature) = operator
            .and_then(|o| o.signature.as_deref())
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            // "-- " on its own line is the signature separator mail readers know.
            body.push_str("\n\n-- \n");
            body.push_str(signature);
        }
        body.push('\n');
        let payload = EmailPayload {
            id,
            purpose: EmailPurpose::Reply,
            from: operator.map(|o| Address {
                name: Some(o.name.clone()),
                email: o.email.clone(),
            }),
            to: Address {
                name: ticket.requester.name.clone(),
                email: ticket.requester.email.clone().unwrap_or_default(),
            },
            subject: mail::one_line(&format!(
                "Re: {} [#{}]",
                mail::without_reply_prefix(&ticket.subject),
                ticket.number
            )),
            body,
            at,
            reply_to: thread
                .reply_to
                .clone()
                .map(|email| Address { name: None, email }),
            references: mail::reply_references(&thread.message_ids),
        };
        return email(&payload, Some(ticket.number));
    }
    let event = DeliveryEvent {
        id,
        event_type: DeliveryEventType::Reply,
        ticket: ticket.number,
        agent: ticket.agent.clone(),
        channel,
        requester: ticket.requester.clone(),
        operator: event_operator(operator),
        text: Some(text.to_string()),
        ai_paused: ticket.ai_paused,
        at,
    };
    webhook(&event, format!("reply on {channel} to #{}", ticket.number))
}

/// A takeover: the AI agent platform must stop the AI answering this customer.
pub fn takeover(
    ticket: &Ticket,
    operator: Option<&Operator>,
    at: Timestamp,
    id: String,
) -> NewOutbound {
    let event = DeliveryEvent {
        id,
        event_type: DeliveryEventType::Takeover,
        ticket: ticket.number,
        agent: ticket.agent.clone(),
        channel: ticket.channel,
        requester: ticket.requester.clone(),
        operator: event_operator(operator),
        text: None,
        ai_paused: true,
        at,
    };
    webhook(&event, format!("takeover of #{}", ticket.number))
}

/// The notice to one owner that a customer asked for a human (the only
/// reason owners are alerted: `domain::handoff::alerts_owners`) and ticket
/// `number` now waits in the inbox.
pub fn owner_notice(
    owner: Address,
    number: u64,
    ticket: &NewTicket,
    summary: &str,
    at: Timestamp,
    id: String,
) -> NewOutbound {
    let requester = &ticket.requester;
    let customer = match (&requester.name, &requester.email, &requester.external_id) {
        (Some(name), Some(email), _) => format!("{name} <{email}>"),
        (Some(name), None, _) => name.clone(),
        (None, Some(email), _) => email.clone(),
        (None, None, Some(id)) => id.clone(),
        (None, None, None) => "unknown".into(),
    };
    let or_none = |value: &Option<String>, none: &str| value.clone().unwrap_or(none.into());
    let body = format!(
        "A customer asked for a human: ticket #{number} waits in the inbox.\n\n\
         Ticket:    #{number} {subject}\n\
         Reason:    the customer asked for a human\n\
         Customer:  {customer}\n\
         Channel:   {channel}\n\
         Agent:     {agent}\n\
         Priority:  {priority}\n\
         Team:      {team}\n\
         Assignee:  {assignee}\n\n\
         {summary}\n\n\
         Open it with: deskctl tickets show {number}\n",
        subject = ticket.subject,
        channel = ticket.channel,
        agent = or_none(&ticket.agent, "none"),
        priority = ticket.priority,
        team = or_none(&ticket.team, "none"),
        assignee = or_none(&ticket.assignee, "nobody yet"),
        summary = summary.trim(),
    );
    let payload = EmailPayload {
        id,
        purpose: EmailPurpose::OwnerNotice,
        from: None,
        to: owner,
        subject: mail::one_line(&format!(
            "Customer asks for a human: {} [#{number}]",
            ticket.subject
        )),
        body,
        at,
        reply_to: None,
        references: Vec::new(),
    };
    email(&payload, Some(number))
}

/// A handoff bound for an external platform: the delivery its connector makes
/// into a ticket there.
pub fn escalation(
    kind: IntegrationKind,
    made: &str,
    handoff: &str,
    decision: &HandoffDecision,
    request: &HandoffRequest,
    at: Timestamp,
) -> NewOutbound {
    let escalation = Escalation {
        handoff: handoff.to_string(),
        subject: decision.subject.clone(),
        summary: decision.summary.clone(),
        transcript: request.transcript.clone(),
        requester: request.requester.clone().unwrap_or_default(),
        priority: decision.priority.value,
        priority_source: Some(decision.priority.source.clone()),
        fields: decision.fields.clone(),
        context: request
            .context
            .iter()
            .filter(|(key, _)| !decision.invalid_context_keys.contains(key))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect(),
        agent: decision.agent.clone(),
        channel: decision.channel,
        environment: decision.environment,
        team: decision.team.value.clone(),
        team_source: Some(decision.team.source.clone()),
        reason: request.reason.clone(),
        created_at: at,
    };
    NewOutbound {
        kind: OutboxKind::Integration,
        ticket: None,
        description: format!(
            "{} {made} for handoff {handoff}: {}",
            kind.title(),
            decision.subject
        ),
        payload: serde_json::to_string(&escalation).expect("escalations serialize"),
        destination: format!("integration:{}", kind.as_str()),
        integration: Some(kind),
        handoff: Some(handoff.to_string()),
        thread: None,
        // A platform's API is called with no id of ours.
        delivery_id: None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::api::{Availability, Environment, Priority, Requester, Role, TicketStatus};

    fn ticket(channel: Channel) -> Ticket {
        Ticket {
            number: 10001,
            subject: "Where is my\nparcel".into(),
            status: TicketStatus::Open,
            priority: Priority::High,
            requester: Requester {
                name: Some("Dana".into()),
                email: Some("dana@example.com".into()),
                external_id: Some("cust-7".into()),
                phone: None,
            },
            assignee: Some("bob".into()),
            team: Some("support".into()),
            agent: Some("shop".into()),
            channel,
            environment: Environment::Production,
            fields: BTreeMap::new(),
            context: BTreeMap::new(),
            ai_paused: true,
            handoff: None,
            created_at: Timestamp::UNIX_EPOCH,
            last_activity_at: Timestamp::UNIX_EPOCH,
        }
    }

    fn bob() -> Operator {
        Operator {
            handle: "bob".into(),
            name: "Bob Jones".into(),
            email: "bob@example.com".into(),
            signature: Some("Bob, Support".into()),
            role: Role::Operator,
            availability: Availability::Online,
            teams: vec![],
            capacity: None,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn an_email_reply_comes_from_the_operator_with_their_signature() {
        let message = reply(
            &ticket(Channel::Web),
            Channel::Email,
            Some(&bob()),
            "On its way.",
            Timestamp::UNIX_EPOCH,
            "msg_1".into(),
            &EmailThread::default(),
        );
        assert_eq!(message.kind, OutboxKind::Email);
        let email: EmailPayload = serde_json::from_str(&message.payload).unwrap();
        assert_eq!(
            email.from.unwrap().to_string(),
            "Bob Jones <bob@example.com>"
        );
        assert_eq!(email.to.to_string(), "Dana <dana@example.com>");
        assert_eq!(email.subject, "Re: Where is my parcel [#10001]");
        assert_eq!(email.body, "On its way.\n\n-- \nBob, Support\n");
        assert_eq!(
            message.description,
            "email to dana@example.com: Re: Where is my parcel [#10001]"
        );
    }

    #[test]
    fn a_live_reply_is_an_event_for_the_platform() {
        let message = reply(
            &ticket(Channel::Telegram),
            Channel::Telegram,
            Some(&bob()),
            "Hi, Bob here.",
            Timestamp::UNIX_EPOCH,
            "msg_2".into(),
            &EmailThread::default(),
        );
        assert_eq!(message.kind, OutboxKind::Webhook);
        let event: DeliveryEvent = serde_json::from_str(&message.payload).unwrap();
        assert_eq!(event.event_type, DeliveryEventType::Reply);
        assert_eq!(event.text.as_deref(), Some("Hi, Bob here."));
        assert_eq!(event.operator.name, "Bob Jones");
        assert_eq!(event.requester.external_id.as_deref(), Some("cust-7"));
    }

    #[test]
    fn an_escalation_carries_the_whole_handoff_but_invalid_context_keys() {
        use crate::api::{
            AssigneeDecision, AssignmentMethod, CustomerView, Decided, DecisionSource,
            HandoffOutcome, MessageRole, TranscriptMessage,
        };
        let decision = HandoffDecision {
            agent: "shop".into(),
            action: "Escalate_To_Human".into(),
            platform: "zendesk".into(),
            environment: Environment::Production,
            channel: Channel::Whatsapp,
            outcome: HandoffOutcome::External,
            subject: "Refund?".into(),
            priority: Decided {
                value: Priority::High,
                source: DecisionSource::Rule {
                    id: "rule_1".into(),
                    position: 1,
                    name: Some("VIP".into()),
                },
            },
            team: Decided {
                value: Some("billing".into()),
                source: DecisionSource::DefaultTeam,
            },
            assignee: AssigneeDecision {
                value: None,
                method: AssignmentMethod::Manual,
                reason: "manual".into(),
            },
            fields: vec![],
            field_mismatches: vec![],
            unmatched_context_keys: vec!["loyalty-tier".into()],
            invalid_context_keys: vec!["Bad Key".into()],
            warnings: vec![],
            customer_sees: CustomerView {
                kind: "waiting-label".into(),
                text: "Connecting you".into(),
                reason: "the ticket goes to zendesk".into(),
            },
            summary: "Dana asked for a person.".into(),
        };
        let request = HandoffRequest {
            agent: "shop".into(),
            environment: Environment::Production,
            channel: Channel::Whatsapp,
            requester: Some(Requester {
                name: Some("Dana".into()),
                email: None,
                external_id: Some("wa-1".into()),
                phone: Some("+15550100".into()),
            }),
            transcript: vec![TranscriptMessage {
                role: MessageRole::Customer,
                text: "Refund?".into(),
                at: None,
            }],
            context: [
                ("loyalty-tier".to_string(), serde_json::json!("gold")),
                ("Bad Key".to_string(), serde_json::json!("x")),
            ]
            .into(),
            reason: Some("explicit-request".into()),
            summary: None,
        };
        let queued = escalation(
            IntegrationKind::Intercom,
            "conversation",
            "hof_1",
            &decision,
            &request,
            Timestamp::UNIX_EPOCH,
        );
        let sent: Escalation = serde_json::from_str(&queued.payload).unwrap();
        assert_eq!(sent.requester.phone.as_deref(), Some("+15550100"));
        assert_eq!(
            sent.context.keys().collect::<Vec<_>>(),
            ["loyalty-tier"],
            "every valid key, matched to a field or not"
        );
        assert_eq!(sent.priority_source, Some(decision.priority.source));
        assert_eq!(sent.team.as_deref(), Some("billing"));
        assert_eq!(sent.team_source, Some(DecisionSource::DefaultTeam));
        assert_eq!(sent.reason.as_deref(), Some("explicit-request"));
        assert_eq!(queued.handoff.as_deref(), Some("hof_1"));
        assert!(
            queued
                .description
                .starts_with("Intercom conversation for handoff hof_1: "),
            "named for what the platform makes: {}",
            queued.description
        );
    }

    #[test]
    fn a_takeover_tells_the_platform_to_pause_the_ai() {
        let mut open = ticket(Channel::Web);
        open.ai_paused = false;
        let message = takeover(&open, None, Timestamp::UNIX_EPOCH, "msg_3".into());
        let event: DeliveryEvent = serde_json::from_str(&message.payload).unwrap();
        assert_eq!(event.event_type, DeliveryEventType::Takeover);
        assert!(event.ai_paused);
        assert_eq!(event.operator.name, OWNER_NAME);
        assert_eq!(event.text, None);
    }

    #[test]
    fn a_tickets_events_share_the_webhook_and_emails_are_ordered_per_recipient() {
        let chat = ticket(Channel::Telegram);
        let at = Timestamp::UNIX_EPOCH;
        let takeover = takeover(&chat, None, at, "msg_1".into());
        let live = reply(
            &chat,
            Channel::Telegram,
            None,
            "Hi",
            at,
            "msg_2".into(),
            &EmailThread::default(),
        );
        assert_eq!(takeover.destination, "webhook");
        assert_eq!(live.destination, takeover.destination);

        let emailed = reply(
            &chat,
            Channel::Email,
            None,
            "Hi",
            at,
            "msg_3".into(),
            &EmailThread::default(),
        );
        assert_eq!(emailed.destination, "email:dana@example.com");
        let new_ticket = NewTicket {
            subject: chat.subject.clone(),
            priority: chat.priority,
            requester: chat.requester.clone(),
            assignee: None,
            team: None,
            agent: chat.agent.clone(),
            channel: chat.channel,
            environment: chat.environment,
            fields: BTreeMap::new(),
            context: BTreeMap::new(),
            handoff: None,
            created_at: at,
            timeline: vec![],
        };
        let owner = Address {
            name: None,
            email: "alice@example.com".into(),
        };
        let notice = owner_notice(owner, 10001, &new_ticket, "", at, "msg_4".into());
        assert_eq!(notice.ticket, emailed.ticket);
        assert_ne!(
            notice.destination, emailed.destination,
            "an owner's mailbox does not hold up the customer's replies"
        );
    }
}
