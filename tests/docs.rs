//! The README and docs/ as a newcomer reads them: the README's command-by-command
//! walk-through runs as written on a new desk, and every link between the
//! documents leads to a file and a heading that exist.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::Desk;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The shell lines of the first `sh` block after `heading` in `text`, with
/// continuation lines joined and comments left as they are.
fn sh_block_after(text: &str, heading: &str) -> Vec<String> {
    let after = &text[text
        .find(heading)
        .unwrap_or_else(|| panic!("no heading {heading:?}"))..];
    let start = after.find("```sh\n").expect("an sh block") + "```sh\n".len();
    let block = &after[start..start + after[start..].find("```").unwrap()];
    block
        .replace("\\\n", " ")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

/// Commands that need a terminal, or stream until stopped: the README says so
/// beside each, and the terminal tests run them.
fn needs_a_terminal(line: &str) -> bool {
    [
        "tickets triage",
        "--watch",
        "deskctl inbox",
        "deskctl events",
    ]
    .iter()
    .any(|word| line.contains(word))
}

#[test]
fn the_readmes_one_resource_at_a_time_runs_as_written_on_a_new_desk() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let lines = sh_block_after(&readme, "## One resource at a time");
    assert!(lines.len() > 15, "{lines:?}");
    let desk = Desk::new();
    for line in lines.iter().filter(|line| !needs_a_terminal(line)) {
        // A reply asks first on a terminal; here stdin is closed.
        let line = if line.contains("tickets reply") {
            line.replacen("tickets reply", "tickets reply --yes", 1)
        } else {
            line.clone()
        };
        let output = desk
            .std_cmd_of("bash")
            .arg("-c")
            .arg(format!("deskctl() {{ \"$DESKCTL_BIN\" \"$@\"; }}\n{line}"))
            .env("DESKCTL_BIN", common::BIN)
            .current_dir(ROOT)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "the README's `{line}` failed ({:?}):\n{}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let tickets = desk.run(&["tickets", "list", "--view", "resolved", "-o", "name"]);
    assert_eq!(tickets.trim(), "10001");
}

/// README.md and every Markdown file under docs/.
fn documents() -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|ext| ext == "md") {
                found.push(path);
            }
        }
    }
    let mut found = vec![Path::new(ROOT).join("README.md")];
    walk(&Path::new(ROOT).join("docs"), &mut found);
    found.sort();
    found
}

/// The anchors a Markdown file's headings get, as GitHub makes them: lower
/// case, punctuation dropped, spaces as dashes.
fn anchors(text: &str) -> Vec<String> {
    let mut in_code = false;
    let mut anchors = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        }
        let Some(heading) = (!in_code)
            .then(|| line.trim_start_matches('#'))
            .filter(|rest| rest.len() < line.len() && rest.starts_with(' '))
        else {
            continue;
        };
        anchors.push(
            heading
                .trim()
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
                .map(|c| if c == ' ' { '-' } else { c })
                .collect(),
        );
    }
    anchors
}

/// Every `](target)` of a Markdown text that is not a web address.
fn local_links(text: &str) -> Vec<String> {
    text.match_indices("](")
        .filter_map(|(at, _)| {
            let rest = &text[at + 2..];
            let target = &rest[..rest.find(')')?];
            (!target.contains("://") && !target.starts_with("mailto:")).then(|| target.to_string())
        })
        .collect()
}

#[test]
fn every_link_between_the_documents_leads_to_a_file_and_a_heading() {
    let mut broken = Vec::new();
    let mut checked = 0;
    for document in documents() {
        let text = std::fs::read_to_string(&document).unwrap();
        for link in local_links(&text) {
            checked += 1;
            let (file, anchor) = link.split_once('#').unwrap_or((&link, ""));
            let target = if file.is_empty() {
                document.clone()
            } else {
                document.parent().unwrap().join(file)
            };
            let name = document.strip_prefix(ROOT).unwrap().display().to_string();
            if !target.exists() {
                broken.push(format!("{name}: {link}: no such file"));
            } else if !anchor.is_empty()
                && target.extension().is_some_and(|ext| ext == "md")
                && !anchors(&std::fs::read_to_string(&target).unwrap()).contains(&anchor.into())
            {
                broken.push(format!("{name}: {link}: no such heading"));
            }
        }
    }
    assert!(checked > 20, "only {checked} links found");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn the_link_check_sees_a_missing_heading_and_a_missing_file() {
    let text = "# The service\n\n## Secrets at rest\n\n```sh\n# not a heading\n```\n";
    assert_eq!(anchors(text), ["the-service", "secrets-at-rest"]);
    assert_eq!(
        local_links("see [a](deployment.md#backups), [b](https://x.example/), [c](#top)"),
        ["deployment.md#backups", "#top"]
    );
}

/// Every fenced block of `language` in README.md and docs/, with where it is.
fn blocks(language: &str) -> Vec<(String, String)> {
    let fence = format!("```{language}\n");
    let mut found = Vec::new();
    for document in documents() {
        let text = std::fs::read_to_string(&document).unwrap();
        let name = document.strip_prefix(ROOT).unwrap().display().to_string();
        let mut rest = text.as_str();
        while let Some(start) = rest.find(&fence) {
            let body = &rest[start + fence.len()..];
            let end = body.find("```").unwrap();
            let line = text[..text.len() - rest.len() + start].lines().count() + 1;
            found.push((format!("{name}:{line}"), body[..end].to_string()));
            rest = &body[end + 3..];
        }
    }
    found
}

/// The docs' YAML and JSON examples are what the product takes: each desk
/// document validates, each handoff previews on the example desk, and the
/// CLI's config file example is read as it is written.
#[test]
fn the_docs_yaml_and_json_examples_are_taken_as_written() {
    let desk = Desk::new();
    let example = Path::new(ROOT).join("docs/examples/desk.yaml");
    desk.cmd()
        .env("SMTP_PASSWORD", "a-stand-in")
        .args(["apply", "--yes", "-f"])
        .arg(&example)
        .assert()
        .success();
    let (mut documents, mut handoffs, mut configs) = (0, 0, 0);
    for (place, text) in blocks("yaml").into_iter().chain(blocks("json")) {
        let checked = if text.contains("apiVersion:") {
            documents += 1;
            desk.cmd()
                .args(["validate", "-f", "-"])
                .write_stdin(text.clone())
                .output()
        } else if text.contains("\"transcript\"") {
            handoffs += 1;
            desk.cmd()
                .args(["handoff", "preview", "-f", "-"])
                .write_stdin(text.clone())
                .output()
        } else if text.contains("current-context:") {
            configs += 1;
            std::fs::create_dir_all(desk.config().parent().unwrap()).unwrap();
            std::fs::write(desk.config(), &text).unwrap();
            desk.cmd().args(["context", "list"]).output()
        } else {
            continue;
        }
        .unwrap();
        assert!(
            checked.status.success(),
            "{place}: the example is refused ({:?}):\n{text}\n{}",
            checked.status.code(),
            String::from_utf8_lossy(&checked.stderr)
        );
    }
    assert!(
        documents >= 1 && handoffs >= 1 && configs >= 1,
        "{documents} documents, {handoffs} handoffs, {configs} configs"
    );
}
