//! The workspace's configuration tables, read as one [`Snapshot`] in one
//! database snapshot, and changed only under the lock of the
//! `workspace_revision` row: across replicas, one change at a time, each
//! guarded by the revision its caller planned against.

use std::collections::BTreeSet;

use sqlx::{PgConnection, Row};

use super::tickets::update_ticket;
use super::{At, PostgresStore};
use crate::api::Rule;
use crate::domain::workspace::Snapshot;
use crate::server::store::rows::{self, Tables};
use crate::server::store::shared::removed;
use crate::server::store::shared::{diff, encode, sections};
use crate::server::store::{
    LeavingTeam, NewEvent, Released, StoreError, StoreResult, WorkspaceChange,
};

impl PostgresStore {
    /// Moves on with every change to the workspace.
    pub async fn generation(&self) -> StoreResult<u64> {
        let generation: i64 =
            sqlx::query_scalar("SELECT generation FROM workspace_revision WHERE id = 1")
                .fetch_one(self.pool())
                .await?;
        Ok(generation as u64)
    }

    /// The whole configuration, as one consistent snapshot.
    pub async fn read_workspace(&self) -> StoreResult<Snapshot> {
        let mut tx = super::snapshot(self.pool()).await?;
        let snapshot = read(&mut tx, false).await?;
        tx.commit().await?;
        Ok(snapshot)
    }

    /// See [`crate::server::store::Workspace::change_workspace`]: under the
    /// revision row's lock, only the difference is written.
    pub async fn change_workspace(
        &self,
        expected: Option<u64>,
        change: WorkspaceChange<'_>,
        mut leaving: LeavingTeam<'_>,
    ) -> StoreResult<(Snapshot, Released)> {
        let mut tx = self.pool().begin().await?;
        let current = read(&mut tx, true).await?;
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
        let events = release_removed(&mut tx, &current, &next, &mut leaving, &mut released).await?;
        write_difference(&mut tx, &current, &next, &mut released).await?;
        sqlx::query("UPDATE workspace_revision SET revision = $1, generation = $2 WHERE id = 1")
            .bind(next.revision as i64)
            .bind(next.generation as i64)
            .execute(&mut *tx)
            .await?;
        // Last: the event counter's row lock is held until commit.
        super::events::record(&mut tx, &events).await?;
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
async fn release_removed(
    conn: &mut PgConnection,
    before: &Snapshot,
    after: &Snapshot,
    leaving: &mut LeavingTeam<'_>,
    released: &mut Released,
) -> StoreResult<Vec<NewEvent>> {
    let at = crate::server::store::stored_now();
    let mut events = Vec::new();
    let (operators, teams) = removed(before, after);
    for handle in operators {
        let numbers: Vec<i64> = sqlx::query_scalar(
            "SELECT number FROM tickets WHERE assignee = $1 AND status IN ('open', 'pending') \
             ORDER BY number FOR UPDATE",
        )
        .bind(handle)
        .fetch_all(&mut *conn)
        .await?;
        Released::add(&mut released.tickets, handle, numbers.len() as u64);
        for number in numbers {
            let (_, event) = update_ticket(conn, number as u64, |_| {
                Ok(crate::domain::tickets::released(handle, None, at))
            })
            .await?;
            events.push(event);
        }
    }
    for team in teams {
        // The team's row first: a ticket routed to it (another replica's
        // handoff, an assignment) holds a key-share lock on it until it
        // commits, and none can be routed to it until this transaction ends:
        // the count below misses none.
        sqlx::query("SELECT 1 FROM teams WHERE key = $1 FOR UPDATE")
            .bind(team)
            .execute(&mut *conn)
            .await?;
        let numbers: Vec<i64> = sqlx::query_scalar(
            "SELECT number FROM tickets WHERE team_key = $1 AND status IN ('open', 'pending') \
             ORDER BY number FOR UPDATE",
        )
        .bind(team)
        .fetch_all(&mut *conn)
        .await?;
        let to = leaving(team, numbers.len() as u64, after)?;
        for number in numbers {
            let (_, event) = update_ticket(conn, number as u64, |_| {
                Ok(crate::domain::tickets::team_moved(team, to.as_deref(), at))
            })
            .await?;
            events.push(event);
        }
    }
    Ok(events)
}

/// Every configuration table, in the caller's transaction; with `lock`, the
/// revision row is locked first, so no other change can interleave.
async fn read(conn: &mut PgConnection, lock: bool) -> StoreResult<Snapshot> {
    let counters = if lock {
        "SELECT revision, generation FROM workspace_revision WHERE id = 1 FOR UPDATE"
    } else {
        "SELECT revision, generation FROM workspace_revision WHERE id = 1"
    };
    let row = sqlx::query(counters).fetch_one(&mut *conn).await?;
    let mut all = async |sql: &'static str| sqlx::query(sql).fetch_all(&mut *conn).await;
    rows::snapshot(Tables {
        revision: row.try_get("revision")?,
        generation: row.try_get("generation")?,
        members: all("SELECT team_key, operator_handle FROM team_members \
                      ORDER BY team_key, operator_handle")
        .await?,
        operators: all(
            "SELECT handle, display_name, email, signature, role, availability, \
                        capacity, created_at, updated_at FROM operators WHERE removed_at IS NULL \
                        ORDER BY handle",
        )
        .await?,
        teams: all("SELECT key, name, is_default, created_at, updated_at FROM teams ORDER BY key")
            .await?,
        fields: all(
            "SELECT key, name, field_type, options::text AS options, created_at, \
                     updated_at FROM ticket_fields ORDER BY key",
        )
        .await?,
        settings: all("SELECT name, value::text AS value FROM settings").await?,
        rules: all(
            "SELECT id, kind, position, name, match_mode, conditions::text AS conditions, \
                    priority, team_key FROM rules ORDER BY kind, position",
        )
        .await?,
        agents: all(
            "SELECT key, name, handover::text AS handover, created_at, updated_at \
                     FROM agents ORDER BY key",
        )
        .await?,
        integrations: all(
            "SELECT kind, settings::text AS settings, secrets::text AS secrets, \
                           base_url, fields::text AS fields, priorities::text AS priorities, \
                           status, last_test::text AS last_test, created_at, updated_at \
                           FROM integrations ORDER BY kind",
        )
        .await?,
    })
}

/// Writes what differs between `before` and `after`, in an order that keeps
/// every reference valid at each statement: teams and operators before their
/// memberships and the rules naming them, removals of what others refer to last.
async fn write_difference(
    conn: &mut PgConnection,
    before: &Snapshot,
    after: &Snapshot,
    released: &mut Released,
) -> StoreResult<()> {
    let teams = diff(&before.teams, &after.teams, |t| t.key.clone());
    for team in teams.added.iter().chain(&teams.changed) {
        sqlx::query(
            "INSERT INTO teams (key, name, is_default, created_at, updated_at) \
             VALUES ($1, $2, false, $3, $4) \
             ON CONFLICT (key) DO UPDATE SET name = excluded.name, \
             updated_at = excluded.updated_at",
        )
        .bind(&team.key)
        .bind(&team.name)
        .bind(At(team.created_at))
        .bind(At(team.updated_at))
        .execute(&mut *conn)
        .await?;
    }

    let operators = diff(&before.operators, &after.operators, |o| o.handle.clone());
    for operator in operators.added.iter().chain(&operators.changed) {
        sqlx::query(
            "INSERT INTO operators (handle, display_name, email, signature, role, availability, \
             capacity, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
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
        .bind(operator.capacity.map(|c| c as i32))
        .bind(At(operator.created_at))
        .bind(At(operator.updated_at))
        .execute(&mut *conn)
        .await?;
    }

    let pairs = |snapshot: &Snapshot| -> BTreeSet<(String, String)> {
        crate::domain::workspace::change::memberships(snapshot)
    };
    let (old_pairs, new_pairs) = (pairs(before), pairs(after));
    for (handle, team) in old_pairs.difference(&new_pairs) {
        sqlx::query("DELETE FROM team_members WHERE team_key = $1 AND operator_handle = $2")
            .bind(team)
            .bind(handle)
            .execute(&mut *conn)
            .await?;
    }
    for (handle, team) in new_pairs.difference(&old_pairs) {
        sqlx::query("INSERT INTO team_members (team_key, operator_handle) VALUES ($1, $2)")
            .bind(team)
            .bind(handle)
            .execute(&mut *conn)
            .await?;
    }

    if before.default_team() != after.default_team() {
        sqlx::query("UPDATE teams SET is_default = false WHERE is_default")
            .execute(&mut *conn)
            .await?;
        sqlx::query("UPDATE teams SET is_default = true WHERE key = $1")
            .bind(after.default_team())
            .execute(&mut *conn)
            .await?;
    }

    let fields = diff(&before.fields, &after.fields, |f| f.key.clone());
    for field in fields.added.iter().chain(&fields.changed) {
        sqlx::query(
            "INSERT INTO ticket_fields (key, name, field_type, options, created_at, updated_at) \
             VALUES ($1, $2, $3, $4::jsonb, $5, $6) ON CONFLICT (key) DO UPDATE SET \
             name = excluded.name, options = excluded.options, updated_at = excluded.updated_at",
        )
        .bind(&field.key)
        .bind(&field.name)
        .bind(field.field_type.as_str())
        .bind(encode(&field.options))
        .bind(At(field.created_at))
        .bind(At(field.updated_at))
        .execute(&mut *conn)
        .await?;
    }
    for field in &fields.removed {
        sqlx::query("DELETE FROM ticket_fields WHERE key = $1")
            .bind(&field.key)
            .execute(&mut *conn)
            .await?;
    }

    let now = super::now();
    for ((name, old), (_, new)) in sections(before).into_iter().zip(sections(after)) {
        if old != new {
            sqlx::query(
                "INSERT INTO settings (name, value, updated_at) VALUES ($1, $2::jsonb, $3) \
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value, \
                 updated_at = excluded.updated_at",
            )
            .bind(name)
            .bind(new)
            .bind(now)
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
        sqlx::query("DELETE FROM rules WHERE id = $1")
            .bind(&rule.id)
            .execute(&mut *conn)
            .await?;
    }
    for rule in rules.added.iter().chain(&rules.changed) {
        sqlx::query(
            "INSERT INTO rules (id, kind, position, name, match_mode, conditions, priority, \
             team_key, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $9) \
             ON CONFLICT (id) DO UPDATE SET position = excluded.position, name = excluded.name, \
             match_mode = excluded.match_mode, conditions = excluded.conditions, \
             priority = excluded.priority, team_key = excluded.team_key, \
             updated_at = excluded.updated_at",
        )
        .bind(&rule.id)
        .bind(rule.kind.as_str())
        .bind(rule.position as i32)
        .bind(&rule.name)
        .bind(rule.match_mode.as_str())
        .bind(encode(&rule.conditions))
        .bind(rule.priority.map(|p| p.as_str()))
        .bind(&rule.team)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }

    let integrations = diff(&before.integrations, &after.integrations, |i| i.kind());
    for record in integrations.added.iter().chain(&integrations.changed) {
        let connection = &record.connection;
        sqlx::query(
            "INSERT INTO integrations (kind, settings, secrets, base_url, fields, priorities, \
             status, last_test, created_at, updated_at) \
             VALUES ($1, $2::jsonb, $3::jsonb, $4, $5::jsonb, $6::jsonb, $7, $8::jsonb, $9, $10) \
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
        .bind(At(record.created_at))
        .bind(At(record.updated_at))
        .execute(&mut *conn)
        .await?;
    }

    let agents = diff(&before.agents, &after.agents, |a| a.key.clone());
    for agent in agents.added.iter().chain(&agents.changed) {
        sqlx::query(
            "INSERT INTO agents (key, name, handover, created_at, updated_at) \
             VALUES ($1, $2, $3::jsonb, $4, $5) ON CONFLICT (key) DO UPDATE SET \
             name = excluded.name, handover = excluded.handover, updated_at = excluded.updated_at",
        )
        .bind(&agent.key)
        .bind(&agent.name)
        .bind(agent.handover.as_ref().map(encode))
        .bind(At(agent.created_at))
        .bind(At(agent.updated_at))
        .execute(&mut *conn)
        .await?;
    }
    for agent in &agents.removed {
        sqlx::query("DELETE FROM agents WHERE key = $1")
            .bind(&agent.key)
            .execute(&mut *conn)
            .await?;
    }
    for record in &integrations.removed {
        sqlx::query("DELETE FROM integrations WHERE kind = $1")
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
        let revoked = sqlx::query("DELETE FROM tokens WHERE operator_handle = $1")
            .bind(&operator.handle)
            .execute(&mut *conn)
            .await?
            .rows_affected();
        Released::add(&mut released.tokens, &operator.handle, revoked);
        sqlx::query("DELETE FROM open_ticket_counts WHERE assignee = $1")
            .bind(&operator.handle)
            .execute(&mut *conn)
            .await?;
        sqlx::query("UPDATE operators SET removed_at = $1 WHERE handle = $2")
            .bind(super::now())
            .bind(&operator.handle)
            .execute(&mut *conn)
            .await?;
    }
    for team in &teams.removed {
        sqlx::query("DELETE FROM teams WHERE key = $1")
            .bind(&team.key)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
