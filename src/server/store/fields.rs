//! The `ticket_fields` table.

use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use super::{Store, StoreError, StoreResult, inserted, now, parse_enum, parse_time};
use crate::api::{TicketField, TicketFieldCreate, TicketFieldUpdate};

const COLUMNS: &str = "key, name, field_type, options, created_at, updated_at";

fn from_row(row: &SqliteRow) -> StoreResult<TicketField> {
    let options: String = row.try_get("options")?;
    Ok(TicketField {
        key: row.try_get("key")?,
        name: row.try_get("name")?,
        field_type: parse_enum(row.try_get("field_type")?)?,
        options: serde_json::from_str(&options)
            .map_err(|e| StoreError::Corrupt(format!("field options: {e}")))?,
        created_at: parse_time(row.try_get("created_at")?)?,
        updated_at: parse_time(row.try_get("updated_at")?)?,
    })
}

async fn fetch_field(conn: &mut SqliteConnection, key: &str) -> StoreResult<TicketField> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM ticket_fields WHERE key = ?"
    )))
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| StoreError::NotFound {
        what: "ticket field",
        key: key.to_string(),
    })?;
    from_row(&row)
}

fn options_json(options: &[String]) -> String {
    serde_json::to_string(options).expect("options serialize")
}

impl Store {
    /// Ticket fields ordered by key, starting after `after`.
    pub async fn list_fields(
        &self,
        after: Option<&str>,
        limit: u32,
    ) -> StoreResult<Vec<TicketField>> {
        let mut conn = self.pool().acquire().await?;
        page(&mut conn, after.unwrap_or(""), limit).await
    }

    /// Every ticket field: the handoff pipeline matches context keys against all.
    pub async fn all_fields(&self) -> StoreResult<Vec<TicketField>> {
        self.list_fields(None, u32::MAX).await
    }

    pub async fn get_field(&self, key: &str) -> StoreResult<TicketField> {
        let mut conn = self.pool().acquire().await?;
        fetch_field(&mut conn, key).await
    }

    pub async fn create_field(&self, field: &TicketFieldCreate) -> StoreResult<TicketField> {
        let mut tx = self.write().await?;
        insert(&mut tx, field).await?;
        let created = fetch_field(&mut tx, &field.key).await?;
        tx.commit().await?;
        Ok(created)
    }

    pub async fn update_field(
        &self,
        key: &str,
        update: &TicketFieldUpdate,
    ) -> StoreResult<TicketField> {
        let mut tx = self.write().await?;
        self::update(&mut tx, key, update).await?;
        let field = fetch_field(&mut tx, key).await?;
        tx.commit().await?;
        Ok(field)
    }

    pub async fn delete_field(&self, key: &str) -> StoreResult<()> {
        let mut tx = self.write().await?;
        delete(&mut tx, key).await?;
        tx.commit().await?;
        Ok(())
    }
}

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    field: &TicketFieldCreate,
) -> StoreResult<()> {
    let stamp = now();
    let insertion = sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO ticket_fields ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)"
    )))
    .bind(&field.key)
    .bind(&field.name)
    .bind(field.field_type.as_str())
    .bind(options_json(&field.options))
    .bind(&stamp)
    .bind(&stamp)
    .execute(&mut *conn)
    .await;
    inserted(insertion, "ticket field", &field.key)
}

/// Renames a field or replaces its options; its type never changes.
pub(crate) async fn update(
    conn: &mut SqliteConnection,
    key: &str,
    update: &TicketFieldUpdate,
) -> StoreResult<()> {
    let current = fetch_field(conn, key).await?;
    sqlx::query("UPDATE ticket_fields SET name = ?, options = ?, updated_at = ? WHERE key = ?")
        .bind(update.name.as_ref().unwrap_or(&current.name))
        .bind(options_json(
            update.options.as_ref().unwrap_or(&current.options),
        ))
        .bind(now())
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(crate) async fn delete(conn: &mut SqliteConnection, key: &str) -> StoreResult<()> {
    fetch_field(conn, key).await?;
    sqlx::query("DELETE FROM ticket_fields WHERE key = ?")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Every ticket field, ordered by key.
pub(crate) async fn all(conn: &mut SqliteConnection) -> StoreResult<Vec<TicketField>> {
    page(conn, "", u32::MAX).await
}

async fn page(
    conn: &mut SqliteConnection,
    after: &str,
    limit: u32,
) -> StoreResult<Vec<TicketField>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM ticket_fields WHERE key > ? ORDER BY key LIMIT ?"
    )))
    .bind(after)
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}
