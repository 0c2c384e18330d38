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
//! statements prepared once per call and reused for every row.
//!
//! Transactions stay sqlx's: `BEGIN IMMEDIATE` and `COMMIT` (the fsync) run on
//! the worker, so waiting for the disk never blocks the async runtime.

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
            _ => StoreError::Database(error.to_string()),
        }
    }
}

impl crate::server::store::rows::Fields for rusqlite::Row<'_> {
    fn optional_text(&self, column: &str) -> StoreResult<Option<String>> {
        Ok(self.get(column)?)
    }
    fn optional_int(&self, column: &str) -> StoreResult<Option<i64>> {
        Ok(self.get(column)?)
    }
    fn flag(&self, column: &str) -> StoreResult<bool> {
        Ok(self.get::<_, i64>(column)? == 1)
    }
    fn optional_time(&self, column: &str) -> StoreResult<Option<Timestamp>> {
        let text: Option<String> = self.get(column)?;
        text.as_deref().map(parse_time).transpose()
    }
}

/// Every row `sql` answers for `params`, each read by `read`.
pub(crate) fn all<T>(
    conn: &Direct,
    sql: &str,
    params: impl rusqlite::Params,
    mut read: impl FnMut(&rusqlite::Row<'_>) -> StoreResult<T>,
) -> StoreResult<Vec<T>> {
    let mut statement = conn.prepare_cached(sql)?;
    let mut rows = statement.query(params)?;
    let mut read_rows = Vec::new();
    while let Some(row) = rows.next()? {
        read_rows.push(read(row)?);
    }
    Ok(read_rows)
}

/// The first row `sql` answers for `params`, if any, read by `read`.
pub(crate) fn optional<T>(
    conn: &Direct,
    sql: &str,
    params: impl rusqlite::Params,
    read: impl FnOnce(&rusqlite::Row<'_>) -> StoreResult<T>,
) -> StoreResult<Option<T>> {
    let mut statement = conn.prepare_cached(sql)?;
    let mut rows = statement.query(params)?;
    rows.next()?.map(read).transpose()
}

/// The row `sql` answers for `params`, which always answers one, read by `read`.
pub(crate) fn one<T>(
    conn: &Direct,
    sql: &str,
    params: impl rusqlite::Params,
    read: impl FnOnce(&rusqlite::Row<'_>) -> StoreResult<T>,
) -> StoreResult<T> {
    optional(conn, sql, params, read)?
        .ok_or_else(|| StoreError::Database(format!("no row answered {sql}")))
}

/// Runs `sql` for `params`: answers how many rows it changed.
pub(crate) fn execute(conn: &Direct, sql: &str, params: impl rusqlite::Params) -> StoreResult<u64> {
    Ok(conn.prepare_cached(sql)?.execute(params)? as u64)
}
