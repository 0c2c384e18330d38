//! How a ticket query with a search text or a requester finds its tickets:
//! from the FTS5 index `ticket_text` when the text or the requester is rare,
//! walking tickets newest first when it is common (see [`SearchPlan`]). Owns
//! no table: the index is written by the triggers of migrations 0013, 0015
//! and 0017. The texts they queued and a write has not moved into the index
//! yet ([`super::INDEX_QUEUED_AFTER`]) are candidates when they contain the
//! text.

use super::{Direct, all, one};
use crate::domain::handoff::phone_query;
use crate::server::store::shared::{
    Dialect, SearchPlan, encode, fts_all, indexed_bound, like_pattern, phone_key, queued_matching,
    trigrams,
};
use crate::server::store::{FIRST_TICKET_NUMBER, StoreResult, TicketFilter};

/// The plan for a page of `limit` tickets of `filter`: bounded reads of the
/// indexes' candidates decide, and when they are few they are the plan, so
/// the index is read once.
pub(super) fn page_plan(
    conn: &Direct,
    filter: &TicketFilter,
    limit: u32,
) -> StoreResult<SearchPlan> {
    if filter.text.is_none() && filter.requester.is_none() {
        return Ok(SearchPlan::Walk);
    }
    let newest = newest(conn)?;
    Ok(
        match found(conn, filter, newest, indexed_bound(limit, newest))? {
            Some(candidates) => SearchPlan::Among(encode(&candidates)),
            None => SearchPlan::Walk,
        },
    )
}

/// The plan for counting the tickets of `filter`. Counting reads every
/// match whatever the plan, so a search text always starts from the index:
/// from the candidates of the text's rarest trigrams, or of the requester,
/// when they are few enough to list, from all its trigrams otherwise.
pub(super) fn count_plan(conn: &Direct, filter: &TicketFilter) -> StoreResult<SearchPlan> {
    if filter.text.is_none() && filter.requester.is_none() {
        return Ok(SearchPlan::Indexed);
    }
    let newest = newest(conn)?;
    Ok(match found(conn, filter, newest, COUNTED_CANDIDATES)? {
        Some(candidates) => SearchPlan::Among(encode(&candidates)),
        None => SearchPlan::Indexed,
    })
}

/// The tickets among the candidates of `filter`'s text and of its
/// requester, each read up to `bound` (ascending, without repeats); among
/// those of the one that has few, if only one does; `None` if neither.
fn found(
    conn: &Direct,
    filter: &TicketFilter,
    newest: Option<i64>,
    bound: u64,
) -> StoreResult<Option<Vec<i64>>> {
    let by_text = match index_query(conn, filter, newest)? {
        Some((text, query)) => candidates(conn, text, &query, bound)?,
        None => None,
    };
    Ok(
        match (by_text, requester_candidates(conn, filter, newest, bound)?) {
            (Some(text), Some(requester)) => Some(
                text.into_iter()
                    .filter(|number| requester.binary_search(number).is_ok())
                    .collect(),
            ),
            (text, requester) => text.or(requester),
        },
    )
}

/// `filter`'s text and the FTS5 query for its candidates by its
/// [`narrowest`] trigrams; `None` without a text long enough to look up.
fn index_query<'f>(
    conn: &Direct,
    filter: &'f TicketFilter,
    newest: Option<i64>,
) -> StoreResult<Option<(&'f str, String)>> {
    let Some((text, trigrams)) = with_trigrams(filter.text.as_deref()) else {
        return Ok(None);
    };
    Ok(Some((
        text,
        fts_all(&narrowest(conn, trigrams, newest, Rows::Texts)?),
    )))
}

/// `value` with its [`trigrams`], when it is long enough to look up.
fn with_trigrams(value: Option<&str>) -> Option<(&str, Vec<String>)> {
    value.and_then(|value| Some((value, trigrams(value)?)))
}

/// The tickets whose requester may be `filter`'s, in ascending order without
/// repeats: an email or external id that is it, whole (their indexes), a
/// phone that is it give or take punctuation ([`phone_query`]), and a
/// name holding its [`narrowest`] trigrams (the names in `ticket_text`, under
/// negative rowids, and those still queued that contain it). `None` without
/// a requester long enough to look up, or when one of those lists reaches
/// `bound` (only `bound` of each are read): walking finds a page of a
/// requester that common at once.
fn requester_candidates(
    conn: &Direct,
    filter: &TicketFilter,
    newest: Option<i64>,
    bound: u64,
) -> StoreResult<Option<Vec<i64>>> {
    let Some((requester, trigrams)) = with_trigrams(filter.requester.as_deref()) else {
        return Ok(None);
    };
    // One statement, so one snapshot: a name a write moves from the queue to
    // the index meanwhile is found in one of them. Each list is tagged, to
    // tell which reached the bound.
    // A phone's list reads its index (migration 0033); NULL, which no
    // phone equals, for a requester that cannot be a phone.
    let rows: Vec<(i64, i64)> = all(
        conn,
        &format!(
            "SELECT number, list FROM (SELECT -rowid AS number, 1 AS list FROM ticket_text \
                 WHERE ticket_text MATCH ?1 AND rowid < 0 LIMIT ?2) \
             UNION ALL SELECT number, 2 FROM (SELECT number FROM tickets \
                 WHERE lower(requester_email) = lower(?3) LIMIT ?2) \
             UNION ALL SELECT number, 3 FROM (SELECT number FROM tickets \
                 WHERE requester_external_id = ?3 LIMIT ?2) \
             UNION ALL SELECT number, 4 FROM (SELECT number FROM tickets \
                 WHERE {} = {} LIMIT ?2) \
             UNION ALL SELECT -id, 0 FROM ticket_text_queue \
                 WHERE id < 0 AND body LIKE ?4 ESCAPE '\\'",
            phone_key(Dialect::Sqlite, "requester_phone"),
            phone_key(Dialect::Sqlite, "?5"),
        ),
        rusqlite::params![
            fts_all(&narrowest(conn, trigrams, newest, Rows::Names)?),
            bound as i64,
            requester,
            like_pattern(requester),
            phone_query(requester),
        ],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    for list in 1..=4 {
        if rows.iter().filter(|(_, l)| *l == list).count() as u64 >= bound {
            return Ok(None);
        }
    }
    let mut candidates: Vec<i64> = rows.into_iter().map(|(number, _)| number).collect();
    candidates.sort_unstable();
    candidates.dedup();
    Ok(Some(candidates))
}

/// The most candidates counting lists before it asks the index in its
/// query instead.
const COUNTED_CANDIDATES: u64 = 20_000;

/// The desk's highest ticket number, which gives its size.
fn newest(conn: &Direct) -> StoreResult<Option<i64>> {
    one(conn, "SELECT MAX(number) FROM tickets", [], |row| {
        Ok(row.get(0)?)
    })
}

/// The trigrams to AND for the candidates of a text: the rarest, and those
/// within [`NEAR_RAREST`] times as many rows. FTS5 ANDs by stepping
/// through each list, so every common trigram adds its list's length:
/// `chargeback` on the bench's desk of a million tickets, whose `geb` and
/// `eba` are in 2,832 rows each and `cha` in 764,235, took 25 ms ANDed
/// whole and 0.4 ms by its two rare trigrams, for the same 2,832
/// candidates; `INV-2026-00` 46 ms whole and 1.4 ms by `-00` and `6-0`
/// (17k and 35k rows, the others 350k or more). Leaving a trigram out only
/// adds candidates, and each candidate is re-checked. A trigram no row
/// holds is the whole answer: nothing matches.
fn narrowest(
    conn: &Direct,
    trigrams: Vec<String>,
    newest: Option<i64>,
    among: Rows,
) -> StoreResult<Vec<String>> {
    let mut estimated = Vec::with_capacity(trigrams.len());
    for trigram in trigrams {
        let rows = rows_holding(conn, &trigram, newest, among)?;
        if rows == 0.0 {
            return Ok(vec![trigram]);
        }
        estimated.push((rows, trigram));
    }
    let rarest = estimated
        .iter()
        .map(|(rows, _)| *rows)
        .fold(f64::INFINITY, f64::min);
    Ok(estimated
        .into_iter()
        .filter(|(rows, _)| *rows <= rarest * NEAR_RAREST)
        .map(|(_, trigram)| trigram)
        .collect())
}

/// How much commoner than the rarest a trigram may be and still be ANDed:
/// it narrows the candidates, at the cost of stepping through its list.
const NEAR_RAREST: f64 = 4.0;

/// Which rows of the index a lookup reads.
#[derive(Clone, Copy, Debug)]
enum Rows {
    /// Subjects and messages, under the rowids `number << 24 | seq`: in
    /// rowid order, the oldest ticket first.
    Texts,
    /// Requester names, under the rowids `-number` (migration 0017): in
    /// rowid order, the newest ticket first.
    Names,
}

/// How many rows of the index among `among` hold `trigram`: exact when
/// fewer than [`SAMPLED_ROWS`], otherwise estimated from how far into the
/// desk's ticket numbers its first `SAMPLED_ROWS` rows reach. Counting a
/// common trigram's rows would cost what ANDing it does; an estimate only
/// has to rank the trigrams.
fn rows_holding(
    conn: &Direct,
    trigram: &str,
    newest: Option<i64>,
    among: Rows,
) -> StoreResult<f64> {
    // The sample's count, and the ticket number of its last row.
    let sql = match among {
        Rows::Texts => {
            "SELECT COUNT(*), MAX(rowid) >> 24 FROM (SELECT rowid FROM ticket_text \
             WHERE ticket_text MATCH ? AND rowid > 0 ORDER BY rowid LIMIT ?)"
        }
        Rows::Names => {
            "SELECT COUNT(*), -MAX(rowid) FROM (SELECT rowid FROM ticket_text \
             WHERE ticket_text MATCH ? AND rowid < 0 ORDER BY rowid LIMIT ?)"
        }
    };
    let (rows, last): (i64, Option<i64>) = one(
        conn,
        sql,
        rusqlite::params![fts_all(&[trigram]), SAMPLED_ROWS],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let first = FIRST_TICKET_NUMBER as i64;
    Ok(match (last, newest) {
        (Some(last), Some(newest)) if rows >= SAMPLED_ROWS => {
            let reached = match among {
                Rows::Texts => last - first + 1,
                Rows::Names => newest - last + 1,
            };
            let desk = (newest - first + 1).max(1) as f64;
            rows as f64 * (desk / reached.max(1) as f64).max(1.0)
        }
        _ => rows as f64,
    })
}

/// The rows of a trigram's list read to estimate its length.
const SAMPLED_ROWS: i64 = 1_000;

/// The numbers of the tickets whose rows of the index `query` finds, or
/// whose queued texts contain `text`, in ascending order without repeats;
/// `None` when `bound` rows of the index or more hold it (only `bound` are
/// read).
fn candidates(conn: &Direct, text: &str, query: &str, bound: u64) -> StoreResult<Option<Vec<i64>>> {
    // One statement, so one snapshot: a text a write moves from the queue to
    // the index meanwhile is found in one of them.
    let rows: Vec<(i64, bool)> = all(
        conn,
        &format!(
            "SELECT number, indexed FROM (SELECT rowid >> 24 AS number, 1 AS indexed \
             FROM ticket_text WHERE ticket_text MATCH ?1 AND rowid > 0 ORDER BY rowid LIMIT ?2) \
             UNION ALL SELECT number, 0 FROM ({})",
            queued_matching("?3")
        ),
        rusqlite::params![query, bound as i64, like_pattern(text)],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let indexed = rows.iter().filter(|(_, indexed)| *indexed).count();
    if indexed as u64 >= bound {
        return Ok(None);
    }
    let mut candidates: Vec<i64> = rows.into_iter().map(|(number, _)| number).collect();
    candidates.sort_unstable();
    candidates.dedup();
    Ok(Some(candidates))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::store::Open;
    use crate::server::store::sqlite::{SqliteStore, execute};

    /// A desk whose index holds `bodies[n]` as ticket `FIRST_TICKET_NUMBER + n`'s
    /// subject; the tickets themselves are not needed to choose trigrams.
    async fn indexed(bodies: Vec<String>) -> (tempfile::TempDir, SqliteStore, Option<i64>) {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("desk.sqlite"), Open::CreateIfMissing)
            .await
            .unwrap();
        let newest = FIRST_TICKET_NUMBER as i64 + bodies.len() as i64 - 1;
        store
            .write_on_pool(move |conn| {
                for (n, body) in bodies.iter().enumerate() {
                    let number = FIRST_TICKET_NUMBER as i64 + n as i64;
                    execute(
                        conn,
                        "INSERT INTO ticket_text (rowid, body) VALUES (?, ?)",
                        rusqlite::params![number << 24, body],
                    )?;
                }
                Ok(())
            })
            .await
            .unwrap();
        (dir, store, Some(newest))
    }

    /// Adds `names[n]` to the index as ticket `FIRST_TICKET_NUMBER + n`'s
    /// requester name.
    async fn add_names(store: &SqliteStore, names: Vec<String>) {
        store
            .write_on_pool(move |conn| {
                for (n, name) in names.iter().enumerate() {
                    execute(
                        conn,
                        "INSERT INTO ticket_text (rowid, body) VALUES (?, ?)",
                        rusqlite::params![-(FIRST_TICKET_NUMBER as i64 + n as i64), name],
                    )?;
                }
                Ok(())
            })
            .await
            .unwrap();
    }

    async fn chosen(store: &SqliteStore, text: &str, newest: Option<i64>) -> Vec<String> {
        chosen_among(store, text, newest, Rows::Texts).await
    }

    async fn chosen_among(
        store: &SqliteStore,
        text: &str,
        newest: Option<i64>,
        among: Rows,
    ) -> Vec<String> {
        let trigrams = trigrams(text).unwrap();
        store
            .read_direct(|conn| narrowest(conn, trigrams, newest, among))
            .await
            .unwrap()
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_text_is_looked_up_by_its_rarest_trigrams_and_those_near_them() {
        // `charge` in forty subjects, `back` and `geb`/`eba` (from
        // `Gebaeude`) in two, the text itself in one.
        let mut bodies: Vec<String> = (0..40).map(|n| format!("charge {n}")).collect();
        bodies.push("Gebaeude back".into());
        bodies.push("Chargeback notice".into());
        let (_dir, store, newest) = indexed(bodies).await;

        assert_eq!(
            chosen(&store, "chargeback", newest).await,
            ["geb", "eba", "bac", "ack"],
            "the trigrams of `charge` are in 41 rows, twenty times the rarest"
        );
        // Within four times the rarest: all of them.
        assert_eq!(
            chosen(&store, "charge", newest).await,
            ["cha", "har", "arg", "rge"]
        );
        // A trigram no row holds answers alone.
        assert_eq!(chosen(&store, "charzzz", newest).await, ["arz"]);
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_common_trigrams_rows_are_estimated_from_how_far_its_first_rows_reach() {
        // `abc` in every row of 4,000, `xyz` in every other one, `qqq` in
        // the newest 1,500 only.
        let bodies = (0..4_000)
            .map(|n| {
                let mut body = String::from("abc");
                if n % 2 == 0 {
                    body.push_str(" xyz");
                }
                if n >= 2_500 {
                    body.push_str(" qqq");
                }
                body
            })
            .collect();
        let (_dir, store, newest) = indexed(bodies).await;
        let estimate = async |trigram: &str| {
            store
                .read_direct(|conn| rows_holding(conn, trigram, newest, Rows::Texts))
                .await
                .unwrap()
        };
        assert_eq!(estimate("abc").await, 4_000.0);
        let every_other = estimate("xyz").await;
        assert!((every_other - 2_000.0).abs() < 2.0, "{every_other}");
        // Its first 1,000 rows reach 3,500 of the 4,000 numbers: the
        // estimate is low when a trigram's rows are not spread evenly,
        // which only changes the order it is ranked in.
        let newest_only = estimate("qqq").await;
        assert!((newest_only - 1_142.0).abs() < 2.0, "{newest_only}");
        // Fewer rows than the sample: counted.
        assert_eq!(estimate("zzz").await, 0.0);
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_requesters_candidates_come_from_the_names_in_the_index_until_a_list_is_long() {
        // Subjects that name Dana too, and the names of three requesters
        // under negative rowids (migration 0017).
        let (_dir, store, newest) = indexed(vec!["Dana called".into(); 3]).await;
        let first = FIRST_TICKET_NUMBER as i64;
        add_names(
            &store,
            vec!["Dana Reyes".into(), "Erin Shaw".into(), "dana r.".into()],
        )
        .await;
        let candidates_of = async |who: &str, bound: u64| {
            let filter = TicketFilter {
                requester: Some(who.into()),
                ..TicketFilter::everything(crate::server::store::Viewer::Everyone)
            };
            store
                .read_direct(|conn| requester_candidates(conn, &filter, newest, bound))
                .await
                .unwrap()
        };
        assert_eq!(
            candidates_of("DANA", 10).await,
            Some(vec![first, first + 2])
        );
        assert_eq!(candidates_of("shaw", 10).await, Some(vec![first + 1]));
        assert_eq!(candidates_of("nobody", 10).await, Some(vec![]));
        // As many as the bound: walking finds a page of them at once.
        assert_eq!(candidates_of("dana", 2).await, None);
        // Too short to look up.
        assert_eq!(candidates_of("da", 10).await, None);

        // A searched text's candidates leave the names out.
        let texts = store
            .read_direct(|conn| candidates(conn, "reyes", &fts_all(&["rey", "yes"]), 10))
            .await
            .unwrap();
        assert_eq!(texts, Some(vec![]));
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_phone_is_looked_up_in_the_index_built_on_the_expression_compared() {
        // Migration 0033 writes out `phone_key`'s expression; SQLite uses the
        // index only for the same one, as the requester's phone list asks.
        let (_dir, store, _) = indexed(Vec::new()).await;
        let sql = format!(
            "EXPLAIN QUERY PLAN SELECT number FROM tickets WHERE {} = {} LIMIT 5",
            phone_key(Dialect::Sqlite, "requester_phone"),
            phone_key(Dialect::Sqlite, "?1"),
        );
        let plan: Vec<String> = store
            .read_direct(|conn| all(conn, &sql, ["+49 151"], |row| Ok(row.get(3)?)))
            .await
            .unwrap();
        assert!(
            plan.iter()
                .any(|step| step.contains("INDEX tickets_by_requester_phone")),
            "{plan:?}"
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_name_is_looked_up_by_its_rarest_trigrams_counted_among_names_alone() {
        // Of 4,000 names, `abc` in each, `xyz` in every other, `qqq` in the
        // oldest 1,500 and `rar` in a hundred; every subject holds `qqq`,
        // which names must not count.
        let (_dir, store, newest) = indexed(vec!["qqq".into(); 4_000]).await;
        let names = (0..4_000)
            .map(|n| {
                let mut name = String::from("abc");
                if n % 2 == 0 {
                    name.push_str(" xyz");
                }
                if n < 1_500 {
                    name.push_str(" qqq");
                }
                if n % 40 == 1 {
                    name.push_str(" rar");
                }
                name
            })
            .collect();
        add_names(&store, names).await;
        let estimate = async |trigram: &str| {
            store
                .read_direct(|conn| rows_holding(conn, trigram, newest, Rows::Names))
                .await
                .unwrap()
        };
        assert_eq!(estimate("abc").await, 4_000.0);
        let every_other = estimate("xyz").await;
        assert!((every_other - 2_000.0).abs() < 2.0, "{every_other}");
        // Names are read from the newest ticket down: `qqq`'s first 1,000
        // rows reach 3,500 of the 4,000 numbers.
        let oldest_only = estimate("qqq").await;
        assert!((oldest_only - 1_142.0).abs() < 2.0, "{oldest_only}");
        assert_eq!(estimate("zzz").await, 0.0);
        // `c r` is in 62 names, ` ra` and `rar` in 100, `abc` in all: the
        // three rare ones are ANDed.
        assert_eq!(
            chosen_among(&store, "abc rar", newest, Rows::Names).await,
            ["c r", " ra", "rar"]
        );
    }
}
