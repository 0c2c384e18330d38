//! `--database URL` / `DESKCTL_DATABASE_URL` as a user meets them: a server
//! that refuses a connection for now (starting, stopping, out of slots) is
//! unavailable (exit 7), not a fault of the URL (exit 1).

use predicates::str::contains;

use crate::common::{Desk, postgres};

/// The same URL with `user` in place of its user.
fn as_user(url: &str, user: &str) -> String {
    let mut parsed = url::Url::parse(url).unwrap();
    let has_user_parameter = parsed.query_pairs().any(|(key, _)| key == "user");
    if has_user_parameter {
        let pairs: Vec<(String, String)> = parsed
            .query_pairs()
            .map(|(key, value)| {
                let value = if key == "user" { user.into() } else { value };
                (key.into_owned(), value.into_owned())
            })
            .collect();
        parsed.query_pairs_mut().clear().extend_pairs(pairs);
    } else {
        parsed.set_username(user).unwrap();
    }
    parsed.to_string()
}

/// PostgreSQL out of connection slots for the role (SQLSTATE 53300), as a
/// server at `max_connections` or starting up refuses: worth trying again.
#[test]
fn a_server_out_of_connection_slots_is_unavailable_exit_7() {
    let Some(database) = postgres::database() else {
        return;
    };
    let role = format!("{}_full", database.name);
    database.sql(&format!("CREATE ROLE {role} LOGIN CONNECTION LIMIT 0"));
    let url = as_user(&database.url, &role);
    let desk = Desk::new();
    let assert = desk
        .elsewhere()
        .env("DESKCTL_DATABASE_URL", &url)
        .args(["teams", "list"])
        .assert();
    database.sql(&format!("DROP ROLE {role}"));
    assert
        .code(7)
        .stderr(contains("too many connections for role"))
        .stderr(contains("cannot take the connection now"));
}
