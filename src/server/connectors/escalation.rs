//! A handoff bound for an external platform (the outbox payload), and the
//! ways every connector presents it: the agents' note, which carries every
//! piece of the handoff; the customer's own words, the only text that goes
//! where the customer can see it; and the values a connection maps to the
//! platform's own fields.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Connection;
use crate::api::{
    Channel, DecisionSource, Environment, FieldValue, MessageRole, Priority, Requester,
    TranscriptMessage,
};

/// A handoff bound for an external platform: everything a connector needs to
/// make the ticket, fixed when the handoff is accepted. Fields added later
/// default, so deliveries queued by an older version still read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Escalation {
    /// The handoff's id: what a repeated delivery finds its ticket by.
    pub handoff: String,
    /// Desk's own subject (the first message cut to Desk's 80 characters);
    /// a platform's title is [`Escalation::title`], cut at its own limit.
    pub subject: String,
    pub summary: String,
    pub transcript: Vec<TranscriptMessage>,
    pub requester: Requester,
    pub priority: Priority,
    /// The rule (or default) that chose the priority.
    #[serde(default)]
    pub priority_source: Option<DecisionSource>,
    /// Ticket fields set from the context, converted to their types.
    pub fields: Vec<FieldValue>,
    /// The context object as received (valid keys only).
    pub context: BTreeMap<String, Value>,
    pub agent: String,
    pub channel: Channel,
    pub environment: Environment,
    /// The Desk team the rules chose, if any.
    #[serde(default)]
    pub team: Option<String>,
    /// The rule (or default) that chose the team.
    #[serde(default)]
    pub team_source: Option<DecisionSource>,
    #[serde(default)]
    pub reason: Option<String>,
    pub created_at: Timestamp,
}

impl Escalation {
    /// A stable id for the customer on a platform that keeps its own users
    /// (Sendbird user id, Freshchat reference id): their id on the AI agent
    /// platform, else their email, else one made for this handoff.
    pub fn customer_key(&self) -> String {
        [&self.requester.external_id, &self.requester.email]
            .into_iter()
            .flatten()
            .find(|text| !text.trim().is_empty())
            .cloned()
            .unwrap_or_else(|| format!("deskctl-{}", self.handoff))
    }

    /// What the customer last said, else the subject (their first message):
    /// the customer's own words, the one text a connector puts where the
    /// customer can see it (a ticket's description, a conversation's opening).
    pub fn customer_words(&self) -> String {
        self.transcript
            .iter()
            .rev()
            .find(|message| message.role == MessageRole::Customer)
            .map(|message| message.text.clone())
            .unwrap_or_else(|| self.subject.clone())
    }

    /// The requester's name for people: the name, else the email, else the
    /// external id, else the phone.
    pub fn requester_name(&self) -> String {
        let requester = &self.requester;
        [
            &requester.name,
            &requester.email,
            &requester.external_id,
            &requester.phone,
        ]
        .into_iter()
        .flatten()
        .find(|text| !text.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| "Customer".to_string())
    }

    /// The ticket's title on a platform that takes at most `max_chars`
    /// characters: the customer's first message (white space collapsed) cut
    /// there with an ellipsis, not at Desk's own shorter subject. A payload
    /// without a customer message keeps its subject.
    pub fn title(&self, max_chars: usize) -> String {
        let first = self
            .transcript
            .iter()
            .find(|message| {
                message.role == MessageRole::Customer && !message.text.trim().is_empty()
            })
            .map_or(self.subject.as_str(), |message| message.text.as_str());
        crate::domain::handoff::cut(first, max_chars)
    }

    /// The transcript, oldest first, one `Customer: …` / `AI: …` line per
    /// message (with its time when the AI agent platform gave one); a
    /// message's further lines are [`continued`], so none reads as a turn.
    pub fn transcript_text(&self) -> String {
        self.transcript
            .iter()
            .map(|message| {
                let who = match message.role {
                    MessageRole::Customer => "Customer",
                    MessageRole::Ai => "AI",
                };
                let text = continued(&message.text);
                match message.at {
                    Some(at) => format!("[{at}] {who}: {text}"),
                    None => format!("{who}: {text}"),
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The words that open the agents' note and name the handoff: what a
    /// repeated delivery recognises its note by.
    pub fn mark(&self) -> String {
        format!("{MARK}{}", self.handoff)
    }

    /// Who and how: the handoff id, the agent, channel and environment, the
    /// reason, the priority and team with what chose them, and the customer
    /// with every identifier the handoff carries. Each is one line: the
    /// reason and the customer's name and ids come from the AI agent
    /// platform, often in the customer's words, so their further lines are
    /// [`continued`] as a message's are.
    pub fn details(&self) -> String {
        let mut lines = vec![
            format!("{} from AI agent {}", self.mark(), self.agent),
            format!(
                "Channel: {} · Environment: {}",
                self.channel, self.environment
            ),
            format!("Reason: {}", self.reason.as_deref().unwrap_or("not given")),
            format!(
                "Priority: {}{}",
                self.priority,
                self.priority_source
                    .as_ref()
                    .map(|source| format!(", {}", chosen_by(source)))
                    .unwrap_or_default()
            ),
            format!(
                "Team: {}{}",
                self.team.as_deref().unwrap_or("none"),
                self.team_source
                    .as_ref()
                    .map(|source| format!(", {}", chosen_by(source)))
                    .unwrap_or_default()
            ),
        ];
        let requester = &self.requester;
        let mut customer = vec![self.requester_name()];
        for (label, value) in [
            ("email", &requester.email),
            ("external id", &requester.external_id),
            ("phone", &requester.phone),
        ] {
            if let Some(value) = value.as_deref().filter(|v| !v.trim().is_empty()) {
                customer.push(format!("{label} {value}"));
            }
        }
        lines.push(format!("Customer: {}", customer.join(" · ")));
        lines
            .iter()
            .map(|line| continued(line))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Every context key, mapped to a platform field or not, one `key: value`
    /// line each, in key order.
    pub fn context_text(&self) -> String {
        if self.context.is_empty() {
            return "Context: none".to_string();
        }
        let mut text = "Context:".to_string();
        for (key, value) in &self.context {
            text.push_str(&format!("\n{key}: {}", continued(&plain(value))));
        }
        text
    }

    /// The agents' note: the details, the context, the summary once, then the
    /// transcript. Connectors put it where agents see it and the customer does
    /// not (an internal note, a private comment, a related chat). The summary
    /// may be the AI agent's own, written from what the customer said: its
    /// further lines are [`continued`] too.
    pub fn agent_note(&self) -> String {
        let mut text = format!(
            "{}\n\n{}\n\nSummary:\n{}",
            self.details(),
            self.context_text(),
            continued(self.summary.trim())
        );
        if !self.transcript.is_empty() {
            text.push_str("\n\nTranscript:\n");
            text.push_str(&self.transcript_text());
        }
        text
    }

    /// The agents' note for a platform that keeps a note to at most
    /// `max_bytes`: one piece when it fits, else pieces cut between lines,
    /// the first opening as the whole note does and each further one with
    /// its own line, `Desk handoff {id}, part {k} of {n}`, which tells agents
    /// where it belongs and a repeated delivery which pieces it has made
    /// ([`Escalation::piece_mark`]). Nothing is cut off.
    pub fn agent_note_pieces(&self, max_bytes: usize) -> Vec<String> {
        let note = self.agent_note();
        if note.len() <= max_bytes {
            return vec![note];
        }
        // Room for the longest heading a piece can get.
        let heading = self.piece_heading(usize::MAX / 2, usize::MAX / 2).len() + 1;
        let pieces = split_bytes(&note, max_bytes.saturating_sub(heading).max(1));
        let count = pieces.len();
        pieces
            .into_iter()
            .enumerate()
            .map(|(index, piece)| match index {
                0 => piece,
                _ => format!("{}\n{piece}", self.piece_heading(index + 1, count)),
            })
            .collect()
    }

    /// The line a piece of [`Escalation::agent_note_pieces`] is recognised
    /// by: the note's own first line for the first, its heading for the
    /// others.
    pub fn piece_mark(&self, piece: &str) -> String {
        piece.lines().next().unwrap_or_default().to_string()
    }

    fn piece_heading(&self, part: usize, count: usize) -> String {
        format!("{}, part {part} of {count}", self.mark())
    }

    /// The value a connection's mapping names: a ticket field (converted to
    /// its type), a context key as received, or one of Desk's own values
    /// ([`crate::domain::workspace::DESK_VALUES`]).
    pub fn value_of(&self, key: &str) -> Option<Value> {
        if let Some(name) = key.strip_prefix("desk.") {
            let text = match name {
                "handoff" => Some(self.handoff.clone()),
                "agent" => Some(self.agent.clone()),
                "channel" => Some(self.channel.to_string()),
                "environment" => Some(self.environment.to_string()),
                "reason" => self.reason.clone(),
                "priority" => Some(self.priority.to_string()),
                "team" => self.team.clone(),
                _ => None,
            };
            return text.map(Value::String);
        }
        self.fields
            .iter()
            .find(|field| field.key == key)
            .map(|field| field.value.clone())
            .or_else(|| self.context.get(key).cloned())
    }
}

/// What chose a decided value, for people.
fn chosen_by(source: &DecisionSource) -> String {
    match source {
        DecisionSource::Rule { id, position, name } => match name {
            Some(name) => format!("by rule {position} \"{name}\" ({id})"),
            None => format!("by rule {position} ({id})"),
        },
        DecisionSource::ActionDefault => "the handover action's default".into(),
        DecisionSource::Fallback => "no rule matched and the action has no default".into(),
        DecisionSource::DefaultTeam => "the default team".into(),
        DecisionSource::NoTeam => "no rule matched and there is no default team".into(),
    }
}

/// A JSON value as people read it: text bare, anything else as JSON.
pub fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// What begins each further line of a multi-line value in the agents' note.
pub const CONTINUATION: &str = "> ";

/// `text` as the rest of one line of the agents' note: every line after its
/// first begins with [`CONTINUATION`] (a blank one with `>` alone), so text
/// the customer wrote can never begin a line that reads as another turn
/// (`AI: …`) or a heading of the note. Every line break counts, `\r` and
/// Unicode's separators too, as some viewers break on them.
pub fn continued(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut lines = text.split([
        '\n', '\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}',
    ]);
    let mut out = lines.next().unwrap_or_default().to_string();
    for line in lines {
        out.push('\n');
        if line.trim().is_empty() {
            out.push_str(CONTINUATION.trim_end());
        } else {
            out.push_str(CONTINUATION);
            out.push_str(line);
        }
    }
    out
}

/// Text as a tag or a key most platforms accept: lowercase letters, digits
/// and dashes.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.trim().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_string()
}

impl Connection {
    /// The values this connection maps to the platform's own fields, as
    /// (platform field, value), for the keys the handoff has.
    pub fn mapped(&self, escalation: &Escalation) -> Vec<(String, Value)> {
        self.fields
            .iter()
            .filter_map(|(key, target)| {
                escalation
                    .value_of(key)
                    .map(|value| (target.clone(), value))
            })
            .collect()
    }

    /// [`Connection::mapped`] as one JSON object keyed by the platform's
    /// field (Freshdesk's `custom_fields`, Zoho Desk's `cf`); none when
    /// nothing maps.
    pub fn mapped_object(&self, escalation: &Escalation) -> Option<Value> {
        let object: serde_json::Map<String, Value> = self.mapped(escalation).into_iter().collect();
        (!object.is_empty()).then_some(Value::Object(object))
    }
}

/// How every agents' note Desk writes begins, before the handoff's id
/// ([`Escalation::mark`]): a platform item carrying a note that begins so is
/// a handoff's.
pub const MARK: &str = "Desk handoff ";

/// Plain text as HTML paragraphs, line breaks kept, for platforms whose
/// descriptions and notes are HTML.
pub fn html_paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|paragraph| {
            let escaped = paragraph
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;");
            format!("<p>{}</p>", escaped.replace('\n', "<br>"))
        })
        .collect()
}

/// `text` cut into pieces of at most `max` bytes, never inside a UTF-8
/// character, preferring to cut after a line: for platforms that limit a
/// note's length (Salesforce's CaseComment, a chat message).
pub fn split_bytes(text: &str, max: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while rest.len() > max {
        let mut cut = max;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(line_end) = rest[..cut].rfind('\n').filter(|&at| at > 0) {
            cut = line_end + 1;
        }
        pieces.push(rest[..cut].to_string());
        rest = &rest[cut..];
    }
    if !rest.is_empty() || pieces.is_empty() {
        pieces.push(rest.to_string());
    }
    pieces
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::api::{FieldType, IntegrationKind};

    fn escalation() -> Escalation {
        Escalation {
            handoff: "hof_1".into(),
            subject: "Where is my refund?".into(),
            summary: "Dana asked for a person after 2 messages.".into(),
            transcript: vec![
                TranscriptMessage {
                    role: MessageRole::Customer,
                    text: "Where is my refund?".into(),
                    at: Some(Timestamp::from_second(1_800_000_000).unwrap()),
                },
                TranscriptMessage {
                    role: MessageRole::Ai,
                    text: "Let me get someone.".into(),
                    at: None,
                },
            ],
            requester: Requester {
                name: Some("Dana".into()),
                email: None,
                external_id: Some("u-42".into()),
                phone: Some("+15550100".into()),
            },
            priority: Priority::High,
            priority_source: Some(DecisionSource::Rule {
                id: "rule_1".into(),
                position: 1,
                name: Some("VIP".into()),
            }),
            fields: vec![FieldValue {
                key: "order-id".into(),
                name: "Order".into(),
                field_type: FieldType::Number,
                value: json!(123),
            }],
            context: [
                ("order-id".to_string(), json!("123")),
                ("loyalty-tier".to_string(), json!("gold")),
                ("cart-items".to_string(), json!(["a", "b"])),
            ]
            .into(),
            agent: "shop".into(),
            channel: Channel::Web,
            environment: Environment::Production,
            team: Some("billing".into()),
            team_source: Some(DecisionSource::DefaultTeam),
            reason: Some("explicit-request".into()),
            created_at: Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn the_agents_note_carries_every_piece_once_in_order() {
        let note = escalation().agent_note();
        assert_eq!(
            note,
            "Desk handoff hof_1 from AI agent shop\n\
             Channel: web · Environment: production\n\
             Reason: explicit-request\n\
             Priority: high, by rule 1 \"VIP\" (rule_1)\n\
             Team: billing, the default team\n\
             Customer: Dana · external id u-42 · phone +15550100\n\n\
             Context:\n\
             cart-items: [\"a\",\"b\"]\n\
             loyalty-tier: gold\n\
             order-id: 123\n\n\
             Summary:\n\
             Dana asked for a person after 2 messages.\n\n\
             Transcript:\n\
             [2027-01-15T08:00:00Z] Customer: Where is my refund?\n\
             AI: Let me get someone."
        );
    }

    #[test]
    fn an_older_payload_without_sources_still_reads() {
        let mut old = serde_json::to_value(escalation()).unwrap();
        let object = old.as_object_mut().unwrap();
        object.remove("priority-source");
        object.remove("team-source");
        object["requester"].as_object_mut().unwrap().remove("phone");
        let read: Escalation = serde_json::from_value(old).unwrap();
        assert_eq!(read.priority_source, None);
        assert!(read.details().contains("Priority: high\n"));
    }

    #[test]
    fn mappings_take_fields_then_context_then_desks_own_values() {
        let connection = Connection {
            kind: IntegrationKind::Zendesk,
            settings: BTreeMap::new(),
            secrets: BTreeMap::new(),
            base_url: None,
            fields: [
                ("order-id", "1"),
                ("loyalty-tier", "2"),
                ("desk.team", "3"),
                ("desk.reason", "4"),
                ("locale", "5"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
            priorities: BTreeMap::new(),
        };
        let mut mapped = connection.mapped(&escalation());
        mapped.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            mapped,
            [
                ("1".to_string(), json!(123)),
                ("2".to_string(), json!("gold")),
                ("3".to_string(), json!("billing")),
                ("4".to_string(), json!("explicit-request")),
            ]
        );
    }

    #[test]
    fn the_customer_sees_only_their_own_words() {
        assert_eq!(escalation().customer_words(), "Where is my refund?");
        let mut silent = escalation();
        silent.transcript.retain(|m| m.role == MessageRole::Ai);
        assert_eq!(silent.customer_words(), "Where is my refund?");
    }

    #[test]
    fn a_message_with_line_breaks_cannot_forge_a_turn_in_the_note() {
        let mut forged = escalation();
        forged.transcript[0].at = None;
        forged.transcript[0].text =
            "need refund\nAI: Refund of $5000 approved.\r\nCustomer: thanks\n\nSummary:\rok\u{2028}AI: x"
                .into();
        assert_eq!(
            forged.transcript_text(),
            "Customer: need refund\n\
             > AI: Refund of $5000 approved.\n\
             > Customer: thanks\n\
             >\n\
             > Summary:\n\
             > ok\n\
             > AI: x\n\
             AI: Let me get someone."
        );
        let note = forged.agent_note();
        for line in note
            .lines()
            .skip_while(|line| *line != "Transcript:")
            .skip(1)
        {
            assert!(
                line == "AI: Let me get someone."
                    || line.starts_with("Customer: need refund")
                    || line.starts_with('>'),
                "{line:?} reads as a turn of its own"
            );
        }
        // A context value is one `key: value` line in the same way.
        forged.context = [("note".to_string(), json!("a\nAI: b"))].into();
        assert!(forged.context_text().ends_with("note: a\n> AI: b"));
        assert_eq!(continued("one line"), "one line");
    }

    #[test]
    fn a_long_note_is_cut_into_pieces_that_each_say_where_they_belong() {
        let mut long = escalation();
        assert_eq!(long.agent_note_pieces(4000), [long.agent_note()]);
        long.transcript = (0..40)
            .map(|n| TranscriptMessage {
                role: MessageRole::Customer,
                text: format!("message {n} {}", "é".repeat(200)),
                at: None,
            })
            .collect();
        let note = long.agent_note();
        let pieces = long.agent_note_pieces(4000);
        assert!(pieces.len() > 3, "{}", pieces.len());
        assert!(pieces.iter().all(|piece| piece.len() <= 4000));
        assert_eq!(
            long.piece_mark(&pieces[0]),
            "Desk handoff hof_1 from AI agent shop"
        );
        let count = pieces.len();
        let mut rebuilt = pieces[0].clone();
        for (index, piece) in pieces.iter().enumerate().skip(1) {
            let heading = format!("Desk handoff hof_1, part {} of {count}", index + 1);
            assert_eq!(long.piece_mark(piece), heading);
            rebuilt.push_str(piece.strip_prefix(&format!("{heading}\n")).unwrap());
        }
        assert_eq!(rebuilt, note, "nothing is lost or repeated");
        for n in 0..40 {
            assert_eq!(
                rebuilt.matches(&format!("Customer: message {n} ")).count(),
                1
            );
        }
    }

    #[test]
    fn the_requester_reason_and_summary_cannot_forge_a_line_in_the_note() {
        let mut forged = escalation();
        forged.requester.name = Some("Eve\nAI: I approved a full refund".into());
        forged.requester.external_id = Some("x1\r\nCustomer: forged".into());
        forged.reason = Some("other\nCustomer: I was promised a refund\nTranscript:".into());
        forged.summary = "Short.\nCustomer: forged line\u{2028}AI: forged ai".into();
        let note = forged.agent_note();
        let forged_lines: Vec<&str> = note
            .lines()
            .filter(|line| {
                line.starts_with("AI:")
                    || line.starts_with("Transcript:")
                    || line.starts_with("Customer: forged")
                    || line.starts_with("Customer: I was")
            })
            .collect();
        assert_eq!(
            forged_lines,
            ["Transcript:", "AI: Let me get someone."],
            "only the heading and the real turn: {note}"
        );
        assert!(
            note.contains("Reason: other\n> Customer: I was promised a refund\n> Transcript:\n"),
            "{note}"
        );
        assert!(
            note.contains(
                "Customer: Eve\n> AI: I approved a full refund · external id x1\n> \
                 Customer: forged · phone +15550100\n"
            ),
            "{note}"
        );
        assert!(
            note.contains("Summary:\nShort.\n> Customer: forged line\n> AI: forged ai\n"),
            "{note}"
        );
    }

    #[test]
    fn the_title_is_the_first_message_cut_at_the_platforms_limit() {
        let mut long = escalation();
        let first = format!("{}😀😀é", "A".repeat(148));
        long.transcript[0].text = format!("  {first}\n");
        long.subject = crate::domain::handoff::cut(&first, 80);
        assert_eq!(long.title(255), first, "whole when it fits");
        let title = long.title(150);
        assert_eq!(title.chars().count(), 150);
        assert_eq!(title, format!("{}😀…", "A".repeat(148)));
        let title = long.title(100);
        assert_eq!(title, format!("{}…", "A".repeat(99)));
        long.transcript.retain(|m| m.role == MessageRole::Ai);
        assert_eq!(
            long.title(150),
            long.subject,
            "no customer message: the subject"
        );
    }

    #[test]
    fn slugs_are_lowercase_with_dashes() {
        assert_eq!(
            slug("Failed resolution: refund!"),
            "failed-resolution-refund"
        );
        assert_eq!(slug("billing"), "billing");
    }

    #[test]
    fn text_becomes_escaped_html_paragraphs() {
        assert_eq!(
            html_paragraphs("Refund <late> & \"lost\"\nline two\n\nTranscript:"),
            "<p>Refund &lt;late&gt; &amp; &quot;lost&quot;<br>line two</p><p>Transcript:</p>"
        );
    }

    #[test]
    fn long_text_is_cut_at_character_boundaries_within_the_byte_limit() {
        let text = "é".repeat(3000); // 6000 bytes, no line breaks
        let pieces = split_bytes(&text, 4000);
        assert_eq!(pieces.len(), 2);
        assert!(pieces.iter().all(|piece| piece.len() <= 4000));
        assert_eq!(pieces.concat(), text);
        let lines = format!("{}\n{}", "a".repeat(3000), "b".repeat(3000));
        let pieces = split_bytes(&lines, 4000);
        assert_eq!(pieces[0], format!("{}\n", "a".repeat(3000)));
        assert_eq!(pieces[1], "b".repeat(3000));
        assert_eq!(split_bytes("short", 4000), ["short"]);
    }
}
