//! The workspace's configuration tables (operators, teams and their members,
//! ticket fields, settings, rules, agents, integrations), read as one
//! [`Snapshot`] and changed only through [`Store::change_workspace`]: the
//! domain turns the snapshot into the next one, and this module writes the
//! difference, row by row, in one transaction.
//!

use std::collections::{BTreeMap, BTreeSet};

use serde::de::DeserializeOwned;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use super::{SqliteStore, parse_enum, parse_time, stored_time};
use crate::api::{Agent, Operator, Rule, RuleKind, Team, TicketField};
use crate::domain::workspace::{Connection, IntegrationRecord, Snapshot};
use crate::server::store::shared::{
    ASSIGNMENT, BUSINESS_HOURS, DELIVERY, EMAIL, HANDOFF, NOTIFICATIONS, SECRET_REFERENCES, decode,
    diff, encode, section, sections,
};
use crate::server::store::{StoreError, StoreResult, WorkspaceChange};

impl SqliteStore {
    /// Moves on with every change to the workspace.
    pub async fn generation(&self) -> StoreResult<u64> {
        let mut conn = self.pool().acquire().await?;
        Ok(counters(&mut conn).await?.1)
    }

    /// The whole configuration, as one consistent snapshot.
    pub async fn read_workspace(&self) -> StoreResult<Snapshot> {
        let mut tx = self.pool().begin().await?;
        let snapshot = read(&mut tx).await?;
        tx.commit().await?;
        Ok(snapshot)
    }

    /// See [`crate::server::store::Workspace::change_workspace`]: under the
    /// one write lock, only the difference is written.
    pub async fn change_workspace(
        &self,
        expected: Option<u64>,
        change: WorkspaceChange<'_>,
    ) -> StoreResult<Snapshot> {
        let mut tx = self.write().await?;
        let current = read(&mut tx).await?;
        if let Some(expected) = expected
            && current.revision != expected
        {
            return Err(StoreError::StaleRevision {
                expected,
                current: current.revision,
            });
        }
        let mut next = current.clone();
        change(&mut next).map_err(StoreError::Refused)?;
        let Some(next) = current.changed_to(next) else {
            return Ok(current);
        };
        write_difference(&mut tx, &current, &next).await?;
        sqlx::query("UPDATE workspace_revision SET revision = ?, generation = ? WHERE id = 1")
            .bind(next.revision as i64)
            .bind(next.generation as i64)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(next)
    }
}

async fn counters(conn: &mut SqliteConnection) -> StoreResult<(u64, u64)> {
    let row = sqlx::query("SELECT revision, generation FROM workspace_revision WHERE id = 1")
        .fetch_one(&mut *conn)
        .await?;
    let revision: i64 = row.try_get("revision")?;
    let generation: i64 = row.try_get("generation")?;
    Ok((revision as u64, generation as u64))
}

fn json<T: DeserializeOwned>(row: &SqliteRow, column: &str, what: &str) -> StoreResult<T> {
    let text: String = row.try_get(column)?;
    decode(&text, what)
}

/// Every configuration table, in the caller's transaction.
async fn read(conn: &mut SqliteConnection) -> StoreResult<Snapshot> {
    let (revision, generation) = counters(conn).await?;
    let members = sqlx::query(
        "SELECT team_key, operator_handle FROM team_members ORDER BY team_key, operator_handle",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut teams_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut members_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in &members {
        let team: String = row.try_get("team_key")?;
        let handle: String = row.try_get("operator_handle")?;
        teams_of
            .entry(handle.clone())
            .or_default()
            .push(team.clone());
        members_of.entry(team).or_default().push(handle);
    }
    let operators = sqlx::query(
        "SELECT handle, display_name, email, signature, role, availability, capacity, \
         created_at, updated_at FROM operators ORDER BY handle",
    )
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| {
        let handle: String = row.try_get("handle")?;
        let capacity: Option<i64> = row.try_get("capacity")?;
        Ok(Operator {
            teams: teams_of.remove(&handle).unwrap_or_default(),
            handle,
            name: row.try_get("display_name")?,
            email: row.try_get("email")?,
            signature: row.try_get("signature")?,
            role: parse_enum(row.try_get("role")?)?,
            availability: parse_enum(row.try_get("availability")?)?,
            capacity: capacity
                .map(|c| u32::try_from(c).map_err(|_| StoreError::Corrupt(format!("capacity {c}"))))
                .transpose()?,
            created_at: parse_time(row.try_get("created_at")?)?,
            updated_at: parse_time(row.try_get("updated_at")?)?,
        })
    })
    .collect::<StoreResult<Vec<_>>>()?;
    let teams =
        sqlx::query("SELECT key, name, is_default, created_at, updated_at FROM teams ORDER BY key")
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|row| {
                let key: String = row.try_get("key")?;
                let is_default: i64 = row.try_get("is_default")?;
                Ok(Team {
                    members: members_of.remove(&key).unwrap_or_default(),
                    key,
                    name: row.try_get("name")?,
                    default: is_default == 1,
                    created_at: parse_time(row.try_get("created_at")?)?,
                    updated_at: parse_time(row.try_get("updated_at")?)?,
                })
            })
            .collect::<StoreResult<Vec<_>>>()?;
    let fields = sqlx::query(
        "SELECT key, name, field_type, options, created_at, updated_at FROM ticket_fields \
         ORDER BY key",
    )
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| {
        Ok(TicketField {
            key: row.try_get("key")?,
            name: row.try_get("name")?,
            field_type: parse_enum(row.try_get("field_type")?)?,
            options: json(row, "options", "field options")?,
            created_at: parse_time(row.try_get("created_at")?)?,
            updated_at: parse_time(row.try_get("updated_at")?)?,
        })
    })
    .collect::<StoreResult<Vec<_>>>()?;
    let settings: BTreeMap<String, String> = sqlx::query("SELECT name, value FROM settings")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| Ok((row.try_get("name")?, row.try_get("value")?)))
        .collect::<StoreResult<_>>()?;
    let rules = sqlx::query(
        "SELECT id, kind, position, name, match_mode, conditions, priority, team_key FROM rules \
         ORDER BY kind, position",
    )
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| {
        let position: i64 = row.try_get("position")?;
        let priority: Option<String> = row.try_get("priority")?;
        Ok(Rule {
            id: row.try_get("id")?,
            kind: parse_enum(row.try_get("kind")?)?,
            position: u32::try_from(position)
                .map_err(|_| StoreError::Corrupt(format!("rule position {position}")))?,
            name: row.try_get("name")?,
            match_mode: parse_enum(row.try_get("match_mode")?)?,
            conditions: json(row, "conditions", "rule conditions")?,
            priority: priority.as_deref().map(parse_enum).transpose()?,
            team: row.try_get("team_key")?,
        })
    })
    .collect::<StoreResult<Vec<Rule>>>()?;
    let (priority_rules, assignment_rules) = rules
        .into_iter()
        .partition(|r| r.kind == RuleKind::Priority);
    let agents =
        sqlx::query("SELECT key, name, handover, created_at, updated_at FROM agents ORDER BY key")
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|row| {
                let handover: Option<String> = row.try_get("handover")?;
                Ok(Agent {
                    key: row.try_get("key")?,
                    name: row.try_get("name")?,
                    handover: handover
                        .map(|text| {
                            serde_json::from_str(&text)
                                .map_err(|e| StoreError::Corrupt(format!("handover action: {e}")))
                        })
                        .transpose()?,
                    created_at: parse_time(row.try_get("created_at")?)?,
                    updated_at: parse_time(row.try_get("updated_at")?)?,
                })
            })
            .collect::<StoreResult<Vec<_>>>()?;
    let integrations = sqlx::query(
        "SELECT kind, settings, secrets, base_url, fields, priorities, status, last_test, \
         created_at, updated_at FROM integrations ORDER BY kind",
    )
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| {
        let last_test: Option<String> = row.try_get("last_test")?;
        Ok(IntegrationRecord {
            connection: Connection {
                kind: parse_enum(row.try_get("kind")?)?,
                settings: json(row, "settings", "integration settings")?,
                secrets: json(row, "secrets", "integration secrets")?,
                base_url: row.try_get("base_url")?,
                fields: json(row, "fields", "integration fields")?,
                priorities: json(row, "priorities", "integration priorities")?,
            },
            status: parse_enum(row.try_get("status")?)?,
            last_test: last_test
                .as_deref()
                .map(serde_json::from_str)
                .transpose()
                .map_err(|e| StoreError::Corrupt(format!("integration test: {e}")))?,
            created_at: parse_time(row.try_get("created_at")?)?,
            updated_at: parse_time(row.try_get("updated_at")?)?,
        })
    })
    .collect::<StoreResult<Vec<_>>>()?;
    Ok(Snapshot {
        revision,
        generation,
        operators,
        teams,
        fields,
        assignment: section(&settings, ASSIGNMENT)?,
        business_hours: section(&settings, BUSINESS_HOURS)?,
        notifications: section(&settings, NOTIFICATIONS)?,
        handoff: section(&settings, HANDOFF)?,
        email: section(&settings, EMAIL)?,
        delivery: section(&settings, DELIVERY)?,
        priority_rules,
        assignment_rules,
        agents,
        integrations,
        secret_references: section(&settings, SECRET_REFERENCES)?,
    })
}

/// Writes what differs between `before` and `after`, in an order that keeps
/// every reference valid at each statement: teams and operators before their
/// memberships and the rules naming them, removals of what others refer to last.
async fn write_difference(
    conn: &mut SqliteConnection,
    before: &Snapshot,
    after: &Snapshot,
) -> StoreResult<()> {
    let teams = diff(&before.teams, &after.teams, |t| t.key.clone());
    for team in &teams.added {
        sqlx::query(
            "INSERT INTO teams (key, name, is_default, created_at, updated_at) \
             VALUES (?, ?, 0, ?, ?)",
        )
        .bind(&team.key)
        .bind(&team.name)
        .bind(stored_time(team.created_at))
        .bind(stored_time(team.updated_at))
        .execute(&mut *conn)
        .await?;
    }
    for team in &teams.changed {
        sqlx::query("UPDATE teams SET name = ?, updated_at = ? WHERE key = ?")
            .bind(&team.name)
            .bind(stored_time(team.updated_at))
            .bind(&team.key)
            .execute(&mut *conn)
            .await?;
    }

    let operators = diff(&before.operators, &after.operators, |o| o.handle.clone());
    for operator in operators.added.iter().chain(&operators.changed) {
        sqlx::query(
            "INSERT INTO operators (handle, display_name, email, signature, role, availability, \
             capacity, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (handle) DO UPDATE SET display_name = excluded.display_name, \
             email = excluded.email, signature = excluded.signature, role = excluded.role, \
             availability = excluded.availability, capacity = excluded.capacity, \
             updated_at = excluded.updated_at",
        )
        .bind(&operator.handle)
        .bind(&operator.name)
        .bind(&operator.email)
        .bind(&operator.signature)
        .bind(operator.role.as_str())
        .bind(operator.availability.as_str())
        .bind(operator.capacity.map(i64::from))
        .bind(stored_time(operator.created_at))
        .bind(stored_time(operator.updated_at))
        .execute(&mut *conn)
        .await?;
    }

    let pairs = |snapshot: &Snapshot| -> BTreeSet<(String, String)> {
        crate::domain::workspace::change::memberships(snapshot)
    };
    let (old_pairs, new_pairs) = (pairs(before), pairs(after));
    for (handle, team) in old_pairs.difference(&new_pairs) {
        sqlx::query("DELETE FROM team_members WHERE team_key = ? AND operator_handle = ?")
            .bind(team)
            .bind(handle)
            .execute(&mut *conn)
            .await?;
    }
    for (handle, team) in new_pairs.difference(&old_pairs) {
        sqlx::query("INSERT INTO team_members (team_key, operator_handle) VALUES (?, ?)")
            .bind(team)
            .bind(handle)
            .execute(&mut *conn)
            .await?;
    }

    if before.default_team() != after.default_team() {
        sqlx::query("UPDATE teams SET is_default = 0 WHERE is_default = 1")
            .execute(&mut *conn)
            .await?;
        sqlx::query("UPDATE teams SET is_default = 1 WHERE key = ?")
            .bind(after.default_team())
            .execute(&mut *conn)
            .await?;
    }

    let fields = diff(&before.fields, &after.fields, |f| f.key.clone());
    for field in fields.added.iter().chain(&fields.changed) {
        sqlx::query(
            "INSERT INTO ticket_fields (key, name, field_type, options, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET name = excluded.name, \
             options = excluded.options, updated_at = excluded.updated_at",
        )
        .bind(&field.key)
        .bind(&field.name)
        .bind(field.field_type.as_str())
        .bind(encode(&field.options))
        .bind(stored_time(field.created_at))
        .bind(stored_time(field.updated_at))
        .execute(&mut *conn)
        .await?;
    }
    for field in &fields.removed {
        sqlx::query("DELETE FROM ticket_fields WHERE key = ?")
            .bind(&field.key)
            .execute(&mut *conn)
            .await?;
    }

    let now = super::now();
    for ((name, old), (_, new)) in sections(before).into_iter().zip(sections(after)) {
        if old != new {
            sqlx::query(
                "INSERT INTO settings (name, value, updated_at) VALUES (?, ?, ?) \
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value, \
                 updated_at = excluded.updated_at",
            )
            .bind(name)
            .bind(new)
            .bind(&now)
            .execute(&mut *conn)
            .await?;
        }
    }

    let all_rules = |s: &Snapshot| -> Vec<Rule> {
        s.priority_rules
            .iter()
            .chain(&s.assignment_rules)
            .cloned()
            .collect()
    };
    let (old_rules, new_rules) = (all_rules(before), all_rules(after));
    let rules = diff(&old_rules, &new_rules, |r| r.id.clone());
    for rule in &rules.removed {
        sqlx::query("DELETE FROM rules WHERE id = ?")
            .bind(&rule.id)
            .execute(&mut *conn)
            .await?;
    }
    for rule in rules.added.iter().chain(&rules.changed) {
        sqlx::query(
            "INSERT INTO rules (id, kind, position, name, match_mode, conditions, priority, \
             team_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (id) DO UPDATE SET position = excluded.position, name = excluded.name, \
             match_mode = excluded.match_mode, conditions = excluded.conditions, \
             priority = excluded.priority, team_key = excluded.team_key, \
             updated_at = excluded.updated_at",
        )
        .bind(&rule.id)
        .bind(rule.kind.as_str())
        .bind(i64::from(rule.position))
        .bind(&rule.name)
        .bind(rule.match_mode.as_str())
        .bind(encode(&rule.conditions))
        .bind(rule.priority.map(|p| p.as_str()))
        .bind(&rule.team)
        .bind(&now)
        .bind(&now)
        .execute(&mut *conn)
        .await?;
    }

    let integrations = diff(&before.integrations, &after.integrations, |i| i.kind());
    for record in integrations.added.iter().chain(&integrations.changed) {
        let connection = &record.connection;
        sqlx::query(
            "INSERT INTO integrations (kind, settings, secrets, base_url, fields, priorities, \
             status, last_test, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (kind) DO UPDATE SET settings = excluded.settings, \
             secrets = excluded.secrets, base_url = excluded.base_url, fields = excluded.fields, \
             priorities = excluded.priorities, status = excluded.status, \
             last_test = excluded.last_test, updated_at = excluded.updated_at",
        )
        .bind(connection.kind.as_str())
        .bind(encode(&connection.settings))
        .bind(encode(&connection.secrets))
        .bind(&connection.base_url)
        .bind(encode(&connection.fields))
        .bind(encode(&connection.priorities))
        .bind(record.status.as_str())
        .bind(record.last_test.as_ref().map(encode))
        .bind(stored_time(record.created_at))
        .bind(stored_time(record.updated_at))
        .execute(&mut *conn)
        .await?;
    }

    let agents = diff(&before.agents, &after.agents, |a| a.key.clone());
    for agent in agents.added.iter().chain(&agents.changed) {
        sqlx::query(
            "INSERT INTO agents (key, name, handover, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET name = excluded.name, \
             handover = excluded.handover, updated_at = excluded.updated_at",
        )
        .bind(&agent.key)
        .bind(&agent.name)
        .bind(agent.handover.as_ref().map(encode))
        .bind(stored_time(agent.created_at))
        .bind(stored_time(agent.updated_at))
        .execute(&mut *conn)
        .await?;
    }
    for agent in &agents.removed {
        sqlx::query("DELETE FROM agents WHERE key = ?")
            .bind(&agent.key)
            .execute(&mut *conn)
            .await?;
    }
    for record in &integrations.removed {
        sqlx::query("DELETE FROM integrations WHERE kind = ?")
            .bind(record.kind().as_str())
            .execute(&mut *conn)
            .await?;
    }
    // Memberships and tokens go with an operator, memberships and the
    // round-robin position with a team (ON DELETE CASCADE); their tickets
    // are left unassigned, or without a team (ON DELETE SET NULL).
    for operator in &operators.removed {
        sqlx::query("DELETE FROM operators WHERE handle = ?")
            .bind(&operator.handle)
            .execute(&mut *conn)
            .await?;
    }
    for team in &teams.removed {
        sqlx::query("DELETE FROM teams WHERE key = ?")
            .bind(&team.key)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
