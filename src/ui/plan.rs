//! A plan as people read it: grouped by section, one line per resource
//! (`+` add, `~` change, `-` remove, `?` unmanaged), field by field
//! (old → new), secrets only as "(sensitive value changed)", and a summary.

use crate::api::{ChangeAction, FieldChange, Plan};

fn value(field: &Option<serde_json::Value>) -> String {
    match field {
        None => "(none)".into(),
        Some(serde_json::Value::String(text)) => format!("{text:?}"),
        Some(other) => other.to_string(),
    }
}

fn field_line(change: &FieldChange, action: ChangeAction) -> String {
    if change.sensitive {
        return format!("      {}: (sensitive value changed)", change.field);
    }
    match action {
        ChangeAction::Add => format!("      {}: {}", change.field, value(&change.new)),
        _ => format!(
            "      {}: {} → {}",
            change.field,
            value(&change.old),
            value(&change.new)
        ),
    }
}

/// The one-line summary, e.g. `2 to add, 1 to change, 0 to remove`.
pub fn plan_summary(plan: &Plan) -> String {
    let s = &plan.summary;
    let mut line = format!(
        "{} to add, {} to change, {} to remove",
        s.add, s.change, s.remove
    );
    if s.unmanaged > 0 {
        line.push_str(&format!(
            "; {} unmanaged (not in the document; --prune removes them)",
            s.unmanaged
        ));
    }
    line
}

/// The whole plan as text, ending with the summary line.
pub fn render_plan(plan: &Plan) -> String {
    let mut lines = Vec::new();
    for section in &plan.sections {
        lines.push(format!("{}:", section.section));
        for change in &section.changes {
            let (mark, verb) = match change.action {
                ChangeAction::Add => ('+', "add"),
                ChangeAction::Change => ('~', "change"),
                ChangeAction::Remove => ('-', "remove"),
                ChangeAction::Unmanaged => ('?', "unmanaged"),
            };
            let name = if change.resource.is_empty() {
                section.section.to_string()
            } else {
                change.resource.clone()
            };
            lines.push(format!("  {mark} {verb} {name}"));
            lines.extend(change.fields.iter().map(|f| field_line(f, change.action)));
        }
    }
    lines.push(format!("Plan: {}.", plan_summary(plan)));
    lines.join("\n")
}

impl super::Ui {
    /// Prints a whole value: its JSON or YAML, or for people `text()`.
    pub fn print_value<T: serde::Serialize>(
        &self,
        value: &T,
        text: impl FnOnce() -> String,
    ) -> crate::error::CliResult {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        match self.format {
            super::OutputFormat::Json => {
                serde_json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from)?;
                writeln!(out)?;
            }
            super::OutputFormat::Jsonl => {
                serde_json::to_writer(&mut out, value).map_err(std::io::Error::from)?;
                writeln!(out)?;
            }
            super::OutputFormat::Yaml => out.write_all(super::output::to_yaml(value).as_bytes())?,
            _ => writeln!(out, "{}", text())?,
        }
        out.flush()?;
        Ok(())
    }
}
