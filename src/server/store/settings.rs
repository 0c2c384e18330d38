//! The `settings` table: one JSON document per section. A section never written
//! reads as its defaults.

use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::SqliteConnection;

use super::{Store, StoreError, StoreResult, now};

/// The settings sections, by their stored names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Assignment,
    BusinessHours,
    Notifications,
    Handoff,
    /// The SMTP server; its password is kept here and never returned.
    Email,
    /// The delivery webhook; its signing secret is kept here and never returned.
    Delivery,
}

impl Section {
    fn name(self) -> &'static str {
        match self {
            Section::Assignment => "assignment",
            Section::BusinessHours => "business-hours",
            Section::Notifications => "notifications",
            Section::Handoff => "handoff",
            Section::Email => "email",
            Section::Delivery => "delivery",
        }
    }
}

impl Store {
    pub async fn get_setting<T: DeserializeOwned + Default>(
        &self,
        section: Section,
    ) -> StoreResult<T> {
        let mut conn = self.pool().acquire().await?;
        get(&mut conn, section).await
    }

    pub async fn put_setting<T: Serialize>(&self, section: Section, value: &T) -> StoreResult<()> {
        let mut tx = self.write().await?;
        put(&mut tx, section, value).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A settings section; one never written reads as its defaults.
pub(crate) async fn get<T: DeserializeOwned + Default>(
    conn: &mut SqliteConnection,
    section: Section,
) -> StoreResult<T> {
    let value: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE name = ?")
        .bind(section.name())
        .fetch_optional(&mut *conn)
        .await?;
    match value {
        None => Ok(T::default()),
        Some(json) => serde_json::from_str(&json)
            .map_err(|e| StoreError::Corrupt(format!("{} settings: {e}", section.name()))),
    }
}

pub(crate) async fn put<T: Serialize>(
    conn: &mut SqliteConnection,
    section: Section,
    value: &T,
) -> StoreResult<()> {
    let json = serde_json::to_string(value).expect("settings serialize");
    sqlx::query(
        "INSERT INTO settings (name, value, updated_at) VALUES (?, ?, ?) \
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(section.name())
    .bind(json)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
