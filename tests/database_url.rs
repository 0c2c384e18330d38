//! `--database URL` / `DESKCTL_DATABASE_URL` as a user meets them: a URL for
//! anything but PostgreSQL is a usage error (exit 2), a URL that does not
//! parse says how to write a password, and a server that refuses a
//! connection for now (starting, stopping, out of slots) is unavailable
//! (exit 7), not a fault of the URL (exit 1). An IPv6 host connects as psql
//! connects to it. No password is ever printed. A server out of disk is a
//! full disk, as on SQLite.

use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

use crate::common::{Backend, Desk, postgres};

const PASSWORD: &str = "s3cret-pw";

#[test]
fn a_url_for_another_database_is_a_usage_error_naming_the_schemes() {
    let desk = Desk::new();
    for scheme in ["http", "mysql"] {
        let url = format!("{scheme}://desk:{PASSWORD}@127.0.0.1:55499/desk");
        desk.elsewhere()
            .env("DESKCTL_DATABASE_URL", &url)
            .args(["teams", "list"])
            .assert()
            .code(2)
            .stderr(contains(format!(
                "must start with postgres:// or postgresql://, not {scheme}://"
            )))
            .stderr(contains("--desk PATH"))
            .stderr(contains(PASSWORD).not());
    }
    // --database too, and serve, which reads it itself.
    let url = format!("http://desk:{PASSWORD}@127.0.0.1:55499/desk");
    for command in [
        &["teams", "list"][..],
        &["serve", "--listen", "127.0.0.1:0"],
    ] {
        desk.elsewhere()
            .args(["--database", &url])
            .args(command)
            .assert()
            .code(2)
            .stderr(contains("not http://"))
            .stderr(contains(PASSWORD).not());
    }
}

#[test]
fn a_sqlite_url_points_to_the_desk_flag() {
    let desk = Desk::new();
    desk.elsewhere()
        .env("DESKCTL_DATABASE_URL", "sqlite:///tmp/x.sqlite")
        .args(["teams", "list"])
        .assert()
        .code(2)
        .stderr(contains("not sqlite://"))
        .stderr(contains("--desk PATH or DESKCTL_DESK"))
        .stderr(contains("cannot reach").not());
}

#[test]
fn special_characters_in_a_password_are_to_be_percent_encoded() {
    let desk = Desk::new();
    for special in ["#", "/", "?"] {
        let password = format!("pa{special}{PASSWORD}");
        let url = format!("postgres://desk:{password}@127.0.0.1:55499/desk");
        desk.elsewhere()
            .env("DESKCTL_DATABASE_URL", &url)
            .args(["teams", "list"])
            .assert()
            .code(1)
            .stderr(contains("percent-encoded"))
            .stderr(contains("`#` as %23"))
            .stderr(contains(PASSWORD).not());
    }
}

/// A URL that does not parse is shown in the error, its password masked;
/// a socket URL naming a user with no host is told the two forms that work.
#[test]
fn a_url_that_does_not_parse_is_shown_masked_with_the_forms_that_work() {
    let desk = Desk::new();
    let socket = "postgres://desk@/desk?host=/run/pg";
    desk.elsewhere()
        .env("DESKCTL_DATABASE_URL", socket)
        .args(["teams", "list"])
        .assert()
        .code(1)
        .stderr(contains(format!(
            "the database URL {socket} is not valid: "
        )))
        .stderr(contains(
            "empty host; a socket URL that names a user gives it as the `user=` parameter \
             (postgres:///DATABASE?host=/run/postgresql&user=USER) or the socket directory, \
             percent-encoded, as the host (postgres://USER@%2Frun%2Fpostgresql/DATABASE)",
        ));
    desk.elsewhere()
        .env(
            "DESKCTL_DATABASE_URL",
            format!("postgres://desk:{PASSWORD}@127.0.0.1:99999/desk"),
        )
        .args(["teams", "list"])
        .assert()
        .code(1)
        .stderr(contains(
            "the database URL postgres://desk:***@127.0.0.1:99999/desk is not valid",
        ))
        .stderr(contains("(an unreadable URL)").not())
        .stderr(contains(PASSWORD).not());
}

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

/// An IPv6 address is written in brackets in a URL (`[::1]`), and connected
/// to as the address, as psql does: not looked up as a name with its brackets.
#[test]
fn a_url_with_an_ipv6_address_connects_to_it() {
    let Some(cluster) = postgres::own_ipv6_cluster() else {
        return;
    };
    let database = cluster.database();
    assert!(database.url.contains("@[::1]:"), "{}", database.url);
    let desk = Desk::new();
    desk.elsewhere()
        .args(["--database", &database.url])
        .args(["operators", "add", "alice", "--name", "Alice"])
        .args(["--email", "alice@example.com"])
        .assert()
        .success();
    desk.elsewhere()
        .env("DESKCTL_DATABASE_URL", &database.url)
        .args(["operators", "list", "-o", "name"])
        .assert()
        .success()
        .stdout(contains("alice"));
}

/// A role that may not create the schema (PostgreSQL 15 gives PUBLIC no
/// CREATE on schema public; only the database's owner may create a trusted
/// extension) is told which migration was refused and what to grant, without
/// PostgreSQL's own source lines; the migrations run in one transaction, so
/// the database is left as it was, however far they got.
#[test]
fn a_role_without_rights_to_the_schema_is_told_what_to_grant_and_nothing_is_applied() {
    let Some(database) = postgres::database() else {
        return;
    };
    let role = format!("{}_plain", database.name);
    database.sql(&format!("CREATE ROLE {role} LOGIN"));
    let url = as_user(&database.url, &role);
    let desk = Desk::new();
    let add_operator = || {
        desk.elsewhere()
            .env("DESKCTL_DATABASE_URL", &url)
            .args(["operators", "add", "alice", "--name", "Alice"])
            .args(["--email", "alice@example.com"])
            .assert()
    };
    let tables = || {
        database.sql(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = 'public'",
        )
    };
    let no_source_line = || contains(" at line ").not();
    let to_own = format!("ALTER DATABASE {} OWNER TO {role};", database.name);

    add_operator()
        .code(1)
        .stderr(contains(format!("PostgreSQL user '{role}' may not create")))
        .stderr(contains(
            "preparing the migrations failed: permission denied for schema public",
        ))
        .stderr(contains(to_own.as_str()))
        .stderr(contains("None of the pending migrations was applied"))
        .stderr(no_source_line());
    assert_eq!(tables().trim(), "0");

    // Tables it may create now, but not the extension that migration 4 needs:
    // migrations 1 to 3 are rolled back with it.
    database.sql(&format!("GRANT CREATE ON SCHEMA public TO {role}"));
    add_operator()
        .code(1)
        .stderr(contains(
            "migration 4 (text search) failed: permission denied to create extension",
        ))
        .stderr(contains("have a superuser run `CREATE EXTENSION pg_trgm;`"))
        .stderr(contains(to_own.as_str()))
        .stderr(no_source_line());
    assert_eq!(tables().trim(), "0");

    // Done as the message says, the same command creates the desk.
    database.sql("CREATE EXTENSION pg_trgm");
    add_operator().success();
    desk.elsewhere()
        .env("DESKCTL_DATABASE_URL", &url)
        .args(["operators", "list", "-o", "name"])
        .assert()
        .success()
        .stdout(contains("alice"));
    database.sql(&format!("DROP OWNED BY {role}; DROP ROLE {role}"));
}

/// Processes starting together on a new database wait for the one that
/// migrates, then find the schema applied: the migration lock is held until
/// its transaction has committed.
#[test]
fn processes_starting_together_on_a_new_database_apply_the_schema_once() {
    for _round in 0..3 {
        let Some(database) = postgres::database() else {
            return;
        };
        let desk = Desk::new();
        let adds = (0..3).map(|i| {
            let mut add = desk.std_cmd();
            add.env_remove("DESKCTL_DESK")
                .env("DESKCTL_DATABASE_URL", &database.url)
                .args(["operators", "add", &format!("op-{i}"), "--name", "Op"])
                .args(["--email", "op@example.com"]);
            add
        });
        crate::common::succeed_together("a process on a new database", adds);
        assert_eq!(
            database.sql("SELECT handle FROM operators ORDER BY handle"),
            "op-0\nop-1\nop-2\n"
        );
    }
}

/// A password file the driver passes over, as psql does, because its group
/// or others may read it: a URL without a password is refused as before, and
/// the error names the file and `chmod 600`. Made private, it is read.
#[test]
fn a_password_file_others_may_read_is_named_when_the_password_is_refused() {
    let Some(cluster) = postgres::password_cluster(PASSWORD) else {
        return;
    };
    let database = cluster.tcp.database();
    let desk = Desk::new();
    let pgpass = desk.dir.path().join("pgpass");
    std::fs::write(
        &pgpass,
        format!("127.0.0.1:{}:*:*:{PASSWORD}\n", cluster.tcp.port),
    )
    .unwrap();
    let chmod = |mode: u32| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    let teams = || {
        let mut command = desk.elsewhere();
        command
            .env("DESKCTL_DATABASE_URL", &database.url)
            .env("PGPASSFILE", &pgpass)
            .args(["teams", "list"]);
        command
    };
    chmod(0o644);
    let shown = pgpass.display();
    teams()
        .assert()
        .code(1)
        .stderr(contains("refused user"))
        .stderr(contains(format!(
            "the password file {shown} was not read, as its group or others may read it \
             (mode 0644; it must be u=rw, 0600, or less): `chmod 600 {shown}`"
        )))
        .stderr(contains(PASSWORD).not());

    // Read now: the password is taken, and only the desk is missing.
    chmod(0o600);
    teams()
        .assert()
        .code(5)
        .stderr(contains("no desk in the database"));

    // A wrong password in the URL is not the password file's fault.
    chmod(0o644);
    let wrong = database
        .url
        .replacen("deskctl@", "deskctl:not-the-password@", 1);
    desk.elsewhere()
        .env("DESKCTL_DATABASE_URL", &wrong)
        .env("PGPASSFILE", &pgpass)
        .args(["teams", "list"])
        .assert()
        .code(1)
        .stderr(contains("refused user"))
        .stderr(contains("password file").not());
}

/// PostgreSQL's own "disk full" (53100) is the disk-full refusal a SQLite
/// desk gives: exit 7 from a command, 503 `disk_full` with `Retry-After` from
/// the service, nothing written, and the same write works once there is room.
#[test]
fn a_postgres_server_out_of_disk_refuses_writes_as_a_full_disk() {
    let Some(desk) = Desk::on(Backend::Postgres) else {
        return;
    };
    let database = desk
        .database
        .as_ref()
        .expect("a PostgreSQL desk's database");
    desk.run(&["teams", "add", "support", "--name", "Support"]);
    // A trigger raising the code PostgreSQL raises when it cannot extend a
    // table's file: a full disk, without filling one.
    database.sql(
        "CREATE FUNCTION pretend_the_disk_is_full() RETURNS trigger AS $$ \
         BEGIN RAISE EXCEPTION 'could not extend file \"base/1/2\": No space left on device' \
         USING ERRCODE = 'disk_full'; END $$ LANGUAGE plpgsql; \
         CREATE TRIGGER full_disk BEFORE INSERT ON teams \
         FOR EACH ROW EXECUTE FUNCTION pretend_the_disk_is_full()",
    );
    let refused = desk
        .cmd()
        .args(["teams", "add", "billing", "--name", "Billing"])
        .assert()
        .code(7);
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
    assert!(
        stderr.contains("the database server's disk is full")
            && stderr.contains("No space left on device")
            && stderr.contains("nothing was written"),
        "{stderr}"
    );

    desk.run(&[
        "operators",
        "add",
        "alice",
        "--name",
        "Alice",
        "--email",
        "alice@example.com",
        "--role",
        "owner",
    ]);
    let token = desk.token("alice");
    let server = desk.serve();
    let auth = format!("Bearer {token}");
    let response = server.raw(
        "POST",
        "/v1/teams",
        &[
            ("Authorization", auth.as_str()),
            ("Content-Type", "application/json"),
        ],
        br#"{"key": "billing", "name": "Billing"}"#,
    );
    assert_eq!(response.status, 503, "{}", response.body);
    assert!(
        response
            .headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("retry-after")),
        "{:?}",
        response.headers
    );
    assert_eq!(response.json()["code"], "disk_full", "{}", response.body);

    database.sql("DROP TRIGGER full_disk ON teams");
    desk.run(&["teams", "add", "billing", "--name", "Billing"]);
    let teams = desk.run(&["teams", "list", "-o", "json"]);
    assert!(teams.contains("\"billing\""), "{teams}");
}
