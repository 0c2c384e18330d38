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
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM agents WHERE key > ? ORDER BY key LIMIT ?"
        )))
        .bind(after.unwrap_or(""))
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(from_row).collect()
    }

    pub async fn get_agent(&self, key: &str) -> StoreResult<Agent> {
        let mut conn = self.pool().acquire().await?;
        fetch_agent(&mut conn, key).await
    }

    pub async fn create_agent(&self, key: &str, name: &str) -> StoreResult<Agent> {
        let mut tx = self.write().await?;
        let stamp = now();
        let insertion = sqlx::query(
            "INSERT INTO agents (key, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
        )
        .bind(key)
        .bind(name)
        .bind(&stamp)
        .bind(&stamp)
        .execute(&mut *tx)
        .await;
        inserted(insertion, "agent", key)?;
        let agent = fetch_agent(&mut tx, key).await?;
        tx.commit().await?;
        Ok(agent)
    }

    pub async fn rename_agent(&self, key: &str, name: &str) -> StoreResult<Agent> {
        let mut tx = self.write().await?;
        fetch_agent(&mut tx, key).await?;
        sqlx::query("UPDATE agents SET name = ?, updated_at = ? WHERE key = ?")
            .bind(name)
            .bind(now())
            .bind(key)
            .execute(&mut *tx)
            .await?;
        let agent = fetch_agent(&mut tx, key).await?;
        tx.commit().await?;
        Ok(agent)
    }

    pub async fn delete_agent(&self, key: &str) -> StoreResult<()> {
        let mut tx = self.write().await?;
        fetch_agent(&mut tx, key).await?;
        sqlx::query("DELETE FROM agents WHERE key = ?")
            .bind(key)
            .execute(&mut *tx)
            .await?;
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
        fetch_agent(&mut tx, key).await?;
        let json = action.map(|a| serde_json::to_string(a).expect("actions serialize"));
        sqlx::query("UPDATE agents SET handover = ?, updated_at = ? WHERE key = ?")
            .bind(json)
            .bind(now())
            .bind(key)
            .execute(&mut *tx)
            .await?;
        let agent = fetch_agent(&mut tx, key).await?;
        tx.commit().await?;
        Ok(agent)
    }
}
