//! Field rules the service enforces on every write, as pure functions.

use crate::api::FieldError;

/// The longest handle or key.
pub const MAX_SLUG_LEN: usize = 40;
/// The longest display name.
pub const MAX_NAME_LEN: usize = 100;

/// The rule stated in every error about a slug, so users learn it from the message.
pub const SLUG_RULE: &str = "use 1 to 40 lowercase letters (a-z), digits and dashes, \
                             starting with a letter or digit";

/// Collects every invalid field of a request, so all are reported at once.
#[derive(Debug, Default)]
pub struct Checks {
    errors: Vec<FieldError>,
}

impl Checks {
    pub fn new() -> Self {
        Self::default()
    }

    /// Handles and keys: `alice`, `tier-2`.
    pub fn slug(&mut self, field: &str, value: &str) -> &mut Self {
        if let Err(message) = check_slug(value) {
            self.errors.push(FieldError::new(field, message));
        }
        self
    }

    pub fn name(&mut self, field: &str, value: &str) -> &mut Self {
        if value.trim().is_empty() {
            self.errors
                .push(FieldError::new(field, "must not be empty"));
        } else if value.chars().count() > MAX_NAME_LEN {
            self.errors.push(FieldError::new(
                field,
                format!("must be at most {MAX_NAME_LEN} characters"),
            ));
        }
        self
    }

    pub fn email(&mut self, field: &str, value: &str) -> &mut Self {
        if let Err(message) = check_email(value) {
            self.errors.push(FieldError::new(field, message));
        }
        self
    }

    pub fn slugs<'a>(
        &mut self,
        field: &str,
        values: impl IntoIterator<Item = &'a String>,
    ) -> &mut Self {
        for value in values {
            if let Err(message) = check_slug(value) {
                self.errors
                    .push(FieldError::new(field, format!("'{value}': {message}")));
            }
        }
        self
    }

    pub fn push(&mut self, field: &str, message: impl Into<String>) -> &mut Self {
        self.errors.push(FieldError::new(field, message));
        self
    }

    /// `Err` with every collected problem, or `Ok` when there were none.
    pub fn finish(&mut self) -> Result<(), super::error::ApiError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(super::error::ApiError::validation(std::mem::take(
                &mut self.errors,
            )))
        }
    }
}

/// Checks a handle or key against the slug rule, naming what breaks it.
///
/// ```
/// use deskctl::server::validate::check_slug;
///
/// assert!(check_slug("tier-2").is_ok());
/// let error = check_slug("Tier 2").unwrap_err();
/// assert!(error.contains("contains 'T'"));
/// ```
pub fn check_slug(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!("must not be empty; {SLUG_RULE}"));
    }
    if value.len() > MAX_SLUG_LEN {
        return Err(format!("'{value}' is too long; {SLUG_RULE}"));
    }
    if let Some(bad) = value
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(format!("'{value}' contains '{bad}'; {SLUG_RULE}"));
    }
    if value.starts_with('-') {
        return Err(format!("'{value}' starts with a dash; {SLUG_RULE}"));
    }
    Ok(())
}

pub fn check_email(value: &str) -> Result<(), String> {
    let invalid = |why: &str| Err(format!("'{value}' is not an email address: {why}"));
    if value.len() > 254 {
        return invalid("longer than 254 characters");
    }
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return invalid("it contains white space");
    }
    let Some((local, domain)) = value.split_once('@') else {
        return invalid("there is no '@'");
    };
    if local.is_empty() {
        return invalid("nothing before the '@'");
    }
    if domain.contains('@') {
        return invalid("more than one '@'");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|label| label.is_empty()) {
        return invalid("the domain after '@' must look like example.com");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn slugs_accept_lowercase_digits_and_dashes() {
        for ok in ["alice", "tier-2", "a", "0day", "x-y-z"] {
            assert_eq!(check_slug(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn slugs_name_the_offending_character_and_the_rule() {
        let error = check_slug("Alice").unwrap_err();
        assert!(error.contains("'A'"), "{error}");
        assert!(error.contains(SLUG_RULE), "{error}");
        assert!(check_slug("bob smith").unwrap_err().contains("' '"));
        assert!(check_slug("under_score").is_err());
        assert!(check_slug("-flag").unwrap_err().contains("dash"));
        assert!(check_slug("").is_err());
        assert!(
            check_slug(&"a".repeat(41))
                .unwrap_err()
                .contains("too long")
        );
    }

    #[test]
    fn emails_need_one_at_and_a_dotted_domain() {
        assert_eq!(check_email("alice@example.com"), Ok(()));
        assert_eq!(check_email("a.b+tag@mail.example.co.uk"), Ok(()));
        for bad in [
            "alice",
            "@example.com",
            "alice@",
            "alice@localhost",
            "a@b@c.com",
            "alice @example.com",
            "alice@example..com",
        ] {
            assert!(check_email(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn checks_report_every_problem_at_once() {
        let error = Checks::new()
            .slug("handle", "Bad Handle")
            .name("name", " ")
            .email("email", "nope")
            .finish()
            .unwrap_err();
        let fields: Vec<_> = error.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["handle", "name", "email"]);
    }

    proptest! {
        #[test]
        fn every_generated_slug_is_accepted(slug in "[a-z0-9][a-z0-9-]{0,39}") {
            prop_assert_eq!(check_slug(&slug), Ok(()));
        }

        #[test]
        fn any_character_outside_the_rule_is_rejected(
            prefix in "[a-z]{1,5}",
            bad in "[^a-z0-9-]",
        ) {
            let candidate = prefix + &bad;
            prop_assert!(check_slug(&candidate).is_err());
        }
    }
}
