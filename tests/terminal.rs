//! deskctl at a terminal, as a support lead sees it: tables that fit any width,
//! color, the pager, prompts (Ctrl-C, typed confirmations, CI), the editor, and
//! closed pipes. Terminals are real pseudo-terminals (`script`, tmux).

use crate::common;

use common::{Desk, Tmux, have_tool, path_str, shell_quote};
use predicates::str::contains;

/// Visible width of a terminal line: no escape sequences, one column a char
/// (the tables here are ASCII and `…`).
fn width(line: &str) -> usize {
    let mut visible = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            visible += 1;
        }
    }
    visible
}

#[test]
fn ticket_tables_fit_every_width_without_wrapping_and_piped_output_is_whole() {
    let desk = Desk::new();
    desk.seed_tickets(3);
    for columns in [200, 120, 100, 80, 60, 40] {
        let screen = desk.run_on_terminal_sized(columns, &["tickets", "list"]);
        let lines: Vec<&str> = screen.lines().collect();
        assert_eq!(
            lines.len(),
            4,
            "one line per ticket at {columns}:\n{screen}"
        );
        for line in &lines {
            assert!(
                width(line) <= columns as usize,
                "{} columns on a {columns}-column terminal: {line:?}",
                width(line)
            );
        }
        assert!(lines[1].contains("10003"), "{screen}");
    }
    // Wide enough: everything whole. At 120 the requester and subject are cut
    // with `…` while numbers, states and times stay whole.
    let wide = desk.run_on_terminal_sized(200, &["tickets", "list", "--color", "never"]);
    assert!(
        wide.contains("A Very Long Requester Name Of Forty-Nine Chars 03"),
        "{wide}"
    );
    let at_120 = desk.run_on_terminal_sized(120, &["tickets", "list", "--color", "never"]);
    let row = at_120.lines().nth(1).unwrap();
    assert!(row.starts_with("open    10003"), "{at_120}");
    assert!(row.contains('…') && row.ends_with("just now"), "{at_120}");
    // A narrow terminal keeps what triage needs; -o wide keeps every column.
    let at_60 = desk.run_on_terminal_sized(60, &["tickets", "list", "--color", "never"]);
    let header = at_60.lines().next().unwrap();
    for column in ["STATUS", "NUMBER", "SUBJECT", "PRIORITY", "ACTIVITY"] {
        assert!(header.contains(column), "{at_60}");
    }
    assert!(!header.contains("CHANNEL"), "{at_60}");
    // Narrower, columns of less worth go before the subject is cut to a
    // stub: it still reads at 40 and 30 columns (kubectl's and gh's habit).
    for columns in [40, 30] {
        let narrow = desk.run_on_terminal_sized(columns, &["tickets", "list", "--color", "never"]);
        let row = narrow.lines().nth(1).unwrap();
        assert!(row.starts_with("10003   Order 3 has not arr"), "{narrow}");
        assert!(
            narrow.lines().all(|l| width(l) <= columns as usize),
            "{narrow}"
        );
    }
    let at_40 = desk.run_on_terminal_sized(40, &["tickets", "list", "--color", "never"]);
    assert!(
        at_40.lines().next().unwrap().ends_with("PRIORITY"),
        "{at_40}"
    );
    // -o wide never shows less than the default table at the same width:
    // its own columns (TEAM, FIELDS) go first when they do not fit.
    for columns in [60, 100] {
        let default = desk.run_on_terminal_sized(columns, &["tickets", "list", "--color", "never"]);
        let wide = desk.run_on_terminal_sized(
            columns,
            &["tickets", "list", "-o", "wide", "--color", "never"],
        );
        let header = wide.lines().next().unwrap();
        for column in default.lines().next().unwrap().split_whitespace() {
            assert!(header.contains(column), "{column} at {columns}:\n{wide}");
        }
        assert!(wide.lines().all(|l| width(l) <= columns as usize), "{wide}");
    }
    let wide_200 = desk.run_on_terminal_sized(200, &["tickets", "list", "-o", "wide"]);
    for column in ["CHANNEL", "TEAM", "FIELDS"] {
        assert!(
            wide_200.lines().next().unwrap().contains(column),
            "{wide_200}"
        );
    }
    // COLUMNS overrides the terminal's width.
    let mut cmd = desk.terminal_command(200, &["tickets", "list"]);
    cmd.env("COLUMNS", "70");
    let screen = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
    assert!(screen.lines().all(|l| width(l) <= 70), "{screen}");

    // Piped: tab-separated, nothing cut, no color, whatever the width.
    let piped = desk.run(&["tickets", "list"]);
    let first = piped.lines().next().unwrap();
    assert!(first.contains("\tA Very Long Requester Name Of Forty-Nine Chars 03\t"));
    assert!(first.contains("Order 3 has not arrived and I would like to know where it is"));
    assert!(!piped.contains('…') && !piped.contains('\x1b'));
}

#[test]
fn a_handoff_list_at_80_columns_leaves_out_columns_before_it_cuts_the_subject_to_a_stub() {
    let desk = Desk::new();
    desk.seed_tickets(1);
    let screen = desk.run_on_terminal_sized(80, &["handoff", "list", "--color", "never"]);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(lines[0].starts_with("ID "), "{screen}");
    assert!(lines[0].contains("SUBJECT"), "{screen}");
    assert!(lines[1].contains("Order 1 has not arrived"), "{screen}");
    assert!(lines[1].ends_with("ticket 10001"), "{screen}");
    assert!(lines.iter().all(|l| width(l) <= 80), "{screen}");
    // Wide enough, every column is there.
    let wide = desk.run_on_terminal_sized(200, &["handoff", "list", "--color", "never"]);
    for column in ["AGENT", "REQUESTER", "CHANNEL", "SUBJECT"] {
        assert!(wide.lines().next().unwrap().contains(column), "{wide}");
    }
}

#[test]
fn status_and_priority_are_colored_only_when_color_is_on() {
    let desk = Desk::new();
    desk.seed_tickets(1);
    desk.run(&["tickets", "priority", "10001", "urgent"]);
    let colored = desk.run_on_terminal_sized(200, &["tickets", "list"]);
    let row = colored.lines().nth(1).unwrap();
    // open in green, urgent in bold red (the colors of piped rows with
    // --color always).
    assert!(row.contains("\x1b[32mopen"), "{row:?}");
    assert!(row.contains("urgent"), "{row:?}");
    assert!(
        row.contains("\x1b[38;5;9m") || row.contains("\x1b[1m"),
        "{row:?}"
    );
    let plain = desk.run_on_terminal_sized(200, &["tickets", "list", "--color", "never"]);
    assert!(!plain.contains('\x1b'), "{plain:?}");
    let mut cmd = desk.terminal_command(200, &["tickets", "list"]);
    cmd.env("NO_COLOR", "1");
    let no_color = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
    assert!(!no_color.contains('\x1b'), "{no_color:?}");
}

/// A `$PAGER` that keeps what it was given in `file`.
fn recording_pager(desk: &Desk) -> (String, std::path::PathBuf) {
    let file = desk.dir.path().join("paged.txt");
    (format!("tee {}", shell_quote(path_str(&file))), file)
}

#[test]
fn a_long_ticket_goes_through_the_pager_on_a_terminal_only() {
    let desk = Desk::new();
    desk.seed_tickets(1);
    for n in 0..12 {
        desk.run(&["tickets", "note", "10001", "-m", &format!("note {n}")]);
    }
    let (pager, paged) = recording_pager(&desk);
    let on_terminal = |extra: &[&str], rows: u16| {
        let mut args = vec!["tickets", "show", "10001"];
        args.extend_from_slice(extra);
        let quoted: Vec<String> = std::iter::once(common::BIN)
            .chain(args)
            .map(shell_quote)
            .collect();
        let line = format!("stty cols 100 rows {rows}; exec {}", quoted.join(" "));
        desk.std_cmd_of("script")
            .env("PAGER", &pager)
            .env("TERM", "xterm-256color")
            .args(["-qec", &line, "/dev/null"])
            .output()
            .unwrap()
    };
    // Taller than the terminal: paged.
    let output = on_terminal(&[], 10);
    assert!(output.status.success());
    let text = std::fs::read_to_string(&paged).expect("the pager ran");
    assert!(
        text.contains("note 11") && text.contains("Ticket:"),
        "{text}"
    );
    std::fs::remove_file(&paged).unwrap();
    // --no-pager, a terminal tall enough, or a pipe: printed straight.
    on_terminal(&["--no-pager"], 10);
    on_terminal(&[], 200);
    let piped = desk
        .cmd()
        .env("PAGER", &pager)
        .args(["tickets", "show", "10001"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&piped.stdout).contains("note 11"));
    assert!(!paged.exists(), "the pager ran when it should not have");
}

#[test]
fn a_ticket_whose_long_lines_wrap_past_a_narrow_terminal_goes_through_the_pager() {
    let desk = Desk::new();
    desk.seed_tickets(1);
    let long = "The parcel was left at the wrong door again. ".repeat(20);
    desk.run(&["tickets", "note", "10001", "-m", long.trim_end()]);
    // Fewer lines than the terminal has rows, many more once wrapped at 40.
    let lines = desk.run(&["tickets", "show", "10001"]).lines().count();
    let (pager, paged) = recording_pager(&desk);
    let on_terminal = |cols: u16| {
        let command = [common::BIN, "tickets", "show", "10001"].map(shell_quote);
        let rows = lines + 5;
        let line = format!("stty cols {cols} rows {rows}; exec {}", command.join(" "));
        let output = desk
            .std_cmd_of("script")
            .env("PAGER", &pager)
            .env("TERM", "xterm-256color")
            .args(["-qec", &line, "/dev/null"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
    };
    on_terminal(40);
    let text = std::fs::read_to_string(&paged).expect("the pager ran");
    assert!(text.contains("wrong door again"), "{text}");
    std::fs::remove_file(&paged).unwrap();
    // As wide as its longest line, it fits: printed straight.
    on_terminal(1000);
    assert!(!paged.exists(), "the pager ran when it should not have");
}

/// `deskctl tickets list --watch | head -1`: once head has its line and
/// exits, the watch ends with success, as `tail -f` does, though no change
/// comes that it would write.
#[test]
fn a_watch_ends_as_soon_as_its_reader_goes_away() {
    struct Ending(std::process::Child);
    impl Drop for Ending {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let desk = Desk::new();
    desk.seed_tickets(2);
    for args in ["tickets list --watch", "events --after 0"] {
        let mut child = Ending(
            desk.std_cmd()
                .args(args.split(' '))
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap(),
        );
        let stdout = child.0.stdout.take().unwrap();
        let mut line = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line).unwrap();
        assert!(!line.is_empty(), "deskctl {args} printed nothing");
        // The reader is gone (dropped with its BufReader).
        let status = common::wait_until(
            &format!("deskctl {args} to end"),
            std::time::Duration::from_secs(30),
            || child.0.try_wait().unwrap(),
        );
        assert_eq!(status.code(), Some(0), "deskctl {args}");
    }
}

#[test]
fn closed_pipes_end_quietly_with_success() {
    let desk = Desk::new();
    desk.seed_tickets(2);
    let closed = || {
        // A pipe whose reader is gone before deskctl writes: the first write
        // fails with EPIPE, every time.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        writer
    };
    for args in [
        "completions zsh",
        "completions bash",
        "--help",
        "tickets list --help",
        "schema",
        "tickets list",
        "tickets list -o json",
        "tickets show 10001",
        "export",
    ] {
        let output = desk
            .std_cmd()
            .args(args.split(' '))
            .stdout(closed())
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "deskctl {args}: {stderr}");
        assert!(!stderr.contains("panicked"), "deskctl {args}: {stderr}");
    }
    // Status lines and errors to a closed stderr: no panic either.
    for args in [
        &["teams", "add", "x", "--name", "X"][..],
        &["operators", "show", "nobody"],
    ] {
        let output = desk
            .std_cmd()
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(closed())
            .output()
            .unwrap();
        assert_ne!(output.status.code(), Some(101), "deskctl {args:?} panicked");
    }
}

#[test]
fn ctrl_c_at_a_confirmation_restores_the_cursor_and_exits_130() {
    if !have_tool("tmux") {
        return;
    }
    let desk = Desk::new();
    desk.seed();
    let tmux = Tmux::start(&desk, 100, 20);
    tmux.type_line(&format!(
        "{} operators remove bob; echo \"exit=$?.\"",
        common::BIN
    ));
    tmux.wait_for("Remove operator bob with their tokens (no open tickets)? (y/n)");
    // dialoguer hides the cursor while it asks (just after the prompt).
    common::wait_until(
        "the cursor hidden while the question is asked",
        std::time::Duration::from_secs(10),
        || (!tmux.cursor_visible()).then_some(()),
    );
    tmux.press("C-c");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 130, "{screen}");
    assert!(screen.contains("error: interrupted"), "{screen}");
    assert!(tmux.cursor_visible(), "the cursor is shown again");
    assert!(
        desk.run(&["operators", "list", "-o", "name"])
            .contains("bob")
    );
}

#[test]
fn ctrl_c_at_a_secret_prompt_stores_nothing() {
    if !have_tool("tmux") {
        return;
    }
    let desk = Desk::new();
    let tmux = Tmux::start(&desk, 100, 20);
    tmux.type_line(&format!(
        "{} context add prod --server http://127.0.0.1:9 --no-verify; echo \"exit=$?.\"",
        common::BIN
    ));
    tmux.wait_for("Token for context 'prod'");
    tmux.press("a");
    tmux.press("b");
    tmux.press("C-c");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 130, "{screen}");
    assert!(!screen.contains("ab"), "the secret was echoed: {screen}");
    assert!(!desk.credentials().exists(), "nothing was stored");
    // The terminal echoes again.
    tmux.type_line("echo typed-after");
    tmux.wait_for("typed-after\ntyped-after");
}

#[test]
fn applying_a_plan_waits_for_yes_typed_in_full() {
    if !have_tool("tmux") {
        return;
    }
    let desk = Desk::new();
    let document = desk.dir.path().join("desk.yaml");
    std::fs::write(
        &document,
        "apiVersion: deskctl/v1\nkind: Desk\nteams:\n  - key: support\n    name: Support\n    default: true\n",
    )
    .unwrap();
    let tmux = Tmux::start(&desk, 120, 30);
    let apply = format!(
        "{} apply -f {}; echo \"exit=$?.\"",
        common::BIN,
        path_str(&document)
    );
    tmux.type_line(&apply);
    let screen = tmux.wait_for("Only 'yes' will be accepted");
    assert!(
        screen.contains("Apply 1 change to the local desk (1 to add, 0 to change, 0 to remove)?"),
        "{screen}"
    );
    assert!(!screen.contains(".?"), "{screen}");
    // One keypress is not an answer.
    tmux.type_line("y");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 1, "{screen}");
    assert!(
        screen.contains("cancelled: nothing was changed"),
        "{screen}"
    );
    // Nothing was changed: not even the desk the apply would have made.
    desk.cmd()
        .args(["teams", "list", "-o", "name"])
        .assert()
        .code(5)
        .stderr(predicates::str::contains("no desk at"));

    tmux.type_line(&apply);
    tmux.wait_for("Only 'yes' will be accepted");
    tmux.type_line("yes");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("Applied"), "{screen}");
    assert!(
        !screen.contains("0/1"),
        "no count bar for one request: {screen}"
    );
    assert_eq!(desk.run(&["teams", "list", "-o", "name"]), "support\n");
}

#[test]
fn bulk_changes_to_many_tickets_wait_for_yes_and_few_do_not() {
    let desk = Desk::new();
    desk.seed_tickets(10);
    let numbers: Vec<String> = (10001..=10010).map(|n| n.to_string()).collect();
    let mut args = vec!["tickets", "resolve"];
    args.extend(numbers.iter().map(String::as_str));
    // Nobody at the terminal to answer: exactly what to pass, and why.
    desk.cmd()
        .args(&args)
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(
            "error: 10 tickets: pass --yes to change them without asking\n",
        ))
        .stderr(contains("asks for `yes` typed in full"));
    // As a support lead pipes a list into it.
    let piped = desk
        .std_cmd_of("sh")
        .args([
            "-c",
            &format!(
                "{} tickets list -o name | xargs {} tickets resolve",
                common::BIN,
                common::BIN
            ),
        ])
        .output()
        .unwrap();
    assert!(!piped.status.success());
    let said = String::from_utf8_lossy(&piped.stderr);
    assert!(
        said.contains("error: 10 tickets: pass --yes to change them without asking"),
        "{said}"
    );
    assert_eq!(
        desk.run(&["tickets", "list", "--view", "resolved", "-o", "name"]),
        ""
    );
    // The commands' help says so before anyone runs into it.
    for verb in [
        "resolve", "assign", "unassign", "take", "takeover", "reopen",
    ] {
        desk.cmd()
            .args(["tickets", verb, "--help"])
            .assert()
            .success()
            .stdout(contains(
                "Confirmation: changing 10 or more tickets at once asks for `yes` typed in full",
            ));
    }
    desk.run(&["tickets", "resolve", "10001", "10002"]);
    args.push("--yes");
    // 2 were resolved already: said, and no failure.
    desk.cmd()
        .args(&args[..])
        .assert()
        .code(0)
        .stderr(contains("ticket 10001 is already resolved: nothing to do"));
    assert_eq!(
        desk.run(&["tickets", "list", "--view", "resolved", "-o", "name"])
            .lines()
            .count(),
        10
    );
}

#[test]
fn ci_and_deskctl_no_input_never_prompt_even_on_a_terminal() {
    let desk = Desk::new();
    desk.seed();
    for (name, value) in [("CI", "true"), ("DESKCTL_NO_INPUT", "1")] {
        let mut cmd = desk.terminal_command(100, &["operators", "remove", "bob"]);
        cmd.env(name, value);
        let output = cmd.output().unwrap();
        let screen = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(2), "{name}: {screen}");
        assert!(
            screen.contains("confirmation needed to remove operator bob")
                && screen.contains("--yes"),
            "{name}: {screen}"
        );
    }
    // CI=false is no CI.
    let mut cmd = desk.terminal_command(100, &["operators", "remove", "bob", "--no-input"]);
    cmd.env("CI", "false");
    assert_eq!(cmd.output().unwrap().status.code(), Some(2));
    assert!(
        desk.run(&["operators", "list", "-o", "name"])
            .contains("bob")
    );
}

#[test]
fn the_editor_gets_a_private_file_with_an_unpredictable_name_and_no_shell() {
    let desk = Desk::new();
    desk.seed_tickets(1);
    // An "editor" that records the file it was given and its mode, then writes
    // the note. Its name has a space, so only a word-splitting caller runs it.
    let dir = desk.dir.path().join("my editor");
    std::fs::create_dir_all(&dir).unwrap();
    let editor = dir.join("edit.sh");
    let record = desk.dir.path().join("editor-args.txt");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nprintf '%s\\n%s\\n' \"$2\" \"$(stat -c %a \"$2\")\" > {}\nsleep 1\nprintf 'Written in the editor\\n' > \"$2\"\n",
            shell_quote(path_str(&record))
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut cmd = desk.terminal_command(100, &["tickets", "note", "10001"]);
    // `--flag` proves the command line is split into words, as a shell would.
    cmd.env(
        "EDITOR",
        format!("{} --flag", shell_quote(path_str(&editor))),
    );
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let recorded = std::fs::read_to_string(&record).unwrap();
    let (path, mode) = recorded.trim().split_once('\n').unwrap();
    assert_eq!(mode, "600", "the draft is private");
    assert!(!path.contains("deskctl-"), "a predictable path: {path}");
    assert!(!std::path::Path::new(path).exists(), "the draft is removed");
    let shown = desk.run(&["tickets", "show", "10001"]);
    assert!(shown.contains("Written in the editor"), "{shown}");
}

/// `format` expanded by the tmux server of [`Tmux::start`] for `desk`, e.g.
/// `#{alternate_on}`: what the pane's terminal is in, beyond its text.
fn tmux_format(desk: &Desk, format: &str) -> String {
    let socket = desk.dir.path().join("tmux.sock");
    let output = std::process::Command::new("tmux")
        .args(["-S", path_str(&socket), "display-message", "-p", format])
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// Waits until the pane is back on the main screen: the inbox has given
/// the terminal back (bracketed paste, raw mode, then the screen).
fn wait_for_main_screen(desk: &Desk) {
    common::wait_until(
        "the main screen",
        std::time::Duration::from_secs(20),
        || (tmux_format(desk, "#{alternate_on}") == "0").then_some(()),
    );
}

/// The shell line that runs `inbox`, then reads one line as a program after
/// it would (bash's own prompt would switch bracketed paste off itself), and
/// prints the inbox's exit status as [`Tmux::wait_exit`] reads it.
fn inbox_then_read_a_line(inbox: &str) -> String {
    format!("{inbox}; status=$?; head -n 1 | cat -v; echo \"exit=$status.\"")
}

/// Pastes a line into whatever reads the terminal after the inbox ended,
/// and checks it arrived there as typed: nothing of it read by the inbox on
/// its way out, no bracketed-paste markers left on. Returns the inbox's
/// exit status and the screen, as [`Tmux::wait_exit`].
fn assert_a_paste_arrives_plain(tmux: &Tmux, when: &str) -> (i32, String) {
    tmux.paste("pasted-after\n");
    // The line `head` read, shown by `cat -v` under the terminal's echo of
    // the paste, then the status: the command line above shows `exit=` too.
    let (code, screen) = tmux.wait_exit();
    assert!(
        !screen.contains("[200~"),
        "{when}: bracketed paste left on:\n{screen}"
    );
    assert!(
        screen.contains("\npasted-after\npasted-after\nexit="),
        "{when}: the line read after the inbox is not the paste:\n{screen}"
    );
    (code, screen)
}

#[test]
fn sigterm_and_sighup_give_the_inbox_terminal_back_and_exit_as_the_signal_does() {
    if !have_tool("tmux") {
        return;
    }
    let desk = Desk::new();
    desk.seed_tickets(1);
    let tmux = Tmux::start(&desk, 100, 30);
    let pid_file = desk.dir.path().join("inbox.pid");
    for (signal, status) in [("TERM", 143), ("HUP", 129)] {
        let _ = std::fs::remove_file(&pid_file);
        // sh writes its pid, which exec hands on to deskctl.
        tmux.type_line(&inbox_then_read_a_line(&format!(
            "sh -c \"echo \\$\\$ > {}; exec {} inbox\"",
            shell_quote(path_str(&pid_file)),
            shell_quote(common::BIN)
        )));
        tmux.wait_for_all(&["unassigned 1", "10001", "owner (local desk)"]);
        assert_eq!(tmux_format(&desk, "#{alternate_on}"), "1", "full-screen");
        let pid = std::fs::read_to_string(&pid_file).unwrap();
        let killed = std::process::Command::new("kill")
            .args([&format!("-{signal}"), pid.trim()])
            .status()
            .unwrap();
        assert!(killed.success());
        wait_for_main_screen(&desk);
        assert!(
            tmux.cursor_visible(),
            "SIG{signal}: the cursor is back:\n{}",
            tmux.screen()
        );
        let (code, screen) = assert_a_paste_arrives_plain(&tmux, &format!("SIG{signal}"));
        assert_eq!(code, status, "SIG{signal}: {screen}");
        // Raw mode is off: the terminal reads lines again.
        let (code, screen) = tmux.run("stty -a | tr ' ;' '\\n\\n' | grep -qx icanon");
        assert_eq!(code, 0, "SIG{signal}: still in raw mode: {screen}");
    }
}

/// Whether process `pid` has ended (a zombie has: only its status is left).
fn has_ended(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the command name, which is in parentheses.
        Ok(stat) => stat
            .rsplit_once(") ")
            .is_some_and(|(_, rest)| rest.starts_with('Z')),
        Err(_) => true,
    }
}

/// Kills a process a test started, if it is still there when the test ends.
struct KillOnDrop(String);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if !has_ended(&self.0) {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &self.0])
                .status();
        }
    }
}

#[test]
fn the_inbox_ends_when_its_terminal_is_closed_even_if_no_sighup_reaches_it() {
    if !have_tool("tmux") || !have_tool("python3") {
        return;
    }
    let desk = Desk::new();
    desk.seed_tickets(1);
    let pid_file = desk.dir.path().join("inbox.pid");
    // The inbox as the pane runs it, and as a process with SIGHUP blocked
    // (a blocked signal stays blocked across exec): then only the terminal's
    // end-of-file can tell it the terminal is gone.
    let plain = format!(
        "sh -c \"echo \\$\\$ > {}; exec {} inbox\"",
        shell_quote(path_str(&pid_file)),
        shell_quote(common::BIN)
    );
    let sighup_blocked = format!(
        "python3 -c 'import os, signal, sys; open(sys.argv[1], \"w\").write(str(os.getpid())); \
         signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGHUP]); \
         os.execv(sys.argv[2], [sys.argv[2], \"inbox\"])' {} {}",
        shell_quote(path_str(&pid_file)),
        shell_quote(common::BIN)
    );
    for (how, line) in [("SIGHUP", plain), ("end-of-file only", sighup_blocked)] {
        let _ = std::fs::remove_file(&pid_file);
        let tmux = Tmux::start(&desk, 100, 30);
        tmux.type_line(&line);
        tmux.wait_for_all(&["unassigned 1", "10001", "owner (local desk)"]);
        let pid = std::fs::read_to_string(&pid_file)
            .unwrap()
            .trim()
            .to_string();
        let _inbox = KillOnDrop(pid.clone());
        assert!(!has_ended(&pid), "{how}: the inbox runs");
        tmux.close();
        // Left running, it polled the dead terminal forever at full speed.
        common::wait_until(
            &format!("{how}: the inbox to end once its terminal closed"),
            std::time::Duration::from_secs(20),
            || has_ended(&pid).then_some(()),
        );
    }
}

#[test]
fn a_pasted_reply_stays_in_the_box_whole_until_it_is_confirmed() {
    if !have_tool("tmux") {
        return;
    }
    let desk = Desk::new();
    desk.seed_tickets(1);
    let tmux = Tmux::start(&desk, 100, 30);
    tmux.type_line(&inbox_then_read_a_line(&format!("{} inbox", common::BIN)));
    tmux.wait_for_all(&["unassigned 1", "#10001"]);
    tmux.press("r");
    tmux.wait_for("Reply to the customer of ticket 10001");
    // Each line break would be Enter, `y` the answer, `t` and `p` keys.
    let reply = "Hello,\nyes, it has shipped.\nt p x\nRegards";
    tmux.paste(reply);
    let screen = tmux.wait_for_all(&["│Hello,", "│yes, it has shipped.", "│t p x", "│Regards▏"]);
    assert!(
        !screen.contains("Send this reply"),
        "nothing asked: {screen}"
    );
    tmux.press("Enter");
    tmux.wait_for("Send this reply");
    tmux.press("y");
    tmux.wait_for("Replied on ticket 10001");
    tmux.press("q");
    wait_for_main_screen(&desk);
    let (code, screen) = assert_a_paste_arrives_plain(&tmux, "quit with q");
    assert_eq!(code, 0, "{screen}");
    let shown = desk.run(&["tickets", "show", "10001", "-o", "json"]);
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    let messages: Vec<&str> = shown["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry["kind"] == "message" && entry["author_kind"] != "customer")
        .filter_map(|entry| entry["body"].as_str())
        .collect();
    assert_eq!(messages, [reply], "sent whole, once: {shown:#}");
    assert_eq!(shown["ticket"]["assignee"], serde_json::Value::Null);
    assert_eq!(shown["ticket"]["priority"], "medium", "{shown:#}");
}

#[test]
fn the_inbox_assigns_an_offline_operator_anyway_once_asked() {
    if !have_tool("tmux") {
        return;
    }
    let desk = Desk::new();
    desk.seed(); // alice and bob, offline
    desk.seed_tickets(1);
    let tmux = Tmux::start(&desk, 120, 30);
    tmux.type_line(&format!("{} inbox; echo \"exit=$?.\"", common::BIN));
    tmux.wait_for_all(&["unassigned 1", "#10001"]);
    tmux.press("a");
    tmux.wait_for_all(&["Assign ticket 10001 to", "alice", "offline"]);
    tmux.press("Enter");
    let screen = tmux.wait_for("alice is offline. Assign ticket 10001 to alice anyway?");
    assert!(!screen.contains("--force"), "{screen}");
    tmux.press("y");
    tmux.wait_for("Assigned ticket 10001 to alice");
    tmux.press("q");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 0, "{screen}");
    let shown = desk.run(&["tickets", "show", "10001", "-o", "json"]);
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["ticket"]["assignee"], "alice", "{shown:#}");
}

#[test]
fn the_inbox_does_not_take_a_ticket_from_whoever_was_given_it_meanwhile() {
    if !have_tool("tmux") {
        return;
    }
    let desk = Desk::new();
    desk.seed();
    for handle in ["alice", "bob"] {
        desk.run(&["operators", "availability", handle, "online"]);
    }
    desk.seed_tickets(1);
    let tmux = Tmux::start(&desk, 120, 30);
    tmux.type_line(&format!("{} inbox; echo \"exit=$?.\"", common::BIN));
    tmux.wait_for_all(&["unassigned 1", "#10001"]);
    tmux.press("a");
    tmux.wait_for_all(&["Assign ticket 10001 to", "alice", "bob"]);
    // While the picker is open, another lead gives the ticket to bob.
    desk.run(&["tickets", "assign", "10001", "--to", "bob"]);
    tmux.press("Enter");
    tmux.wait_for("ticket 10001 was assigned to bob meanwhile");
    tmux.press("q");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 0, "{screen}");
    let shown = desk.run(&["tickets", "show", "10001", "-o", "json"]);
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["ticket"]["assignee"], "bob", "{shown:#}");
}

#[test]
fn the_inbox_counts_every_ticket_and_reaches_those_beyond_the_first_page() {
    if !have_tool("tmux") {
        return;
    }
    let desk = Desk::new();
    // More than a page (500): the oldest, 10001, is on the second.
    desk.seed_many_tickets(503);
    let tmux = Tmux::start(&desk, 120, 30);
    tmux.type_line(&format!("{} inbox; echo \"exit=$?.\"", common::BIN));
    tmux.wait_for_all(&["unassigned 503 │ all 503 │ resolved 0", "#10503 "]);
    tmux.press_times("j", 502);
    // Each key reads a timeline: a bound for a slow machine, not a wait.
    common::wait_until(
        "the last ticket, 10001",
        std::time::Duration::from_secs(120),
        || Some(()).filter(|_| tmux.screen().contains("#10001 ")),
    );
    tmux.press("q");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 0, "{screen}");
}

// ---- text from customers --------------------------------------------------

/// What a hostile customer sends: a window title (OSC 0 … BEL), a cleared
/// screen and a moved cursor, an 8-bit CSI (U+009B) and a right-to-left
/// override.
const EVIL_NAME: &str = "Evil\u{1b}]0;pwned\u{7}";
/// EVIL_NAME as the desk keeps it: a requester's name is put on one line at
/// intake (docs/handoff-format.md), its control characters dropped.
const EVIL_NAME_KEPT: &str = "Evil ]0;pwned";
const EVIL_TEXT: &str = "Hi\u{1b}[2J\u{1b}[Hfake screen \u{9b}31m \u{202e}lol";
const EVIL_SUBJECT: &str = "Refund \u{1b}]0;owned\u{7}";

/// A desk, served, holding ticket 10001 from a hostile handoff and 10002
/// from a hostile email to the support inbox, both sent by the ingest
/// token as an AI agent platform and an MTA would; returns the handoff's id.
fn desk_with_hostile_tickets() -> (Desk, common::Server, String) {
    let desk = common::integrations::desk_with_agent();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let ingest = desk.run(&["tokens", "create", "--ingest", "--name", "platform"]);
    let auth = format!("Bearer {}", ingest.trim());
    let server = desk.serve();
    let post = |path: &str, body: serde_json::Value| {
        let response = server.raw(
            "POST",
            path,
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
            ],
            body.to_string().as_bytes(),
        );
        assert!(response.status < 300, "{path}: {}", response.json());
        response.json()
    };
    let handoff = post(
        "/v1/handoffs",
        serde_json::json!({
            "agent": "shop", "environment": "production", "channel": "web",
            "requester": {"name": EVIL_NAME, "email": "evil@example.com"},
            "transcript": [{"role": "customer", "text": EVIL_TEXT}],
            "reason": "explicit-request",
        }),
    );
    assert_eq!(handoff["ticket"], 10001, "{handoff}");
    let email = post(
        "/v1/inbound/email",
        serde_json::json!({
            "from": "Mallory <mallory@example.com>", "to": "help@example.com",
            "subject": EVIL_SUBJECT, "text": "line one\r\nline two \u{1b}[2J\r\n",
            "message-id": "<evil@mail.example.com>",
        }),
    );
    assert_eq!(email["ticket"], 10002, "{email}");
    let id = handoff["id"].as_str().unwrap().to_string();
    (desk, server, id)
}

/// Whether `text` holds anything a terminal would act on, other than the
/// colors deskctl chose (`ESC [ … m`).
fn drives_the_terminal(text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }) {
        let sequence = &rest[at..];
        let color = sequence.strip_prefix("\u{1b}[").and_then(|params| {
            let end = params.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
            params[end..].starts_with('m').then_some(end + 3)
        });
        match color {
            Some(length) => rest = &sequence[length..],
            None => return Some(sequence.chars().take(12).collect()),
        }
    }
    None
}

#[test]
fn text_from_customers_shows_its_control_characters_and_never_drives_the_terminal() {
    let (desk, _server, handoff) = desk_with_hostile_tickets();
    let commands: [&[&str]; 7] = [
        &["tickets", "list"],
        &["tickets", "list", "-o", "wide"],
        &["tickets", "show", "10001"],
        &["tickets", "show", "10002"],
        &["handoff", "show", &handoff],
        &["handoff", "list"],
        &["requesters", "tickets", "evil@example.com"],
    ];
    for args in commands {
        let colored = desk.run_on_terminal_sized(250, args);
        let plain = desk.run_on_terminal_sized(250, &[args, &["--color", "never"]].concat());
        let piped = desk.run(args);
        for (how, shown) in [("colored", &colored), ("plain", &plain), ("piped", &piped)] {
            assert_eq!(
                drives_the_terminal(shown),
                None,
                "{args:?} {how}: {shown:?}"
            );
        }
        assert!(!plain.contains('\u{1b}'), "{args:?}: {plain:?}");
    }

    let shown = desk.run(&["tickets", "show", "10001"]);
    for visible in [
        EVIL_NAME_KEPT,
        "Hi^[[2J^[[Hfake screen \\u{9b}31m \\u{202e}lol",
    ] {
        assert!(shown.contains(visible), "{visible}: {shown}");
    }
    let shown = desk.run(&["tickets", "show", "10002"]);
    assert!(shown.contains("Refund ^[]0;owned^G"), "{shown}");
    // A mail's line breaks stay line breaks, not `^M`.
    assert!(
        shown.contains("      line one\n      line two ^[[2J\n"),
        "{shown}"
    );
    let shown = desk.run(&["handoff", "show", &handoff]);
    assert!(shown.contains(EVIL_NAME_KEPT), "{shown}");
    let piped = desk.run(&["tickets", "list"]);
    assert!(piped.contains("\tRefund ^[]0;owned^G\t"), "{piped}");

    // Columns are measured on what is shown: the hostile rows line up.
    let table = desk.run_on_terminal_sized(200, &["tickets", "list", "--color", "never"]);
    let lines: Vec<&str> = table.lines().collect();
    let column = |line: &str, word: &str| line.find(word).map(|at| line[..at].chars().count());
    let priority = column(lines[0], "PRIORITY");
    assert!(priority.is_some(), "{table}");
    for row in &lines[1..] {
        assert_eq!(
            column(row, "high").or(column(row, "medium")),
            priority,
            "{table}"
        );
    }
    assert!(lines[2].contains(EVIL_NAME_KEPT), "{table}");

    // Machine formats keep the exact text.
    let json: serde_json::Value =
        serde_json::from_str(&desk.run(&["tickets", "show", "10001", "-o", "json"])).unwrap();
    assert_eq!(json["ticket"]["requester"]["name"], EVIL_NAME_KEPT);
    let messages = json["timeline"].as_array().unwrap();
    assert!(
        messages.iter().any(|entry| entry["body"] == EVIL_TEXT),
        "{json:#}"
    );
    let yaml = desk.run(&["tickets", "list", "-o", "yaml"]);
    assert!(yaml.contains("\\e]0;owned\\a"), "{yaml}");
}

#[test]
fn the_inbox_shows_control_characters_from_customers_and_keeps_its_title() {
    if !have_tool("tmux") {
        return;
    }
    let (desk, _server, _) = desk_with_hostile_tickets();
    let tmux = Tmux::start(&desk, 200, 30);
    let title = tmux_format(&desk, "#{pane_title}");
    tmux.type_line(&format!("{} inbox; echo \"exit=$?.\"", common::BIN));
    tmux.wait_for_all(&["unassigned 2", "#10002 Refund ^[]0;owned^G"]);
    tmux.press("j");
    let screen = tmux.wait_for_all(&[
        "#10001 Hi^[[2J^[[Hfake screen \\u{9b}31m \\u{202e}lol",
        &format!("{EVIL_NAME_KEPT}: message: Hi^[[2J"),
    ]);
    assert!(screen.contains("open 10002 Mallory"), "{screen}");
    assert_eq!(tmux_format(&desk, "#{pane_title}"), title, "{screen}");
    tmux.press("q");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 0, "{screen}");
}

#[test]
fn the_inbox_pages_and_jumps_through_a_long_list() {
    if !have_tool("tmux") {
        return;
    }
    let desk = Desk::new();
    // 603 tickets: the first page read holds 500 (10603 down to 10104).
    desk.seed_many_tickets(603);
    let tmux = Tmux::start(&desk, 120, 30);
    tmux.type_line(&format!("{} inbox; echo \"exit=$?.\"", common::BIN));
    tmux.wait_for_all(&["unassigned 603", "#10603 "]);
    // The selected ticket's number, from the timeline pane's header.
    let selected = || -> u64 {
        let screen = tmux.screen();
        screen
            .split('#')
            .skip(1)
            .find_map(|rest| rest.split(' ').next()?.parse().ok())
            .unwrap_or_else(|| panic!("no ticket selected: {screen}"))
    };
    tmux.press("G");
    tmux.wait_for("#10001 ");
    tmux.press("g");
    tmux.wait_for("#10603 ");
    tmux.press("End");
    tmux.wait_for("#10001 ");
    tmux.press("Home");
    tmux.wait_for("#10603 ");
    tmux.press("PageDown");
    let paged = common::wait_until("a page down", std::time::Duration::from_secs(20), || {
        Some(selected()).filter(|n| *n != 10603)
    });
    assert!(paged < 10602, "a page, not a row: #{paged}");
    tmux.press("PageUp");
    tmux.wait_for("#10603 ");
    // The help lists them.
    tmux.press("?");
    tmux.wait_for_all(&["PgDn PgUp", "move a page", "g Home G End"]);
    tmux.press("Escape");
    // Escape and q read together are Alt-q, which only closes the help.
    tmux.wait_until_screen("the help closed", |screen| !screen.contains("move a page"));
    tmux.press("q");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 0, "{screen}");
}

#[test]
fn an_alt_chord_in_the_inbox_is_not_its_key_and_escape_still_closes_the_help() {
    if !have_tool("tmux") {
        return;
    }
    let desk = Desk::new();
    desk.seed();
    desk.seed_tickets(1);
    let tmux = Tmux::start(&desk, 120, 30);
    tmux.type_line(&format!("{} inbox; echo \"exit=$?.\"", common::BIN));
    tmux.wait_for_all(&["unassigned 1", "#10001"]);
    // Sent as Esc then the key, read together: neither assigns nor quits.
    // The help opening after them shows the inbox still running, in its list.
    tmux.press("M-q");
    tmux.press("M-a");
    tmux.press("?");
    tmux.wait_for("this help");
    // Like any key, an Alt chord closes the help, and only that.
    tmux.press("M-q");
    tmux.wait_until_screen("the help closed", |screen| !screen.contains("this help"));
    tmux.press("?");
    tmux.wait_for("this help");
    tmux.press("Escape");
    tmux.wait_until_screen("the help closed", |screen| !screen.contains("this help"));
    tmux.press("q");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 0, "{screen}");
    let shown = desk.run(&["tickets", "show", "10001", "-o", "json"]);
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(
        shown["ticket"]["assignee"],
        serde_json::Value::Null,
        "{shown:#}"
    );
}

#[test]
fn the_inbox_filters_by_ticket_fields_typed_as_key_value_each_added_and_removed() {
    if !have_tool("tmux") {
        return;
    }
    let desk = Desk::new();
    desk.seed();
    desk.seed_tickets(2);
    desk.add_plan_fields();
    for (name, context) in [
        ("enterprise", serde_json::json!({"plan": "enterprise"})),
        (
            "enterprise-12",
            serde_json::json!({"plan": "enterprise", "seats": 12}),
        ),
    ] {
        let handoff = serde_json::json!({
            "agent": "shop", "environment": "production", "channel": "web",
            "requester": {"name": "Fay"}, "context": context,
            "transcript": [{"role": "customer", "text": "About my plan"}],
        });
        let path = desk.dir.path().join(format!("{name}.json"));
        std::fs::write(&path, handoff.to_string()).unwrap();
        desk.run(&["handoff", "send", "-f", path.to_str().unwrap()]);
    }
    let tmux = Tmux::start(&desk, 120, 30);
    tmux.type_line(&format!("{} inbox; echo \"exit=$?.\"", common::BIN));
    tmux.wait_for_all(&["unassigned 4", "#10004"]);
    let add_field_condition = || {
        // The filter picker's sixth item: a ticket field, typed.
        tmux.press("f");
        tmux.wait_for("by a ticket field");
        tmux.press_times("Down", 5);
        tmux.press("Enter");
        tmux.wait_for("Filter by a ticket field: KEY=VALUE");
    };
    add_field_condition();
    tmux.type_line("plan");
    tmux.wait_for("'plan' is not KEY=VALUE");
    tmux.type_line("=enterprise");
    let screen = tmux.wait_for_all(&["unassigned 2", "field:plan=enterprise"]);
    assert!(screen.contains("open 10003"), "{screen}");
    assert!(!screen.contains("10002"), "{screen}");
    // A second condition: a ticket must hold both.
    add_field_condition();
    tmux.type_line("seats=12");
    let screen = tmux.wait_for_all(&["unassigned 1", "field:plan=enterprise field:seats=12"]);
    assert!(screen.contains("open 10004"), "{screen}");
    assert!(!screen.contains("10003"), "{screen}");
    // The picker lists each condition to remove (after the ticket field
    // item): removing seats leaves plan.
    tmux.press("f");
    tmux.wait_for_all(&[
        "remove field:plan=enterprise",
        "remove field:seats=12",
        "remove every ticket field condition",
    ]);
    tmux.press_times("Down", 7);
    tmux.press("Enter");
    tmux.wait_until_screen("seats removed, plan kept", |screen| {
        screen.contains("unassigned 2")
            && screen.contains("field:plan=enterprise")
            && !screen.contains("seats=12")
    });
    // A value its number field cannot hold: refused as typed, the box left
    // open, and the list and its filter as they were.
    add_field_condition();
    tmux.type_line("seats=many");
    let screen = tmux.wait_for("seats is a number field");
    assert!(screen.contains("Filter by a ticket field"), "{screen}");
    tmux.press("Escape");
    let screen = tmux.wait_for("Filter and search unchanged.");
    assert!(screen.contains("unassigned 2"), "{screen}");
    assert!(!screen.contains("seats=many"), "{screen}");
    // A dropdown value none of its options: why nothing matches is said, as
    // `tickets list --field` says it.
    add_field_condition();
    tmux.type_line("plan=platinum");
    tmux.wait_for_all(&[
        "field:plan=platinum · plan is a dropdown field",
        "unassigned 0",
    ]);
    // A misspelt key: applied, and the nearest of the desk's keys said.
    add_field_condition();
    tmux.type_line("plam=pro");
    tmux.wait_for_all(&[
        "the desk has no ticket field 'plam': did you mean 'plan'?",
        "unassigned 0",
    ]);
    tmux.press("q");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 0, "{screen}");
}

#[test]
fn the_inbox_takes_the_lists_filter_flags_and_filters_by_team() {
    if !have_tool("tmux") {
        return;
    }
    let desk = Desk::new();
    desk.seed();
    desk.seed_tickets(3);
    desk.run(&["teams", "add", "billing", "--name", "Billing"]);
    desk.run(&["tickets", "assign", "10002", "--team", "billing"]);
    desk.run(&["tickets", "priority", "10003", "urgent"]);
    // Flags that are not the inbox's own go with `receive` no more than
    // they did.
    desk.cmd()
        .args(["inbox", "--team", "billing", "receive"])
        .assert()
        .code(2);
    let tmux = Tmux::start(&desk, 120, 30);
    // A misspelt key: the nearest one, exit 5, before the screen is taken.
    let (code, screen) = tmux.run(&format!("{} inbox --team bilings", common::BIN));
    assert_eq!(code, 5, "{screen}");
    assert!(screen.contains("did you mean 'billing'"), "{screen}");
    let (code, screen) = tmux.run(&format!("{} inbox --view mine", common::BIN));
    assert_eq!(code, 2, "{screen}");
    assert!(
        screen.contains("the mine view is an operator's"),
        "{screen}"
    );
    tmux.type_line(&format!(
        "{} inbox --team billing; echo \"exit=$?.\"",
        common::BIN
    ));
    let screen = tmux.wait_for_all(&["unassigned 1", "team=billing"]);
    assert!(screen.contains("10002"), "{screen}");
    assert!(!screen.contains("10003"), "{screen}");
    // f's fifth item: the team, from the desk's teams.
    tmux.press("f");
    tmux.wait_for("by team");
    tmux.press_times("Down", 4);
    tmux.press("Enter");
    tmux.wait_for_all(&["Filter by team", "billing", "support"]);
    tmux.press_times("Down", 2);
    tmux.press("Enter");
    let screen = tmux.wait_for_all(&["unassigned 2", "team=support"]);
    assert!(screen.contains("10003"), "{screen}");
    assert!(!screen.contains("10002"), "{screen}");
    tmux.press("q");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 0, "{screen}");
    // Several flags at once, as tickets list takes them.
    tmux.type_line(&format!(
        "{} inbox --team support --priority urgent; echo \"exit=$?.\"",
        common::BIN
    ));
    let screen = tmux.wait_for_all(&["unassigned 1", "priority=urgent team=support"]);
    assert!(screen.contains("10003"), "{screen}");
    assert!(!screen.contains("10001"), "{screen}");
    tmux.press("q");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 0, "{screen}");
}

#[test]
fn a_plan_on_a_terminal_is_colored_and_what_the_document_says_is_made_printable() {
    let desk = Desk::new();
    let document = desk.dir.path().join("desk.yaml");
    std::fs::write(
        &document,
        "apiVersion: deskctl/v1\nkind: Desk\nteams:\n  - key: support\n    \
         name: \"Support \\e]0;pwned\\a \\u202Eevil\"\n    default: true\n",
    )
    .unwrap();
    let mut diff = desk.terminal_command(100, &["diff", "-f", path_str(&document)]);
    let output = diff.output().unwrap();
    assert_eq!(output.status.code(), Some(3), "{output:?}");
    let shown = String::from_utf8(output.stdout)
        .unwrap()
        .replace("\r\n", "\n");
    // Colors are the terminal's own sequences, not shown as text; the
    // document's controls are, in caret notation as every view shows them.
    assert!(shown.contains("\u{1b}[32m  + add support"), "{shown:?}");
    assert!(!shown.contains("^[["), "{shown:?}");
    assert!(
        shown.contains(r#"name: "Support ^[]0;pwned^G \u{202e}evil""#),
        "{shown:?}"
    );
    assert_eq!(drives_the_terminal(&shown), None, "{shown:?}");
}

#[test]
fn the_inbox_fits_its_keys_and_says_a_refusal_whole_in_its_own_words() {
    if !have_tool("tmux") {
        return;
    }
    let desk = Desk::new();
    desk.seed_tickets(1);
    // 10002: on the web chat, the AI answering, no email address on file.
    let handoff = desk.dir.path().join("no-email.json");
    std::fs::write(
        &handoff,
        serde_json::json!({
            "agent": "shop", "environment": "production", "channel": "web",
            "requester": {"name": "Gus"},
            "transcript": [{"role": "customer", "text": "Can a person help me"}],
        })
        .to_string(),
    )
    .unwrap();
    desk.run(&["handoff", "send", "-f", path_str(&handoff)]);
    let tmux = Tmux::start(&desk, 120, 30);
    tmux.type_line(&format!("{} inbox; echo \"exit=$?.\"", common::BIN));
    let screen = tmux.wait_for_all(&["unassigned 2", "#10002 "]);
    // The keys' row holds whole keys only, at 120 columns.
    let keys = screen
        .lines()
        .find(|line| line.starts_with("? help"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(keys.trim_end().ends_with("/ search"), "{keys:?}");
    tmux.press("r");
    let said = "Cannot reply to ticket 10002: no email address is on file and the AI still \
                answers on web: take the chat over first (key o) to reply live.";
    let screen = tmux.wait_for("Cannot reply to ticket 10002");
    let message: Vec<&str> = screen
        .lines()
        .skip_while(|line| !line.starts_with("Cannot reply"))
        .take(2)
        .map(str::trim_end)
        .collect();
    assert_eq!(message.join(" "), said, "{screen}");
    assert!(!screen.contains("deskctl tickets takeover"), "{screen}");
    assert!(
        !screen.contains("Reply to the customer"),
        "no text box: {screen}"
    );
    tmux.press("q");
    let (code, screen) = tmux.wait_exit();
    assert_eq!(code, 0, "{screen}");
}
