//! Where a handover action's tickets go: the one place that decides whether a
//! platform may be named.

use crate::api::FieldError;

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

#[cfg(test)]
mod tests {
    use super::*;

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
