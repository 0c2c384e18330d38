//! Where a handover action's tickets go: the one place that decides whether a
//! platform may be named.

use crate::api::{CheckOutcome, FieldError, TestReport};

/// Desk's own inbox.
pub const INBOX: &str = "inbox";

/// The external platforms Desk can connect to, by integration kind.
pub const INTEGRATION_KINDS: &[&str] = crate::api::IntegrationKind::NAMES;

/// Checks that `platform` is the inbox or a connected integration.
///
/// `connected` lists the kinds of the integrations connected now.
pub fn check_platform(platform: &str, connected: &[String]) -> Result<(), FieldError> {
    if platform == INBOX || connected.iter().any(|kind| kind == platform) {
        return Ok(());
    }
    let message = if INTEGRATION_KINDS.contains(&platform) {
        format!(
            "the {platform} integration is not connected: connect it first with \
             `deskctl integrations connect {platform}`, or use `inbox`"
        )
    } else {
        format!(
            "unknown platform '{platform}': use `inbox` or a connected integration ({})",
            INTEGRATION_KINDS.join(", ")
        )
    };
    Err(FieldError::new("platform", message))
}

/// Refuses to point an action at an integration whose last connection test
/// failed: tickets sent there would fail too. `Err` carries the failed checks'
/// messages. No test yet, or a passing one, is fine.
pub fn check_tested(kind: &str, last_test: Option<&TestReport>) -> Result<(), String> {
    let Some(report) = last_test.filter(|report| !report.ok) else {
        return Ok(());
    };
    let failed: Vec<String> = report
        .checks
        .iter()
        .filter(|check| check.outcome == CheckOutcome::Failed)
        .map(|check| format!("{}: {}", check.check, check.message))
        .collect();
    Err(format!(
        "the last test of the {kind} integration failed ({}): fix it and test it again, or \
         point the action at it anyway by forcing it",
        failed.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_test_refuses_with_its_reason() {
        let at = jiff::Timestamp::UNIX_EPOCH;
        let check = |outcome, message: &str| crate::api::TestCheck {
            check: "credentials".into(),
            outcome,
            message: message.into(),
        };
        let failed = TestReport::new(vec![check(CheckOutcome::Failed, "401 Unauthorized")], at);
        let error = check_tested("zendesk", Some(&failed)).unwrap_err();
        assert!(
            error.contains("credentials: 401 Unauthorized") && error.contains("forcing it"),
            "{error}"
        );
        // The service's words, for every client: no command's flag.
        assert!(
            !error.contains("--") && !error.contains("deskctl"),
            "{error}"
        );
        let passed = TestReport::new(vec![check(CheckOutcome::Ok, "ok")], at);
        assert!(check_tested("zendesk", Some(&passed)).is_ok());
        assert!(check_tested("zendesk", None).is_ok());
    }

    #[test]
    fn the_inbox_is_always_allowed() {
        assert!(check_platform("inbox", &[]).is_ok());
    }

    #[test]
    fn an_integration_must_be_connected() {
        let error = check_platform("zendesk", &[]).unwrap_err();
        assert!(error.message.contains("not connected"), "{}", error.message);
        assert!(check_platform("zendesk", &["zendesk".to_string()]).is_ok());
    }

    #[test]
    fn an_unknown_platform_lists_the_known_ones() {
        let error = check_platform("jira", &[]).unwrap_err();
        assert!(error.message.contains("unknown platform 'jira'"));
        assert!(error.message.contains("zoho-desk"));
    }
}
