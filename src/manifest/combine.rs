//! A workspace written as several documents (`-f operators.yaml -f teams.yaml`,
//! or a directory of them) read as one: each file holds some of the sections,
//! and a section is written in one file only. Lists are never merged across
//! files, so the combined document is exactly the one a single file holding
//! every section would be, and is planned and applied as that file would be.

use std::collections::HashMap;

use super::diagnostic::{Diagnostic, Pos};
use super::tree::{Node, Value};
use crate::api::DeskDocument;

/// The keys every document has that are not sections.
const HEADER: [&str; 2] = ["apiVersion", "kind"];

/// An error for each section written in more than one of `files` (each its
/// name and tree): at the section's key in every file after the first that
/// writes it, naming that first file's place. For each file, the sections it
/// repeats, each with its error.
pub fn repeated_sections<'a>(files: &[(&str, &'a Node)]) -> Vec<Vec<(&'a str, Diagnostic)>> {
    let mut first: HashMap<&str, (&str, Pos)> = HashMap::new();
    files
        .iter()
        .map(|(name, tree)| {
            let mut found = Vec::new();
            for key in sections(tree) {
                let Some(section) = key.as_text() else {
                    continue;
                };
                match first.get(section) {
                    Some((earlier, at)) => found.push((
                        section,
                        Diagnostic::error(
                            key.pos,
                            format!("section `{section}` is also written in {earlier}:{at}"),
                        )
                        .with_help(format!(
                            "a section is written in one file only: move all of `{section}` \
                             into one of them (lists are not merged across files)"
                        )),
                    )),
                    None => {
                        first.insert(section, (name, key.pos));
                    }
                }
            }
            found
        })
        .collect()
}

/// The keys of a document's sections, in file order.
fn sections(tree: &Node) -> impl Iterator<Item = &Node> + '_ {
    let entries = match &tree.value {
        Value::Map(entries) => entries.as_slice(),
        _ => &[],
    };
    entries
        .iter()
        .map(|(key, _)| key)
        .filter(|key| key.pos != Node::STAND_IN)
        .filter(|key| key.as_text().is_none_or(|text| !HEADER.contains(&text)))
}

/// One document holding the sections of all of `documents`; a section that
/// several write (an error, see [`repeated_sections`]) is taken from the first.
pub fn combine(documents: impl IntoIterator<Item = DeskDocument>) -> DeskDocument {
    fn fill<T>(slot: &mut Option<T>, section: Option<T>) {
        if slot.is_none() {
            *slot = section;
        }
    }
    let mut combined = DeskDocument::empty();
    for document in documents {
        // Taken apart field by field, so that a section added to the document
        // cannot be left out here.
        let DeskDocument {
            api_version: _,
            kind: _,
            operators,
            teams,
            ticket_fields,
            assignment,
            business_hours,
            notifications,
            handoff,
            email,
            delivery,
            rules,
            integrations,
            agents,
        } = document;
        fill(&mut combined.operators, operators);
        fill(&mut combined.teams, teams);
        fill(&mut combined.ticket_fields, ticket_fields);
        fill(&mut combined.assignment, assignment);
        fill(&mut combined.business_hours, business_hours);
        fill(&mut combined.notifications, notifications);
        fill(&mut combined.handoff, handoff);
        fill(&mut combined.email, email);
        fill(&mut combined.delivery, delivery);
        fill(&mut combined.rules, rules);
        fill(&mut combined.integrations, integrations);
        fill(&mut combined.agents, agents);
    }
    combined
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Source;
    use crate::manifest::parse::{Parsed, parse};

    const HEAD: &str = "apiVersion: deskctl/v1\nkind: Desk\n";

    fn parsed(body: &str) -> Parsed {
        parse(&Source::new("d", format!("{HEAD}{body}"), ".")).unwrap()
    }

    #[test]
    fn documents_combine_into_the_one_that_holds_all_their_sections() {
        let operators = "operators:\n  - handle: al\n    name: Al\n    email: al@x.com\n";
        let teams = "teams:\n  - key: support\n    name: Support\n    default: true\n";
        let settings = "handoff:\n  preview-in-non-production: false\nrules:\n  priority: []\n";
        let whole = parsed(&format!("{operators}{teams}{settings}")).document;
        let parts = [operators, teams, settings].map(|body| parsed(body).document);
        assert_eq!(combine(parts), whole);
        assert_eq!(combine([]), DeskDocument::empty());
    }

    #[test]
    fn a_section_in_two_files_is_an_error_in_the_later_naming_the_first() {
        let a = parsed("teams: []\nhandoff: {}\n");
        let b = parsed("operators: []\n");
        let c = parsed("handoff: {}\n\nteams: []\n");
        let found = repeated_sections(&[
            ("a.yaml", &a.tree),
            ("b.yaml", &b.tree),
            ("c.yaml", &c.tree),
        ]);
        let shown: Vec<Vec<(u32, String)>> = found
            .iter()
            .map(|file| {
                file.iter()
                    .map(|(section, d)| {
                        assert!(d.message.contains(&format!("`{section}`")));
                        (d.pos.line, d.message.clone())
                    })
                    .collect()
            })
            .collect();
        assert_eq!(
            shown,
            [
                vec![],
                vec![],
                vec![
                    (
                        3,
                        "section `handoff` is also written in a.yaml:4:1".to_string()
                    ),
                    (
                        5,
                        "section `teams` is also written in a.yaml:3:1".to_string()
                    ),
                ],
            ]
        );
        assert!(
            found[2][0]
                .1
                .help
                .as_deref()
                .unwrap()
                .contains("not merged")
        );
    }
}
