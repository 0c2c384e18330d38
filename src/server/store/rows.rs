//! Stored rows turned into the API's and the domain's values, once for both
//! databases: each backend runs its own SQL, and reads its rows through
//! [`Fields`], which hides how its driver spells a column's type.

use std::collections::BTreeMap;

use jiff::Timestamp;

use super::shared::{
    ASSIGNMENT, BUSINESS_HOURS, DELIVERY, EMAIL, HANDOFF, NOTIFICATIONS, SECRET_REFERENCES, decode,
    delivery_outcome, section,
};
use super::{StoreError, StoreResult, TokenIdentity};
use crate::api::{
    Agent, BusinessHours, ExternalTicket, Handoff, Operator, Requester, Rule, RuleKind, Team,
    Ticket, TicketField, TimelineEntry, Token,
};
use crate::domain::assignment::Candidate;
use crate::domain::workspace::{Connection, IntegrationRecord, Snapshot};

/// A row's columns by name, as text, integers, flags and instants.
pub(super) trait Fields {
    fn optional_text(&self, column: &str) -> StoreResult<Option<String>>;
    fn optional_int(&self, column: &str) -> StoreResult<Option<i64>>;
    fn flag(&self, column: &str) -> StoreResult<bool>;
    fn optional_time(&self, column: &str) -> StoreResult<Option<Timestamp>>;

    fn text(&self, column: &str) -> StoreResult<String> {
        self.optional_text(column)?.ok_or_else(|| null(column))
    }
    fn int(&self, column: &str) -> StoreResult<i64> {
        self.optional_int(column)?.ok_or_else(|| null(column))
    }
    fn time(&self, column: &str) -> StoreResult<Timestamp> {
        self.optional_time(column)?.ok_or_else(|| null(column))
    }
    /// A column holding one of an enum's wire names.
    fn parsed<T: std::str::FromStr<Err = String>>(&self, column: &str) -> StoreResult<T> {
        self.text(column)?.parse().map_err(StoreError::Corrupt)
    }
    fn optional_parsed<T: std::str::FromStr<Err = String>>(
        &self,
        column: &str,
    ) -> StoreResult<Option<T>> {
        self.optional_text(column)?
            .map(|text| text.parse().map_err(StoreError::Corrupt))
            .transpose()
    }
    /// A column holding JSON (text on SQLite, jsonb read as text on PostgreSQL).
    fn json<T: serde::de::DeserializeOwned>(&self, column: &str, what: &str) -> StoreResult<T> {
        decode(&self.text(column)?, what)
    }
}

fn null(column: &str) -> StoreError {
    StoreError::Corrupt(format!("{column} is unexpectedly empty"))
}

fn count(value: i64, what: &str) -> StoreResult<u32> {
    u32::try_from(value).map_err(|_| StoreError::Corrupt(format!("{what} {value}")))
}

/// The configuration tables' rows, each in its stored order.
pub(super) struct Tables<R> {
    pub revision: i64,
    pub generation: i64,
    /// `team_key`, `operator_handle`.
    pub members: Vec<R>,
    pub operators: Vec<R>,
    pub teams: Vec<R>,
    pub fields: Vec<R>,
    /// `name`, `value`.
    pub settings: Vec<R>,
    pub rules: Vec<R>,
    pub agents: Vec<R>,
    pub integrations: Vec<R>,
}

/// The workspace the configuration tables hold.
pub(super) fn snapshot<R: Fields>(tables: Tables<R>) -> StoreResult<Snapshot> {
    let mut teams_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut members_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in &tables.members {
        let team = row.text("team_key")?;
        let handle = row.text("operator_handle")?;
        teams_of
            .entry(handle.clone())
            .or_default()
            .push(team.clone());
        members_of.entry(team).or_default().push(handle);
    }
    let operators = tables
        .operators
        .iter()
        .map(|row| {
            let handle = row.text("handle")?;
            Ok(Operator {
                teams: teams_of.remove(&handle).unwrap_or_default(),
                handle,
                name: row.text("display_name")?,
                email: row.text("email")?,
                signature: row.optional_text("signature")?,
                role: row.parsed("role")?,
                availability: row.parsed("availability")?,
                capacity: row
                    .optional_int("capacity")?
                    .map(|c| count(c, "capacity"))
                    .transpose()?,
                created_at: row.time("created_at")?,
                updated_at: row.time("updated_at")?,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    let teams = tables
        .teams
        .iter()
        .map(|row| {
            let key = row.text("key")?;
            Ok(Team {
                members: members_of.remove(&key).unwrap_or_default(),
                key,
                name: row.text("name")?,
                default: row.flag("is_default")?,
                created_at: row.time("created_at")?,
                updated_at: row.time("updated_at")?,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    let fields = tables
        .fields
        .iter()
        .map(|row| {
            Ok(TicketField {
                key: row.text("key")?,
                name: row.text("name")?,
                field_type: row.parsed("field_type")?,
                options: row.json("options", "field options")?,
                created_at: row.time("created_at")?,
                updated_at: row.time("updated_at")?,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    let settings: BTreeMap<String, String> = tables
        .settings
        .iter()
        .map(|row| Ok((row.text("name")?, row.text("value")?)))
        .collect::<StoreResult<_>>()?;
    let rules = tables
        .rules
        .iter()
        .map(|row| {
            Ok(Rule {
                id: row.text("id")?,
                kind: row.parsed("kind")?,
                position: count(row.int("position")?, "rule position")?,
                name: row.optional_text("name")?,
                match_mode: row.parsed("match_mode")?,
                conditions: row.json("conditions", "rule conditions")?,
                priority: row.optional_parsed("priority")?,
                team: row.optional_text("team_key")?,
            })
        })
        .collect::<StoreResult<Vec<Rule>>>()?;
    let (priority_rules, assignment_rules) = rules
        .into_iter()
        .partition(|r| r.kind == RuleKind::Priority);
    let agents = tables
        .agents
        .iter()
        .map(|row| {
            Ok(Agent {
                key: row.text("key")?,
                name: row.text("name")?,
                handover: row
                    .optional_text("handover")?
                    .map(|text| decode(&text, "handover action"))
                    .transpose()?,
                created_at: row.time("created_at")?,
                updated_at: row.time("updated_at")?,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    let integrations = tables
        .integrations
        .iter()
        .map(|row| {
            Ok(IntegrationRecord {
                connection: Connection {
                    kind: row.parsed("kind")?,
                    settings: row.json("settings", "integration settings")?,
                    secrets: row.json("secrets", "integration secrets")?,
                    base_url: row.optional_text("base_url")?,
                    fields: row.json("fields", "integration fields")?,
                    priorities: row.json("priorities", "integration priorities")?,
                },
                status: row.parsed("status")?,
                last_test: row
                    .optional_text("last_test")?
                    .map(|text| decode(&text, "integration test"))
                    .transpose()?,
                created_at: row.time("created_at")?,
                updated_at: row.time("updated_at")?,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(Snapshot {
        revision: tables.revision as u64,
        generation: tables.generation as u64,
        operators,
        teams,
        fields,
        assignment: section(&settings, ASSIGNMENT)?,
        business_hours: stored_hours(&settings)?,
        notifications: section(&settings, NOTIFICATIONS)?,
        handoff: section(&settings, HANDOFF)?,
        email: section(&settings, EMAIL)?,
        delivery: section(&settings, DELIVERY)?,
        priority_rules,
        assignment_rules,
        agents,
        integrations,
        secret_references: section(&settings, SECRET_REFERENCES)?,
        // Made from the keys that seal secrets, which the store wrapper holds.
        fingerprints: crate::domain::workspace::Fingerprints::unkeyed(),
        sealed_away: Default::default(),
    })
}

/// The business hours, their time zone as the time zone database spells it:
/// a desk written before the service spelt it so on every write may hold it as
/// typed (`EUROPE/BERLIN`), which would read as a change from `Europe/Berlin`
/// in every plan and look wrong in exports. It is stored so the next time
/// the hours change.
fn stored_hours(settings: &BTreeMap<String, String>) -> StoreResult<BusinessHours> {
    let mut hours: BusinessHours = section(settings, BUSINESS_HOURS)?;
    hours.timezone = crate::domain::hours::canonical_timezone(&hours.timezone);
    Ok(hours)
}

/// A ticket from its row (`fields` and `context` as JSON text).
pub(super) fn ticket(row: &impl Fields) -> StoreResult<Ticket> {
    Ok(Ticket {
        number: row.int("number")? as u64,
        subject: row.text("subject")?,
        status: row.parsed("status")?,
        priority: row.parsed("priority")?,
        requester: Requester {
            name: row.optional_text("requester_name")?,
            email: row.optional_text("requester_email")?,
            external_id: row.optional_text("requester_external_id")?,
            phone: row.optional_text("requester_phone")?,
        },
        assignee: row.optional_text("assignee")?,
        team: row.optional_text("team_key")?,
        agent: row.optional_text("agent_key")?,
        channel: row.parsed("channel")?,
        environment: row.parsed("environment")?,
        fields: row.json("fields", "ticket fields")?,
        context: row.json("context", "ticket context")?,
        ai_paused: row.flag("ai_paused")?,
        handoff: row.optional_text("handoff_id")?,
        created_at: row.time("created_at")?,
        last_activity_at: row.time("last_activity_at")?,
    })
}

pub(super) fn timeline_entry(row: &impl Fields) -> StoreResult<TimelineEntry> {
    Ok(TimelineEntry {
        seq: count(row.int("seq")?, "timeline seq")?,
        kind: row.parsed("kind")?,
        author_kind: row.parsed("author_kind")?,
        author: row.optional_text("author")?,
        event: row.optional_text("event")?,
        body: row.optional_text("body")?,
        channel: row.optional_parsed("channel")?,
        at: row.time("at")?,
    })
}

/// An operator as assignment sees them (`open_tickets` counted by the query).
pub(super) fn candidate(row: &impl Fields) -> StoreResult<Candidate> {
    Ok(Candidate {
        handle: row.text("handle")?,
        availability: row.parsed("availability")?,
        capacity: row
            .optional_int("capacity")?
            .map(|c| count(c, "capacity"))
            .transpose()?,
        open_tickets: count(row.int("open_tickets")?, "open tickets")?,
        last_assigned_at: row.optional_time("last_assigned_at")?,
    })
}

pub(super) fn token(row: &impl Fields) -> StoreResult<Token> {
    Ok(Token {
        id: row.text("id")?,
        name: row.text("name")?,
        kind: row.parsed("kind")?,
        operator: row.optional_text("operator_handle")?,
        hint: row.text("hint")?,
        created_at: row.time("created_at")?,
        last_used_at: row.optional_time("last_used_at")?,
    })
}

/// Who a token's secret identifies: `id`, `kind`, `operator_handle` and
/// `last_used_at` of `tokens`, and the operator's current `role`.
pub(super) fn token_identity(row: &impl Fields) -> StoreResult<TokenIdentity> {
    Ok(TokenIdentity {
        id: row.text("id")?,
        kind: row.parsed("kind")?,
        operator: row.optional_text("operator_handle")?,
        role: row.optional_parsed("role")?,
        last_used_at: row.optional_time("last_used_at")?,
    })
}

/// A handoff, with its external ticket when it has one: the columns of
/// `handoffs` and, named `delivery_*` and `integration`, of the outbox message
/// delivering it.
pub(super) fn handoff(row: &impl Fields) -> StoreResult<Handoff> {
    let external = match (
        row.optional_text("external_status")?,
        row.optional_int("delivery_id")?,
    ) {
        (Some(status), Some(delivery)) => Some(ExternalTicket {
            kind: row.parsed("integration")?,
            delivery: delivery as u64,
            id: row.optional_text("external_id")?,
            url: row.optional_text("external_url")?,
            status: status.parse().map_err(StoreError::Corrupt)?,
            updated_at: row.time("external_updated_at")?,
            outcome: delivery_outcome(
                row.parsed("delivery_state")?,
                count(row.int("delivery_attempts")?, "delivery attempts")?,
                row.optional_text("delivery_error")?,
                row.optional_time("delivery_next")?,
            ),
        }),
        _ => None,
    };
    Ok(Handoff {
        id: row.text("id")?,
        idempotency_key: row.optional_text("idempotency_key")?,
        agent: row.text("agent_key")?,
        environment: row.parsed("environment")?,
        outcome: row.parsed("outcome")?,
        ticket: row.optional_int("ticket_number")?.map(|n| n as u64),
        external,
        decision: row.json("decision", "handoff decision")?,
        request: row.json("request", "handoff request")?,
        created_at: row.time("created_at")?,
    })
}
