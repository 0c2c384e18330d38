//! The `integrations` table (connections with their secrets, which only the
//! connectors ever read), and what platforms' webhooks say about the tickets
//! Desk delivered to them.

use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use super::{Store, StoreError, StoreResult, now, parse_enum, parse_time};
use crate::api::{
    ExternalStatus, Integration, IntegrationKind, IntegrationStatus, SecretInfo, TestReport,
};
use crate::domain::workspace::Connection;
use crate::server::auth::hash_secret;
use crate::server::connectors::{ExternalEvent, advance};
use crate::server::delivery::fingerprint;

const COLUMNS: &str = "kind, settings, secrets, base_url, fields, priorities, status, last_test, \
                       created_at, updated_at";

fn json<T: serde::de::DeserializeOwned>(row: &SqliteRow, column: &str) -> StoreResult<T> {
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text)
        .map_err(|e| StoreError::Corrupt(format!("integration {column}: {e}")))
}

fn connection_from_row(row: &SqliteRow) -> StoreResult<Connection> {
    Ok(Connection {
        kind: parse_enum(row.try_get("kind")?)?,
        settings: json(row, "settings")?,
        secrets: json(row, "secrets")?,
        base_url: row.try_get("base_url")?,
        fields: json(row, "fields")?,
        priorities: json(row, "priorities")?,
    })
}

/// What the API shows of a stored integration: secrets as fingerprints.
fn view_from_row(row: &SqliteRow) -> StoreResult<Integration> {
    let connection = connection_from_row(row)?;
    let last_test: Option<String> = row.try_get("last_test")?;
    Ok(Integration {
        kind: connection.kind,
        settings: connection.settings,
        secrets: connection
            .secrets
            .iter()
            .map(|(name, value)| {
                let info = SecretInfo {
                    fingerprint: fingerprint(value),
                };
                (name.clone(), info)
            })
            .collect(),
        base_url: connection.base_url,
        fields: connection.fields,
        priorities: connection.priorities,
        status: parse_enum(row.try_get("status")?)?,
        last_test: last_test
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(|e| StoreError::Corrupt(format!("integration test: {e}")))?,
        webhook_path: connection.kind.webhook_path(),
        created_at: parse_time(row.try_get("created_at")?)?,
        updated_at: parse_time(row.try_get("updated_at")?)?,
    })
}

fn not_found(kind: IntegrationKind) -> StoreError {
    StoreError::NotFound {
        what: "integration",
        key: kind.to_string(),
    }
}

impl Store {
    pub async fn list_integrations(&self) -> StoreResult<Vec<Integration>> {
        let mut conn = self.pool().acquire().await?;
        all(&mut conn).await
    }

    pub async fn get_integration(&self, kind: IntegrationKind) -> StoreResult<Integration> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM integrations WHERE kind = ?"
        )))
        .bind(kind.as_str())
        .fetch_optional(self.pool())
        .await?
        .ok_or_else(|| not_found(kind))?;
        view_from_row(&row)
    }

    /// The connection with its secrets, for connectors only.
    pub async fn connection(&self, kind: IntegrationKind) -> StoreResult<Option<Connection>> {
        let mut conn = self.pool().acquire().await?;
        find(&mut conn, kind).await
    }

    pub async fn integration_connected(&self, kind: IntegrationKind) -> StoreResult<bool> {
        let found: Option<String> =
            sqlx::query_scalar("SELECT kind FROM integrations WHERE kind = ?")
                .bind(kind.as_str())
                .fetch_optional(self.pool())
                .await?;
        Ok(found.is_some())
    }

    /// The kinds connected now: the platforms a handover action may name.
    pub async fn connected_kinds(&self) -> StoreResult<Vec<String>> {
        Ok(
            sqlx::query_scalar("SELECT kind FROM integrations ORDER BY kind")
                .fetch_all(self.pool())
                .await?,
        )
    }

    /// Connects, or replaces a connection. A connection that changed is
    /// untested again. Returns the integration and whether it is new.
    pub async fn save_integration(
        &self,
        connection: &Connection,
    ) -> StoreResult<(Integration, bool)> {
        let mut tx = self.write().await?;
        let created = save(&mut tx, connection).await?;
        tx.commit().await?;
        Ok((self.get_integration(connection.kind).await?, created))
    }

    /// Records a connection test: its report, and the status it implies.
    pub async fn record_test(
        &self,
        kind: IntegrationKind,
        report: &TestReport,
    ) -> StoreResult<Integration> {
        let status = if report.ok {
            IntegrationStatus::Connected
        } else {
            IntegrationStatus::Error
        };
        let mut tx = self.write().await?;
        let updated =
            sqlx::query("UPDATE integrations SET status = ?, last_test = ? WHERE kind = ?")
                .bind(status.as_str())
                .bind(serde_json::to_string(report).expect("reports serialize"))
                .bind(kind.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if updated == 0 {
            return Err(not_found(kind));
        }
        tx.commit().await?;
        self.get_integration(kind).await
    }

    /// Disconnects an integration no handover action sends tickets to.
    pub async fn delete_integration(&self, kind: IntegrationKind) -> StoreResult<()> {
        let mut tx = self.write().await?;
        delete(&mut tx, kind).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a verified webhook once: the same request again is a conflict
    /// (a replay), and changes nothing. Each event moves the external status
    /// of the handoff whose ticket it is about; events about tickets Desk did
    /// not deliver are ignored. Returns the handoffs that changed.
    pub async fn accept_webhook(
        &self,
        kind: IntegrationKind,
        replay_key: &str,
        events: &[ExternalEvent],
    ) -> StoreResult<Vec<String>> {
        let mut tx = self.write().await?;
        let now = now();
        let fresh = sqlx::query(
            "INSERT INTO webhook_receipts (kind, digest, received_at) VALUES (?, ?, ?) \
             ON CONFLICT DO NOTHING",
        )
        .bind(kind.as_str())
        .bind(hash_secret(replay_key))
        .bind(&now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if fresh == 0 {
            return Err(StoreError::Conflict {
                code: "webhook_replayed",
                detail: format!("this {} webhook was received before", kind.title()),
            });
        }
        let mut updated = Vec::new();
        for event in events {
            let row = sqlx::query(
                "SELECT h.id, h.external_status FROM handoffs h \
                 JOIN outbox o ON o.handoff_id = h.id \
                 WHERE h.external_id = ? AND o.integration = ?",
            )
            .bind(&event.id)
            .bind(kind.as_str())
            .fetch_optional(&mut *tx)
            .await?;
            let Some(row) = row else { continue };
            let id: String = row.try_get("id")?;
            let current: Option<String> = row.try_get("external_status")?;
            let current: ExternalStatus = match current {
                Some(status) => parse_enum(&status)?,
                None => continue,
            };
            if let Some(next) = advance(current, event.status) {
                sqlx::query(
                    "UPDATE handoffs SET external_status = ?, external_updated_at = ? WHERE id = ?",
                )
                .bind(next.as_str())
                .bind(&now)
                .bind(&id)
                .execute(&mut *tx)
                .await?;
                if !updated.contains(&id) {
                    updated.push(id);
                }
            }
        }
        tx.commit().await?;
        Ok(updated)
    }
}

async fn every_row(conn: &mut SqliteConnection) -> StoreResult<Vec<SqliteRow>> {
    Ok(sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM integrations ORDER BY kind"
    )))
    .fetch_all(&mut *conn)
    .await?)
}

/// Every integration as the API shows it, in the caller's transaction.
pub(crate) async fn all(conn: &mut SqliteConnection) -> StoreResult<Vec<Integration>> {
    every_row(conn).await?.iter().map(view_from_row).collect()
}

/// Every connection with its secrets, in the caller's transaction.
pub(crate) async fn connections(conn: &mut SqliteConnection) -> StoreResult<Vec<Connection>> {
    every_row(conn)
        .await?
        .iter()
        .map(connection_from_row)
        .collect()
}

/// One connection with its secrets, in the caller's transaction.
pub(crate) async fn find(
    conn: &mut SqliteConnection,
    kind: IntegrationKind,
) -> StoreResult<Option<Connection>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM integrations WHERE kind = ?"
    )))
    .bind(kind.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(connection_from_row).transpose()
}

/// Inserts or replaces a connection in the caller's transaction; a changed
/// one is untested again. Returns whether it is new.
pub(crate) async fn save(
    conn: &mut SqliteConnection,
    connection: &Connection,
) -> StoreResult<bool> {
    let existing = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM integrations WHERE kind = ?"
    )))
    .bind(connection.kind.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    let now = now();
    match existing {
        Some(row) => {
            if connection_from_row(&row)? != *connection {
                sqlx::query(
                    "UPDATE integrations SET settings = ?, secrets = ?, base_url = ?, \
                     fields = ?, priorities = ?, status = 'untested', updated_at = ? \
                     WHERE kind = ?",
                )
                .bind(encode(&connection.settings))
                .bind(encode(&connection.secrets))
                .bind(&connection.base_url)
                .bind(encode(&connection.fields))
                .bind(encode(&connection.priorities))
                .bind(&now)
                .bind(connection.kind.as_str())
                .execute(&mut *conn)
                .await?;
            }
            Ok(false)
        }
        None => {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "INSERT INTO integrations ({COLUMNS}) \
                 VALUES (?, ?, ?, ?, ?, ?, 'untested', NULL, ?, ?)"
            )))
            .bind(connection.kind.as_str())
            .bind(encode(&connection.settings))
            .bind(encode(&connection.secrets))
            .bind(&connection.base_url)
            .bind(encode(&connection.fields))
            .bind(encode(&connection.priorities))
            .bind(&now)
            .bind(&now)
            .execute(&mut *conn)
            .await?;
            Ok(true)
        }
    }
}

/// Deletes a connection no handover action uses, in the caller's transaction.
pub(crate) async fn delete(conn: &mut SqliteConnection, kind: IntegrationKind) -> StoreResult<()> {
    let users: Vec<String> = sqlx::query_scalar(
        "SELECT key FROM agents WHERE json_extract(handover, '$.platform') = ? ORDER BY key",
    )
    .bind(kind.as_str())
    .fetch_all(&mut *conn)
    .await?;
    if !users.is_empty() {
        return Err(StoreError::Conflict {
            code: "integration_in_use",
            detail: format!(
                "the handover actions of {} send tickets to {kind}: set their platform to \
                 another one first (`deskctl actions set AGENT --platform inbox`)",
                users.join(", ")
            ),
        });
    }
    let deleted = sqlx::query("DELETE FROM integrations WHERE kind = ?")
        .bind(kind.as_str())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if deleted == 0 {
        return Err(not_found(kind));
    }
    Ok(())
}

/// JSON text of a map a connection keeps.
fn encode<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("maps serialize")
}
