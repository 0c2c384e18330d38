//! The `tokens` table: only hashes of secrets are stored.

use jiff::Timestamp;
use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row};

use super::{Store, StoreError, StoreResult, parse_enum, parse_time, require_operator};
use crate::api::{Role, Token, TokenKind};

/// A token to insert; `secret_sha256` is the hex SHA-256 of the secret.
#[derive(Debug, Clone)]
pub struct NewToken {
    pub id: String,
    pub name: String,
    pub kind: TokenKind,
    pub operator: Option<String>,
    pub secret_sha256: String,
    pub hint: String,
}

/// What a presented token authenticates as.
#[derive(Debug, Clone)]
pub struct TokenIdentity {
    pub id: String,
    pub kind: TokenKind,
    pub operator: Option<String>,
    /// The operator's current role (not the role when the token was made).
    pub role: Option<Role>,
    pub last_used_at: Option<Timestamp>,
}

const COLUMNS: &str = "id, name, kind, operator_handle, hint, created_at, last_used_at";

fn from_row(row: &SqliteRow) -> StoreResult<Token> {
    let last_used: Option<String> = row.try_get("last_used_at")?;
    Ok(Token {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        kind: parse_enum(row.try_get("kind")?)?,
        operator: row.try_get("operator_handle")?,
        hint: row.try_get("hint")?,
        created_at: parse_time(row.try_get("created_at")?)?,
        last_used_at: last_used.as_deref().map(parse_time).transpose()?,
    })
}

impl Store {
    /// Tokens ordered by id, starting after `after`.
    pub async fn list_tokens(&self, after: Option<&str>, limit: u32) -> StoreResult<Vec<Token>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM tokens WHERE id > ? ORDER BY id LIMIT ?"
        )))
        .bind(after.unwrap_or(""))
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(from_row).collect()
    }

    pub async fn create_token(&self, new: NewToken) -> StoreResult<Token> {
        let mut tx = self.write().await?;
        if let Some(handle) = &new.operator {
            require_operator(&mut tx, "operator", handle).await?;
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
        let token = from_row(&row)?;
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
        let row = sqlx::query(
            "SELECT t.id, t.kind, t.operator_handle, t.last_used_at, o.role FROM tokens t \
             LEFT JOIN operators o ON o.handle = t.operator_handle WHERE t.secret_sha256 = ?",
        )
        .bind(secret_sha256)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let role: Option<String> = row.try_get("role")?;
        let last_used: Option<String> = row.try_get("last_used_at")?;
        Ok(Some(TokenIdentity {
            id: row.try_get("id")?,
            kind: parse_enum(row.try_get("kind")?)?,
            operator: row.try_get("operator_handle")?,
            role: role.as_deref().map(parse_enum).transpose()?,
            last_used_at: last_used.as_deref().map(parse_time).transpose()?,
        }))
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
