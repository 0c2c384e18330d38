//! The `agents` table, with each agent's handover action as JSON.

use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use super::{Store, StoreError, StoreResult, inserted, now, parse_time};
use crate::api::{Agent, HandoverAction};

const COLUMNS: &str = "key, name, handover, created_at, updated_at";

fn from_row(row: &SqliteRow) -> StoreResult<Agent> {
    let handover: Option<String> = row.try_get("handover")?;
    Ok(Agent {
        key: row.try_get("key")?,
        name: row.try_get("name")?,
        handover: handover
            .map(|json| {
                serde_json::from_str(&json)
                    .map_err(|e| StoreError::Corrupt(format!("handover action: {e}")))
            })
            .transpose()?,
        created_at: parse_time(row.try_get("created_at")?)?,
        updated_at: parse_time(row.try_get("updated_at")?)?,
    })
}

async fn fetch_agent(conn: &mut SqliteConnection, key: &str) -> StoreResult<Agent> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM agents WHERE key = ?"
    )))
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| StoreError::NotFound {
        what: "agent",
        key: key.to_string(),
    })?;
    from_row(&row)
}

impl Store {
    /// Agents ordered by key, starting after `after`.
    pub async fn list_agents(&self, after: Option<&str>, limit: u32) -> StoreResult<Vec<Agent>> {
        let mut conn = self.pool().acquire().await?;
        page(&mut conn, after.unwrap_or(""), limit).await
    }

    pub async fn get_agent(&self, key: &str) -> StoreResult<Agent> {
        let mut conn = self.pool().acquire().await?;
        fetch_agent(&mut conn, key).await
    }

    pub async fn create_agent(&self, key: &str, name: &str) -> StoreResult<Agent> {
        let mut tx = self.write().await?;
        insert(&mut tx, key, name).await?;
        let agent = fetch_agent(&mut tx, key).await?;
        tx.commit().await?;
        Ok(agent)
    }

    pub async fn rename_agent(&self, key: &str, name: &str) -> StoreResult<Agent> {
        let mut tx = self.write().await?;
        rename(&mut tx, key, name).await?;
        let agent = fetch_agent(&mut tx, key).await?;
        tx.commit().await?;
        Ok(agent)
    }

    pub async fn delete_agent(&self, key: &str) -> StoreResult<()> {
        let mut tx = self.write().await?;
        delete(&mut tx, key).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets (or, with `None`, removes) an agent's handover action.
    pub async fn set_handover(
        &self,
        key: &str,
        action: Option<&HandoverAction>,
    ) -> StoreResult<Agent> {
        let mut tx = self.write().await?;
        set_action(&mut tx, key, action).await?;
        let agent = fetch_agent(&mut tx, key).await?;
        tx.commit().await?;
        Ok(agent)
    }
}

pub(crate) async fn insert(conn: &mut SqliteConnection, key: &str, name: &str) -> StoreResult<()> {
    let stamp = now();
    let insertion =
        sqlx::query("INSERT INTO agents (key, name, created_at, updated_at) VALUES (?, ?, ?, ?)")
            .bind(key)
            .bind(name)
            .bind(&stamp)
            .bind(&stamp)
            .execute(&mut *conn)
            .await;
    inserted(insertion, "agent", key)
}

pub(crate) async fn rename(conn: &mut SqliteConnection, key: &str, name: &str) -> StoreResult<()> {
    fetch_agent(conn, key).await?;
    sqlx::query("UPDATE agents SET name = ?, updated_at = ? WHERE key = ?")
        .bind(name)
        .bind(now())
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(crate) async fn delete(conn: &mut SqliteConnection, key: &str) -> StoreResult<()> {
    fetch_agent(conn, key).await?;
    sqlx::query("DELETE FROM agents WHERE key = ?")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Sets (or, with `None`, removes) an agent's handover action.
pub(crate) async fn set_action(
    conn: &mut SqliteConnection,
    key: &str,
    action: Option<&HandoverAction>,
) -> StoreResult<()> {
    fetch_agent(conn, key).await?;
    let json = action.map(|a| serde_json::to_string(a).expect("actions serialize"));
    sqlx::query("UPDATE agents SET handover = ?, updated_at = ? WHERE key = ?")
        .bind(json)
        .bind(now())
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Every agent, ordered by key.
pub(crate) async fn all(conn: &mut SqliteConnection) -> StoreResult<Vec<Agent>> {
    page(conn, "", u32::MAX).await
}

async fn page(conn: &mut SqliteConnection, after: &str, limit: u32) -> StoreResult<Vec<Agent>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM agents WHERE key > ? ORDER BY key LIMIT ?"
    )))
    .bind(after)
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}
