//! PostgreSQL over TLS, as docs/deployment.md gives it: `sslmode=verify-full`
//! with the CA that signed the server's certificate connects; a plain
//! connection to a server that takes only TLS, and a certificate no given CA
//! signed, are refused with what went wrong; so is TLS required of a server
//! that takes none.

use crate::common;

use common::Desk;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

#[test]
fn a_database_over_tls_is_reached_with_its_certificate_checked() {
    if !common::have_tool("openssl") {
        return;
    }
    let Some(cluster) = common::postgres::tls_cluster() else {
        return;
    };
    let database = cluster.tcp.database();
    let url = |query: &str| format!("{}?{query}", database.url);
    let desk = Desk::new();
    let ca = cluster.ca();
    let verified = url(&format!("sslmode=verify-full&sslrootcert={}", ca.display()));
    desk.elsewhere()
        .env("DESKCTL_DATABASE_URL", &verified)
        .args([
            "operators",
            "add",
            "alice",
            "--name",
            "Alice",
            "--email",
            "alice@example.com",
        ])
        .assert()
        .success();
    desk.elsewhere()
        .env("DESKCTL_DATABASE_URL", &verified)
        .args(["operators", "list", "-o", "name"])
        .assert()
        .success()
        .stdout(contains("alice"));
    // The server takes no plain connection: TLS is what let the above in.
    desk.elsewhere()
        .env("DESKCTL_DATABASE_URL", url("sslmode=disable"))
        .args(["operators", "list"])
        .assert()
        .code(1)
        .stderr(contains("no encryption").and(contains("sslmode=verify-full")));
    // A certificate that the given CA did not sign is refused, not trusted.
    let other_ca = desk.dir.path().join("other-ca.pem");
    let made = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
        ])
        .args(["-nodes", "-subj", "/CN=another CA", "-days", "2", "-keyout"])
        .arg(desk.dir.path().join("other-ca.key"))
        .arg("-out")
        .arg(&other_ca)
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    desk.elsewhere()
        .env(
            "DESKCTL_DATABASE_URL",
            url(&format!(
                "sslmode=verify-full&sslrootcert={}",
                other_ca.display()
            )),
        )
        .args(["operators", "list"])
        .assert()
        .code(1)
        .stderr(contains("the TLS connection to PostgreSQL").and(contains("certificate")));
}

/// `sslmode=require` (in the URL or `PGSSLMODE`) against a server that takes
/// no TLS: the server is what lacks it, not a certificate, so the message says
/// so and names no `sslrootcert`.
#[test]
fn a_server_without_tls_is_named_as_such_when_tls_is_required() {
    let Some(cluster) = common::postgres::own_tcp_cluster() else {
        return;
    };
    let database = cluster.database();
    let desk = Desk::new();
    let required = [
        (
            "DESKCTL_DATABASE_URL",
            format!("{}?sslmode=require", database.url),
        ),
        ("PGSSLMODE", "require".to_string()),
    ];
    for (variable, value) in required {
        desk.elsewhere()
            .env("DESKCTL_DATABASE_URL", &database.url)
            .env(variable, value)
            .args(["operators", "list"])
            .assert()
            .code(1)
            .stderr(contains(
                "does not accept TLS connections, which sslmode=require",
            ))
            .stderr(contains("sslmode=disable"))
            .stderr(contains("sslrootcert").not());
    }
    // Without TLS required the same server is reached: it has no desk yet.
    desk.elsewhere()
        .env(
            "DESKCTL_DATABASE_URL",
            format!("{}?sslmode=prefer", database.url),
        )
        .args(["operators", "list"])
        .assert()
        .code(5)
        .stderr(contains("no desk in the database"));
}

/// A CA certificate that is not where `sslrootcert` (or `PGSSLROOTCERT`)
/// says is a mistake in the set-up, named as such (exit 1), not a server out
/// of reach to try again later (exit 7), which the driver's own "No such file
/// or directory" made it.
#[test]
fn a_ca_certificate_file_that_is_not_there_is_named_not_taken_for_a_server_down() {
    if !common::have_tool("openssl") {
        return;
    }
    let Some(cluster) = common::postgres::tls_cluster() else {
        return;
    };
    let database = cluster.tcp.database();
    let desk = Desk::new();
    let missing = desk.dir.path().join("db-ca.pem");
    let in_url = format!(
        "{}?sslmode=verify-full&sslrootcert={}",
        database.url,
        missing.display()
    );
    let in_variable = format!("{}?sslmode=verify-full", database.url);
    for (url, root) in [(&in_url, None), (&in_variable, Some(&missing))] {
        let mut command = desk.elsewhere();
        command.env("DESKCTL_DATABASE_URL", url);
        if let Some(root) = root {
            command.env("PGSSLROOTCERT", root);
        }
        command
            .args(["operators", "list"])
            .assert()
            .code(1)
            .stderr(contains(format!(
                "cannot read the CA certificate {}, named by sslrootcert (or PGSSLROOTCERT)",
                missing.display()
            )))
            .stderr(contains("cannot reach").not())
            .stderr(contains("is the database server running").not());
    }
}
