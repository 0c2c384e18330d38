//! A plan for people: grouped by section, `+` to add, `~` to change (field by
//! field, old → new), `-` to remove, unmanaged resources listed, and a one-line
//! summary. Secrets appear only as "(sensitive value changed)".

use anstyle::{AnsiColor, Style};

use super::{OutputFormat, Ui, printable};
use crate::api::{ChangeAction, ConfigApplied, FieldChange, Plan, RemovalEffects};
use crate::error::CliResult;

impl Ui {
    /// Prints a plan in the chosen format: the API's object, `-o name` the
    /// `section/resource` of each change, or for people the plan, colored on
    /// a terminal.
    pub fn print_plan(&self, plan: &Plan) -> CliResult {
        if self.format == OutputFormat::Name {
            return self.print_changed_names(plan);
        }
        // Colored after its names and values were made printable: escaping
        // the whole text would show the colors' own sequences as `^[[32m`.
        self.print_value_as_is(plan, || {
            let paint = |style: Style, text: &str| self.paint(style, text);
            render_plan(plan, &paint).trim_end().to_string()
        })
    }

    /// Prints what an apply did: for a program the service's answer (the plan
    /// carried out, read as `diff -o json` prints one, and the revision now),
    /// `-o name` the `section/resource` of each change made. For people
    /// nothing: the plan was shown on stderr before the question, and the
    /// status line says what was applied.
    pub fn print_applied(&self, applied: &ConfigApplied) -> CliResult {
        match self.format {
            OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Yaml => {
                self.print_value_as_is(applied, String::new)
            }
            OutputFormat::Name => self.print_changed_names(&applied.plan),
            OutputFormat::Table | OutputFormat::Wide => Ok(()),
        }
    }

    /// `section/resource` for each change (`section` alone for settings),
    /// one a line; nothing when there is none.
    fn print_changed_names(&self, plan: &Plan) -> CliResult {
        let names = changed_names(plan);
        if names.is_empty() {
            return Ok(());
        }
        self.print_line(&names.join("\n"))
    }

    /// The plan for people on stderr, before the question whether to apply
    /// it. Hidden by -q.
    pub fn show_plan(&self, plan: &Plan) {
        if !self.quiet {
            let paint = |style: Style, text: &str| self.paint_stderr(style, text);
            self.stderr(&render_plan(plan, &paint));
        }
    }
}

/// `Plan: 3 to add, 2 to change, 1 to remove.` (and the unmanaged count), or
/// `No changes.` when there are none.
pub fn summary_line(plan: &Plan) -> String {
    let s = plan.summary;
    let mut line = if plan.has_changes() {
        format!(
            "Plan: {} to add, {} to change, {} to remove.",
            s.add, s.change, s.remove
        )
    } else {
        "No changes: the workspace matches the document.".to_string()
    };
    if s.unmanaged > 0 {
        line.push_str(&format!(
            " {} unmanaged (not in the document; kept, --prune removes them).",
            s.unmanaged
        ));
    }
    line
}

/// `section/resource` for each change of `plan`, unmanaged resources left out.
fn changed_names(plan: &Plan) -> Vec<String> {
    plan.sections
        .iter()
        .flat_map(|section| {
            section
                .changes
                .iter()
                .filter(|change| change.action != ChangeAction::Unmanaged)
                .map(move |change| match change.resource.as_str() {
                    "" => section.section.to_string(),
                    resource => format!("{}/{resource}", section.section),
                })
        })
        .collect()
}

pub fn render_plan(plan: &Plan, paint: &dyn Fn(Style, &str) -> String) -> String {
    let mut text = String::new();
    for section in &plan.sections {
        text.push_str(&paint(Style::new().bold(), section.section.as_str()));
        text.push('\n');
        for change in &section.changes {
            let (mark, color, verb) = match change.action {
                ChangeAction::Add => ("+", AnsiColor::Green, "add"),
                ChangeAction::Change => ("~", AnsiColor::Yellow, "change"),
                ChangeAction::Remove => ("-", AnsiColor::Red, "remove"),
                ChangeAction::Unmanaged => ("?", AnsiColor::BrightBlack, "unmanaged"),
            };
            let name = if change.resource.is_empty() {
                section.section.as_str()
            } else {
                &change.resource
            };
            let mut head = format!("  {mark} {verb} {}", printable(name));
            if let Some(effects) = &change.effects {
                head.push_str(&format!(" ({})", effects_phrase(effects)));
            }
            text.push_str(&paint(color.on_default(), &head));
            text.push('\n');
            for field in &change.fields {
                text.push_str(&format!("      {}\n", printable(&field_line(field))));
            }
        }
        text.push('\n');
    }
    text.push_str(&summary_line(plan));
    text.push('\n');
    text
}

/// "3 open tickets will be unassigned, 1 token revoked": what removing an
/// operator does beyond the document.
fn effects_phrase(effects: &RemovalEffects) -> String {
    let count = |n: u64, one: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {one}s"),
    };
    let mut parts = Vec::new();
    if effects.unassigned_tickets > 0 {
        parts.push(format!(
            "{} will be unassigned",
            count(effects.unassigned_tickets, "open ticket")
        ));
    }
    if effects.revoked_tokens > 0 {
        parts.push(format!(
            "{} revoked",
            count(effects.revoked_tokens, "token")
        ));
    }
    parts.join(", ")
}

fn field_line(field: &FieldChange) -> String {
    if field.sensitive {
        return format!("{}: (sensitive value changed)", field.field);
    }
    let show = |value: &Option<serde_json::Value>| match value {
        None => "(none)".to_string(),
        Some(value) => shown_value(value),
    };
    match (&field.old, &field.new) {
        (None, new) => format!("{}: {}", field.field, show(new)),
        (old, new) => format!("{}: {} → {}", field.field, show(old), show(new)),
    }
}

/// A value as compact JSON, but for the control characters in its text:
/// left for [`printable`] to show in caret notation (`^[`), as every view
/// for people shows them, where JSON would write `\u001b`. Quotes,
/// backslashes, line breaks and tabs are escaped, so a value stays on its
/// line and reads as one.
fn shown_value(value: &serde_json::Value) -> String {
    use serde_json::Value;
    let quoted = |text: &str| {
        let mut shown = String::with_capacity(text.len() + 2);
        shown.push('"');
        for c in text.chars() {
            match c {
                '"' => shown.push_str("\\\""),
                '\\' => shown.push_str("\\\\"),
                '\n' => shown.push_str("\\n"),
                '\t' => shown.push_str("\\t"),
                c => shown.push(c),
            }
        }
        shown.push('"');
        shown
    };
    match value {
        Value::String(text) => quoted(text),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(shown_value).collect();
            format!("[{}]", items.join(","))
        }
        Value::Object(entries) => {
            let entries: Vec<String> = entries
                .iter()
                .map(|(key, value)| format!("{}:{}", quoted(key), shown_value(value)))
                .collect();
            format!("{{{}}}", entries.join(","))
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Change, PlanSummary, Section, SectionPlan};

    #[test]
    fn a_plan_reads_by_section_with_a_summary() {
        let plan = Plan {
            revision: None,
            sections: vec![
                SectionPlan {
                    section: Section::Operators,
                    changes: vec![
                        Change {
                            action: ChangeAction::Add,
                            effects: None,
                            resource: "carol".into(),
                            fields: vec![FieldChange {
                                field: "name".into(),
                                old: None,
                                new: Some("Carol".into()),
                                sensitive: false,
                            }],
                        },
                        Change {
                            action: ChangeAction::Change,
                            effects: None,
                            resource: "bob".into(),
                            fields: vec![FieldChange {
                                field: "capacity".into(),
                                old: Some(3.into()),
                                new: Some(5.into()),
                                sensitive: false,
                            }],
                        },
                        Change {
                            action: ChangeAction::Unmanaged,
                            effects: None,
                            resource: "dave".into(),
                            fields: vec![],
                        },
                        Change {
                            action: ChangeAction::Remove,
                            effects: Some(RemovalEffects {
                                unassigned_tickets: 3,
                                revoked_tokens: 1,
                            }),
                            resource: "erin".into(),
                            fields: vec![],
                        },
                        Change {
                            action: ChangeAction::Remove,
                            effects: Some(RemovalEffects {
                                unassigned_tickets: 0,
                                revoked_tokens: 2,
                            }),
                            resource: "frank".into(),
                            fields: vec![],
                        },
                    ],
                },
                SectionPlan {
                    section: Section::Email,
                    changes: vec![Change {
                        action: ChangeAction::Change,
                        effects: None,
                        resource: String::new(),
                        fields: vec![FieldChange {
                            field: "password".into(),
                            old: None,
                            new: None,
                            sensitive: true,
                        }],
                    }],
                },
            ],
            summary: PlanSummary {
                add: 1,
                change: 2,
                remove: 2,
                unmanaged: 1,
            },
            warnings: Vec::new(),
        };
        let plain = |_: Style, text: &str| text.to_string();
        assert_eq!(
            render_plan(&plan, &plain),
            "operators\n  + add carol\n      name: \"Carol\"\n  ~ change bob\n      capacity: 3 → 5\n  ? unmanaged dave\n\
             \x20 - remove erin (3 open tickets will be unassigned, 1 token revoked)\n\
             \x20 - remove frank (2 tokens revoked)\n\n\
             email\n  ~ change email\n      password: (sensitive value changed)\n\n\
             Plan: 1 to add, 2 to change, 2 to remove. 1 unmanaged (not in the document; kept, --prune removes them).\n"
        );
    }

    #[test]
    fn names_and_values_from_a_document_are_made_printable_and_colors_kept() {
        let plan = Plan {
            sections: vec![SectionPlan {
                section: Section::Teams,
                changes: vec![Change {
                    action: ChangeAction::Add,
                    effects: None,
                    resource: "sup\u{1b}[2Jport".into(),
                    fields: vec![
                        FieldChange {
                            field: "na\u{9b}me".into(),
                            old: None,
                            new: Some("Help \u{7}\u{202e}".into()),
                            sensitive: false,
                        },
                        FieldChange {
                            field: "options".into(),
                            old: Some(serde_json::json!(["a\u{1b}[31m"])),
                            new: Some(serde_json::json!(["say \"hi\"\\\n", {"k\u{0}": 1}])),
                            sensitive: false,
                        },
                    ],
                }],
            }],
            ..Plan::default()
        };
        let colored = |style: Style, text: &str| format!("{style}{text}{style:#}");
        let text = render_plan(&plan, &colored);
        assert!(text.contains("+ add sup^[[2Jport"), "{text:?}");
        assert!(
            text.contains("      na\\u{9b}me: \"Help ^G\\u{202e}\"\n"),
            "{text:?}"
        );
        // In caret notation, as every view shows them, not as Rust or JSON
        // escapes them; quotes, backslashes and line breaks stay escaped.
        assert!(
            text.contains(
                "      options: [\"a^[[31m\"] → [\"say \\\"hi\\\"\\\\\\n\",{\"k^@\":1}]\n"
            ),
            "{text:?}"
        );
        // The only escape sequences left are the colors'.
        assert!(text.contains("\u{1b}[32m"), "{text:?}");
        let uncolored = text
            .replace("\u{1b}[32m", "")
            .replace("\u{1b}[1m", "")
            .replace("\u{1b}[0m", "");
        assert!(!uncolored.contains('\u{1b}'), "{text:?}");
    }

    #[test]
    fn an_empty_plan_says_so() {
        assert_eq!(
            summary_line(&Plan::default()),
            "No changes: the workspace matches the document."
        );
    }
}
