//! A ticket list's `field=KEY=VALUE` conditions: the value each asks for, as
//! the ticket field of that key stores it (the handoff pipeline's conversion,
//! so `seats=5` finds the number 5 and `vip=true` the checked box), and
//! whether a ticket's value is it, for a list watched as tickets change.

use serde_json::Value;

use crate::api::{FieldCondition, FieldError, FieldType, TicketField, field_condition_problems};
use crate::domain::handoff::convert;
use crate::domain::rules::{CONTEXT_KEY_RULE, is_context_key};
use crate::domain::suggest::did_you_mean_question;

/// What is said of a condition's `key` when the desk has no ticket field of
/// that key, with the nearest of the desk's `keys`: `the desk has no ticket
/// field 'plam': did you mean 'plan'?`. The one sentence for this mistake
/// wherever it is made: `tickets list --field` (and every command naming a
/// field), the inbox's field filter and the copilot's `field` argument.
pub fn no_ticket_field<'a>(key: &str, keys: impl IntoIterator<Item = &'a str>) -> String {
    match did_you_mean_question(key, keys) {
        Some(question) => format!("the desk has no ticket field '{key}': {question}"),
        None => format!("the desk has no ticket field '{key}'"),
    }
}

/// What is wrong with `condition` whatever fields the desk has, in the
/// service's words: a key no field can have, or a key or value longer than
/// any. One check for every place that takes a condition before it is sent
/// (`tickets list --field`, the inbox's field filter, the copilot).
pub fn condition_problem(condition: &FieldCondition) -> Option<String> {
    if !is_context_key(&condition.key) {
        return Some(format!(
            "'{}' cannot be a ticket field's key: {CONTEXT_KEY_RULE}",
            condition.key
        ));
    }
    field_condition_problems(std::slice::from_ref(condition))
        .into_iter()
        .next()
        .map(|problem| problem.message)
}

/// A condition as typed, `KEY=VALUE`, checked by [`condition_problem`].
pub fn parse_condition(text: &str) -> Result<FieldCondition, String> {
    let condition: FieldCondition = text.parse()?;
    match condition_problem(&condition) {
        Some(problem) => Err(problem),
        None => Ok(condition),
    }
}

/// The value each condition asks for, by key, converted to the type of the
/// desk's field of that key; a key the desk has no field for (one removed,
/// whose values tickets keep) asks for the text, and so does a dropdown's
/// value that is none of its options (one removed from the list: tickets
/// keep it too). Every condition that can ask for nothing is an error: a key
/// no field can have, or a value its field's type cannot hold.
pub fn wanted_values(
    fields: &[TicketField],
    conditions: &[FieldCondition],
) -> Result<Vec<(String, Value)>, Vec<FieldError>> {
    let mut wanted = Vec::new();
    let mut errors = Vec::new();
    for FieldCondition { key, value } in conditions {
        let text = Value::String(value.clone());
        let converted = match fields.iter().find(|field| field.key == *key) {
            _ if !is_context_key(key) => Err(format!(
                "'{key}' cannot be a ticket field's key: {CONTEXT_KEY_RULE}"
            )),
            Some(field) if field.field_type == FieldType::Dropdown => Ok(text),
            Some(field) => convert(field, &text).map_err(|why| type_problem(field, &why)),
            None => Ok(text),
        };
        match converted {
            Ok(value) => wanted.push((key.clone(), value)),
            Err(message) => errors.push(FieldError::new("field", message)),
        }
    }
    match errors.is_empty() {
        true => Ok(wanted),
        false => Err(errors),
    }
}

/// For a list that came back empty: the first condition on a dropdown whose
/// value is none of the field's options, said as a value the field cannot
/// hold. [`wanted_values`] lets such a value through (tickets keep an option
/// removed since), so without this a misspelt option reads as "no ticket
/// matches".
pub fn not_an_option(fields: &[TicketField], conditions: &[FieldCondition]) -> Option<String> {
    conditions.iter().find_map(|FieldCondition { key, value }| {
        let field = fields
            .iter()
            .find(|field| field.key == *key && field.field_type == FieldType::Dropdown)?;
        convert(field, &Value::String(value.clone()))
            .err()
            .map(|why| type_problem(field, &why))
    })
}

/// `why` a value is not one `field`'s type holds, naming the field and type.
fn type_problem(field: &TicketField, why: &str) -> String {
    format!("{} is a {} field: {why}", field.key, field.field_type)
}

/// Whether `number` is the number `text` writes: `3` is `3`, `3.0` and `3e0`.
/// Whole numbers compare exactly (beyond 2^53 a float would round
/// 9007199254740993 to its neighbour); others as floats. A text that is no
/// number is no number's.
pub fn same_number(number: &serde_json::Number, text: &str) -> bool {
    let whole = number
        .as_i64()
        .map(i128::from)
        .or_else(|| number.as_u64().map(i128::from));
    match (whole, text.parse::<i128>()) {
        (Some(whole), Ok(wanted)) => whole == wanted,
        _ => text
            .parse::<f64>()
            .is_ok_and(|wanted| wanted.is_finite() && number.as_f64() == Some(wanted)),
    }
}

/// Whether a ticket's stored field value is the one `wanted` (a condition's
/// text) asks for, as [`wanted_values`] converts it: a text the same text, a
/// number the same number, a checkbox `true` or `false`.
pub fn holds(stored: Option<&Value>, wanted: &str) -> bool {
    match stored {
        Some(Value::String(text)) => text == wanted,
        Some(Value::Number(number)) => same_number(number, wanted),
        Some(Value::Bool(flag)) => wanted == if *flag { "true" } else { "false" },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn a_typed_condition_is_key_value_with_a_key_a_field_can_have_and_bounded_texts() {
        let condition = parse_condition("plan=pro plus").unwrap();
        assert_eq!(
            (condition.key.as_str(), condition.value.as_str()),
            ("plan", "pro plus")
        );
        let refused = |text: &str| parse_condition(text).unwrap_err();
        assert!(refused("plan").contains("'plan' is not KEY=VALUE"));
        assert!(refused("Plan=pro").starts_with("'Plan' cannot be a ticket field's key"));
        let long = format!("plan={}", "a".repeat(1001));
        assert_eq!(
            refused(&long),
            "plan: at most 1000 characters are searched for; this is 1001"
        );
        assert_eq!(
            parse_condition(&format!("plan={}", "a".repeat(1000)))
                .unwrap()
                .value
                .len(),
            1000
        );
    }

    use super::*;

    fn field(key: &str, kind: &str) -> TicketField {
        serde_json::from_value(json!({
            "key": key, "name": key, "type": kind, "options": ["pro", "enterprise"],
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
        }))
        .unwrap()
    }

    fn condition(text: &str) -> FieldCondition {
        text.parse().unwrap()
    }

    #[test]
    fn each_value_is_read_as_its_fields_type_and_an_unknown_key_as_text() {
        let fields = [
            field("plan", "dropdown"),
            field("seats", "number"),
            field("vip", "checkbox"),
        ];
        let conditions = ["plan=enterprise", "seats=5", "vip=true", "old-key=x=y"].map(condition);
        assert_eq!(
            wanted_values(&fields, &conditions).unwrap(),
            [
                ("plan".to_string(), json!("enterprise")),
                ("seats".to_string(), json!(5)),
                ("vip".to_string(), json!(true)),
                ("old-key".to_string(), json!("x=y")),
            ]
        );
        // An option removed from the list is still asked for: tickets keep it.
        assert_eq!(
            wanted_values(&fields, &[condition("plan=free")]).unwrap(),
            [("plan".to_string(), json!("free"))]
        );
        let errors = wanted_values(
            &fields,
            &["seats=many", "Plan=pro", "vip=maybe"].map(condition),
        )
        .unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(errors.len(), 3, "{messages:?}");
        assert!(
            messages[0].starts_with("seats is a number field: 'many'"),
            "{messages:?}"
        );
        assert!(
            messages[1].contains("'Plan' cannot be a ticket field's key"),
            "{messages:?}"
        );
        assert!(
            messages[2].starts_with("vip is a checkbox field: 'maybe'"),
            "{messages:?}"
        );
    }

    #[test]
    fn a_value_none_of_a_dropdowns_options_is_named_once_nothing_matched() {
        let fields = [field("plan", "dropdown"), field("seats", "number")];
        let said = |texts: &[&str]| {
            let conditions: Vec<_> = texts.iter().map(|text| condition(text)).collect();
            not_an_option(&fields, &conditions)
        };
        assert_eq!(
            said(&["seats=5", "plan=free"]).as_deref(),
            Some("plan is a dropdown field: 'free' is not one of the options: pro, enterprise")
        );
        assert_eq!(said(&["plan=pro", "seats=5"]), None);
        assert_eq!(
            said(&["old-key=free"]),
            None,
            "a removed field's key is text"
        );
        assert_eq!(said(&[]), None);
    }

    #[test]
    fn a_key_no_field_has_is_said_with_the_nearest_key_if_one_is_near() {
        let keys = ["plan", "seats", "vip"];
        assert_eq!(
            no_ticket_field("plam", keys),
            "the desk has no ticket field 'plam': did you mean 'plan'?"
        );
        assert_eq!(
            no_ticket_field("region", keys),
            "the desk has no ticket field 'region'"
        );
        assert_eq!(
            no_ticket_field("plan", []),
            "the desk has no ticket field 'plan'"
        );
    }

    #[test]
    fn a_stored_value_holds_the_text_that_converts_to_it() {
        assert!(holds(Some(&json!("enterprise")), "enterprise"));
        assert!(!holds(Some(&json!("enterprise")), "Enterprise"));
        assert!(holds(Some(&json!(5)), "5"));
        assert!(holds(Some(&json!(5.5)), "5.5"));
        assert!(!holds(Some(&json!(5)), "6"));
        assert!(holds(Some(&json!(true)), "true"));
        assert!(!holds(Some(&json!(false)), "true"));
        assert!(!holds(None, "x"));
    }
}
