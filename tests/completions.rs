//! Completions that know the desk, in real bash, zsh and fish, and through the
//! entry point exactly as the elvish and PowerShell scripts call it.

use crate::common;

use common::{Desk, Tmux, have_tool, path_str, shell_quote};

/// A desk with two tickets, operators alice and bob, team support, agent shop,
/// a ticket field and a context `prod`; and a working directory full of files
/// whose names a file completion would offer.
fn desk() -> Desk {
    let desk = Desk::new();
    desk.seed();
    desk.seed_tickets(2);
    desk.run(&[
        "fields", "add", "order-id", "--name", "Order", "--type", "text",
    ]);
    desk.cmd()
        .args(["context", "add", "prod", "--server", "http://127.0.0.1:9"])
        .args(["--token-stdin", "--no-verify"])
        .write_stdin("desk_x")
        .assert()
        .success();
    let cwd = desk.dir.path().join("cwd");
    std::fs::create_dir_all(&cwd).unwrap();
    for name in ["10001-file", "alpha-file", "prod-file", "notes.json"] {
        std::fs::write(cwd.join(name), "").unwrap();
    }
    desk
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Only the values, not the flags every command also offers.
fn values(candidates: &[String]) -> Vec<String> {
    candidates
        .iter()
        .filter(|c| !c.starts_with('-'))
        .cloned()
        .collect()
}

/// The desk's environment with deskctl's directory on PATH, as an installed
/// deskctl would be.
fn on_path(desk: &Desk, cmd: &mut std::process::Command) {
    let dir = std::path::Path::new(common::BIN).parent().unwrap();
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    cmd.env("PATH", path)
        .current_dir(desk.dir.path().join("cwd"));
}

/// What bash offers for `line` (the cursor at its end), through the script
/// `deskctl completions bash` prints.
fn bash_completions(desk: &Desk, line: &str) -> Vec<String> {
    let mut cmd = desk.std_cmd_of("bash");
    on_path(desk, &mut cmd);
    let script = format!(
        "source <(deskctl completions bash) || exit 9
         read -ra COMP_WORDS <<< {line}
         [[ {line} == *' ' ]] && COMP_WORDS+=('')
         COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
         COMP_LINE={line}; COMP_POINT=${{#COMP_LINE}}; COMP_TYPE=9
         _clap_complete_deskctl deskctl \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        line = shell_quote(line),
    );
    let output = cmd
        .args(["--norc", "--noprofile", "-c", &script])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    lines(&output.stdout)
}

/// What bash offers for `line`, its words split as bash splits them for
/// completion: at spaces, and around each `=` and `:` (COMP_WORDBREAKS), `$2`
/// being what follows the last break.
fn bash_completions_split_at_breaks(desk: &Desk, line: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for token in line.split(' ') {
        let mut word = String::new();
        for c in token.chars() {
            if c == '=' || c == ':' {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                words.push(c.to_string());
            } else {
                word.push(c);
            }
        }
        if !word.is_empty() || token.is_empty() {
            words.push(word);
        }
    }
    let last = words.last().unwrap();
    let current = if last == "=" || last == ":" {
        ""
    } else {
        last.as_str()
    };
    let quoted: Vec<String> = words.iter().map(|w| shell_quote(w)).collect();
    let mut cmd = desk.std_cmd_of("bash");
    on_path(desk, &mut cmd);
    let script = format!(
        "source <(deskctl completions bash) || exit 9
         COMP_WORDS=({words}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
         COMP_LINE={line}; COMP_POINT=${{#COMP_LINE}}; COMP_TYPE=9
         _clap_complete_deskctl deskctl {current} \"${{COMP_WORDS[COMP_CWORD-1]}}\"
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        words = quoted.join(" "),
        line = shell_quote(line),
        current = shell_quote(current),
    );
    let output = cmd
        .args(["--norc", "--noprofile", "-c", &script])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    lines(&output.stdout)
}

/// `--field plan=<TAB>` used to insert `--`: bash hands the word on in
/// pieces (`plan`, `=`), and clap_complete's script passed them as they
/// were, so the engine offered every flag and bash their common prefix.
#[test]
fn bash_completes_a_field_condition_past_the_equals_sign() {
    let desk = desk();
    desk.run(&[
        "fields", "add", "plan", "--name", "Plan", "--type", "dropdown", "--option", "free",
        "--option", "gold",
    ]);
    desk.run(&[
        "fields", "add", "vip", "--name", "VIP", "--type", "checkbox",
    ]);
    let bash = |line: &str| bash_completions_split_at_breaks(&desk, line);
    assert_eq!(bash("deskctl tickets list --field p"), ["plan="]);
    assert_eq!(bash("deskctl tickets list --field plan="), ["free", "gold"]);
    assert_eq!(bash("deskctl tickets list --field plan=g"), ["gold"]);
    assert_eq!(bash("deskctl tickets list --field vip="), ["true", "false"]);
    assert_eq!(bash("deskctl tickets list --field=plan=f"), ["free"]);
    // A text field takes any value: nothing to offer, and never a flag.
    assert_eq!(
        bash("deskctl tickets list --field order-id="),
        Vec::<String>::new()
    );
    // Words with no break in them are as before.
    assert_eq!(values(&bash("deskctl tickets show ")), ["10002", "10001"]);
    assert_eq!(values(&bash("deskctl --context p")), ["prod"]);
}

#[test]
fn bash_completes_tickets_handles_keys_and_contexts_and_never_files() {
    let desk = desk();
    let bash = |line: &str| bash_completions(&desk, line);
    assert_eq!(values(&bash("deskctl tickets show ")), ["10002", "10001"]);
    assert_eq!(
        values(&bash("deskctl tickets show 1000")),
        ["10002", "10001"]
    );
    assert_eq!(
        values(&bash("deskctl tickets assign 10001 --to ")),
        ["alice", "bob"]
    );
    assert_eq!(
        values(&bash("deskctl tickets assign 10001 --to a")),
        ["alice"]
    );
    assert_eq!(values(&bash("deskctl operators show b")), ["bob"]);
    assert_eq!(values(&bash("deskctl teams set ")), ["support"]);
    assert_eq!(values(&bash("deskctl actions show ")), ["shop"]);
    assert_eq!(values(&bash("deskctl fields show ")), ["order-id"]);
    assert_eq!(values(&bash("deskctl context use ")), ["local", "prod"]);
    assert_eq!(values(&bash("deskctl --context p")), ["prod"]);
    assert!(values(&bash("deskctl integrations show ")).contains(&"zendesk".to_string()));
    assert_eq!(values(&bash("deskctl tick")), ["tickets"]);
    // No files where none is meant, even with nothing else to offer...
    assert_eq!(bash("deskctl tickets show 9"), Vec::<String>::new());
    assert_eq!(bash("deskctl context use al"), Vec::<String>::new());
    assert_eq!(
        values(&bash("deskctl operators add ")),
        Vec::<String>::new()
    );
    // ...and files where one is.
    assert!(bash("deskctl handoff preview -f no").contains(&"notes.json".to_string()));
}

#[test]
fn ticket_numbers_offer_open_and_pending_tickets_beyond_the_most_recent_page() {
    let desk = Desk::new();
    desk.seed();
    desk.seed_tickets(202);
    std::fs::create_dir_all(desk.dir.path().join("cwd")).unwrap();
    // 10001 stays open, 10002 waits on the customer, and 200 tickets resolved
    // after both are the most recently active: a page of 200 by activity
    // alone would hold none of the two still being worked on.
    desk.run(&[
        "tickets",
        "reply",
        "10002",
        "-m",
        "Your order number?",
        "--yes",
    ]);
    let resolved: Vec<String> = (10003..=10202).map(|n| n.to_string()).collect();
    let mut resolve = vec!["tickets", "resolve"];
    resolve.extend(resolved.iter().map(String::as_str));
    resolve.push("--yes");
    desk.run(&resolve);
    let offered = values(&bash_completions(&desk, "deskctl tickets show 1000"));
    assert!(offered.contains(&"10001".to_string()), "{offered:?}");
    assert!(offered.contains(&"10002".to_string()), "{offered:?}");
    assert!(offered.contains(&"10009".to_string()), "{offered:?}");
    // Each number once, though the open and recent pages overlap.
    let mut unique = offered.clone();
    unique.dedup();
    assert_eq!(unique, offered);
    // `reopen` offers resolved tickets only.
    let reopenable = values(&bash_completions(&desk, "deskctl tickets reopen 1000"));
    assert!(reopenable.contains(&"10009".to_string()), "{reopenable:?}");
    assert!(!reopenable.contains(&"10001".to_string()), "{reopenable:?}");
}

#[test]
fn zsh_lists_ticket_numbers_with_their_subjects_and_no_files() {
    if !have_tool("zsh") || !have_tool("tmux") {
        return;
    }
    let desk = desk();
    let tmux = Tmux::start(&desk, 160, 40);
    let dir = std::path::Path::new(common::BIN).parent().unwrap();
    tmux.type_line(&format!(
        "cd {}; PATH={}:$PATH exec zsh -f",
        shell_quote(path_str(&desk.dir.path().join("cwd"))),
        shell_quote(&dir.display().to_string())
    ));
    tmux.type_line(
        "PS1='%% '; autoload -U compinit; compinit -u; source <(deskctl completions zsh); clear",
    );
    let complete = |line: &str, offered: &[&str]| {
        // Each list is asked for on a cleared screen, so what is waited for
        // is this list under this line, never the one before.
        tmux.wait_until_screen("the zsh prompt alone", |screen| screen.trim() == "%");
        tmux.type_text(line);
        tmux.press("Tab");
        let prompt = format!("% {}", line.trim_end());
        let screen = tmux.wait_until_screen(&format!("zsh to list {offered:?}"), |screen| {
            screen.starts_with(&prompt) && offered.iter().all(|text| screen.contains(text))
        });
        // Keys typed before zsh has handled the interrupt would join the
        // line it aborts: the new prompt, the list gone, comes first.
        tmux.press("C-c");
        let interrupted = format!("{prompt}\n%");
        tmux.wait_until_screen("the list gone under a new prompt", |screen| {
            screen.trim() == interrupted
        });
        tmux.type_line("clear");
        screen
    };
    let screen = complete(
        "deskctl tickets show ",
        &["10001", "10002", "-- Order 2 has not arrived"],
    );
    assert!(!screen.contains("10001-file"), "{screen}");
    let screen = complete("deskctl context use ", &["prod", "local"]);
    assert!(!screen.contains("prod-file"), "{screen}");
    assert!(!screen.contains("Order 2"), "the list before: {screen}");
}

#[test]
fn fish_completes_from_the_desk_with_descriptions() {
    if !have_tool("fish") {
        return;
    }
    let desk = desk();
    let fish = |line: &str| {
        let mut cmd = desk.std_cmd_of("fish");
        on_path(&desk, &mut cmd);
        let script = format!(
            "deskctl completions fish | source; complete -C {}",
            shell_quote(line)
        );
        let output = cmd.args(["--no-config", "-c", &script]).output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        lines(&output.stdout)
    };
    let shown = values(&fish("deskctl tickets show "));
    assert_eq!(
        shown,
        [
            "10002\tOrder 2 has not arrived and I would like to know where it is",
            "10001\tOrder 1 has not arrived and I would like to know where it is"
        ]
    );
    assert_eq!(
        values(&fish("deskctl operators show ")),
        ["alice\tAlice Smith", "bob\tBob Jones"]
    );
    assert_eq!(
        values(&fish("deskctl context use pr")),
        ["prod\thttp://127.0.0.1:9"]
    );
    assert_eq!(
        fish("deskctl context use al"),
        Vec::<String>::new(),
        "no files"
    );
}

#[test]
fn elvish_and_powershell_get_the_same_answers_through_the_entry_point() {
    let desk = desk();
    // Exactly what the registration scripts run (see `deskctl completions elvish`).
    let ask = |shell: &str, words: &[&str], index: usize| {
        let mut cmd = desk.std_cmd();
        cmd.env("COMPLETE", shell)
            .env("_CLAP_IFS", "\n")
            .env("_CLAP_COMPLETE_INDEX", index.to_string())
            .arg("--")
            .args(words);
        let output = cmd.output().unwrap();
        assert!(output.status.success());
        assert!(
            output.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        lines(&output.stdout)
    };
    let elvish = ask(
        "elvish",
        &["deskctl", "tickets", "assign", "10001", "--to", ""],
        5,
    );
    assert_eq!(values(&elvish), ["alice", "bob"]);
    let powershell = ask("powershell", &["deskctl", "operators", "show", ""], 3);
    assert_eq!(
        values(&powershell),
        ["alice\tAlice Smith", "bob\tBob Jones"]
    );
    for shell in ["elvish", "powershell"] {
        let script = desk.run(&["completions", shell]);
        assert!(script.contains("COMPLETE"), "{script}");
    }
}

#[test]
fn completions_follow_the_target_on_the_command_line_and_are_silent_when_it_fails() {
    let desk = desk();
    let ask = |words: &[&str]| {
        let output = desk
            .std_cmd()
            .env("COMPLETE", "fish")
            .arg("--")
            .args(words)
            .output()
            .unwrap();
        assert!(output.status.success());
        (
            lines(&output.stdout),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    // Another desk named on the line: its tickets, not the default desk's.
    let other = Desk::new();
    other.seed_tickets(1);
    let (found, _) = ask(&[
        "deskctl",
        "--desk",
        path_str(&other.path()),
        "tickets",
        "show",
        "",
    ]);
    assert_eq!(
        values(&found),
        ["10001\tOrder 1 has not arrived and I would like to know where it is"]
    );
    // The context `prod` is not running: nothing, and nothing said.
    let (found, stderr) = ask(&["deskctl", "--context", "prod", "tickets", "show", ""]);
    assert!(
        values(&found).is_empty() && stderr.is_empty(),
        "{found:?} {stderr}"
    );
    // A desk file that does not exist is not created by completing.
    let missing = desk.dir.path().join("missing.sqlite");
    let (found, stderr) = ask(&[
        "deskctl",
        "--desk",
        path_str(&missing),
        "operators",
        "show",
        "",
    ]);
    assert!(values(&found).is_empty() && stderr.is_empty());
    assert!(!missing.exists(), "completing created a desk");
}

#[test]
fn completions_help_says_how_to_install_them_in_each_shell() {
    let help = Desk::new().run(&["completions", "--help"]);
    for expected in [
        "source <(deskctl completions bash)",
        "~/.zshrc",
        "~/.config/fish/completions/deskctl.fish",
        "eval (deskctl completions elvish | slurp)",
        "$PROFILE",
        "Examples:",
    ] {
        assert!(help.contains(expected), "{expected} missing from:\n{help}");
    }
}
