//! A handoff read from a file (`handoff preview -f`, `handoff send -f`):
//! its shape, as [`parse::parse_object`] reads any API object, and then the
//! checks the service makes of a handoff on its own ([`validate_request`]:
//! the requester's email, context values, the transcript…), so that one pass
//! shows every problem of the file at its place. Checks that need the
//! workspace (the agent, its channels) are the service's.

use jiff::Timestamp;

use super::diagnostic::{Diagnostic, Source};
use super::parse::{self, ObjectRead};
use super::tree::Node;
use crate::api::HandoffRequest;
use crate::domain::handoff::{Rejection, normalize_request, validate_request};

/// Reads one handoff, with the top-level keys `given` in place of the file's
/// (see [`parse::parse_object`]), checked as the service would check it if
/// received at `at`; `Err` holds every problem (never empty), each at its
/// place.
pub fn parse_handoff(
    source: &Source,
    given: &[(&str, &str)],
    at: Timestamp,
) -> Result<HandoffRequest, Vec<Diagnostic>> {
    let ObjectRead {
        object,
        written,
        read,
        mut errors,
    } = parse::read_object::<HandoffRequest>(source, given)?;
    if let Some(request) = &object
        && let Err(rejections) = validate_request(&normalize_request(request.clone()), at)
    {
        errors.extend(
            rejections
                .iter()
                .filter_map(|rejection| located(rejection, &written, &read)),
        );
    }
    parse::verdict(object, errors)
}

/// One handoff a line of a JSON Lines file, each read as [`parse_handoff`]
/// reads a file; blank lines are skipped. `Err` holds the problems of every
/// bad line, each at its place in `source`.
pub fn parse_handoff_lines(
    source: &Source,
    given: &[(&str, &str)],
    at: Timestamp,
) -> Result<Vec<HandoffRequest>, Vec<Diagnostic>> {
    parse::parse_lines(source, |line| parse_handoff(line, given, at))
}

/// A rejection of the handoff read from `read` at the place of its field in
/// the file; `None` when reading dropped that field or part of it (a wrong
/// type, an unknown key), since that problem is shown already and this one
/// follows from it: `requester: {nmae: Dana}` is a misspelt key, not also a
/// requester without a name.
fn located(rejection: &Rejection, written: &Node, read: &Node) -> Option<Diagnostic> {
    let path = field_path(&rejection.field);
    let (node, depth, whole) = read.reach(path.iter().copied());
    let dropped = match depth {
        0 => path.first().is_some_and(|top| written.get(top).is_some()),
        _ => !written.contains(node),
    };
    if dropped {
        return None;
    }
    let message = if whole {
        rejection.message.clone()
    } else {
        // Shown at an ancestor: the message must name what it is about.
        format!("{}: {}", rejection.field, rejection.message)
    };
    Some(Diagnostic::error(node.pos, message))
}

/// The steps of a rejection's field in the tree: `transcript[3].text` is
/// `transcript`, `3`, `text`; a context key is one step whatever it holds
/// (`context.order.id` is the key `order.id`).
fn field_path(field: &str) -> Vec<&str> {
    if let Some(key) = field.strip_prefix("context.") {
        return vec!["context", key];
    }
    field
        .split('.')
        .flat_map(|part| match part.split_once('[') {
            Some((name, index)) => vec![name, index.trim_end_matches(']')],
            None => vec![part],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-01-01T12:00:00Z".parse().unwrap()
    }

    fn problems(text: &str) -> Vec<(u32, u32, String)> {
        let source = Source::new("h.yaml", text, ".");
        parse_handoff(&source, &[], now())
            .expect_err("problems")
            .into_iter()
            .map(|d| (d.pos.line, d.pos.column, d.message))
            .collect()
    }

    const GOOD: &str = "agent: shop\nenvironment: production\nchannel: web\n\
                        requester: {name: Dana}\ntranscript: [{role: customer, text: hi}]\n";

    #[test]
    fn the_documented_yaml_example_is_the_json_example() {
        let read = |name: &str, text: &str| {
            parse_handoff(&Source::new(name, text, "."), &[], now())
                .unwrap_or_else(|found| panic!("{name}: {found:?}"))
        };
        let json = read(
            "handoff.json",
            include_str!("../../docs/examples/handoff.json"),
        );
        let yaml = read(
            "handoff.yaml",
            include_str!("../../docs/examples/handoff.yaml"),
        );
        assert_eq!(yaml, json);
    }

    #[test]
    fn a_good_handoff_is_read() {
        let source = Source::new("h.yaml", GOOD, ".");
        let request = parse_handoff(&source, &[], now()).unwrap();
        assert_eq!(request.agent, "shop");
    }

    #[test]
    fn shape_and_content_problems_are_all_shown_at_their_place() {
        let text = "agent: shop\nenvironment: production\nchannel: web\n\
                    requester: {name: Dana, email: not-an-email}\n\
                    transcript: [{role: customer, text: hi}, {role: ai, text: ' '}]\n\
                    context: {order-id: {nested: 1}}\nbogus: 1\n";
        let found = problems(text);
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (4, 32), "{found:?}");
        assert!(found[0].2.contains("is not an email address"), "{found:?}");
        assert_eq!((found[1].0, found[1].1), (5, 59), "{found:?}");
        assert!(found[1].2.contains("has no text"), "{found:?}");
        assert_eq!((found[2].0, found[2].1), (6, 21), "{found:?}");
        assert!(found[2].2.contains("is an object"), "{found:?}");
        assert_eq!(found[3], (7, 1, "unknown key `bogus`".to_string()));
    }

    #[test]
    fn a_number_that_is_not_finite_is_text_in_a_text_and_refused_as_a_context_value() {
        // Read as anything, `.inf` would be sent as JSON's null.
        let text = GOOD.replace("name: Dana", "name: .inf") + "context: {items: -.Inf, ok: 1}\n";
        let found = problems(&text);
        assert_eq!(
            found,
            [(
                6,
                18,
                "`-.Inf` is a number that is not finite, which JSON cannot carry: write \
                 `'-.Inf'` in quotes for the text, or a finite number"
                    .to_string()
            )]
        );
        let text = GOOD.replace("name: Dana", "name: .nan");
        let request = parse_handoff(&Source::new("h.yaml", text, "."), &[], now()).unwrap();
        assert_eq!(
            request.requester.and_then(|r| r.name).as_deref(),
            Some(".nan")
        );
    }

    #[test]
    fn a_nul_character_in_any_text_is_shown_at_its_place_before_anything_is_sent() {
        let nul = crate::domain::validate::NUL_MESSAGE.to_string();
        let yaml = GOOD.replace("name: Dana", "name: \"Dana\\0\"") + "context: {\"k\\0\": v}\n";
        assert_eq!(
            problems(&yaml),
            [(4, 19, nul.clone()), (6, 11, nul.clone())]
        );
        let json = "{\"agent\": \"shop\", \"environment\": \"production\", \"channel\": \"web\",\n\
                    \"requester\": {\"name\": \"Dana\\u0000Reyes\"},\n\
                    \"transcript\": [{\"role\": \"customer\", \"text\": \"hi\"}]}";
        assert_eq!(problems(json), [(2, 23, nul)]);
    }

    #[test]
    fn a_missing_part_is_named_and_shown_at_the_top() {
        let text = "agent: shop\nenvironment: production\nchannel: web\n\
                    transcript: [{role: customer, text: hi}]\n";
        let found = problems(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (1, 1));
        assert!(
            found[0]
                .2
                .starts_with("requester: the handoff names no requester"),
            "{found:?}"
        );
    }

    #[test]
    fn what_reading_dropped_is_not_reported_again() {
        // A wrong type and a misspelt key: no "no requester" or "no name" on top.
        for requester in ["requester: 5", "requester: {nmae: Dana}"] {
            let text = GOOD.replace("requester: {name: Dana}", requester);
            let found = problems(&text);
            assert_eq!(found.len(), 1, "{requester}: {found:?}");
            assert_eq!(found[0].0, 4, "{found:?}");
        }
        // A message dropped for its role leaves a transcript that is not empty.
        let text = GOOD.replace("role: customer", "role: robot");
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].2.contains("robot"), "{found:?}");
    }

    #[test]
    fn every_bad_line_of_json_lines_is_shown_at_its_line() {
        let good = r#"{"agent": "shop", "environment": "production", "channel": "web", "requester": {"name": "Dana"}, "transcript": [{"role": "customer", "text": "hi"}]}"#;
        let bad_email = good.replace(r#""name": "Dana""#, r#""email": "dana""#);
        let text = format!("{good}\n{bad_email}\n\n{good}\n");
        let source = Source::new("h.jsonl", text.as_str(), ".");
        let found = parse_handoff_lines(&source, &[], now()).expect_err("line 2");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].pos.line, 2);
        assert_eq!(
            found[0].pos.column,
            u32::try_from(bad_email.find(r#""dana""#).unwrap() + 1).unwrap()
        );
        let source = Source::new("h.jsonl", format!("{good}\n\n{good}\n").as_str(), ".");
        assert_eq!(parse_handoff_lines(&source, &[], now()).unwrap().len(), 2);
    }

    #[test]
    fn a_byte_order_mark_before_json_lines_is_skipped_and_counts_no_column() {
        let good = r#"{"agent": "shop", "environment": "production", "channel": "web", "requester": {"name": "Dana"}, "transcript": [{"role": "customer", "text": "hi"}]}"#;
        let bad_email = good.replace(r#""name": "Dana""#, r#""email": "dana""#);
        let text = format!("\u{feff}{good}\n{good}\n");
        assert!(parse::holds_json_lines(&text));
        let source = Source::new("b.txt", text.as_str(), ".");
        assert_eq!(parse_handoff_lines(&source, &[], now()).unwrap().len(), 2);
        // A problem on the first line is where an editor shows it, after the mark.
        let text = format!("\u{feff}{bad_email}\n{good}\n");
        let source = Source::new("b.txt", text.as_str(), ".");
        let found = parse_handoff_lines(&source, &[], now()).expect_err("line 1");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].pos.line, found[0].pos.column),
            (
                1,
                u32::try_from(bad_email.find(r#""dana""#).unwrap() + 1).unwrap()
            )
        );
    }

    #[test]
    fn one_json_handoff_after_a_byte_order_mark_is_read_where_yaml_cannot_read_it() {
        // A key over YAML's 1024 characters: only JSON's reader takes it.
        let long_key = "k".repeat(1100);
        let text = format!(
            "\u{feff}{{\"agent\": \"shop\", \"environment\": \"production\", \"channel\": \"web\", \
             \"requester\": {{\"name\": \"Dana\"}}, \"context\": {{\"{long_key}\": 1}}, \
             \"transcript\": [{{\"role\": \"customer\", \"text\": \"hi\"}}]}}"
        );
        let found = parse_handoff(&Source::new("h.json", text.as_str(), "."), &[], now())
            .expect_err("the key is too long");
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert!(
            matches!(&messages[..], [one] if one.contains("has 1100 characters")),
            "{messages:?}"
        );
    }

    #[test]
    fn a_decimal_integer_with_a_leading_zero_is_that_integer() {
        // YAML 1.2's core schema reads `04417` as 4417; it was read as 4417.0.
        let text = format!("{GOOD}context: {{order-id: 04417, lot: -007, price: 04.50}}\n");
        let source = Source::new("h.yaml", text.as_str(), ".");
        let request = parse_handoff(&source, &[], now()).unwrap();
        assert_eq!(request.context["order-id"], serde_json::json!(4417));
        assert_eq!(request.context["lot"], serde_json::json!(-7));
        assert_eq!(request.context["price"], serde_json::json!(4.5));
    }

    #[test]
    fn a_whole_number_no_64_bit_integer_holds_is_refused_at_its_place() {
        let largest =
            format!("{GOOD}context: {{big: 18446744073709551615, small: -9223372036854775808}}\n");
        let source = Source::new("h.yaml", largest.as_str(), ".");
        let request = parse_handoff(&source, &[], now()).unwrap();
        assert_eq!(request.context["big"], serde_json::json!(u64::MAX));
        assert_eq!(request.context["small"], serde_json::json!(i64::MIN));

        for number in [
            "18446744073709551616",
            "123456789012345678901234567890",
            "-9223372036854775809",
            // Beyond i128 too.
            "1234567890123456789012345678901234567890",
        ] {
            let text = format!("{GOOD}context: {{account: {number}}}\n");
            let found = problems(&text);
            assert_eq!(found.len(), 1, "{number}: {found:?}");
            assert_eq!((found[0].0, found[0].1), (6, 20), "{number}: {found:?}");
            assert!(found[0].2.starts_with("number out of range"), "{found:?}");
            assert!(found[0].2.contains("as a string"), "{found:?}");
        }
        let json = r#"{"agent": "shop", "environment": "production", "channel": "web",
"requester": {"name": "Dana"}, "transcript": [{"role": "customer", "text": "hi"}],
"context": {"account": 123456789012345678901234567890}}"#;
        let source = Source::new("h.json", json, ".");
        let found = parse_handoff(&source, &[], now()).expect_err("refused");
        assert_eq!(
            (found[0].pos.line, found[0].pos.column),
            (3, 24),
            "{found:?}"
        );
        assert!(
            found[0].message.starts_with("number out of range"),
            "{found:?}"
        );
    }

    #[test]
    fn fields_are_split_into_steps() {
        assert_eq!(field_path("requester.email"), ["requester", "email"]);
        assert_eq!(
            field_path("transcript[3].text"),
            ["transcript", "3", "text"]
        );
        assert_eq!(field_path("context.order.id"), ["context", "order.id"]);
        assert_eq!(field_path("summary"), ["summary"]);
    }
}
