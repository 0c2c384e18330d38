//! The `operators` table and operators' side of `team_members`.

use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row, SqliteConnection};

use super::{
    Referent, Store, StoreError, StoreResult, group_rows, inserted, now, parse_enum, parse_time,
    require_exists,
};
use crate::api::{Availability, Operator, OperatorUpdate, Role};

/// A validated operator to insert.
#[derive(Debug, Clone)]
pub struct NewOperator {
    pub handle: String,
    pub name: String,
    pub email: String,
    pub signature: Option<String>,
    pub role: Role,
    pub availability: Availability,
    pub teams: Vec<String>,
    pub capacity: Option<u32>,
}

const COLUMNS: &str = "handle, display_name, email, signature, role, availability, capacity, \
                       created_at, updated_at";

fn from_row(row: &SqliteRow, teams: Vec<String>) -> StoreResult<Operator> {
    let capacity: Option<i64> = row.try_get("capacity")?;
    Ok(Operator {
        handle: row.try_get("handle")?,
        name: row.try_get("display_name")?,
        email: row.try_get("email")?,
        signature: row.try_get("signature")?,
        role: parse_enum(row.try_get("role")?)?,
        availability: parse_enum(row.try_get("availability")?)?,
        teams,
        capacity: capacity
            .map(|c| u32::try_from(c).map_err(|_| StoreError::Corrupt(format!("capacity {c}"))))
            .transpose()?,
        created_at: parse_time(row.try_get("created_at")?)?,
        updated_at: parse_time(row.try_get("updated_at")?)?,
    })
}

impl Store {
    /// Operators ordered by handle, starting after `after`.
    pub async fn list_operators(
        &self,
        after: Option<&str>,
        limit: u32,
    ) -> StoreResult<Vec<Operator>> {
        // One read transaction: both queries see the same snapshot of the desk.
        let mut tx = self.pool().begin().await?;
        let operators = page(&mut tx, after.unwrap_or(""), limit).await?;
        tx.commit().await?;
        Ok(operators)
    }

    pub async fn get_operator(&self, handle: &str) -> StoreResult<Operator> {
        let mut conn = self.pool().acquire().await?;
        fetch_operator(&mut conn, handle).await
    }

    pub async fn create_operator(&self, new: NewOperator) -> StoreResult<Operator> {
        let mut tx = self.write().await?;
        insert(&mut tx, &new).await?;
        let operator = fetch_operator(&mut tx, &new.handle).await?;
        tx.commit().await?;
        Ok(operator)
    }

    pub async fn update_operator(
        &self,
        handle: &str,
        update: &OperatorUpdate,
    ) -> StoreResult<Operator> {
        let mut tx = self.write().await?;
        self::update(&mut tx, handle, update).await?;
        let operator = fetch_operator(&mut tx, handle).await?;
        tx.commit().await?;
        Ok(operator)
    }

    pub async fn delete_operator(&self, handle: &str) -> StoreResult<()> {
        let mut tx = self.write().await?;
        delete(&mut tx, handle).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Inserts an operator with their team memberships; every team must exist.
pub(crate) async fn insert(conn: &mut SqliteConnection, new: &NewOperator) -> StoreResult<()> {
    let stamp = now();
    let insertion = sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO operators ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )))
    .bind(&new.handle)
    .bind(&new.name)
    .bind(&new.email)
    .bind(&new.signature)
    .bind(new.role.as_str())
    .bind(new.availability.as_str())
    .bind(new.capacity.map(i64::from))
    .bind(&stamp)
    .bind(&stamp)
    .execute(&mut *conn)
    .await;
    inserted(insertion, "operator", &new.handle)?;
    set_operator_teams(conn, &new.handle, &new.teams).await
}

/// Changes the fields `update` names; the last owner keeps the owner role.
pub(crate) async fn update(
    conn: &mut SqliteConnection,
    handle: &str,
    update: &OperatorUpdate,
) -> StoreResult<()> {
    let current = fetch_operator(conn, handle).await?;
    if current.role == Role::Owner && update.role.is_some_and(|r| r != Role::Owner) {
        ensure_another_owner(conn, handle, "change the role of").await?;
    }
    let signature = match &update.signature {
        Some(value) => value.clone(),
        None => current.signature.clone(),
    };
    let capacity = match update.capacity {
        Some(value) => value,
        None => current.capacity,
    };
    sqlx::query(
        "UPDATE operators SET display_name = ?, email = ?, signature = ?, role = ?, \
         availability = ?, capacity = ?, updated_at = ? WHERE handle = ?",
    )
    .bind(update.name.as_ref().unwrap_or(&current.name))
    .bind(update.email.as_ref().unwrap_or(&current.email))
    .bind(signature)
    .bind(update.role.unwrap_or(current.role).as_str())
    .bind(update.availability.unwrap_or(current.availability).as_str())
    .bind(capacity.map(i64::from))
    .bind(now())
    .bind(handle)
    .execute(&mut *conn)
    .await?;
    if let Some(teams) = &update.teams {
        sqlx::query("DELETE FROM team_members WHERE operator_handle = ?")
            .bind(handle)
            .execute(&mut *conn)
            .await?;
        set_operator_teams(conn, handle, teams).await?;
    }
    Ok(())
}

/// Removes an operator, unless they are the last owner.
pub(crate) async fn delete(conn: &mut SqliteConnection, handle: &str) -> StoreResult<()> {
    let current = fetch_operator(conn, handle).await?;
    if current.role == Role::Owner {
        ensure_another_owner(conn, handle, "remove").await?;
    }
    // Memberships and tokens go with the operator (ON DELETE CASCADE).
    sqlx::query("DELETE FROM operators WHERE handle = ?")
        .bind(handle)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Every operator, ordered by handle.
pub(crate) async fn all(conn: &mut SqliteConnection) -> StoreResult<Vec<Operator>> {
    page(conn, "", u32::MAX).await
}

/// Operators ordered by handle, after `after`, with their teams.
async fn page(conn: &mut SqliteConnection, after: &str, limit: u32) -> StoreResult<Vec<Operator>> {
    let rows = sqlx::query(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM operators WHERE handle > ? ORDER BY handle LIMIT ?"
    )))
    .bind(after)
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?;
    let memberships = sqlx::query(
        "SELECT operator_handle, team_key FROM team_members WHERE operator_handle IN \
         (SELECT handle FROM operators WHERE handle > ? ORDER BY handle LIMIT ?) \
         ORDER BY team_key",
    )
    .bind(after)
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?;
    let mut teams = group_rows(&memberships, "operator_handle", "team_key")?;
    rows.iter()
        .map(|row| {
            let handle: String = row.try_get("handle")?;
            from_row(row, teams.remove(&handle).unwrap_or_default())
        })
        .collect()
}

async fn fetch_operator(conn: &mut SqliteConnection, handle: &str) -> StoreResult<Operator> {
    let row = sqlx::query(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM operators WHERE handle = ?"
    )))
    .bind(handle)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| StoreError::NotFound {
        what: "operator",
        key: handle.to_string(),
    })?;
    let teams = sqlx::query_scalar::<_, String>(
        "SELECT team_key FROM team_members WHERE operator_handle = ? ORDER BY team_key",
    )
    .bind(handle)
    .fetch_all(&mut *conn)
    .await?;
    from_row(&row, teams)
}

async fn ensure_another_owner(
    conn: &mut SqliteConnection,
    handle: &str,
    action: &str,
) -> StoreResult<()> {
    let others: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM operators WHERE role = 'owner' AND handle <> ?")
            .bind(handle)
            .fetch_one(&mut *conn)
            .await?;
    if others == 0 {
        return Err(StoreError::Conflict {
            code: "last_owner",
            detail: format!(
                "cannot {action} '{handle}': they are the only owner; make another operator an owner first"
            ),
        });
    }
    Ok(())
}

/// Adds `handle` to each team in `teams`; every team must exist.
async fn set_operator_teams(
    conn: &mut SqliteConnection,
    handle: &str,
    teams: &[String],
) -> StoreResult<()> {
    for team in teams {
        require_exists(conn, Referent::Team, "teams", team).await?;
        sqlx::query(
            "INSERT INTO team_members (team_key, operator_handle) VALUES (?, ?) \
             ON CONFLICT DO NOTHING",
        )
        .bind(team)
        .bind(handle)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

impl Store {
    /// How many operators are online now.
    pub async fn count_online_operators(&self) -> StoreResult<u32> {
        let count: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM operators WHERE availability = 'online'")
                .fetch_one(self.pool())
                .await?;
        Ok(count as u32)
    }
}
