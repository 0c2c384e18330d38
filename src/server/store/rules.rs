//! The `rules` table: two ordered lists (priority and assignment rules) whose
//! positions the store keeps dense, 1 to n.

use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use super::{Referent, Store, StoreError, StoreResult, now, parse_enum, require_exists};
use crate::api::{Condition, MatchMode, Priority, Rule, RuleKind};

/// A validated rule to insert.
#[derive(Debug, Clone)]
pub struct NewRule {
    pub id: String,
    pub kind: RuleKind,
    pub name: Option<String>,
    pub match_mode: MatchMode,
    pub conditions: Vec<Condition>,
    pub priority: Option<Priority>,
    pub team: Option<String>,
    /// 1-based; `None` or past the end appends.
    pub position: Option<u32>,
}

const COLUMNS: &str = "id, kind, position, name, match_mode, conditions, priority, team_key";

fn from_row(row: &SqliteRow) -> StoreResult<Rule> {
    let conditions: String = row.try_get("conditions")?;
    let position: i64 = row.try_get("position")?;
    let priority: Option<String> = row.try_get("priority")?;
    Ok(Rule {
        id: row.try_get("id")?,
        kind: parse_enum(row.try_get("kind")?)?,
        position: u32::try_from(position)
            .map_err(|_| StoreError::Corrupt(format!("rule position {position}")))?,
        name: row.try_get("name")?,
        match_mode: parse_enum(row.try_get("match_mode")?)?,
        conditions: serde_json::from_str(&conditions)
            .map_err(|e| StoreError::Corrupt(format!("rule conditions: {e}")))?,
        priority: priority.as_deref().map(parse_enum).transpose()?,
        team: row.try_get("team_key")?,
    })
}

pub(crate) async fn fetch_rules(
    conn: &mut SqliteConnection,
    kind: RuleKind,
) -> StoreResult<Vec<Rule>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM rules WHERE kind = ? ORDER BY position"
    )))
    .bind(kind.as_str())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}

fn not_found(id: &str) -> StoreError {
    StoreError::NotFound {
        what: "rule",
        key: id.to_string(),
    }
}

/// Rewrites positions so the list reads 1..n in the given order.
async fn renumber(tx: &mut super::WriteTx, ids: &[String]) -> StoreResult<()> {
    for (index, id) in ids.iter().enumerate() {
        sqlx::query("UPDATE rules SET position = ?, updated_at = ? WHERE id = ?")
            .bind(index as i64 + 1)
            .bind(now())
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Where a 1-based position lands in a list of `len` items.
fn insertion_index(position: Option<u32>, len: usize) -> usize {
    position
        .map(|p| (p.max(1) as usize - 1).min(len))
        .unwrap_or(len)
}

impl Store {
    /// One list of rules, in order.
    pub async fn list_rules(&self, kind: RuleKind) -> StoreResult<Vec<Rule>> {
        let mut conn = self.pool().acquire().await?;
        fetch_rules(&mut conn, kind).await
    }

    pub async fn get_rule(&self, kind: RuleKind, id: &str) -> StoreResult<Rule> {
        self.list_rules(kind)
            .await?
            .into_iter()
            .find(|rule| rule.id == id)
            .ok_or_else(|| not_found(id))
    }

    pub async fn create_rule(&self, new: NewRule) -> StoreResult<Rule> {
        let mut tx = self.write().await?;
        if let Some(team) = &new.team {
            require_exists(&mut tx, Referent::Team, "team", team).await?;
        }
        let mut order: Vec<String> = fetch_rules(&mut tx, new.kind)
            .await?
            .into_iter()
            .map(|rule| rule.id)
            .collect();
        let stamp = now();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO rules ({COLUMNS}, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )))
        .bind(&new.id)
        .bind(new.kind.as_str())
        .bind(order.len() as i64 + 1)
        .bind(&new.name)
        .bind(new.match_mode.as_str())
        .bind(serde_json::to_string(&new.conditions).expect("conditions serialize"))
        .bind(new.priority.map(Priority::as_str))
        .bind(&new.team)
        .bind(&stamp)
        .bind(&stamp)
        .execute(&mut *tx)
        .await?;
        order.insert(insertion_index(new.position, order.len()), new.id.clone());
        renumber(&mut tx, &order).await?;
        let rule = fetch_rules(&mut tx, new.kind)
            .await?
            .into_iter()
            .find(|rule| rule.id == new.id)
            .ok_or_else(|| not_found(&new.id))?;
        tx.commit().await?;
        Ok(rule)
    }

    pub async fn move_rule(&self, kind: RuleKind, id: &str, position: u32) -> StoreResult<Rule> {
        let mut tx = self.write().await?;
        let mut order: Vec<String> = fetch_rules(&mut tx, kind)
            .await?
            .into_iter()
            .map(|rule| rule.id)
            .collect();
        let from = order
            .iter()
            .position(|r| r == id)
            .ok_or_else(|| not_found(id))?;
        let moved = order.remove(from);
        order.insert(insertion_index(Some(position), order.len()), moved);
        renumber(&mut tx, &order).await?;
        let rule = fetch_rules(&mut tx, kind)
            .await?
            .into_iter()
            .find(|rule| rule.id == id)
            .ok_or_else(|| not_found(id))?;
        tx.commit().await?;
        Ok(rule)
    }

    pub async fn delete_rule(&self, kind: RuleKind, id: &str) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let mut order: Vec<String> = fetch_rules(&mut tx, kind)
            .await?
            .into_iter()
            .map(|rule| rule.id)
            .collect();
        let index = order
            .iter()
            .position(|r| r == id)
            .ok_or_else(|| not_found(id))?;
        order.remove(index);
        sqlx::query("DELETE FROM rules WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        renumber(&mut tx, &order).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The assignment rules that route to `team`, by position.
    pub(crate) async fn rules_using_team(
        conn: &mut SqliteConnection,
        team: &str,
    ) -> StoreResult<Vec<u32>> {
        let positions: Vec<i64> = sqlx::query_scalar(
            "SELECT position FROM rules WHERE kind = 'assignment' AND team_key = ? ORDER BY position",
        )
        .bind(team)
        .fetch_all(&mut *conn)
        .await?;
        Ok(positions.into_iter().map(|p| p as u32).collect())
    }
}

/// Makes the `kind` list read `rules`, in order. Rules keep their ids by
/// position: the rule at position n is rewritten in place, extra ones are
/// added, and the rest removed. `path` names the list in errors.
pub(crate) async fn replace(
    conn: &mut SqliteConnection,
    kind: RuleKind,
    rules: Vec<NewRule>,
    path: &str,
) -> StoreResult<()> {
    let existing = fetch_rules(conn, kind).await?;
    for (index, rule) in rules.iter().enumerate() {
        if let Some(team) = &rule.team {
            require_exists(conn, Referent::Team, "team", team)
                .await
                .map_err(|error| StoreError::AtPath {
                    path: format!("{path}[{index}]"),
                    source: Box::new(error),
                })?;
        }
    }
    let stamp = now();
    for (index, rule) in rules.iter().enumerate() {
        let conditions = serde_json::to_string(&rule.conditions).expect("conditions serialize");
        match existing.get(index) {
            Some(old) => {
                sqlx::query(
                    "UPDATE rules SET name = ?, match_mode = ?, conditions = ?, priority = ?, \
                     team_key = ?, updated_at = ? WHERE id = ?",
                )
                .bind(&rule.name)
                .bind(rule.match_mode.as_str())
                .bind(conditions)
                .bind(rule.priority.map(Priority::as_str))
                .bind(&rule.team)
                .bind(&stamp)
                .bind(&old.id)
                .execute(&mut *conn)
                .await?;
            }
            None => {
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "INSERT INTO rules ({COLUMNS}, created_at, updated_at) \
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                )))
                .bind(crate::server::auth::generate_id("rule"))
                .bind(kind.as_str())
                .bind(index as i64 + 1)
                .bind(&rule.name)
                .bind(rule.match_mode.as_str())
                .bind(conditions)
                .bind(rule.priority.map(Priority::as_str))
                .bind(&rule.team)
                .bind(&stamp)
                .bind(&stamp)
                .execute(&mut *conn)
                .await?;
            }
        }
    }
    for surplus in existing.iter().skip(rules.len()) {
        sqlx::query("DELETE FROM rules WHERE id = ?")
            .bind(&surplus.id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::insertion_index;

    #[test]
    fn positions_clamp_into_the_list() {
        assert_eq!(insertion_index(None, 3), 3);
        assert_eq!(insertion_index(Some(1), 3), 0);
        assert_eq!(insertion_index(Some(0), 3), 0);
        assert_eq!(insertion_index(Some(2), 3), 1);
        assert_eq!(insertion_index(Some(99), 3), 3);
    }
}
