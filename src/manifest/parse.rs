//! YAML text → [`DeskDocument`], reporting every problem with its place.
//!
//! serde-saphyr reads the text into a located [`Node`] tree (a syntax error
//! stops there: after one, nothing further can be trusted). The typed document
//! is then read from the tree; on an error the offending entry is dropped and
//! the read repeated, so unknown keys, wrong types and bad values anywhere in
//! the file are all reported in one pass. A single API object read from a
//! file (`actions set -f`) goes the same way.

use std::collections::HashSet;

use serde::de::{self, Deserialize, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{
    Budget, DuplicateKeyPolicy, NonFiniteFloatPolicy, Options, SnippetMode, Spanned,
};

use super::diagnostic::{BOM, Diagnostic, Pos, Source};
use super::tree::{Misspelt, Node, Removed, Value, from_node};
use crate::api::DeskDocument;
use crate::domain::validate::NUL_MESSAGE;

/// What a text is read as: a desk document, or one API object (a handoff,
/// an action). Advice for a text the reader refuses differs: a desk can be
/// split across documents, an object cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Desk,
    Object,
}

/// The most errors reported for one document; past it, the rest is noise.
pub const MAX_ERRORS: usize = 100;

/// A document read from YAML, with the tree it came from (for locations).
#[derive(Debug, Clone)]
pub struct Parsed {
    pub document: DeskDocument,
    pub tree: Node,
    /// The keys the text misspelt, for the checks that follow to pass over.
    pub misspelt: Misspelt,
}

/// Reads a document. `Err` holds every error found (never empty).
pub fn parse(source: &Source) -> Result<Parsed, Vec<Diagnostic>> {
    match parse_partial(source) {
        (Some(parsed), diagnostics) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(parsed),
        (_, diagnostics) => Err(diagnostics),
    }
}

/// Reads as much of a document as can be read: every error, and the document
/// without the offending entries (missing keys stood in for), so that later
/// checks can still find their problems. No document after a syntax error.
pub fn parse_partial(source: &Source) -> (Option<Parsed>, Vec<Diagnostic>) {
    let (tree, mut errors) = match read_tree(source.text(), Reading::Desk) {
        Ok(read) => read,
        Err(errors) => return (None, errors),
    };
    let (parsed, more) = read_document(tree);
    errors.extend(more);
    super::diagnostic::sort(&mut errors);
    errors.truncate(MAX_ERRORS);
    (parsed, errors)
}

/// Reads the text into a located tree; duplicate keys are reported and the
/// later entry dropped, so the rest of the document can still be checked, and
/// so is every text holding a NUL character.
pub fn read_tree(text: &str, reading: Reading) -> Result<(Node, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut options = Options::default();
    // Repeated keys reach the tree, which reports each of them.
    options.duplicate_keys = DuplicateKeyPolicy::PassThrough;
    // `yes`, `no`, `on` and `off` stay strings: a boolean is `true` or `false`.
    options.strict_booleans = true;
    // `.inf` and `.nan` reach the tree with their text, as `1.5` does: a text
    // field takes them as text, and a number field refuses them in its words.
    options.non_finite_float_policy = NonFiniteFloatPolicy::PassThrough;
    options.with_snippet = false;
    // The reader's limits, set here so that messages can name them.
    let budget = Budget::default();
    options.budget = Some(budget.clone());
    let raw: Spanned<Raw> = match serde_saphyr::from_str_with_options(text, options) {
        Ok(raw) => raw,
        Err(error) => return Err(vec![syntax_error(&error, &budget, reading)]),
    };
    let mut problems = Vec::new();
    let tree = build(raw, text, &mut problems);
    Ok((tree, problems))
}

fn syntax_error(error: &serde_saphyr::Error, budget: &Budget, reading: Reading) -> Diagnostic {
    let pos = error
        .location()
        .filter(|location| location.line() > 0)
        .map(|location| Pos {
            line: u32::try_from(location.line()).unwrap_or(u32::MAX),
            column: u32::try_from(location.column()).unwrap_or(u32::MAX).max(1),
        })
        .unwrap_or(Pos::START);
    if let Some(breach) = budget_breach(error) {
        let (message, help) = over_budget(breach, budget, reading);
        return Diagnostic::error(pos, message).with_help(help);
    }
    let mut render = serde_saphyr::RenderOptions::default();
    render.snippets = SnippetMode::Off;
    let text = strip_location(&error.render_with_options(render));
    // The library's advice is for its callers, not for whoever wrote the file.
    if text.starts_with("multiple YAML documents detected") {
        let help = match reading {
            Reading::Desk => {
                "a desk is one document: remove the `---` line and merge what follows, or use \
                 one file per desk"
            }
            Reading::Object => {
                "a file holds one object: remove the `---` line and what follows, or use one \
                 file each"
            }
        };
        return Diagnostic::error(pos, "a second YAML document starts here (after `---`)")
            .with_help(help);
    }
    Diagnostic::error(pos, text)
}

/// The reader's limit an error reports breaching, if it is one.
fn budget_breach(mut error: &serde_saphyr::Error) -> Option<&BudgetBreach> {
    loop {
        match error {
            serde_saphyr::Error::WithSnippet { error: inner, .. }
            | serde_saphyr::Error::AliasError { error: inner, .. } => error = inner,
            serde_saphyr::Error::Budget { breach, .. } => return Some(breach),
            _ => return None,
        }
    }
}

/// A sentence naming the reader's limit a document is over, and what to change.
fn over_budget(breach: &BudgetBreach, budget: &Budget, reading: Reading) -> (String, String) {
    let smaller = match reading {
        Reading::Desk => {
            "split the workspace into several documents, applied one after the other: a \
             section a document leaves out is left alone"
        }
        // The service's own limits on one request are far below the reader's.
        Reading::Object => {
            "no one object is this large: look for a value pasted in by mistake, or send less \
             in one (a handoff's transcript: its latest messages)"
        }
    };
    match breach {
        BudgetBreach::Depth { .. } => (
            format!(
                "the document nests lists and mappings more than {} levels deep",
                budget.max_depth
            ),
            "deskctl's documents are a few levels deep: flatten this value, or look for a `[` or `{` \
             that is never closed"
                .into(),
        ),
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => (
            format!(
                "the document holds more than {} values (lists, mappings and scalars), the \
                 most deskctl reads in one document",
                thousands(budget.max_nodes)
            ),
            smaller.into(),
        ),
        BudgetBreach::ScalarBytes { .. } | BudgetBreach::InputBytes { .. } => (
            format!(
                "the document's text is over {} MiB, the most deskctl reads in one document",
                budget.max_total_scalar_bytes / (1024 * 1024)
            ),
            smaller.into(),
        ),
        BudgetBreach::Aliases { .. }
        | BudgetBreach::Anchors { .. }
        | BudgetBreach::AliasAnchorRatio { .. }
        | BudgetBreach::MergeKeys { .. }
        | BudgetBreach::RecordedAnchorEvents { .. }
        | BudgetBreach::RecordedAnchorBytes { .. } => (
            format!(
                "the document repeats anchors (`&name`), aliases (`*name`) or merge keys (`<<`) \
                 past the most deskctl expands ({} aliases, {} anchors, {} merge keys)",
                thousands(budget.max_aliases),
                thousands(budget.max_anchors),
                thousands(budget.max_merge_keys)
            ),
            "write the repeated parts out, or use fewer aliases".into(),
        ),
        _ => (
            "the document is over one of the limits of deskctl's YAML reader (size, nesting \
             or repetition)"
                .into(),
            smaller.into(),
        ),
    }
}

/// `250000` as `250,000`.
fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// Drops the " at line L, column C" that serde-saphyr appends: ours leads the line.
fn strip_location(message: &str) -> String {
    let message = message.lines().next().unwrap_or(message).trim();
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_string(),
        None => message.to_string(),
    }
}

/// Reads the typed document from the tree (see [`read_typed`]).
fn read_document(tree: Node) -> (Option<Parsed>, Vec<Diagnostic>) {
    let (read, errors) =
        read_typed::<DeskDocument>(tree, &|key, top_level| Some(no_value(key, top_level)));
    let parsed = read.map(|(document, tree, misspelt)| Parsed {
        document,
        tree,
        misspelt,
    });
    (parsed, errors)
}

/// Reads one API object — e.g. a handover action as `-o json|yaml` prints
/// it — from JSON or YAML text, with every problem at its place; `Err` holds
/// them all (never empty). A key with no value where the value is optional
/// is read as left out, as the API reads JSON's `null`.
///
/// `given` are top-level keys set whatever the text says (e.g. `handoff
/// send --agent`): they win over the text's and stand in for what it leaves
/// out, so neither is an error.
pub fn parse_object<T: DeserializeOwned>(
    source: &Source,
    given: &[(&str, &str)],
) -> Result<T, Vec<Diagnostic>> {
    let read = read_object(source, given)?;
    verdict(read.object, read.errors)
}

/// What [`parse_object`] read of a file, for checks of the object that
/// follow its reading and show their problems at their place too.
pub(crate) struct ObjectRead<T> {
    /// The object without its offending entries, when one could be read.
    pub object: Option<T>,
    /// The tree as written (with the keys `given`): what the file says.
    pub written: Node,
    /// The tree the object was read from: `written` without the offending
    /// entries, with stand-ins for the missing keys.
    pub read: Node,
    /// Every problem found in reading, unsorted.
    pub errors: Vec<Diagnostic>,
}

/// Reads an object as [`parse_object`] does, keeping what it read; `Err`
/// when the text could not be read at all (a syntax error).
pub(crate) fn read_object<T: DeserializeOwned>(
    source: &Source,
    given: &[(&str, &str)],
) -> Result<ObjectRead<T>, Vec<Diagnostic>> {
    let text = source.text();
    let (mut written, mut errors) = match read_tree(text, Reading::Object) {
        Ok(read) => read,
        // YAML reads JSON (tabs, one line, escapes), so a JSON file gets the
        // same places and "did you mean"; what it cannot read of a JSON file
        // is a JSON syntax error, told in JSON's terms.
        Err(_) if looks_like_json(&source.name, text) => {
            // YAML skips a byte order mark; JSON's reader must be spared it.
            let json = text.strip_prefix(BOM).unwrap_or(text);
            let object = serde_json::from_str(json).map_err(|error| vec![json_error(&error)])?;
            // JSON that YAML cannot read (a key over YAML's 1024 characters)
            // has no places: later checks show their problems at the top.
            let top = Node {
                pos: Pos::START,
                value: Value::Null,
            };
            return Ok(ObjectRead {
                object: Some(object),
                written: top.clone(),
                read: top,
                errors: Vec::new(),
            });
        }
        Err(errors) => return Err(errors),
    };
    for (key, value) in given {
        written.set_text(key, value);
    }
    let (read, more) = read_typed::<T>(written.clone(), &|_, _| None);
    errors.extend(more);
    let (object, read) = match read {
        Some((object, read, _)) => (Some(object), read),
        None => (None, written.clone()),
    };
    Ok(ObjectRead {
        object,
        written,
        read,
        errors,
    })
}

/// `object` when no error was found; else every error (at most
/// [`MAX_ERRORS`]), in the order of the file.
pub(crate) fn verdict<T>(
    object: Option<T>,
    mut errors: Vec<Diagnostic>,
) -> Result<T, Vec<Diagnostic>> {
    super::diagnostic::sort(&mut errors);
    errors.truncate(MAX_ERRORS);
    match object {
        Some(object) if errors.is_empty() => Ok(object),
        _ => Err(errors),
    }
}

/// One `T` a line of a JSON Lines file, each line read as [`parse_object`]
/// reads a file, with the keys `given` in each; blank lines are skipped. `Err`
/// holds the errors of every bad line, each at its place in `source`.
pub fn parse_object_lines<T: DeserializeOwned>(
    source: &Source,
    given: &[(&str, &str)],
) -> Result<Vec<T>, Vec<Diagnostic>> {
    parse_lines(source, |line| parse_object(line, given))
}

/// One `T` a line of a JSON Lines file, each line read by `parse_line` as a
/// file of its own; blank lines are skipped. `Err` holds the errors of every
/// bad line, each at its place in `source`.
pub(super) fn parse_lines<T>(
    source: &Source,
    parse_line: impl Fn(&Source) -> Result<T, Vec<Diagnostic>>,
) -> Result<Vec<T>, Vec<Diagnostic>> {
    let mut objects = Vec::new();
    let mut errors = Vec::new();
    let lines = (1..).map_while(|number| source.line(number).map(|line| (number, line)));
    for (number, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(&Source::new(source.name.clone(), line, &source.dir)) {
            Ok(object) => objects.push(object),
            Err(found) => errors.extend(found.into_iter().map(|mut diagnostic| {
                diagnostic.pos.line = number;
                diagnostic
            })),
        }
        if errors.len() >= MAX_ERRORS {
            errors.truncate(MAX_ERRORS);
            break;
        }
    }
    if errors.is_empty() {
        Ok(objects)
    } else {
        Err(errors)
    }
}

/// Whether a request file that YAML cannot read is JSON, so that its error
/// is told in JSON's terms: it is an object (starts with `{`) whose first key
/// is quoted (or that is empty), as JSON writes one, or one in a file named
/// `*.json`. A flow mapping of YAML (`{agent: shop, …`) is YAML's to tell,
/// and so is a `*.json` file holding YAML's block style.
pub fn looks_like_json(name: &str, text: &str) -> bool {
    let text = text.strip_prefix(BOM).unwrap_or(text).trim_start();
    let Some(inside) = text.strip_prefix('{') else {
        return false;
    };
    name.ends_with(".json") || inside.trim_start().starts_with(['"', '}'])
}

/// Whether `text` is JSON Lines rather than one JSON or YAML document: its
/// first non-blank line is a whole JSON object, and another non-blank line
/// follows. No one document reads so (JSON allows nothing after its value,
/// YAML nothing but comments after a flow mapping at the top), so telling
/// them apart this way never misreads a valid document; a single line is one
/// object either way.
pub fn holds_json_lines(text: &str) -> bool {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut lines = text.lines().filter(|line| !line.trim().is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    lines.next().is_some()
        && serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(first).is_ok()
}

/// serde_json's error at its place, the " at line L column C" it ends with
/// left out: ours leads the line.
pub fn json_error(error: &serde_json::Error) -> Diagnostic {
    let pos = Pos {
        line: u32::try_from(error.line()).unwrap_or(u32::MAX).max(1),
        column: u32::try_from(error.column()).unwrap_or(u32::MAX).max(1),
    };
    Diagnostic::error(pos, strip_location(&error.to_string()))
}

/// Reads a `T` from the tree, dropping each offending entry and trying again
/// until the read succeeds, so that every error is found. What a key with no
/// value where one is optional says is `no_value`'s to tell (given the key and
/// whether it is at the top): a diagnostic, or none to read it as left out.
/// The value comes with the tree it was read from, its offending entries gone,
/// and the keys it misspelt (see [`Misspelt`]): a misspelt key is reported
/// once, as unknown with its did-you-mean, and not also as missing.
///
/// A missing key gets a stand-in value (see [`Node::stand_in`]) so the rest of
/// its mapping is still read; errors about stand-ins are never reported.
fn read_typed<T: DeserializeOwned>(
    mut tree: Node,
    no_value: &dyn Fn(&Node, bool) -> Option<Diagnostic>,
) -> (Option<(T, Node, Misspelt)>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    // Keys dropped because their value was wrong: their absence is not news.
    let mut dropped: HashSet<(Pos, String)> = HashSet::new();
    let mut misspelt = Misspelt::default();
    loop {
        let error = match from_node::<T>(&tree) {
            Ok(value) => return (Some((value, tree, misspelt)), errors),
            Err(error) => error,
        };
        if let Some(stand_in) = tree.stand_in_on(&error.path) {
            // The stand-in did not fit: try the next kind of value, or drop it.
            if !tree.next_stand_in(&stand_in, error.variants) {
                tree.remove(&stand_in);
            }
            continue;
        }
        let pos = error.pos.unwrap_or(tree.pos);
        let missing = error
            .message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.strip_suffix('`'));
        if let Some(key) = missing {
            if !dropped.contains(&(pos, key.to_string())) && !misspelt.contains(pos, key) {
                errors.push(Diagnostic::error(pos, format!("missing key `{key}`")));
            }
            if !tree.add_stand_in(&error.path, key) {
                return (None, errors);
            }
        } else {
            let diagnostic = match tree.key_at(&error.path).filter(|_| error.no_value) {
                Some(key) => no_value(key, error.path.len() == 1),
                None => {
                    let mut diagnostic = Diagnostic::error(pos, plain_words(&error.message));
                    diagnostic.help = error.help.clone();
                    Some(diagnostic)
                }
            };
            errors.extend(diagnostic);
            // Drop what the error is about (the entry or the item) and read again;
            // an error about the root ends it.
            match tree.remove(&error.path) {
                Some(Removed::Entry { map, key }) => {
                    if let Some(meant) = error.meant {
                        misspelt.insert(map, meant);
                    }
                    dropped.insert((map, key));
                }
                Some(Removed::Item) => {}
                None => return (None, errors),
            }
        }
        if errors.len() >= MAX_ERRORS {
            return (None, errors);
        }
    }
}

/// The sections that list resources, and what each lists.
const LIST_SECTIONS: [(&str, &str); 5] = [
    ("operators", "operators"),
    ("teams", "teams"),
    ("ticket-fields", "ticket fields"),
    ("integrations", "integrations"),
    ("agents", "agents"),
];

/// Keys that exports of earlier deskctl versions wrote with no value
/// (`default-priority: null`): a document committed from one must still apply,
/// so there a null is read as the key left out, with a warning.
const NULL_IN_EARLIER_EXPORTS: [&str; 1] = ["default-priority"];

/// A key written with no value, at the key: a section (`top_level`) says how
/// to describe "none" and how to leave the part alone; any other key how to
/// take its default.
fn no_value(key: &Node, top_level: bool) -> Diagnostic {
    let name = key.as_text().unwrap_or("?");
    let message = format!("`{name}` has no value");
    if !top_level && NULL_IN_EARLIER_EXPORTS.contains(&name) {
        return Diagnostic::warning(
            key.pos,
            format!("{message}: read as left out (its default)"),
        )
        .with_help(format!(
            "delete the key: earlier deskctl exports wrote `{name}: null`, which \
                 docs/desk.schema.json does not allow"
        ));
    }
    let help = if !top_level {
        format!("give `{name}` a value, or delete the key: a key left out takes its default")
    } else if let Some((_, what)) = LIST_SECTIONS.iter().find(|(section, _)| *section == name) {
        // A commented-out list leaves the key alone: absence would be silent.
        format!(
            "write `{name}: []` to list no {what} (with `--prune`, apply then removes every \
             one), or delete the key to leave {what} as they are"
        )
    } else {
        format!(
            "give its settings (`{name}: {{}}` sets each to its default), or delete the key to \
             leave them as they are"
        )
    };
    Diagnostic::error(key.pos, message).with_help(help)
}

/// The largest value of an unsigned integer type serde names.
fn unsigned_max(type_name: &str) -> Option<u64> {
    Some(match type_name {
        "u8" => u8::MAX.into(),
        "u16" => u16::MAX.into(),
        "u32" => u32::MAX.into(),
        "u64" | "usize" => u64::MAX,
        _ => return None,
    })
}

/// serde names the Rust type it expected (`expected struct OperatorSpec`):
/// say what the YAML should have been instead.
fn plain_words(message: &str) -> String {
    let Some((head, expected)) = message.split_once("expected ") else {
        return message.to_string();
    };
    let head = head.replace("invalid type: unit value", "nothing is given");
    let head = head.as_str();
    if expected.starts_with("struct DeskDocument") {
        format!(
            "{head}expected a mapping that starts with `apiVersion: deskctl/v1` and `kind: Desk`"
        )
    } else if expected.starts_with("struct ") {
        format!("{head}expected a mapping")
    } else if expected.starts_with("enum ") {
        format!("{head}expected a name")
    } else if let Some(most) = unsigned_max(expected.trim()) {
        format!("{head}expected a whole number from 0 to {most}")
    } else if ["i8", "i16", "i32", "i64", "isize"].contains(&expected.trim()) {
        format!("{head}expected a whole number")
    } else if ["f32", "f64"].contains(&expected.trim()) {
        format!("{head}expected a number")
    } else {
        message.to_string()
    }
}

/// A node as serde-saphyr hands it over, before locations are attached.
enum Raw {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<Raw>, Spanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Raw, D::Error> {
        Raw::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Raw, E> {
        Ok(Raw::Int(value.into()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Raw, E> {
        Ok(Raw::Int(value.into()))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Raw, E> {
        Ok(Raw::Int(value))
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Raw, E> {
        Ok(i128::try_from(value).map_or(Raw::Float(value as f64), Raw::Int))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Raw, E> {
        Ok(Raw::Float(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Raw, E> {
        Ok(Raw::Str(value.to_string()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Raw, E> {
        Ok(Raw::Str(value))
    }

    fn visit_bytes<E: de::Error>(self, value: &[u8]) -> Result<Raw, E> {
        Ok(Raw::Str(String::from_utf8_lossy(value).into_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            let value = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Raw::Map(entries))
    }
}

fn pos_of(location: &serde_saphyr::Location) -> Pos {
    Pos {
        line: u32::try_from(location.line()).unwrap_or(u32::MAX).max(1),
        column: u32::try_from(location.column()).unwrap_or(u32::MAX).max(1),
    }
}

/// The source text of a node, for plain scalars read as numbers or booleans.
fn source_text(text: &str, location: &serde_saphyr::Location) -> Option<String> {
    let span = location.span();
    let start = usize::try_from(span.byte_offset()?).ok()?;
    let len = usize::try_from(span.byte_len()?).ok()?;
    text.get(start..start.checked_add(len)?)
        .map(|slice| slice.trim().to_string())
        .filter(|slice| !slice.is_empty())
}

/// The located tree of `raw`. Problems no typed read would see are added to
/// `problems`, each at its place: a key given twice (the later entry left
/// out), and a text holding a NUL character, which the service refuses in
/// any text it is sent (naming only the field).
fn build(raw: Spanned<Raw>, text: &str, problems: &mut Vec<Diagnostic>) -> Node {
    let pos = pos_of(&raw.referenced);
    let typed = |value: Value, fallback: String| {
        let source = source_text(text, &raw.referenced).unwrap_or(fallback);
        Value::Typed(Box::new(value), source)
    };
    let value = match raw.value {
        Raw::Null => Value::Null,
        Raw::Bool(flag) => typed(Value::Bool(flag), flag.to_string()),
        Raw::Int(number) => typed(Value::Int(number), number.to_string()),
        // serde-saphyr reads a decimal integer with a leading zero (`04417`)
        // as a float; YAML 1.2's core schema reads it as the integer.
        Raw::Float(number) => match source_text(text, &raw.referenced)
            .as_deref()
            .and_then(decimal_integer)
        {
            Some(whole) => typed(Value::Int(whole), whole.to_string()),
            None => typed(Value::Float(number), number.to_string()),
        },
        Raw::Str(string) => {
            if string.contains('\0') {
                problems.push(Diagnostic::error(pos, NUL_MESSAGE));
            }
            Value::Str(string)
        }
        Raw::Seq(items) => Value::Seq(
            items
                .into_iter()
                .map(|item| build(item, text, problems))
                .collect(),
        ),
        Raw::Map(raw_entries) => {
            let mut entries: Vec<(Node, Node)> = Vec::with_capacity(raw_entries.len());
            for (key, value) in raw_entries {
                let key = build(key, text, problems);
                let value = build(value, text, problems);
                let first = entries
                    .iter()
                    .find(|(seen, _)| same_key(seen, &key))
                    .map(|(seen, _)| seen.pos);
                match first {
                    Some(first) => problems.push(
                        Diagnostic::error(
                            key.pos,
                            format!("duplicate key `{}`", key.as_text().unwrap_or("?")),
                        )
                        .with_help(format!("first given at line {}", first.line)),
                    ),
                    None => entries.push((key, value)),
                }
            }
            Value::Map(entries)
        }
    };
    Node { pos, value }
}

/// The integer a plain scalar of digits writes (`04417`, `-7`, `+3`);
/// `None` for any other text, or one beyond `i128`.
fn decimal_integer(text: &str) -> Option<i128> {
    crate::domain::validate::is_decimal_integer(text)
        .then(|| text.parse().ok())
        .flatten()
}

fn same_key(a: &Node, b: &Node) -> bool {
    match (a.as_text(), b.as_text()) {
        (Some(a), Some(b)) => a == b,
        _ => a.value == b.value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<(u32, u32, String)> {
        let source = Source::new("desk.yaml", text, ".");
        parse(&source)
            .unwrap_err()
            .into_iter()
            .map(|d| (d.pos.line, d.pos.column, d.message))
            .collect()
    }

    const HEAD: &str = "apiVersion: deskctl/v1\nkind: Desk\n";

    #[test]
    fn a_minimal_document_parses() {
        let source = Source::new("desk.yaml", HEAD, ".");
        let parsed = parse(&source).unwrap();
        assert_eq!(parsed.document, DeskDocument::empty());
    }

    #[test]
    fn plain_numbers_are_read_as_text_where_text_is_wanted() {
        let text = format!("{HEAD}teams:\n  - key: t1\n    name: 2024\n    default: true\n");
        let parsed = parse(&Source::new("d", text, ".")).unwrap();
        assert_eq!(parsed.document.teams.unwrap()[0].name, "2024");
    }

    #[test]
    fn a_syntax_error_has_its_place() {
        let found = errors("apiVersion: deskctl/v1\nkind: [Desk\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].0 >= 2, "{found:?}");
    }

    #[test]
    fn every_unknown_key_and_wrong_type_is_reported_in_one_pass() {
        let text = format!(
            "{HEAD}operators:\n  - handle: alice\n    name: Alice\n    emial: a@x.com\n    email: a@x.com\n  - handle: bob\n    name: Bob\n    email: b@x.com\n    capacity: lots\nteamz: []\n"
        );
        let found = errors(&text);
        assert_eq!(
            found,
            vec![
                (6, 5, "unknown key `emial`".to_string()),
                (
                    11,
                    15,
                    "invalid type: string \"lots\", expected a whole number from 0 to 4294967295"
                        .to_string()
                ),
                (12, 1, "unknown key `teamz`".to_string()),
            ]
        );
    }

    #[test]
    fn a_missing_key_is_reported_once_at_its_mapping() {
        let text = format!("{HEAD}teams:\n  - name: Support\n    default: oops\n");
        let found = errors(&text);
        assert_eq!(
            found,
            vec![
                (4, 5, "missing key `key`".to_string()),
                (
                    5,
                    14,
                    "invalid type: string \"oops\", expected a boolean".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_wrongly_typed_required_value_is_not_also_missing() {
        let text = format!("{HEAD}teams:\n  - key: [a]\n    name: Support\n");
        assert_eq!(
            errors(&text),
            vec![(
                4,
                10,
                "invalid type: sequence, expected a string".to_string()
            )]
        );
    }

    #[test]
    fn duplicate_keys_point_at_the_repeat() {
        let text = format!(
            "{HEAD}handoff:\n  preview-in-non-production: true\n  preview-in-non-production: false\nkind: Desk\n"
        );
        let found = errors(&text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (5, 3));
        assert!(
            found[0]
                .2
                .contains("duplicate key `preview-in-non-production`")
        );
        assert_eq!((found[1].0, found[1].1), (6, 1));
    }

    #[test]
    fn bad_enum_values_suggest_the_closest() {
        let source = Source::new(
            "d",
            format!("{HEAD}assignment:\n  method: round-robbin\n"),
            ".",
        );
        let found = parse(&source).unwrap_err();
        assert_eq!((found[0].pos.line, found[0].pos.column), (4, 11));
        assert_eq!(found[0].message, "unknown value `round-robbin`");
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap()
                .contains("did you mean `round-robin`?")
        );
    }

    #[test]
    fn the_version_and_kind_are_required_and_checked() {
        let found = errors("apiVersion: deskctl/v2\nkind: Desk\n");
        assert_eq!(
            found,
            vec![(1, 13, "unknown value `deskctl/v2`".to_string())]
        );
        let found = errors("kind: Desk\n");
        assert_eq!(found, vec![(1, 1, "missing key `apiVersion`".to_string())]);
    }

    #[test]
    fn errors_after_a_missing_key_are_still_found() {
        let text = "operators:\n  - handle: al\n    nmae: Al\n    email: 5\nrules:\n  priority:\n    - conditions:\n        - field: channel\n      prio: high\n";
        let found: Vec<String> = errors(text)
            .into_iter()
            .map(|e| format!("{}:{} {}", e.0, e.1, e.2))
            .collect();
        assert_eq!(
            found,
            [
                "1:1 missing key `apiVersion`",
                "1:1 missing key `kind`",
                // Misspelt, not missing: one error, at the key written.
                "3:5 unknown key `nmae`",
                "8:11 missing key `op`",
                "9:7 unknown key `prio`",
            ]
        );
    }

    #[test]
    fn messages_name_yaml_shapes_not_rust_types() {
        assert_eq!(
            errors("just text\n"),
            [(1, 1, "invalid type: string \"just text\", expected a mapping that starts with `apiVersion: deskctl/v1` and `kind: Desk`".to_string())]
        );
        let found = errors(&format!(
            "{HEAD}operators: [alice]\nassignment:\n  method: [balanced]\n"
        ));
        assert_eq!(
            found[0].2,
            "invalid type: string \"alice\", expected a mapping"
        );
        assert_eq!(found[1].2, "invalid type: sequence, expected a name");
    }

    #[test]
    fn numbers_are_described_without_rust_types() {
        let found = errors(&format!(
            "{HEAD}operators:\n  - handle: a\n    name: A\n    email: a@x.com\n    capacity: -3\n"
        ));
        assert_eq!(
            found[0].2,
            "invalid value: integer `-3`, expected a whole number from 0 to 4294967295"
        );
    }

    #[test]
    fn a_port_out_of_range_states_the_range_and_an_empty_or_second_document_is_named() {
        let found = errors(&format!("{HEAD}email:\n  port: 70000\n"));
        assert_eq!(
            found[0].2,
            "invalid value: integer `70000`, expected a port from 1 to 65535"
        );
        let found = errors(&format!("{HEAD}email:\n  port: -1\n"));
        assert_eq!(
            found[0].2,
            "invalid value: integer `-1`, expected a port from 1 to 65535"
        );
        let found = errors(&format!("{HEAD}email:\n  port: smtp\n"));
        assert_eq!(
            found[0].2,
            "invalid type: string \"smtp\", expected a port from 1 to 65535"
        );
        let found = errors("");
        assert!(
            found[0]
                .2
                .starts_with("nothing is given, expected a mapping"),
            "{found:?}"
        );
        let found = errors(&format!("{HEAD}---\nkind: Desk\n"));
        assert_eq!(
            (found[0].0, found[0].2.as_str()),
            (4, "a second YAML document starts here (after `---`)")
        );
    }

    #[test]
    fn a_document_over_the_readers_limits_is_told_which_and_what_to_change() {
        let deep = format!("{HEAD}x: {}{}\n", "[".repeat(70), "]".repeat(70));
        // Read on a stack the size of the main thread's, where commands read
        // documents: a debug build's frames for 64 levels outgrow a test thread's.
        let found = std::thread::Builder::new()
            .stack_size(8 * 1024 * 1024)
            .spawn(move || parse(&Source::new("d", deep, ".")).unwrap_err())
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(
            found[0].message,
            "the document nests lists and mappings more than 64 levels deep"
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap()
                .contains("flatten this value")
        );
        let many = format!("{HEAD}x: [{}]\n", vec!["1"; 260_000].join(","));
        let found = parse(&Source::new("d", many, ".")).unwrap_err();
        assert_eq!(
            found[0].message,
            "the document holds more than 250,000 values (lists, mappings and scalars), the \
             most deskctl reads in one document"
        );
        assert_eq!(found[0].pos.line, 3);
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap()
                .contains("several documents")
        );
        for diagnostic in &found {
            assert!(!diagnostic.message.contains('{'), "{diagnostic:?}");
        }
        // One object (a handoff) cannot be split across documents.
        let one_object = format!("x: [{}]\n", vec!["1"; 260_000].join(","));
        let found = read_tree(&one_object, Reading::Object).unwrap_err();
        let help = found[0].help.as_deref().unwrap();
        assert!(help.contains("no one object is this large"), "{help}");
        assert!(!help.contains("documents"), "{help}");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(64), "64");
    }

    #[test]
    fn yes_is_not_a_boolean() {
        let found = errors(&format!(
            "{HEAD}handoff:\n  preview-in-non-production: yes\n"
        ));
        assert_eq!(
            found[0].2,
            "invalid type: string \"yes\", expected a boolean"
        );
    }

    fn object_errors(name: &str, text: &str) -> Vec<(u32, u32, String, Option<String>)> {
        parse_object::<crate::api::HandoverAction>(&Source::new(name, text, "."), &[])
            .unwrap_err()
            .into_iter()
            .map(|d| (d.pos.line, d.pos.column, d.message, d.help))
            .collect()
    }

    #[test]
    fn an_api_object_is_read_from_yaml_or_json_with_every_problem_at_its_place() {
        let found = object_errors(
            "a.yaml",
            "naem: X\nmessage-threshold: many\nhuman-button: yes\n",
        );
        assert_eq!(
            found,
            [
                (
                    1,
                    1,
                    "unknown key `naem`".into(),
                    Some("did you mean `name`?".into())
                ),
                (
                    2,
                    20,
                    "invalid type: string \"many\", expected a whole number from 0 to 4294967295"
                        .into(),
                    None
                ),
                (
                    3,
                    15,
                    "invalid type: string \"yes\", expected a boolean".into(),
                    None
                ),
            ]
        );
        let found = object_errors("a.json", "{\n  \"name\": \"X\",\n  \"enabeld\": true\n}");
        assert_eq!(found[0].0, 3, "{found:?}");
        assert_eq!(found[0].3.as_deref(), Some("did you mean `enabled`?"));
    }

    #[test]
    fn json_is_read_as_programs_write_it_and_its_syntax_errors_told_in_json_terms() {
        let tabbed = "{\n\t\"name\": \"X\",\n\t\"message-threshold\": 3\n}";
        let read: crate::api::HandoverAction =
            parse_object(&Source::new("<stdin>", tabbed, "."), &[]).unwrap();
        assert_eq!((read.name.as_str(), read.message_threshold), ("X", 3));
        let found = object_errors("a.json", "{\n  \"name\": \"X\"\n  \"enabled\": true\n}");
        assert_eq!(
            found,
            [(3, 3, "expected `,` or `}`".into(), None)],
            "serde_json's place, its \" at line\" left out"
        );
        // What YAML reads of JSON that is not quite JSON is read as YAML.
        let found = object_errors("a.json", "{\"enabled\": tru}");
        assert_eq!(found[0].0, 1, "{found:?}");
        assert!(found[0].2.contains("expected a boolean"), "{found:?}");
        // Wherever it is, JSON that does not read is told in JSON's terms.
        let found = object_errors(
            "a.yaml",
            "\u{feff} {\n \"name\": \"X\"\n \"enabled\": true}",
        );
        assert_eq!(found, [(3, 2, "expected `,` or `}`".into(), None)]);
    }

    #[test]
    fn yaml_that_starts_like_json_or_is_named_json_is_told_in_yamls_terms() {
        let yaml = object_errors("a.yaml", "{name: X, enabled: true\n");
        let json = serde_json::from_str::<serde_json::Value>("{name: X, enabled: true\n")
            .unwrap_err()
            .to_string();
        assert_eq!(yaml.len(), 1, "{yaml:?}");
        assert!(
            !json.starts_with(&yaml[0].2),
            "told in JSON's terms: {yaml:?}"
        );
        // A `*.json` file that holds YAML's block style is YAML too.
        let block = object_errors("a.json", "name: X\nwhen-to-use: \"unclosed\n");
        assert_eq!(block.len(), 1, "{block:?}");
        assert_ne!(
            block[0].2, "expected value",
            "told in JSON's terms: {block:?}"
        );
        assert_eq!(block[0].0, 3, "{block:?}");
        // What does not read in a file named JSON that starts as JSON does
        // is JSON's to tell: the name says what it was meant to be.
        assert_eq!(
            object_errors("a.json", "{name: X, enabled: true\n")[0].2,
            "key must be a string"
        );
    }

    #[test]
    fn a_null_in_an_api_object_is_the_key_left_out_as_the_api_reads_it() {
        let read: crate::api::HandoverAction = parse_object(
            &Source::new("a.yaml", "default-priority: null\nname: X\n", "."),
            &[],
        )
        .unwrap();
        assert_eq!(read.default_priority, None);
        assert_eq!(read.name, "X");
        // Where the value is not optional, null is still wrong.
        let found = object_errors("a.yaml", "labels: ~\n");
        assert!(found[0].2.contains("expected a mapping"), "{found:?}");
    }

    #[test]
    fn every_bad_line_of_json_lines_is_reported_at_its_line_and_blank_lines_are_skipped() {
        const GOOD: &str =
            r#"{"channel": "web", "transcript": [{"role": "customer", "text": "hi"}]}"#;
        let read = |text: &str| {
            parse_object_lines::<crate::api::HandoffRequest>(
                &Source::new("h.jsonl", text, "."),
                &[("agent", "shop"), ("environment", "staging")],
            )
        };
        let text = format!(
            "{GOOD}\n{{\"chanel\": \"web\"}}\n\n   \n{GOOD}\n{{\"channel\": \"web\"\n{GOOD}\n"
        );
        let found: Vec<(u32, u32, String)> = read(&text)
            .unwrap_err()
            .into_iter()
            .map(|d| (d.pos.line, d.pos.column, d.message))
            .collect();
        assert_eq!(
            found,
            [
                (2, 2, "unknown key `chanel`".into()),
                (6, 17, "EOF while parsing an object".into()),
            ],
            "{found:?}"
        );
        let requests = read(&format!("\n{GOOD}\n\n{GOOD}\r\n{GOOD}")).unwrap();
        assert_eq!(requests.len(), 3);
        assert!(requests.iter().all(|request| request.agent == "shop"));
        assert!(read("").unwrap().is_empty());
        assert!(read("\n  \n").unwrap().is_empty());
    }

    #[test]
    fn keys_given_on_the_command_line_win_over_the_file_and_stand_in_for_it() {
        const REST: &str = "channel: web\nrequester:\n  name: Dana\ntranscript:\n  - role: customer\n    text: hi\n";
        let read = |text: &str, given: &[(&str, &str)]| {
            parse_object::<crate::api::HandoffRequest>(&Source::new("h.yaml", text, "."), given)
        };
        let given = [("agent", "shop"), ("environment", "staging")];
        // Left out by the file.
        let request = read(REST, &given).unwrap();
        assert_eq!(request.agent, "shop");
        assert_eq!(request.environment, crate::api::Environment::Staging);
        // Wrong in the file, given right: not an error.
        let request = read(&format!("agent: [1]\nenvironment: prod\n{REST}"), &given).unwrap();
        assert_eq!(request.environment, crate::api::Environment::Staging);
        // Without them, what is missing is said; the file's other problems are all found.
        let found = |text: &str| {
            read(&format!("{text}\n{REST}"), &[("environment", "staging")])
                .unwrap_err()
                .into_iter()
                .map(|d| (d.pos.line, d.message))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("bot: shop"),
            [
                (1, "missing key `agent`".to_string()),
                (1, "unknown key `bot`".to_string())
            ]
        );
        // A key misspelt is not also missing: its did-you-mean says it all.
        let misspelt = parse_object::<crate::api::HandoffRequest>(
            &Source::new("h.yaml", format!("agnet: shop\n{REST}"), "."),
            &[("environment", "staging")],
        )
        .unwrap_err();
        assert_eq!(misspelt.len(), 1, "{misspelt:?}");
        assert_eq!(misspelt[0].message, "unknown key `agnet`");
        assert_eq!(misspelt[0].help.as_deref(), Some("did you mean `agent`?"));
    }

    #[test]
    fn json_lines_are_told_from_one_document_by_their_first_line() {
        let lines = [
            "{\"a\": 1}\n{\"a\": 2}\n",
            // Blank lines around them, a break of \r\n, and bad lines after the first.
            "\n  \n{\"a\": 1}\r\n\r\n{\"a\": \n[1]\n",
        ];
        for text in lines {
            assert!(holds_json_lines(text), "{text:?}");
        }
        let documents = [
            "",
            "  \n",
            // One line is one object either way.
            "{\"a\": 1}\n",
            "\n{\"a\": 1}\n\n",
            // Pretty-printed JSON opens with a line of its own.
            "{\n  \"a\": 1\n}\n",
            "{\"a\": {\n  \"b\": 1}}\n",
            "a: 1\nb: 2\n",
            // A YAML flow mapping is no JSON object.
            "{a: 1}\n{b: 2}\n",
            // A cut first line reads as one document, whose error is then shown there.
            "{\"a\": \n{\"a\": 2}\n",
            // Not an object: a list, or a value, a line.
            "[1]\n[2]\n",
            "1\n2\n",
        ];
        for text in documents {
            assert!(!holds_json_lines(text), "{text:?}");
        }
    }
}
