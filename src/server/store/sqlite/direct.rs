//! Statements run on a connection's SQLite handle directly, on the calling
//! thread.
//!
//! sqlx gives every SQLite connection a worker thread and sends it each
//! statement, waiting for the answer: two thread wake-ups per statement. A
//! handoff is a dozen statements and a batch of them is written by one writer
//! in a row, so those wake-ups, not SQLite, bounded the handoffs a second
//! (docs/performance.md). The write paths therefore lock the connection's
//! handle (sqlx's `lock_handle`, which keeps its worker off it meanwhile) and
//! run their statements through rusqlite, SQLite's own API made safe, with
//! statements prepared once per call and reused for every row. So do the
//! reads of many rows (a page of tickets, a search text's candidates): sqlx
//! hands each row over from its worker, which cost more than reading it.
//!
//! Transactions stay sqlx's: `BEGIN IMMEDIATE` and `COMMIT` (the fsync) run on
//! the worker, so waiting for the disk never blocks the async runtime. A
//! service goes further: it keeps connections of its own for the handoff
//! writer and for point reads ([`super::kept`]), with the same functions.

use std::cell::Cell;

use jiff::Timestamp;
use sqlx::SqliteConnection;

use super::parse_time;
use crate::server::store::{StoreError, StoreResult};

/// A connection's handle, driven synchronously.
pub(crate) type Direct = rusqlite::Connection;

/// Runs `work` on `conn`'s SQLite handle on this thread, inside whatever
/// transaction `conn` has open.
pub(crate) async fn direct<T>(
    conn: &mut SqliteConnection,
    work: impl FnOnce(&Direct) -> StoreResult<T>,
) -> StoreResult<T> {
    let mut handle = conn.lock_handle().await?;
    // SAFETY: the handle stays locked until `handle` is dropped, after
    // `connection`, so sqlx's worker does not use it meanwhile; a connection
    // made `from_handle` does not close it, and finalizes the statements it
    // prepared when it is dropped.
    let connection = unsafe { rusqlite::Connection::from_handle(handle.as_raw_handle().as_ptr()) }?;
    let result = work(&connection);
    drop(connection);
    result
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Unavailable("the desk database is busy; try again".into())
            }
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::disk_full(None),
            Some(rusqlite::ErrorCode::ReadOnly) => StoreError::read_only(None),
            _ => StoreError::Database(error.to_string()),
        }
    }
}

/// A row of a statement run directly, whose columns are found by name among
/// the names read once per statement. rusqlite's own lookup by name asks
/// SQLite for every column's name in turn, for each field of each row: for a
/// page of tickets that cost more than SQLite's reading of the rows.
pub(crate) struct Row<'r, 's> {
    row: &'r rusqlite::Row<'s>,
    names: &'r [String],
    /// Where the next lookup starts: columns are mostly read in the order
    /// they are selected, so a ticket's thirty fields took thirty string
    /// comparisons each from the first column (13% of streaming every
    /// ticket), and now about one.
    next: Cell<usize>,
}

impl<'r, 's> Row<'r, 's> {
    fn new(row: &'r rusqlite::Row<'s>, names: &'r [String]) -> Self {
        Row {
            row,
            names,
            next: Cell::new(0),
        }
    }
}

impl<'s> std::ops::Deref for Row<'_, 's> {
    type Target = rusqlite::Row<'s>;

    fn deref(&self) -> &Self::Target {
        self.row
    }
}

impl Row<'_, '_> {
    /// Where `column` is in the row.
    pub(super) fn index(&self, column: &str) -> StoreResult<usize> {
        let start = self.next.get();
        let index = (start..self.names.len())
            .chain(0..start)
            .find(|&index| self.names[index] == column)
            .ok_or_else(|| StoreError::Database(format!("no column {column} in the row")))?;
        self.next.set(index + 1);
        Ok(index)
    }

    fn named<T: rusqlite::types::FromSql>(&self, column: &str) -> StoreResult<T> {
        Ok(self.row.get(self.index(column)?)?)
    }

    /// A text column without copying it: borrowed from SQLite until the
    /// statement steps to the next row.
    pub(crate) fn borrowed_text(&self, column: &str) -> StoreResult<Option<&str>> {
        match self.row.get_ref(self.index(column)?)? {
            rusqlite::types::ValueRef::Null => Ok(None),
            rusqlite::types::ValueRef::Text(bytes) => std::str::from_utf8(bytes)
                .map(Some)
                .map_err(|_| StoreError::Corrupt(format!("{column} is not UTF-8 text"))),
            _ => Err(StoreError::Corrupt(format!("{column} is not text"))),
        }
    }
}

impl crate::server::store::rows::Fields for Row<'_, '_> {
    fn optional_text(&self, column: &str) -> StoreResult<Option<String>> {
        self.named(column)
    }
    fn optional_int(&self, column: &str) -> StoreResult<Option<i64>> {
        self.named(column)
    }
    fn flag(&self, column: &str) -> StoreResult<bool> {
        Ok(self.named::<i64>(column)? == 1)
    }
    fn optional_time(&self, column: &str) -> StoreResult<Option<Timestamp>> {
        let text: Option<String> = self.named(column)?;
        text.as_deref().map(parse_time).transpose()
    }
}

/// A row read whole, for code that takes its rows as a list (the
/// workspace's tables: [`crate::server::store::rows::snapshot`]).
pub(crate) struct OwnedRow {
    names: std::rc::Rc<[String]>,
    values: Vec<rusqlite::types::Value>,
}

impl OwnedRow {
    fn value(&self, column: &str) -> StoreResult<&rusqlite::types::Value> {
        self.names
            .iter()
            .position(|name| name == column)
            .map(|index| &self.values[index])
            .ok_or_else(|| StoreError::Database(format!("no column {column} in the row")))
    }
}

impl crate::server::store::rows::Fields for OwnedRow {
    fn optional_text(&self, column: &str) -> StoreResult<Option<String>> {
        match self.value(column)? {
            rusqlite::types::Value::Null => Ok(None),
            rusqlite::types::Value::Text(text) => Ok(Some(text.clone())),
            _ => Err(StoreError::Corrupt(format!("{column} is not text"))),
        }
    }
    fn optional_int(&self, column: &str) -> StoreResult<Option<i64>> {
        match self.value(column)? {
            rusqlite::types::Value::Null => Ok(None),
            rusqlite::types::Value::Integer(int) => Ok(Some(*int)),
            _ => Err(StoreError::Corrupt(format!("{column} is not an integer"))),
        }
    }
    fn flag(&self, column: &str) -> StoreResult<bool> {
        Ok(self.optional_int(column)? == Some(1))
    }
    fn optional_time(&self, column: &str) -> StoreResult<Option<Timestamp>> {
        self.optional_text(column)?
            .as_deref()
            .map(parse_time)
            .transpose()
    }
}

/// Every row `sql` answers for `params`, read whole.
pub(crate) fn owned_rows(
    conn: &Direct,
    sql: &str,
    params: impl rusqlite::Params,
) -> StoreResult<Vec<OwnedRow>> {
    let mut statement = conn.prepare_cached(sql)?;
    let names: std::rc::Rc<[String]> = column_names(&statement).into();
    let width = names.len();
    let mut rows = statement.query(params)?;
    let mut owned = Vec::new();
    while let Some(row) = rows.next()? {
        let values = (0..width)
            .map(|index| row.get::<_, rusqlite::types::Value>(index))
            .collect::<Result<_, _>>()?;
        owned.push(OwnedRow {
            names: names.clone(),
            values,
        });
    }
    Ok(owned)
}

/// The names of `statement`'s columns, in order, for its rows' [`Row`]s.
fn column_names(statement: &rusqlite::Statement<'_>) -> Vec<String> {
    statement
        .column_names()
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// Every row `sql` answers for `params`, each read by `read`.
pub(crate) fn all<T>(
    conn: &Direct,
    sql: &str,
    params: impl rusqlite::Params,
    mut read: impl FnMut(&Row<'_, '_>) -> StoreResult<T>,
) -> StoreResult<Vec<T>> {
    let mut read_rows = Vec::new();
    each(conn, sql, params, |row| {
        read_rows.push(read(row)?);
        Ok(true)
    })?;
    Ok(read_rows)
}

/// Hands the rows `sql` answers for `params` to `take` in turn, while it
/// answers `true`; a row is only valid during its call.
pub(crate) fn each(
    conn: &Direct,
    sql: &str,
    params: impl rusqlite::Params,
    mut take: impl FnMut(&Row<'_, '_>) -> StoreResult<bool>,
) -> StoreResult<()> {
    let mut statement = conn.prepare_cached(sql)?;
    let names = column_names(&statement);
    let mut rows = statement.query(params)?;
    while let Some(row) = rows.next()? {
        if !take(&Row::new(row, &names))? {
            break;
        }
    }
    Ok(())
}

/// The first row `sql` answers for `params`, if any, read by `read`.
pub(crate) fn optional<T>(
    conn: &Direct,
    sql: &str,
    params: impl rusqlite::Params,
    read: impl FnOnce(&Row<'_, '_>) -> StoreResult<T>,
) -> StoreResult<Option<T>> {
    let mut statement = conn.prepare_cached(sql)?;
    let names = column_names(&statement);
    let mut rows = statement.query(params)?;
    rows.next()?
        .map(|row| read(&Row::new(row, &names)))
        .transpose()
}

/// The row `sql` answers for `params`, which always answers one, read by `read`.
pub(crate) fn one<T>(
    conn: &Direct,
    sql: &str,
    params: impl rusqlite::Params,
    read: impl FnOnce(&Row<'_, '_>) -> StoreResult<T>,
) -> StoreResult<T> {
    optional(conn, sql, params, read)?
        .ok_or_else(|| StoreError::Database(format!("no row answered {sql}")))
}

/// Runs `sql` for `params`: answers how many rows it changed.
pub(crate) fn execute(conn: &Direct, sql: &str, params: impl rusqlite::Params) -> StoreResult<u64> {
    Ok(conn.prepare_cached(sql)?.execute(params)? as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::store::rows::Fields;

    #[test]
    fn columns_are_found_by_name_in_any_order_and_more_than_once() {
        let conn = Direct::open_in_memory().unwrap();
        let read = all(
            &conn,
            "SELECT 'a' AS first, 2 AS second, NULL AS third, 'd' AS fourth",
            [],
            |row| {
                Ok((
                    row.optional_text("fourth")?,
                    row.optional_text("first")?,
                    row.optional_int("second")?,
                    row.optional_int("third")?,
                    row.optional_text("fourth")?,
                    row.optional_text("first")?,
                ))
            },
        )
        .unwrap();
        assert_eq!(
            read,
            [(
                Some("d".into()),
                Some("a".into()),
                Some(2),
                None,
                Some("d".into()),
                Some("a".into())
            )]
        );
        let missing = one(&conn, "SELECT 1 AS only", [], |row| {
            row.optional_int("other")
        });
        assert!(
            matches!(&missing, Err(StoreError::Database(m)) if m.contains("no column other")),
            "{missing:?}"
        );
    }
}
