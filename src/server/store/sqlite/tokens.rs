//! The `tokens` table: only hashes of secrets are stored.

use jiff::Timestamp;
use sqlx::AssertSqlSafe;

use super::{SqliteStore, all, optional, require_operator};
use crate::api::Token;
use crate::server::store::rows;
use crate::server::store::{NewToken, StoreError, StoreResult, TokenIdentity};

const COLUMNS: &str = "id, name, kind, operator_handle, hint, created_at, last_used_at";

impl SqliteStore {
    /// Tokens oldest first, starting after the one created at `after`'s
    /// time with its id.
    pub async fn list_tokens(
        &self,
        after: Option<(Timestamp, &str)>,
        limit: u32,
    ) -> StoreResult<Vec<Token>> {
        let (after_time, after_id) = match after {
            Some((time, id)) => (Some(super::stored_time(time)), id),
            None => (None, ""),
        };
        self.read_direct(|conn| {
            all(
                conn,
                &format!(
                    "SELECT {COLUMNS} FROM tokens \
                     WHERE ?1 IS NULL OR (created_at, id) > (?1, ?2) \
                     ORDER BY created_at, id LIMIT ?3"
                ),
                rusqlite::params![after_time, after_id, i64::from(limit)],
                |row| rows::token(row),
            )
        })
        .await
    }

    pub async fn create_token(&self, new: NewToken) -> StoreResult<Token> {
        let mut tx = self.write().await?;
        if let Some(handle) = &new.operator {
            tx.direct(|conn| require_operator(conn, "operator", handle))
                .await?;
        }
        sqlx::query(
            "INSERT INTO tokens (id, name, kind, operator_handle, secret_sha256, hint, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&new.id)
        .bind(&new.name)
        .bind(new.kind.as_str())
        .bind(&new.operator)
        .bind(&new.secret_sha256)
        .bind(&new.hint)
        .bind(super::now())
        .execute(&mut *tx)
        .await?;
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM tokens WHERE id = ?"
        )))
        .bind(&new.id)
        .fetch_one(&mut *tx)
        .await?;
        let token = rows::token(&row)?;
        tx.commit().await?;
        Ok(token)
    }

    pub async fn delete_token(&self, id: &str) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let deleted = sqlx::query("DELETE FROM tokens WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if deleted.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                what: "token",
                key: id.to_string(),
            });
        }
        tx.commit().await?;
        Ok(())
    }

    /// The token whose secret hashes to `secret_sha256`, with its operator's role.
    pub async fn find_token(&self, secret_sha256: &str) -> StoreResult<Option<TokenIdentity>> {
        // Every request asks: read on the connection's handle directly.
        self.read_direct(|conn| {
            optional(
                conn,
                "SELECT t.id, t.kind, t.operator_handle, t.last_used_at, o.role FROM tokens t \
                 LEFT JOIN operators o ON o.handle = t.operator_handle WHERE t.secret_sha256 = ?",
                [secret_sha256],
                |row| rows::token_identity(row),
            )
        })
        .await
    }

    /// The stored SHA-256 of ingest token `id`'s secret.
    pub async fn ingest_token_hash(&self, id: &str) -> StoreResult<Option<String>> {
        self.read_direct(|conn| {
            optional(
                conn,
                "SELECT secret_sha256 FROM tokens WHERE id = ? AND kind = 'ingest'",
                [id],
                |row| Ok(row.get(0)?),
            )
        })
        .await
    }

    /// Records that a token was used now.
    pub async fn touch_token(&self, id: &str) -> StoreResult<()> {
        sqlx::query("UPDATE tokens SET last_used_at = ? WHERE id = ?")
            .bind(super::now())
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
