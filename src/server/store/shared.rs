//! What both store implementations share that is not SQL of one database:
//! how migrations are listed, how a configuration change is diffed into rows,
//! how settings sections are named, and the ticket query's and the outbox's
//! conditions, written once and rendered in each database's placeholders.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AssertSqlSafe, SqlSafeStr};

use super::{StoreError, StoreResult, TicketFilter, Viewer};
use crate::api::{
    DeliveryOutcome, DeliveryState, OutboxState, TicketCountBy, TicketSort, TicketView,
};
use crate::domain::external::ExternalState;

/// An operator as assignment sees them, with their open tickets as kept by
/// triggers (SQLite's migration 0014, PostgreSQL's 0005), from [`CANDIDATES`].
pub(crate) const CANDIDATE_COLUMNS: &str = "o.handle, o.availability, o.capacity, \
     o.last_assigned_at, COALESCE(c.open_tickets, 0) AS open_tickets";
/// The operators (not those removed) with their counts of open tickets.
pub(crate) const CANDIDATES: &str = "(SELECT * FROM operators WHERE removed_at IS NULL) o \
     LEFT JOIN open_ticket_counts c ON c.assignee = o.handle";

/// A schema migration embedded in the binary: version, description, SQL.
pub(super) type Embedded = (i64, &'static str, &'static str);

/// The migrator for `migrations`; `no_tx` when the caller runs them all in
/// one transaction of its own.
pub(super) fn migrator(migrations: &[Embedded], no_tx: bool) -> Migrator {
    Migrator::with_migrations(
        migrations
            .iter()
            .map(|(version, description, sql)| {
                Migration::new(
                    *version,
                    Cow::Borrowed(*description),
                    MigrationType::Simple,
                    AssertSqlSafe(*sql).into_sql_str(),
                    no_tx,
                )
            })
            .collect(),
    )
}

/// Migration `version` of `migrations` for people: its number and name.
pub(super) fn migration_named(migrations: &[Embedded], version: i64) -> String {
    match migrations.iter().find(|(known, _, _)| *known == version) {
        Some((_, description, _)) => format!("migration {version} ({description})"),
        None => format!("migration {version}"),
    }
}

/// Refuses a database whose schema has a version this binary does not know;
/// answers whether every known migration is applied already.
pub(super) fn check_applied(
    applied: &[i64],
    migrations: &[Embedded],
    desk: &str,
) -> StoreResult<bool> {
    let newest = migrations.last().map_or(0, |(version, _, _)| *version);
    // The desk's version is the newest applied, not the first this binary
    // does not know: a desk two releases ahead is at the later one.
    if let Some(version) = applied.iter().copied().max().filter(|v| *v > newest) {
        return Err(StoreError::Incompatible(format!(
            "the desk at {desk} has schema version {version}, newer than this deskctl knows \
             ({newest}): upgrade deskctl to use it, or, to go back to this release, restore \
             the backup taken before the upgrade"
        )));
    }
    Ok(applied
        .iter()
        .copied()
        .eq(migrations.iter().map(|(version, _, _)| *version)))
}

/// The settings sections, by their stored names.
pub(super) const ASSIGNMENT: &str = "assignment";
pub(super) const BUSINESS_HOURS: &str = "business-hours";
pub(super) const NOTIFICATIONS: &str = "notifications";
pub(super) const HANDOFF: &str = "handoff";
pub(super) const EMAIL: &str = "email";
pub(super) const DELIVERY: &str = "delivery";
pub(super) const SECRET_REFERENCES: &str = "secret-references";

/// A settings section from its stored JSON; an absent section is the defaults.
pub(super) fn section<T: DeserializeOwned + Default>(
    settings: &BTreeMap<String, String>,
    name: &str,
) -> StoreResult<T> {
    match settings.get(name) {
        None => Ok(T::default()),
        Some(text) => decode(text, &format!("{name} settings")),
    }
}

/// Every settings section of `snapshot`, by stored name, as JSON.
pub(super) fn sections(
    snapshot: &crate::domain::workspace::Snapshot,
) -> [(&'static str, String); 7] {
    [
        (ASSIGNMENT, encode(&snapshot.assignment)),
        (BUSINESS_HOURS, encode(&snapshot.business_hours)),
        (NOTIFICATIONS, encode(&snapshot.notifications)),
        (HANDOFF, encode(&snapshot.handoff)),
        (EMAIL, encode(&snapshot.email)),
        (DELIVERY, encode(&snapshot.delivery)),
        (SECRET_REFERENCES, encode(&snapshot.secret_references)),
    ]
}

/// An instant from its stored text form ([`super::stored_time`]).
pub(crate) fn parse_time(value: &str) -> StoreResult<jiff::Timestamp> {
    value
        .parse::<jiff::Timestamp>()
        .map_err(|e| StoreError::Corrupt(format!("timestamp '{value}': {e}")))
}

/// A stored JSON value, or `Corrupt` naming `what` it was.
pub(super) fn decode<T: DeserializeOwned>(text: &str, what: &str) -> StoreResult<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

pub(super) fn encode<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("stored values serialize")
}

/// What became of a keyed list: the items removed, added, and changed.
pub(super) struct Diff<'a, T> {
    pub removed: Vec<&'a T>,
    pub added: Vec<&'a T>,
    pub changed: Vec<&'a T>,
}

pub(super) fn diff<'a, T: PartialEq, K: Ord>(
    before: &'a [T],
    after: &'a [T],
    key: impl Fn(&T) -> K,
) -> Diff<'a, T> {
    let old: BTreeMap<K, &T> = before.iter().map(|item| (key(item), item)).collect();
    let new: BTreeMap<K, &T> = after.iter().map(|item| (key(item), item)).collect();
    Diff {
        removed: old
            .iter()
            .filter(|(k, _)| !new.contains_key(k))
            .map(|(_, v)| *v)
            .collect(),
        added: new
            .iter()
            .filter(|(k, _)| !old.contains_key(k))
            .map(|(_, v)| *v)
            .collect(),
        changed: new
            .iter()
            .filter(|(k, v)| old.get(k).is_some_and(|o| o != *v))
            .map(|(_, v)| *v)
            .collect(),
    }
}

/// A value a ticket query binds.
pub(super) enum Bind {
    Text(String),
    Int(i64),
    /// An instant in stored form ([`super::stored_time`]).
    Time(String),
}

/// Which database a query is written for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Dialect {
    Sqlite,
    Postgres,
}

/// A WHERE condition under construction, with the values it binds.
struct Condition {
    dialect: Dialect,
    clauses: Vec<String>,
    binds: Vec<Bind>,
}

impl Condition {
    /// The placeholder for `bind`, which is bound next.
    fn param(&mut self, bind: Bind) -> String {
        let time = matches!(bind, Bind::Time(_));
        self.binds.push(bind);
        match (self.dialect, time) {
            (Dialect::Sqlite, _) => "?".to_string(),
            (Dialect::Postgres, false) => format!("${}", self.binds.len()),
            (Dialect::Postgres, true) => format!("${}::timestamptz", self.binds.len()),
        }
    }
}

/// `%text%` for LIKE, with LIKE's wildcards in `text` taken literally.
pub(super) fn like_pattern(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// How a ticket query with a search text or a requester finds its tickets.
/// Either way a ticket matches the text when its subject or one of its
/// messages contains it, with ASCII letters in either case and every other
/// character as it is (`%` and `_` too): SQLite's LIKE, and on PostgreSQL
/// LIKE with A-Z folded by `translate` on both sides, since its ILIKE and
/// lower() follow the database's locale. The plan changes the speed, never
/// the tickets.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(super) enum SearchPlan {
    /// Test each ticket met in the order the query reads them: cheap when
    /// the text is common, as the first page fills after a few tickets.
    Walk,
    /// Start from the text index (FTS5 `ticket_text` on SQLite, the pg_trgm
    /// indexes on PostgreSQL) and sort what it finds: cheap when the text
    /// is rare. Needs a text of [`INDEXED_CHARS`] characters or more.
    Indexed,
    /// The candidates the indexes found already for the text, the
    /// requester or both (a JSON array of ticket numbers, on SQLite): each
    /// is re-checked with every condition, without asking the text index
    /// again.
    Among(String),
}

/// The shortest search text the trigram indexes can look up; a shorter one
/// is always walked.
pub(super) const INDEXED_CHARS: usize = 3;

/// SQL that folds the ASCII letters of `expr` to lower case and nothing
/// else, on PostgreSQL, the expression its text indexes are built on.
pub(super) fn fold_ascii(expr: &str) -> String {
    format!("translate({expr}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')")
}

/// SQL for the form of the phone `expr` that a search compares
/// ([`crate::domain::handoff::phone_query`]): without the punctuation and
/// spaces a phone may hold, ASCII letters in lower case. The requester-phone
/// indexes (SQLite 0033, PostgreSQL 0023) are built on this expression of
/// `requester_phone`, written out as it is here.
pub(super) fn phone_key(dialect: Dialect, expr: &str) -> String {
    let punctuation = crate::domain::handoff::PHONE_PUNCTUATION;
    match dialect {
        Dialect::Sqlite => {
            let stripped = punctuation.chars().fold(expr.to_string(), |sql, c| {
                format!("replace({sql}, '{c}', '')")
            });
            format!("lower({stripped})")
        }
        Dialect::Postgres => format!(
            "translate({expr}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ{punctuation}', \
             'abcdefghijklmnopqrstuvwxyz')"
        ),
    }
}

/// On SQLite, the numbers of the tickets whose searched texts still queued
/// for the index (`sqlite::INDEX_QUEUED_AFTER`) match the LIKE pattern bound
/// as `pattern`. Requester names are queued under negative ids (migration
/// 0017) and left out.
pub(super) fn queued_matching(pattern: &str) -> String {
    format!(
        "SELECT id >> 24 AS number FROM ticket_text_queue \
         WHERE id > 0 AND body LIKE {pattern} ESCAPE '\\'"
    )
}

/// The FTS5 query that finds the candidates for `text` in `ticket_text`:
/// each of its [`trigrams`], ANDed. `None` for a text too short to look up.
pub(super) fn fts_query(text: &str) -> Option<String> {
    trigrams(text).map(|trigrams| fts_all(&trigrams))
}

/// The distinct trigrams of `text` the index is asked for (the index keeps
/// no positions: the store re-checks each candidate), at most a dozen
/// spread over the text. Overlapping trigrams are all kept: with every
/// third one only, `chargeback` had 240 times the candidates (the bench's
/// desk). `None` for a text too short to look up.
pub(super) fn trigrams(text: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < INDEXED_CHARS {
        return None;
    }
    let mut trigrams: Vec<String> = Vec::new();
    for window in chars.windows(INDEXED_CHARS) {
        // Case is left to the tokenizer: lowering here could change a
        // character's length (İ), and a token must stay one trigram.
        let trigram: String = window.iter().collect();
        if !trigrams.contains(&trigram) {
            trigrams.push(trigram);
        }
    }
    // More trigrams narrow the candidates less and less, and each costs a
    // read of its list: keep a dozen spread over the text.
    const MOST: usize = 12;
    if trigrams.len() > MOST {
        let step = trigrams.len() as f64 / MOST as f64;
        trigrams = (0..MOST)
            .map(|n| trigrams[(n as f64 * step) as usize].clone())
            .collect();
    }
    Some(trigrams)
}

/// The FTS5 query for the rows holding every one of `trigrams`, each
/// quoted as a string (FTS5 doubles a quote inside one).
pub(super) fn fts_all(trigrams: &[impl AsRef<str>]) -> String {
    trigrams
        .iter()
        .map(|t| format!("\"{}\"", t.as_ref().replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The LIKE pattern PostgreSQL matches a search text's folded form with.
pub(super) fn folded_pattern(text: &str) -> String {
    like_pattern(&text.to_ascii_lowercase())
}

/// The search text's condition, by `plan`.
fn text_condition(c: &mut Condition, text: &str, plan: SearchPlan) {
    let plan = match (fts_query(text), plan) {
        (None, SearchPlan::Indexed) => SearchPlan::Walk,
        (_, plan) => plan,
    };
    match (c.dialect, plan) {
        (Dialect::Sqlite, plan) => {
            if plan == SearchPlan::Indexed {
                // The texts still queued for the index are tested whole
                // (`sqlite::INDEX_QUEUED_AFTER`), in the same statement so
                // that a text moved from the queue meanwhile is in one.
                let query = c.param(Bind::Text(fts_query(text).unwrap_or_default()));
                let queued = queued_matching(&c.param(Bind::Text(like_pattern(text))));
                c.clauses.push(format!(
                    "number IN (SELECT rowid >> 24 FROM ticket_text \
                     WHERE ticket_text MATCH {query} AND rowid > 0 UNION ALL {queued})"
                ));
            }
            // The definition of a match, and the re-check of the index's
            // candidates.
            let subject = c.param(Bind::Text(like_pattern(text)));
            let body = c.param(Bind::Text(like_pattern(text)));
            c.clauses.push(format!(
                "(subject LIKE {subject} ESCAPE '\\' OR EXISTS (SELECT 1 FROM timeline e \
                 WHERE e.ticket_number = tickets.number AND e.kind = 'message' \
                 AND e.body LIKE {body} ESCAPE '\\'))"
            ));
        }
        (Dialect::Postgres, plan) => {
            let pattern = folded_pattern(text);
            let subject = c.param(Bind::Text(pattern.clone()));
            let body = c.param(Bind::Text(pattern));
            // LIKE's escape character is the backslash by default; an
            // explicit ESCAPE would hide the pattern from pg_trgm's index.
            if plan == SearchPlan::Indexed {
                c.clauses.push(format!(
                    "number IN (SELECT s.number FROM tickets s WHERE {} LIKE {subject} \
                     UNION SELECT e.ticket_number FROM timeline e \
                     WHERE e.kind = 'message' AND {} LIKE {body})",
                    fold_ascii("s.subject"),
                    fold_ascii("e.body"),
                ));
            } else {
                c.clauses.push(format!(
                    "({} LIKE {subject} OR EXISTS (SELECT 1 FROM timeline e \
                     WHERE e.ticket_number = tickets.number AND e.kind = 'message' \
                     AND {} LIKE {body}))",
                    fold_ascii("subject"),
                    fold_ascii("e.body"),
                ));
            }
        }
    }
}

/// How many index candidates a search text may have and still be looked up
/// rather than walked, for a page of `limit` on a desk of about `tickets`.
/// Walking costs about `limit × tickets / matches` tickets read, the index
/// about `matches` candidates sorted: they are equal at the square root of
/// `limit × tickets`. Measured on the bench's desks (docs/performance.md).
/// `newest` is the desk's highest ticket number: numbers have no gaps, so it
/// gives the desk's size.
pub(super) fn indexed_bound(limit: u32, newest: Option<i64>) -> u64 {
    let tickets = newest.map_or(0, |n| {
        (n + 1).saturating_sub(super::FIRST_TICKET_NUMBER as i64)
    }) as u64;
    // Fewer candidates than a page always take the index.
    let limit = u64::from(limit.max(1));
    let even = ((limit * tickets.max(1)) as f64).sqrt() as u64;
    even.clamp(limit.min(20_000), 20_000)
}

/// The WHERE condition that selects the tickets of `filter`, with the values
/// it binds: one definition for the list and for counts, and for both
/// databases, so all of them see the same tickets. Requester emails and
/// names match in any case of their ASCII letters and of nothing else
/// (SQLite's lower() and LIKE; on PostgreSQL, whose lower() and ILIKE fold by
/// its locale, [`fold_ascii`]); searched text as [`SearchPlan`] says.
pub(super) fn ticket_condition(
    filter: &TicketFilter,
    dialect: Dialect,
    plan: SearchPlan,
) -> (String, Vec<Bind>) {
    let mut c = Condition {
        dialect,
        clauses: Vec::new(),
        binds: Vec::new(),
    };
    // `mine` and `unassigned` are the tickets still to work unless a status
    // is asked for, which takes the place of their own: `--view mine
    // --status resolved` is what I resolved (as [`query_selects`] reads it).
    //
    // [`query_selects`]: crate::domain::events::query_selects
    let active = match filter.status {
        None => " AND status IN ('open', 'pending')",
        Some(_) => "",
    };
    match filter.view {
        TicketView::Mine => {
            let me = c.param(Bind::Text(filter.me.clone().unwrap_or_default()));
            c.clauses.push(format!("assignee = {me}{active}"));
        }
        TicketView::Unassigned => c.clauses.push(format!("assignee IS NULL{active}")),
        TicketView::Resolved => c.clauses.push("status = 'resolved'".into()),
        TicketView::All => {}
    }
    if let Viewer::Operator(handle) = &filter.viewer {
        let assignee = c.param(Bind::Text(handle.clone()));
        let member = c.param(Bind::Text(handle.clone()));
        c.clauses.push(format!(
            "(assignee = {assignee} OR (assignee IS NULL AND team_key IN \
             (SELECT team_key FROM team_members WHERE operator_handle = {member})))"
        ));
    }
    let equal: [(&str, Option<Bind>); 8] = [
        (
            "status = ",
            filter.status.map(|s| Bind::Text(s.as_str().into())),
        ),
        (
            "priority = ",
            filter.priority.map(|p| Bind::Text(p.as_str().into())),
        ),
        ("assignee = ", filter.assignee.clone().map(Bind::Text)),
        ("team_key = ", filter.team.clone().map(Bind::Text)),
        (
            "channel = ",
            filter.channel.map(|ch| Bind::Text(ch.as_str().into())),
        ),
        ("agent_key = ", filter.agent.clone().map(Bind::Text)),
        (
            "created_at >= ",
            filter.created_since.clone().map(Bind::Time),
        ),
        (
            "last_activity_at >= ",
            filter.updated_since.clone().map(Bind::Time),
        ),
    ];
    for (clause, value) in equal {
        if let Some(value) = value {
            let param = c.param(value);
            c.clauses.push(format!("{clause}{param}"));
        }
    }
    if let SearchPlan::Among(numbers) = &plan {
        let numbers = c.param(Bind::Text(numbers.clone()));
        c.clauses.push(match c.dialect {
            Dialect::Sqlite => format!("number IN (SELECT value FROM json_each({numbers}))"),
            Dialect::Postgres => {
                format!("number IN (SELECT jsonb_array_elements_text({numbers}::jsonb)::bigint)")
            }
        });
    }
    if let Some(requester) = &filter.requester {
        // An email or external id whole; a name, or part of one, in any
        // case of its ASCII letters.
        let (email, name) = match dialect {
            Dialect::Sqlite => {
                let email = c.param(Bind::Text(requester.clone()));
                let name = c.param(Bind::Text(like_pattern(requester)));
                (
                    format!("lower(requester_email) = lower({email})"),
                    format!("requester_name LIKE {name} ESCAPE '\\'"),
                )
            }
            Dialect::Postgres => {
                let email = c.param(Bind::Text(requester.to_ascii_lowercase()));
                let name = c.param(Bind::Text(folded_pattern(requester)));
                // The backslash is LIKE's escape character by default; an
                // explicit ESCAPE would hide the pattern from pg_trgm's index.
                (
                    format!("{} = {email}", fold_ascii("requester_email")),
                    format!("{} LIKE {name}", fold_ascii("requester_name")),
                )
            }
        };
        let external = c.param(Bind::Text(requester.clone()));
        let phone = match crate::domain::handoff::phone_query(requester) {
            Some(phone) => {
                let phone = c.param(Bind::Text(phone.into()));
                format!(
                    " OR {} = {}",
                    phone_key(dialect, "requester_phone"),
                    phone_key(dialect, &phone)
                )
            }
            None => String::new(),
        };
        c.clauses.push(format!(
            "({email} OR {name} OR requester_external_id = {external}{phone})"
        ));
    }
    if let Some(text) = &filter.text {
        text_condition(&mut c, text, plan);
    }
    for (key, value) in &filter.fields {
        // No index holds ticket fields (a GIN index on PostgreSQL would be
        // one more write on every ticket change under the handoff path;
        // SQLite cannot index every key): the page's order is walked, as
        // for priority, channel or agent.
        let clause = match c.dialect {
            Dialect::Sqlite => {
                let path = c.param(Bind::Text(format!("$.\"{key}\"")));
                let wanted = c.param(Bind::Text(value.to_string()));
                format!("json_extract(fields, {path}) = json_extract({wanted}, '$')")
            }
            Dialect::Postgres => {
                let wanted = c.param(Bind::Text(serde_json::json!({ key: value }).to_string()));
                format!("fields @> {wanted}::jsonb")
            }
        };
        c.clauses.push(clause);
    }
    if let Some((activity, number)) = &filter.after {
        // A row value, so the next page starts with an index seek instead of
        // stepping over every ticket already listed.
        let (columns, newest_first) = page_key(filter.sort);
        let beyond = if newest_first { "<" } else { ">" };
        let after = match columns {
            PageKey::Activity => {
                let activity = c.param(Bind::Time(activity.clone()));
                let number = c.param(Bind::Int(*number as i64));
                format!("(last_activity_at, number) {beyond} ({activity}, {number})")
            }
            PageKey::Number => {
                let number = c.param(Bind::Int(*number as i64));
                format!("number {beyond} {number}")
            }
        };
        c.clauses.push(after);
    }
    let condition = if c.clauses.is_empty() {
        "1 = 1".to_string()
    } else {
        c.clauses.join(" AND ")
    };
    (condition, c.binds)
}

/// What a page of tickets is ordered by: an index's key.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PageKey {
    /// `(last_activity_at, number)`.
    Activity,
    /// `number`: the order tickets are created in.
    Number,
}

/// The key `sort` orders by, and whether the newest come first.
fn page_key(sort: TicketSort) -> (PageKey, bool) {
    match sort {
        TicketSort::ActivityNewest => (PageKey::Activity, true),
        TicketSort::ActivityOldest => (PageKey::Activity, false),
        TicketSort::CreatedNewest => (PageKey::Number, true),
        TicketSort::CreatedOldest => (PageKey::Number, false),
    }
}

/// The `ORDER BY` of a page of `sort`. When the search index has found the
/// few candidates (`plan`), the keys are written as expressions, so that
/// the database sorts those rather than walking the order's index.
pub(super) fn ticket_order(sort: TicketSort, plan: &SearchPlan, dialect: Dialect) -> String {
    let (key, newest_first) = page_key(sort);
    let direction = if newest_first { "DESC" } else { "ASC" };
    let indexed = !matches!(plan, SearchPlan::Walk);
    let column = |name: &str| match (indexed, dialect, name) {
        (false, _, name) => name.to_string(),
        (true, Dialect::Sqlite, name) => format!("+{name}"),
        (true, Dialect::Postgres, "last_activity_at") => {
            "last_activity_at + interval '0 seconds'".to_string()
        }
        (true, Dialect::Postgres, name) => format!("{name} + 0"),
    };
    match key {
        PageKey::Activity => format!(
            "{} {direction}, {} {direction}",
            column("last_activity_at"),
            column("number")
        ),
        PageKey::Number => format!("{} {direction}", column("number")),
    }
}

/// The times `entries` are recorded at, after an entry at `last`: each entry
/// dated by the desk's clock at its own time, or at the one before it if that
/// is later, so those entries read in order of record are in order of time
/// too (entries composed a moment apart may be recorded the other way round).
/// A message dated by its sender (a transcript's `at`, never later than when
/// the desk received it) keeps its time, before the entries around it, and
/// moves none after it.
pub(super) fn in_order(
    last: Option<jiff::Timestamp>,
    entries: &[crate::domain::tickets::NewEntry],
) -> Vec<jiff::Timestamp> {
    let mut previous = last;
    entries
        .iter()
        .map(|entry| {
            if entry.dated_by_sender {
                return entry.at;
            }
            let at = previous.map_or(entry.at, |p| p.max(entry.at));
            previous = Some(at);
            at
        })
        .collect()
}

/// The column tickets are counted by.
pub(super) fn count_column(by: TicketCountBy) -> &'static str {
    match by {
        TicketCountBy::Status => "status",
        TicketCountBy::Priority => "priority",
        TicketCountBy::Assignee => "assignee",
        TicketCountBy::Team => "team_key",
        TicketCountBy::Channel => "channel",
    }
}

/// How a handoff's delivery stands, from its outbox message.
pub(super) fn delivery_outcome(
    state: OutboxState,
    attempts: u32,
    error: Option<String>,
    next: Option<jiff::Timestamp>,
) -> DeliveryOutcome {
    let (state, error, next) = match state {
        // An attempt in flight has not failed yet.
        OutboxState::Pending if attempts == 0 || error.is_none() => {
            (DeliveryState::Queued, None, next)
        }
        OutboxState::Pending => (DeliveryState::Retrying, error, next),
        OutboxState::Delivered => (DeliveryState::Delivered, None, None),
        OutboxState::Dead => (DeliveryState::Failed, error, None),
    };
    DeliveryOutcome {
        state,
        attempts,
        error,
        next_attempt_at: next,
    }
}

// ---------------------------------------------------------------------------
// The event stream
// ---------------------------------------------------------------------------

/// Every this many events, the writer prunes events past their retention in
/// the same transaction (the service also prunes on a timer): a desk nobody
/// serves does not grow without bound.
pub(super) const PRUNE_EVERY: u64 = 1024;

/// Whether a writer taking event ids `first..=last` prunes first: one of them
/// is a multiple of [`PRUNE_EVERY`].
pub(super) fn prunes_before(first: i64, last: i64) -> bool {
    let (first, last) = (first.max(0) as u64, last.max(0) as u64);
    last / PRUNE_EVERY > first.saturating_sub(1) / PRUNE_EVERY || first == 0
}

/// The event a ticket change records: the ticket after it, the entries it
/// appended, and who could see the ticket before it (its assignee and team
/// `before` the change).
pub(super) fn ticket_event(
    kind: crate::api::EventKind,
    ticket: &crate::api::Ticket,
    before: &crate::api::Ticket,
    entries: Vec<crate::api::TimelineEntry>,
) -> super::NewEvent {
    super::NewEvent {
        ticket: Some(ticket.number),
        team: ticket.team.clone(),
        assignee: ticket.assignee.clone(),
        previous_assignee: before.assignee.clone(),
        previous_team: before.team.clone(),
        event: crate::api::Event {
            id: 0,
            kind,
            at: super::stored_now(),
            ticket_number: Some(ticket.number),
            ticket: Some(ticket.clone()),
            entries,
            handoff: None,
            delivery: None,
            external: None,
        },
    }
}

/// The operators (by handle) and the teams (by key) a configuration change
/// removes: their open tickets are released in the change's transaction.
pub(super) fn removed<'a>(
    before: &'a crate::domain::workspace::Snapshot,
    after: &crate::domain::workspace::Snapshot,
) -> (Vec<&'a str>, Vec<&'a str>) {
    let operators = before
        .operators
        .iter()
        .filter(|o| !after.operators.iter().any(|a| a.handle == o.handle))
        .map(|o| o.handle.as_str())
        .collect();
    let teams = before
        .teams
        .iter()
        .filter(|t| !after.teams.iter().any(|a| a.key == t.key))
        .map(|t| t.key.as_str())
        .collect();
    (operators, teams)
}

/// What opens the first write's savepoint in a batch (a handoff, or on
/// PostgreSQL a ticket change); [`after_batch_write`] opens the others.
pub(super) const FIRST_SAVEPOINT: &str = "SAVEPOINT batch_write";

/// What ends one write's savepoint in a batch: released, or rolled back when
/// it `failed`; with the next one's savepoint opened in the same call when
/// `more` follow (each call is a round trip to the database).
pub(super) fn after_batch_write(failed: bool, more: bool) -> &'static str {
    match (failed, more) {
        (false, false) => "RELEASE batch_write",
        (false, true) => "RELEASE batch_write; SAVEPOINT batch_write",
        (true, false) => "ROLLBACK TO batch_write; RELEASE batch_write",
        (true, true) => "ROLLBACK TO batch_write; RELEASE batch_write; SAVEPOINT batch_write",
    }
}

/// Completes a handoff's decision from the team's state (`finish`). A
/// decision that panics (a bug) fails its handoff alone, as one that fails
/// to write does, rather than every handoff of the transaction it is in.
pub(super) fn finish_handoff(
    finish: super::FinishHandoff,
    state: &crate::domain::assignment::TeamState,
) -> StoreResult<super::Finished> {
    alone_on_a_bug("the handoff's decision", || Ok(finish(state)))
}

/// Runs `work`, one write among others in a transaction: if it panics (a
/// bug; the panic itself is logged), it fails as `what` alone, like a write
/// that returns an error, and the writes beside it are not its to lose.
pub(super) fn alone_on_a_bug<T>(
    what: &str,
    work: impl FnOnce() -> StoreResult<T>,
) -> StoreResult<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
        .unwrap_or_else(|_| Err(failed_on_a_bug(what)))
}

/// What `what`, which panicked (the panic itself is logged), is answered.
fn failed_on_a_bug(what: &str) -> StoreError {
    StoreError::Database(format!(
        "{what} failed on a bug in deskctl (the service's standard error shows where); \
         nothing of it was kept"
    ))
}

/// A handoff just written, as answered, with the events it records: its
/// ticket's creation (if it made one), then the handoff's own.
pub(super) fn recorded_handoff(
    write: super::HandoffWrite,
    decision: crate::api::HandoffDecision,
    ticket: Option<(u64, super::NewEvent)>,
    external: Option<crate::api::ExternalTicket>,
    created_at: jiff::Timestamp,
) -> (Vec<super::NewEvent>, crate::api::Handoff) {
    let (number, created) = ticket.unzip();
    let handoff = handoff_event(
        crate::api::EventHandoff {
            id: write.id.clone(),
            agent: write.request.agent.clone(),
            outcome: decision.outcome,
        },
        created.as_ref().and_then(|c| c.event.ticket.as_ref()),
    );
    let events = created.into_iter().chain([handoff]).collect();
    let handoff = crate::api::Handoff {
        id: write.id,
        idempotency_key: write.idempotency_key,
        agent: write.request.agent.clone(),
        environment: write.request.environment,
        outcome: decision.outcome,
        ticket: number,
        external,
        decision,
        request: write.request,
        created_at,
    };
    (events, handoff)
}

/// The event a recorded handoff adds, seen as its ticket is (none: by owners
/// and managers only).
pub(super) fn handoff_event(
    handoff: crate::api::EventHandoff,
    ticket: Option<&crate::api::Ticket>,
) -> super::NewEvent {
    seen_as_ticket(
        crate::api::EventKind::Handoff,
        ticket,
        Vec::new(),
        Some(handoff),
        None,
    )
}

/// The pending messages queued before the message `due` to its ticket's
/// destination, which go out before it (a `FROM … WHERE`, as `other`).
macro_rules! outbox_earlier_pending {
    () => {
        "FROM outbox AS other WHERE other.state = 'pending' \
         AND other.ticket_number = due.ticket_number \
         AND other.destination = due.destination AND other.id < due.id"
    };
}

/// The messages queued after the message `due` to its ticket's destination
/// that are being sent now, as of the placeholder `$now` (a `FROM … WHERE`,
/// as `other`): sent while `due` was dead, before it was queued again by hand.
macro_rules! outbox_later_in_flight {
    ($now:literal) => {
        concat!(
            "FROM outbox AS other WHERE other.state = 'pending' \
             AND other.ticket_number = due.ticket_number \
             AND other.destination = due.destination AND other.id > due.id \
             AND other.lease_until > ",
            $now
        )
    };
}
pub(super) use {outbox_earlier_pending, outbox_later_in_flight};

/// Whether the pending message `due` waits for another of its ticket to its
/// destination: an earlier one still pending (backing off, or in flight), or
/// a later one in flight. `$now` is the placeholder bound to now (`"?1"`,
/// `"$3"`): macros, not functions, so that the queries stay `&'static str`.
/// Seeks in `outbox_pending_by_ticket`.
macro_rules! outbox_waits {
    ($now:literal) => {
        concat!(
            "(EXISTS (SELECT 1 ",
            $crate::server::store::shared::outbox_earlier_pending!(),
            ") OR EXISTS (SELECT 1 ",
            $crate::server::store::shared::outbox_later_in_flight!($now),
            "))"
        )
    };
}
pub(super) use outbox_waits;

/// The id of the message that the message `due` waits for, as
/// `outbox_waits!` decides: the earliest earlier one still pending, else
/// the earliest later one in flight; NULL when `due` waits for none, or is
/// not waiting at all (delivered, dead, or in flight itself).
macro_rules! outbox_waiting_for {
    ($now:literal) => {
        concat!(
            "CASE WHEN due.state = 'pending' \
             AND (due.lease_until IS NULL OR due.lease_until <= ",
            $now,
            ") THEN COALESCE((SELECT MIN(other.id) ",
            $crate::server::store::shared::outbox_earlier_pending!(),
            "), (SELECT MIN(other.id) ",
            $crate::server::store::shared::outbox_later_in_flight!($now),
            ")) END"
        )
    };
}
pub(super) use outbox_waiting_for;

/// What a delivery event says of a message settled as `settle`.
pub(super) fn settled_delivery(
    claimed: &super::Claimed,
    settle: &super::Settle,
) -> crate::api::EventDelivery {
    let (state, error, next) = match settle {
        super::Settle::Delivered => (OutboxState::Delivered, None, None),
        super::Settle::Dead { error } => (OutboxState::Dead, Some(error.clone()), None),
        super::Settle::Retry { at, error } => {
            (OutboxState::Pending, Some(error.clone()), Some(*at))
        }
    };
    crate::api::EventDelivery {
        id: claimed.id,
        kind: claimed.kind,
        state,
        description: claimed.description.clone(),
        integration: claimed.integration,
        attempts: Some(claimed.attempts),
        error,
        next_attempt_at: next,
    }
}

/// What a delivery event says of a message queued again by hand (or made due now).
pub(super) fn requeued(message: &crate::api::OutboxMessage) -> crate::api::EventDelivery {
    crate::api::EventDelivery {
        id: message.id,
        kind: message.kind,
        state: message.state,
        description: message.description.clone(),
        integration: message.integration,
        attempts: Some(message.attempts),
        error: None,
        next_attempt_at: message.next_attempt_at,
    }
}

/// The event a settled delivery records, seen as its ticket is.
pub(super) fn delivery_event(
    delivery: crate::api::EventDelivery,
    ticket: Option<&crate::api::Ticket>,
    entries: Vec<crate::api::TimelineEntry>,
) -> super::NewEvent {
    seen_as_ticket(
        crate::api::EventKind::Delivery,
        ticket,
        entries,
        None,
        Some(delivery),
    )
}

/// What one webhook event does to the external state of its handoff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ExternalChange {
    pub next: ExternalState,
    /// Whether the status moves. An event that only moves the time of the
    /// last event applied is written, but records no event and does not
    /// count as an update.
    pub moved: bool,
}

/// What a webhook did, gathered as a store applies its events in order in
/// its own transaction: each store reads, locks and writes the handoffs with
/// its own SQL; what follows from the states it reads is decided here, so
/// that both answer and record the same.
pub(super) struct WebhookMoves {
    kind: crate::api::IntegrationKind,
    /// The handoffs whose status moved, each once, in the order first moved.
    updated: Vec<String>,
    /// An event for each move.
    recorded: Vec<super::NewEvent>,
}

impl WebhookMoves {
    pub(super) fn new(kind: crate::api::IntegrationKind) -> Self {
        Self {
            kind,
            updated: Vec::new(),
            recorded: Vec::new(),
        }
    }

    /// The change from `current` to `next`, the state an event leaves; none
    /// when it leaves the state as it was, and nothing is to be written.
    pub(super) fn change(current: ExternalState, next: ExternalState) -> Option<ExternalChange> {
        (next != current).then_some(ExternalChange {
            next,
            moved: next.status != current.status,
        })
    }

    /// Records that `event` moved the external status of handoff `id` (from
    /// agent `agent`) from `moved.0` to `moved.1`: an event, seen as the
    /// handoff's ticket is (none: by owners and managers only).
    pub(super) fn moved(
        &mut self,
        (id, agent): (String, String),
        event: &crate::domain::external::ExternalEvent,
        moved: (crate::api::ExternalStatus, crate::api::ExternalStatus),
        ticket: Option<&crate::api::Ticket>,
    ) {
        let handoff = crate::api::EventHandoff {
            id: id.clone(),
            agent,
            outcome: crate::api::HandoffOutcome::External,
        };
        let mut recorded = seen_as_ticket(
            crate::api::EventKind::HandoffExternal,
            ticket,
            Vec::new(),
            Some(handoff),
            None,
        );
        recorded.event.external = Some(crate::api::EventExternal {
            kind: self.kind,
            id: Some(event.id.clone()),
            previous: moved.0,
            status: moved.1,
        });
        self.recorded.push(recorded);
        if !self.updated.contains(&id) {
            self.updated.push(id);
        }
    }

    /// The events to record, and the handoffs whose status moved.
    pub(super) fn finish(self) -> (Vec<super::NewEvent>, Vec<String>) {
        (self.recorded, self.updated)
    }
}

/// An event about `ticket` (if any) that did not move it: whoever may see the
/// ticket sees the event.
fn seen_as_ticket(
    kind: crate::api::EventKind,
    ticket: Option<&crate::api::Ticket>,
    entries: Vec<crate::api::TimelineEntry>,
    handoff: Option<crate::api::EventHandoff>,
    delivery: Option<crate::api::EventDelivery>,
) -> super::NewEvent {
    super::NewEvent {
        ticket: ticket.map(|t| t.number),
        team: ticket.and_then(|t| t.team.clone()),
        assignee: ticket.and_then(|t| t.assignee.clone()),
        previous_assignee: ticket.and_then(|t| t.assignee.clone()),
        previous_team: ticket.and_then(|t| t.team.clone()),
        event: crate::api::Event {
            id: 0,
            kind,
            at: super::stored_now(),
            ticket_number: ticket.map(|t| t.number),
            ticket: ticket.cloned(),
            entries,
            handoff,
            delivery,
            external: None,
        },
    }
}

/// The timeline entries as stored, numbered after `last_seq` at `times`.
pub(super) fn stored_entries(
    last_seq: i64,
    entries: &[crate::domain::tickets::NewEntry],
    times: &[jiff::Timestamp],
) -> Vec<crate::api::TimelineEntry> {
    entries
        .iter()
        .zip(times)
        .enumerate()
        .map(|(n, (entry, at))| crate::api::TimelineEntry {
            seq: (last_seq + n as i64 + 1) as u32,
            kind: entry.kind,
            author_kind: entry.author_kind,
            author: entry.author.clone(),
            event: entry.event.clone(),
            body: entry.body.clone(),
            channel: entry.channel,
            at: *at,
        })
        .collect()
}

/// The condition on `events` rows an operator may see after the change
/// (`now`) and before it (`before`), as `tickets list` decides: their own
/// tickets and the unassigned tickets of their teams (a ticket moved to
/// another team leaves the view of the team it was in). `handle` is the
/// placeholder the operator's handle is bound to.
pub(super) fn event_visibility(viewer: &Viewer, handle: &str) -> Option<(String, String)> {
    match viewer {
        Viewer::Everyone => None,
        Viewer::Operator(_) => {
            let teams =
                format!("SELECT team_key FROM team_members WHERE operator_handle = {handle}");
            // True or false, never NULL (a NULL assignee or team compared):
            // the condition is also read as a column, `visible_now`.
            let visible = |assignee: &str, team: &str| {
                format!(
                    "(ticket_number IS NOT NULL AND (({assignee} IS NOT NULL AND \
                     {assignee} = {handle}) OR ({assignee} IS NULL AND {team} IS NOT NULL \
                     AND {team} IN ({teams}))))"
                )
            };
            // Events recorded before the previous team was kept (NULL)
            // were of tickets whose team did not change.
            Some((
                visible("assignee", "team_key"),
                visible("previous_assignee", "COALESCE(previous_team_key, team_key)"),
            ))
        }
    }
}

/// An event read back: its stored payload with its id, or, when the viewer
/// could see its ticket only before the change, a `ticket.hidden` event.
pub(super) fn read_event(
    id: i64,
    payload: &str,
    visible_now: bool,
) -> StoreResult<crate::api::Event> {
    let mut event: crate::api::Event = serde_json::from_str(payload)
        .map_err(|e| StoreError::Corrupt(format!("event {id}: {e}")))?;
    event.id = id as u64;
    if !visible_now {
        event = crate::api::Event {
            id: event.id,
            kind: crate::api::EventKind::TicketHidden,
            at: event.at,
            ticket_number: event.ticket_number,
            ticket: None,
            entries: Vec::new(),
            handoff: None,
            delivery: None,
            external: None,
        };
    }
    Ok(event)
}

/// The message that went out with `delivery_id`, from the ids of the
/// messages that did (at most two were looked for): two is a conflict
/// (the ids are random, so it is rare), never a guess.
pub(crate) fn the_outbound_sent_as(delivery_id: &str, ids: &[u64]) -> StoreResult<u64> {
    match ids {
        [id] => Ok(*id),
        [] => Err(StoreError::NotFound {
            what: "outbound message",
            key: delivery_id.to_string(),
        }),
        [first, second, ..] => Err(StoreError::Conflict {
            code: "ambiguous_delivery_id",
            detail: format!(
                "outbound messages {second} and {first} both went out as {delivery_id}: \
                 name the one you mean by its id (the outbox lists both)"
            ),
        }),
    }
}

/// `change` as the ticket change it makes, and the flag it sets, once it has
/// run, to whether the email is the customer's own: both backends record
/// that beside the email, in the same transaction.
pub(super) fn split_inbound_reply(
    change: super::InboundReplyFn,
) -> (
    super::TicketChangeFn,
    std::sync::Arc<std::sync::atomic::AtomicBool>,
) {
    let from_customer = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = std::sync::Arc::clone(&from_customer);
    let change: super::TicketChangeFn = Box::new(move |ticket, _| {
        let (sending, customers) = change(ticket)?;
        flag.store(customers, std::sync::atomic::Ordering::Relaxed);
        Ok(sending)
    });
    (change, from_customer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter() -> TicketFilter {
        TicketFilter {
            text: Some("50%_off".into()),
            created_since: Some("2026-01-01T00:00:00.000000Z".into()),
            after: Some(("2026-02-01T00:00:00.000000Z".into(), 10005)),
            ..TicketFilter::everything(Viewer::Operator("ana".into()))
        }
    }

    #[test]
    fn a_writer_prunes_when_its_ids_reach_a_multiple_of_prune_every() {
        let naive = |first: i64, last: i64| {
            (first..=last).any(|id| (id as u64).is_multiple_of(PRUNE_EVERY))
        };
        let p = PRUNE_EVERY as i64;
        for first in [1, 2, p - 3, p - 1, p, p + 1, 2 * p - 1, 2 * p, 5 * p + 7] {
            for count in [1, 2, 3, 50, p - 1, p, p + 1, 3 * p] {
                let last = first + count - 1;
                assert_eq!(
                    prunes_before(first, last),
                    naive(first, last),
                    "{first}..={last}"
                );
            }
        }
    }

    #[test]
    fn postgres_placeholders_are_numbered_in_bind_order_with_times_cast() {
        let (sql, binds) = ticket_condition(&filter(), Dialect::Postgres, SearchPlan::Walk);
        assert_eq!(binds.len(), 7);
        for n in 1..=7 {
            assert!(sql.contains(&format!("${n}")), "{sql}");
        }
        assert!(sql.contains("created_at >= $3::timestamptz"), "{sql}");
        assert!(sql.contains("< ($6::timestamptz, $7)"), "{sql}");
        assert!(
            sql.contains("'abcdefghijklmnopqrstuvwxyz') LIKE $4"),
            "{sql}"
        );
        assert!(matches!(&binds[3], Bind::Text(p) if p == "%50\\%\\_off%"));
    }

    #[test]
    fn sqlite_gets_one_question_mark_per_bind() {
        let (sql, binds) = ticket_condition(&filter(), Dialect::Sqlite, SearchPlan::Walk);
        assert_eq!(sql.matches('?').count(), binds.len());
        assert!(!sql.contains('$') && !sql.contains("ILIKE"), "{sql}");
    }

    #[test]
    fn postgres_folds_ascii_letters_of_the_pattern_only() {
        let mut search = filter();
        search.text = Some("RÉFUND 10%".into());
        let (_, binds) = ticket_condition(&search, Dialect::Postgres, SearchPlan::Indexed);
        assert!(matches!(&binds[3], Bind::Text(p) if p == "%rÉfund 10\\%%"));
    }

    #[test]
    fn the_index_is_asked_for_each_trigram_quoted() {
        assert_eq!(fts_query("Ab"), None);
        assert_eq!(fts_query("éé"), None);
        assert_eq!(fts_query("Abc").as_deref(), Some("\"Abc\""));
        assert_eq!(
            fts_query("a\"b\"a\"b").as_deref(),
            Some("\"a\"\"b\" AND \"\"\"b\"\"\" AND \"b\"\"a\" AND \"\"\"a\"\"\"")
        );
        assert_eq!(
            fts_query("abcabc").as_deref(),
            Some("\"abc\" AND \"bca\" AND \"cab\"")
        );
        assert_eq!(
            fts_query("50%_of").as_deref(),
            Some("\"50%\" AND \"0%_\" AND \"%_o\" AND \"_of\"")
        );
        let long = fts_query(&"abcdefghijklmnopqrstuvwxyz".repeat(2)).unwrap();
        assert_eq!(long.matches(" AND ").count(), 11, "{long}");
    }

    #[test]
    fn a_short_text_is_walked_even_when_the_index_is_asked_for() {
        let mut search = filter();
        search.text = Some("ab".into());
        let (sql, _) = ticket_condition(&search, Dialect::Sqlite, SearchPlan::Indexed);
        assert!(!sql.contains("ticket_text"), "{sql}");
        search.text = Some("abc".into());
        let (sql, binds) = ticket_condition(&search, Dialect::Sqlite, SearchPlan::Indexed);
        assert!(sql.contains("ticket_text MATCH ?"), "{sql}");
        assert_eq!(sql.matches('?').count(), binds.len());
    }

    #[test]
    fn timeline_times_never_go_back() {
        use crate::domain::tickets::NewEntry;
        let at = |s: i64| jiff::Timestamp::from_second(1_800_000_000 + s).unwrap();
        let entry = |s: i64| NewEntry::system("assigned", "x", at(s));
        assert_eq!(
            in_order(Some(at(5)), &[entry(3), entry(7), entry(6)]),
            [at(5), at(7), at(7)]
        );
        assert_eq!(in_order(None, &[entry(3), entry(4)]), [at(3), at(4)]);
        let sent = |s: i64| NewEntry {
            dated_by_sender: true,
            ..entry(s)
        };
        assert_eq!(
            in_order(Some(at(5)), &[entry(6), sent(1), sent(2), entry(4)]),
            [at(6), at(1), at(2), at(6)]
        );
    }

    #[test]
    fn a_newer_schema_is_refused_and_a_current_one_needs_nothing() {
        let known: &[Embedded] = &[(1, "a", ""), (2, "b", "")];
        assert!(check_applied(&[1, 2], known, "x").unwrap());
        assert!(!check_applied(&[1], known, "x").unwrap());
        let error = check_applied(&[1, 2, 3], known, "desk.sqlite").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("schema version 3, newer than this deskctl knows (2)"),
            "{error}"
        );
        // Several releases ahead: the desk's version is its newest migration.
        let error = check_applied(&[1, 2, 3, 4, 5], known, "desk.sqlite").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("schema version 5, newer than this deskctl knows (2)"),
            "{error}"
        );
        assert!(
            error
                .to_string()
                .contains("restore the backup taken before the upgrade"),
            "{error}"
        );
    }

    #[test]
    fn a_webhook_answers_each_moved_handoff_once_and_records_every_move() {
        use crate::api::ExternalStatus::{Assigned, Created, Resolved};
        use crate::domain::external::ExternalEvent;
        let at = |s: i64| Some(jiff::Timestamp::from_second(1_800_000_000 + s).unwrap());
        let state = |status, last_event_at| ExternalState {
            status,
            last_event_at,
        };
        let created = state(Created, at(1));
        assert_eq!(WebhookMoves::change(created, created), None);
        let later = state(Created, at(2));
        assert_eq!(
            WebhookMoves::change(created, later),
            Some(ExternalChange {
                next: later,
                moved: false
            }),
            "a newer time alone is written but is no move"
        );
        let assigned = state(Assigned, at(2));
        assert!(WebhookMoves::change(created, assigned).unwrap().moved);

        let mut moves = WebhookMoves::new(crate::api::IntegrationKind::Zendesk);
        let event = |id: &str, status| ExternalEvent {
            id: id.into(),
            status,
            occurred_at: None,
        };
        let handoff = |id: &str| (id.to_string(), "bot".to_string());
        moves.moved(
            handoff("h1"),
            &event("7", Assigned),
            (Created, Assigned),
            None,
        );
        moves.moved(
            handoff("h2"),
            &event("8", Resolved),
            (Created, Resolved),
            None,
        );
        moves.moved(
            handoff("h1"),
            &event("7", Resolved),
            (Assigned, Resolved),
            None,
        );
        let (recorded, updated) = moves.finish();
        assert_eq!(updated, ["h1", "h2"]);
        let external: Vec<_> = recorded
            .iter()
            .map(|r| {
                let external = r.event.external.as_ref().unwrap();
                (external.id.as_deref(), external.previous, external.status)
            })
            .collect();
        assert_eq!(
            external,
            [
                (Some("7"), Created, Assigned),
                (Some("8"), Created, Resolved),
                (Some("7"), Assigned, Resolved)
            ]
        );
    }
}
