//! The `tokens` table: only hashes of secrets are stored.

use jiff::Timestamp;
use sqlx::AssertSqlSafe;

use super::{PostgresStore, require_operator};
use crate::api::Token;
use crate::server::store::rows;
use crate::server::store::{NewToken, StoreError, StoreResult, TokenIdentity};

const COLUMNS: &str = "id, name, kind, operator_handle, hint, created_at, last_used_at";

impl PostgresStore {
    /// Tokens oldest first, starting after the one created at `after`'s
    /// time with its id.
    pub async fn list_tokens(
        &self,
        after: Option<(Timestamp, &str)>,
        limit: u32,
    ) -> StoreResult<Vec<Token>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM tokens \
             WHERE $1::timestamptz IS NULL OR (created_at, id) > ($1, $2) \
             ORDER BY created_at, id LIMIT $3"
        )))
        .bind(after.map(|(time, _)| super::At(time)))
        .bind(after.map_or("", |(_, id)| id))
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(rows::token).collect()
    }

    pub async fn create_token(&self, new: NewToken) -> StoreResult<Token> {
        let mut tx = self.pool().begin().await?;
        if let Some(handle) = &new.operator {
            require_operator(&mut tx, "operator", handle).await?;
        }
        let row = sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO tokens (id, name, kind, operator_handle, secret_sha256, hint, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {COLUMNS}"
        )))
        .bind(&new.id)
        .bind(&new.name)
        .bind(new.kind.as_str())
        .bind(&new.operator)
        .bind(&new.secret_sha256)
        .bind(&new.hint)
        .bind(super::now())
        .fetch_one(&mut *tx)
        .await?;
        let token = rows::token(&row)?;
        tx.commit().await?;
        Ok(token)
    }

    pub async fn delete_token(&self, id: &str) -> StoreResult<()> {
        let deleted = sqlx::query("DELETE FROM tokens WHERE id = $1")
            .bind(id)
            .execute(self.pool())
            .await?;
        if deleted.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                what: "token",
                key: id.to_string(),
            });
        }
        Ok(())
    }

    /// The token whose secret hashes to `secret_sha256`, with its operator's role.
    pub async fn find_token(&self, secret_sha256: &str) -> StoreResult<Option<TokenIdentity>> {
        let row = sqlx::query(
            "SELECT t.id, t.kind, t.operator_handle, t.last_used_at, o.role FROM tokens t \
             LEFT JOIN operators o ON o.handle = t.operator_handle WHERE t.secret_sha256 = $1",
        )
        .bind(secret_sha256)
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(rows::token_identity).transpose()
    }

    /// The stored SHA-256 of ingest token `id`'s secret.
    pub async fn ingest_token_hash(&self, id: &str) -> StoreResult<Option<String>> {
        Ok(
            sqlx::query_scalar(
                "SELECT secret_sha256 FROM tokens WHERE id = $1 AND kind = 'ingest'",
            )
            .bind(id)
            .fetch_optional(self.pool())
            .await?,
        )
    }

    /// Records that a token was used now.
    pub async fn touch_token(&self, id: &str) -> StoreResult<()> {
        sqlx::query("UPDATE tokens SET last_used_at = $1 WHERE id = $2")
            .bind(super::now())
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
