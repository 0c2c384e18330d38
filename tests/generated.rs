//! The committed generated files (completions, man page, CLI reference, exit
//! codes, OpenAPI) must match what the code generates now.
//!
//! Refresh them with `UPDATE_GENERATED=1 cargo test --test integration generated`.

use std::path::Path;

#[test]
fn generated_files_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_GENERATED").is_some();
    let mut stale = Vec::new();
    let files = deskctl::docs::generated_files();
    // A file left behind by a removed command is stale too.
    for dir in ["completions", "docs/man"] {
        for entry in std::fs::read_dir(root.join(dir)).into_iter().flatten() {
            let path = format!("{dir}/{}", entry.unwrap().file_name().to_string_lossy());
            if !files.iter().any(|(generated, _)| *generated == path) {
                if update {
                    std::fs::remove_file(root.join(&path)).unwrap();
                } else {
                    stale.push(path);
                }
            }
        }
    }
    for (path, contents) in files {
        let full = root.join(&path);
        if update {
            std::fs::create_dir_all(full.parent().unwrap()).unwrap();
            std::fs::write(&full, &contents).unwrap();
            continue;
        }
        match std::fs::read(&full) {
            Ok(committed) if committed == contents => {}
            _ => stale.push(path),
        }
    }
    assert!(
        stale.is_empty(),
        "these generated files are stale or missing: {stale:?}\n\
         run `UPDATE_GENERATED=1 cargo test --test integration generated` and commit the result"
    );
}

#[test]
fn the_completions_command_prints_the_committed_script() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_deskctl"))
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let committed =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/deskctl.bash"))
            .unwrap();
    assert_eq!(output.stdout, committed);
}

#[test]
fn the_openapi_document_lists_every_route_of_the_router() {
    let doc = deskctl::server::openapi();
    let paths: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for expected in [
        "/v1/health",
        "/v1/version",
        "/v1/operators",
        "/v1/operators/{handle}",
        "/v1/operators/{handle}/availability",
        "/v1/teams",
        "/v1/teams/{key}",
        "/v1/tokens",
        "/v1/tokens/{id}",
        "/v1/agents",
        "/v1/agents/{key}",
        "/v1/agents/{key}/handover",
        "/v1/agents/{key}/handover/status",
        "/v1/settings/assignment",
        "/v1/settings/business-hours",
        "/v1/settings/business-hours/check",
        "/v1/settings/notifications",
        "/v1/settings/handoff",
        "/v1/ticket-fields",
        "/v1/ticket-fields/{key}",
        "/v1/rules/{kind}",
        "/v1/rules/{kind}/{id}",
        "/v1/rules/{kind}/{id}/move",
    ] {
        assert!(
            paths.contains(&expected),
            "{expected} missing from {paths:?}"
        );
    }
}

/// The probes are spared by both limits (see docs/configuration.md): the
/// document must not promise a `429` that the service never sends for them,
/// while the routes a budget does count keep theirs.
#[test]
fn the_openapi_document_promises_no_429_for_the_probes() {
    let committed =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/openapi.json"))
            .unwrap();
    let doc: serde_json::Value = serde_json::from_str(&committed).unwrap();
    for probe in ["/v1/health", "/v1/version"] {
        let responses = &doc["paths"][probe]["get"]["responses"];
        assert!(responses.is_object(), "{probe} has no responses");
        assert!(
            responses.get("429").is_none(),
            "{probe} lists a 429: {responses}"
        );
        assert!(responses.get("503").is_some(), "{probe}: {responses}");
    }
    assert_eq!(
        doc["paths"]["/v1/tickets"]["get"]["responses"]["429"]["$ref"],
        "#/components/responses/RateLimited"
    );
}
