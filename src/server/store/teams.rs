//! The `teams` table and teams' side of `team_members`.

use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use super::{
    Referent, Store, StoreError, StoreResult, group_rows, inserted, now, parse_time, require_exists,
};
use crate::api::{Team, TeamUpdate};

/// A validated team to insert.
#[derive(Debug, Clone)]
pub struct NewTeam {
    pub key: String,
    pub name: String,
    pub default: bool,
    pub members: Vec<String>,
}

fn from_row(row: &SqliteRow, members: Vec<String>) -> StoreResult<Team> {
    let is_default: i64 = row.try_get("is_default")?;
    Ok(Team {
        key: row.try_get("key")?,
        name: row.try_get("name")?,
        default: is_default == 1,
        members,
        created_at: parse_time(row.try_get("created_at")?)?,
        updated_at: parse_time(row.try_get("updated_at")?)?,
    })
}

impl Store {
    /// Teams ordered by key, starting after `after`.
    pub async fn list_teams(&self, after: Option<&str>, limit: u32) -> StoreResult<Vec<Team>> {
        // One read transaction: both queries see the same snapshot of the desk.
        let mut tx = self.pool().begin().await?;
        let teams = page(&mut tx, after.unwrap_or(""), limit).await?;
        tx.commit().await?;
        Ok(teams)
    }

    pub async fn get_team(&self, key: &str) -> StoreResult<Team> {
        let mut conn = self.pool().acquire().await?;
        fetch_team(&mut conn, key).await
    }

    pub async fn create_team(&self, new: NewTeam) -> StoreResult<Team> {
        let mut tx = self.write().await?;
        insert(&mut tx, &new).await?;
        let team = fetch_team(&mut tx, &new.key).await?;
        tx.commit().await?;
        Ok(team)
    }

    pub async fn update_team(&self, key: &str, update: &TeamUpdate) -> StoreResult<Team> {
        let mut tx = self.write().await?;
        self::update(&mut tx, key, update).await?;
        let team = fetch_team(&mut tx, key).await?;
        tx.commit().await?;
        Ok(team)
    }

    pub async fn delete_team(&self, key: &str) -> StoreResult<()> {
        let mut tx = self.write().await?;
        delete(&mut tx, key).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Inserts a team with its members. The first team becomes the default; asking
/// for the default while another team is it is refused.
pub(crate) async fn insert(conn: &mut SqliteConnection, new: &NewTeam) -> StoreResult<()> {
    let current_default = default_team(conn).await?;
    if let Some(existing) = current_default.as_ref().filter(|_| new.default) {
        return Err(StoreError::Conflict {
            code: "default_team_exists",
            detail: format!(
                "team '{existing}' is already the default team; there can be only one. \
                 Create the team without --default, then move the default with \
                 `deskctl teams set {} --default`",
                new.key
            ),
        });
    }
    let stamp = now();
    let insertion = sqlx::query(
        "INSERT INTO teams (key, name, is_default, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(&new.key)
    .bind(&new.name)
    // The first team is the default: a workspace with teams always has one.
    .bind(i64::from(current_default.is_none()))
    .bind(&stamp)
    .bind(&stamp)
    .execute(&mut *conn)
    .await;
    inserted(insertion, "team", &new.key)?;
    set_members(conn, &new.key, &new.members).await
}

/// Changes the fields `update` names; `default: true` moves the default here.
pub(crate) async fn update(
    conn: &mut SqliteConnection,
    key: &str,
    update: &TeamUpdate,
) -> StoreResult<()> {
    let current = fetch_team(conn, key).await?;
    match update.default {
        Some(false) if current.default => {
            return Err(StoreError::Conflict {
                code: "default_team_required",
                detail: format!(
                    "team '{key}' is the default team and one team must be; \
                     make another team the default instead"
                ),
            });
        }
        Some(true) if !current.default => {
            sqlx::query("UPDATE teams SET is_default = 0 WHERE is_default = 1")
                .execute(&mut *conn)
                .await?;
            sqlx::query("UPDATE teams SET is_default = 1 WHERE key = ?")
                .bind(key)
                .execute(&mut *conn)
                .await?;
        }
        _ => {}
    }
    sqlx::query("UPDATE teams SET name = ?, updated_at = ? WHERE key = ?")
        .bind(update.name.as_ref().unwrap_or(&current.name))
        .bind(now())
        .bind(key)
        .execute(&mut *conn)
        .await?;
    if let Some(members) = &update.members {
        sqlx::query("DELETE FROM team_members WHERE team_key = ?")
            .bind(key)
            .execute(&mut *conn)
            .await?;
        set_members(conn, key, members).await?;
    }
    Ok(())
}

/// Removes a team, unless it is the default while other teams remain, or an
/// assignment rule routes to it.
pub(crate) async fn delete(conn: &mut SqliteConnection, key: &str) -> StoreResult<()> {
    let current = fetch_team(conn, key).await?;
    if current.default {
        let others: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM teams WHERE key <> ?")
            .bind(key)
            .fetch_one(&mut *conn)
            .await?;
        if others > 0 {
            return Err(StoreError::Conflict {
                code: "default_team_required",
                detail: format!(
                    "team '{key}' is the default team; make another team the default \
                     (`deskctl teams set KEY --default`) before removing it"
                ),
            });
        }
    }
    let rules = Store::rules_using_team(conn, key).await?;
    if !rules.is_empty() {
        let positions: Vec<String> = rules.iter().map(u32::to_string).collect();
        return Err(StoreError::Conflict {
            code: "team_in_use",
            detail: format!(
                "team '{key}' is the target of assignment rule {}; remove or change the rule first",
                positions.join(", ")
            ),
        });
    }
    sqlx::query("DELETE FROM teams WHERE key = ?")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Every team, ordered by key.
pub(crate) async fn all(conn: &mut SqliteConnection) -> StoreResult<Vec<Team>> {
    page(conn, "", u32::MAX).await
}

/// Teams ordered by key, after `after`, with their members.
async fn page(conn: &mut SqliteConnection, after: &str, limit: u32) -> StoreResult<Vec<Team>> {
    let rows = sqlx::query(
        "SELECT key, name, is_default, created_at, updated_at FROM teams \
         WHERE key > ? ORDER BY key LIMIT ?",
    )
    .bind(after)
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?;
    let memberships = sqlx::query(
        "SELECT team_key, operator_handle FROM team_members WHERE team_key IN \
         (SELECT key FROM teams WHERE key > ? ORDER BY key LIMIT ?) \
         ORDER BY operator_handle",
    )
    .bind(after)
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?;
    let mut members = group_rows(&memberships, "team_key", "operator_handle")?;
    rows.iter()
        .map(|row| {
            let key: String = row.try_get("key")?;
            from_row(row, members.remove(&key).unwrap_or_default())
        })
        .collect()
}

async fn default_team(conn: &mut SqliteConnection) -> StoreResult<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT key FROM teams WHERE is_default = 1")
            .fetch_optional(&mut *conn)
            .await?,
    )
}

async fn fetch_team(conn: &mut SqliteConnection, key: &str) -> StoreResult<Team> {
    let row = sqlx::query(
        "SELECT key, name, is_default, created_at, updated_at FROM teams WHERE key = ?",
    )
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| StoreError::NotFound {
        what: "team",
        key: key.to_string(),
    })?;
    let members = sqlx::query_scalar::<_, String>(
        "SELECT operator_handle FROM team_members WHERE team_key = ? ORDER BY operator_handle",
    )
    .bind(key)
    .fetch_all(&mut *conn)
    .await?;
    from_row(&row, members)
}

/// Adds each operator in `members` to team `key`; every operator must exist.
async fn set_members(
    conn: &mut SqliteConnection,
    key: &str,
    members: &[String],
) -> StoreResult<()> {
    for handle in members {
        require_exists(conn, Referent::Operator, "members", handle).await?;
        sqlx::query(
            "INSERT INTO team_members (team_key, operator_handle) VALUES (?, ?) \
             ON CONFLICT DO NOTHING",
        )
        .bind(key)
        .bind(handle)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
