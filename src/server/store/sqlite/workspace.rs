//! The workspace's configuration tables (operators, teams and their members,
//! ticket fields, settings, rules, agents, integrations), read as one
//! [`Snapshot`] and changed only through [`Store::change_workspace`]: the
//! domain turns the snapshot into the next one, and this module writes the
//! difference, row by row, in one transaction.
//!

use std::collections::BTreeSet;

use sqlx::SqliteConnection;

use super::direct::owned_rows;
use super::tickets::{open_ticket_numbers, update_ticket};
use super::{Direct, SqliteStore, one, stored_time};
use crate::api::Rule;
use crate::domain::workspace::Snapshot;
use crate::server::store::rows::{self, Fields, Tables};
use crate::server::store::shared::removed;
use crate::server::store::shared::{diff, encode, sections};
use crate::server::store::{
    LeavingTeam, NewEvent, Released, StoreError, StoreResult, WorkspaceChange,
};

impl SqliteStore {
    /// Moves on with every change to the workspace.
    pub async fn generation(&self) -> StoreResult<u64> {
        // Every handoff and preview asks: read on the connection's handle directly.
        self.read_direct(|conn| {
            one(
                conn,
                "SELECT generation FROM workspace_revision WHERE id = 1",
                [],
                |row| Ok(row.get::<_, i64>(0)? as u64),
            )
        })
        .await
    }

    /// The whole configuration, as one consistent snapshot.
    pub async fn read_workspace(&self) -> StoreResult<Snapshot> {
        self.read_snapshot(read).await
    }

    /// See [`crate::server::store::Workspace::change_workspace`]: under the
    /// one write lock, only the difference is written.
    pub async fn change_workspace(
        &self,
        expected: Option<u64>,
        change: WorkspaceChange<'_>,
        mut leaving: LeavingTeam<'_>,
    ) -> StoreResult<(Snapshot, Released)> {
        let mut tx = self.write().await?;
        let current = tx.direct(read).await?;
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
            return Ok((current, Released::default()));
        };
        let mut released = Released::default();
        let events = tx
            .direct(|conn| release_removed(conn, &current, &next, &mut leaving, &mut released))
            .await?;
        write_difference(&mut tx, &current, &next, &mut released).await?;
        sqlx::query("UPDATE workspace_revision SET revision = ?, generation = ? WHERE id = 1")
            .bind(next.revision as i64)
            .bind(next.generation as i64)
            .execute(&mut *tx)
            .await?;
        tx.direct(|conn| super::events::record(conn, &events))
            .await?;
        tx.commit().await?;
        Ok((next, released))
    }
}

/// The open and pending tickets an operator or a team being removed leaves:
/// the operator's are unassigned (nobody could work them), the team's go
/// where `leaving` says, counted here (the database alone would clear their
/// team without a word: ON DELETE SET NULL), each with a timeline entry and
/// its event, in the change's transaction. Removing an operator through
/// `DELETE /v1/operators/{handle}` releases them first.
fn release_removed(
    conn: &Direct,
    before: &Snapshot,
    after: &Snapshot,
    leaving: &mut LeavingTeam<'_>,
    released: &mut Released,
) -> StoreResult<Vec<NewEvent>> {
    let at = crate::server::store::stored_now();
    let mut events = Vec::new();
    let (operators, teams) = removed(before, after);
    for handle in operators {
        let numbers = open_ticket_numbers(conn, "assignee", handle)?;
        Released::add(&mut released.tickets, handle, numbers.len() as u64);
        for number in numbers {
            let (_, event) = update_ticket(conn, number, |_| {
                Ok(crate::domain::tickets::released(handle, None, at))
            })?;
            events.push(event);
        }
    }
    for team in teams {
        let numbers = open_ticket_numbers(conn, "team_key", team)?;
        let to = leaving(team, numbers.len() as u64, after)?;
        for number in numbers {
            let (_, event) = update_ticket(conn, number, |_| {
                Ok(crate::domain::tickets::team_moved(team, to.as_deref(), at))
            })?;
            events.push(event);
        }
    }
    Ok(events)
}

/// Every configuration table, in the caller's transaction.
fn read(conn: &Direct) -> StoreResult<Snapshot> {
    let (revision, generation) = one(
        conn,
        "SELECT revision, generation FROM workspace_revision WHERE id = 1",
        [],
        |row| Ok((row.int("revision")?, row.int("generation")?)),
    )?;
    let all = |sql: &str| owned_rows(conn, sql, []);
    rows::snapshot(Tables {
        revision,
        generation,
        members: all("SELECT team_key, operator_handle FROM team_members \
                      ORDER BY team_key, operator_handle")?,
        operators: all(
            "SELECT handle, display_name, email, signature, role, availability, \
                        capacity, created_at, updated_at FROM operators WHERE removed_at IS NULL \
                        ORDER BY handle",
        )?,
        teams: all("SELECT key, name, is_default, created_at, updated_at FROM teams ORDER BY key")?,
        fields: all(
            "SELECT key, name, field_type, options, created_at, updated_at \
                     FROM ticket_fields ORDER BY key",
        )?,
        settings: all("SELECT name, value FROM settings")?,
        rules: all(
            "SELECT id, kind, position, name, match_mode, conditions, priority, team_key \
                    FROM rules ORDER BY kind, position",
        )?,
        agents: all("SELECT key, name, handover, created_at, updated_at FROM agents ORDER BY key")?,
        integrations: all(
            "SELECT kind, settings, secrets, base_url, fields, priorities, status, \
                           last_test, created_at, updated_at FROM integrations ORDER BY kind",
        )?,
    })
}

/// Writes what differs between `before` and `after`, in an order that keeps
/// every reference valid at each statement: teams and operators before their
/// memberships and the rules naming them, removals of what others refer to last.
async fn write_difference(
    conn: &mut SqliteConnection,
    before: &Snapshot,
    after: &Snapshot,
    released: &mut Released,
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
             updated_at = excluded.updated_at, created_at = excluded.created_at, \
             last_assigned_at = CASE WHEN operators.removed_at IS NULL \
             THEN operators.last_assigned_at END, removed_at = NULL",
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
    // An operator's tokens go with them (their memberships went above), but
    // the row stays, marked removed: the resolved tickets they handled keep
    // them as assignee (their open ones were released before this). Memberships
    // and the round-robin position go with a team (ON DELETE CASCADE); its
    // tickets are left without a team (ON DELETE SET NULL).
    for operator in &operators.removed {
        let revoked = sqlx::query("DELETE FROM tokens WHERE operator_handle = ?")
            .bind(&operator.handle)
            .execute(&mut *conn)
            .await?
            .rows_affected();
        Released::add(&mut released.tokens, &operator.handle, revoked);
        sqlx::query("DELETE FROM open_ticket_counts WHERE assignee = ?")
            .bind(&operator.handle)
            .execute(&mut *conn)
            .await?;
        sqlx::query("UPDATE operators SET removed_at = ? WHERE handle = ?")
            .bind(super::now())
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
