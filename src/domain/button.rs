//! The "talk to a human" button: whether the customer sees it, every reason they
//! do not, and which text they see on escalating (design §3, step 7).
//!
//! This module owns the button's rules. The reasons are checked in a fixed order
//! and all that apply are reported, so an admin fixing one learns about the rest
//! at the same time.

use crate::api::{HandoverAction, HiddenReason};

/// The agent has no handover action.
pub const NO_ACTION: &str = "no_action";
/// The handover action is switched off.
pub const ACTION_DISABLED: &str = "action_disabled";
/// The action does not offer the button.
pub const BUTTON_OFF: &str = "button_off";
/// Fewer messages were exchanged than the action's threshold.
pub const BELOW_THRESHOLD: &str = "below_threshold";
/// Business hours are closed.
pub const OUTSIDE_BUSINESS_HOURS: &str = "outside_business_hours";
/// No operator is online.
pub const NOBODY_ONLINE: &str = "nobody_online";

/// `customer_sees` when someone is available: the action's waiting label.
pub const WAITING_LABEL: &str = "waiting-label";
/// `customer_sees` when nobody is available: the action's auto-reply.
pub const AUTO_REPLY: &str = "auto-reply";

/// What the button depends on.
#[derive(Debug, Clone, Copy)]
pub struct ButtonInputs<'a> {
    /// The agent's handover action; `None` when it has none.
    pub action: Option<&'a HandoverAction>,
    /// Messages exchanged so far in the conversation.
    pub messages: u32,
    /// Whether business hours are open now (true when they are switched off).
    pub hours_open: bool,
    /// How many of Desk's operators are online. They count only for an action
    /// whose platform is the inbox: an external platform's agents are not Desk's
    /// to see.
    pub operators_online: u32,
}

/// Whether the button shows, why not, and what the customer would see.
#[derive(Debug, Clone, PartialEq)]
pub struct ButtonDecision {
    pub visible: bool,
    /// Every reason it is hidden, in the order they are checked; empty when visible.
    pub hidden_because: Vec<HiddenReason>,
    /// [`WAITING_LABEL`] or [`AUTO_REPLY`]; `None` when there is no enabled action,
    /// since then there is no escalation to see anything of.
    pub customer_sees: Option<&'static str>,
    /// The text behind `customer_sees`.
    pub customer_text: Option<String>,
    /// Why the customer sees that; `None` with `customer_sees`.
    pub customer_reason: Option<String>,
}

/// Decides the button from `inputs`.
///
/// Reasons, in order: `no_action`, `action_disabled`, `button_off`,
/// `below_threshold`, `outside_business_hours`, `nobody_online`. The customer sees
/// the auto-reply when hours are closed or nobody is online, and the waiting label
/// otherwise — whether or not the button itself shows, because the agent may still
/// escalate on its own. For an action whose platform is external, Desk's operators
/// do not count (`nobody_online` never applies): only business hours do.
pub fn evaluate(inputs: &ButtonInputs) -> ButtonDecision {
    let mut reasons = Vec::new();
    let mut hide = |code: &str, message: String| {
        reasons.push(HiddenReason {
            code: code.to_string(),
            message,
        });
    };

    match inputs.action {
        None => hide(NO_ACTION, "the agent has no handover action".into()),
        Some(action) => {
            if !action.enabled {
                hide(ACTION_DISABLED, "the handover action is disabled".into());
            }
            if !action.human_button {
                hide(
                    BUTTON_OFF,
                    "the handover action does not offer the human button".into(),
                );
            }
            if inputs.messages < action.message_threshold {
                hide(
                    BELOW_THRESHOLD,
                    format!(
                        "{} of {} messages exchanged; the button appears after {}",
                        inputs.messages, action.message_threshold, action.message_threshold
                    ),
                );
            }
        }
    }
    if !inputs.hours_open {
        hide(OUTSIDE_BUSINESS_HOURS, "outside business hours".into());
    }
    let external = inputs
        .action
        .map(|action| action.platform.as_str())
        .filter(|platform| *platform != "inbox");
    let nobody_online = external.is_none() && inputs.operators_online == 0;
    if nobody_online {
        hide(NOBODY_ONLINE, "no operator is online".into());
    }

    let reason = match (inputs.hours_open, external) {
        (false, _) => "outside business hours".to_string(),
        (true, Some(platform)) => format!(
            "tickets go to {platform}, whose agents Desk cannot see: Desk's own operators do \
             not count, and business hours are open"
        ),
        (true, None) if nobody_online => "no operator is online".to_string(),
        (true, None) => format!(
            "{} online and business hours are open",
            match inputs.operators_online {
                1 => "1 operator is".to_string(),
                n => format!("{n} operators are"),
            }
        ),
    };
    let nobody_available = !inputs.hours_open || nobody_online;
    let (customer_sees, customer_text, customer_reason) = match inputs.action {
        Some(action) if action.enabled => {
            if nobody_available {
                (
                    Some(AUTO_REPLY),
                    Some(action.auto_reply.clone()),
                    Some(reason),
                )
            } else {
                (
                    Some(WAITING_LABEL),
                    Some(action.labels.waiting.clone()),
                    Some(reason),
                )
            }
        }
        _ => (None, None, None),
    };

    ButtonDecision {
        visible: reasons.is_empty(),
        hidden_because: reasons,
        customer_sees,
        customer_text,
        customer_reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn action() -> HandoverAction {
        let mut action = HandoverAction {
            message_threshold: 5,
            auto_reply: "We are away.".into(),
            ..HandoverAction::default()
        };
        action.labels.waiting = "Hold on…".into();
        action
    }

    fn inputs(action: Option<&HandoverAction>) -> ButtonInputs<'_> {
        ButtonInputs {
            action,
            messages: 5,
            hours_open: true,
            operators_online: 2,
        }
    }

    fn codes(decision: &ButtonDecision) -> Vec<&str> {
        decision
            .hidden_because
            .iter()
            .map(|reason| reason.code.as_str())
            .collect()
    }

    #[test]
    fn visible_when_nothing_stands_in_the_way() {
        let action = action();
        let decision = evaluate(&inputs(Some(&action)));
        assert_eq!(
            decision,
            ButtonDecision {
                visible: true,
                hidden_because: vec![],
                customer_sees: Some(WAITING_LABEL),
                customer_text: Some("Hold on…".into()),
                customer_reason: Some("2 operators are online and business hours are open".into()),
            }
        );
    }

    #[test]
    fn an_external_platform_does_not_count_desks_operators() {
        let action = HandoverAction {
            platform: "zendesk".into(),
            ..action()
        };
        let decision = evaluate(&ButtonInputs {
            operators_online: 0,
            ..inputs(Some(&action))
        });
        assert!(decision.visible, "{:?}", decision.hidden_because);
        assert_eq!(decision.customer_sees, Some(WAITING_LABEL));
        assert!(
            decision
                .customer_reason
                .as_deref()
                .unwrap()
                .starts_with("tickets go to zendesk, whose agents Desk cannot see"),
            "{:?}",
            decision.customer_reason
        );
        let closed = evaluate(&ButtonInputs {
            operators_online: 0,
            hours_open: false,
            ..inputs(Some(&action))
        });
        assert_eq!(codes(&closed), [OUTSIDE_BUSINESS_HOURS]);
        assert_eq!(closed.customer_sees, Some(AUTO_REPLY));
        assert_eq!(
            closed.customer_reason.as_deref(),
            Some("outside business hours")
        );
    }

    #[test]
    fn no_action() {
        let decision = evaluate(&inputs(None));
        assert!(!decision.visible);
        assert_eq!(codes(&decision), [NO_ACTION]);
        assert_eq!(decision.customer_sees, None);
        assert_eq!(decision.customer_text, None);
    }

    #[test]
    fn action_disabled() {
        let action = HandoverAction {
            enabled: false,
            ..action()
        };
        let decision = evaluate(&inputs(Some(&action)));
        assert_eq!(codes(&decision), [ACTION_DISABLED]);
        assert_eq!(decision.customer_sees, None);
        assert_eq!(decision.customer_text, None);
    }

    #[test]
    fn button_off() {
        let action = HandoverAction {
            human_button: false,
            ..action()
        };
        let decision = evaluate(&inputs(Some(&action)));
        assert_eq!(codes(&decision), [BUTTON_OFF]);
        assert_eq!(
            decision.customer_sees,
            Some(WAITING_LABEL),
            "the agent may still escalate"
        );
    }

    #[test]
    fn below_threshold_says_how_far_along() {
        let action = action();
        let decision = evaluate(&ButtonInputs {
            messages: 3,
            ..inputs(Some(&action))
        });
        assert_eq!(codes(&decision), [BELOW_THRESHOLD]);
        assert!(
            decision.hidden_because[0]
                .message
                .starts_with("3 of 5 messages exchanged"),
            "{}",
            decision.hidden_because[0].message
        );
        // At the threshold exactly it shows.
        assert!(evaluate(&inputs(Some(&action))).visible);
        // A threshold of 0 never hides it.
        let action = HandoverAction {
            message_threshold: 0,
            ..action
        };
        assert!(
            evaluate(&ButtonInputs {
                messages: 0,
                ..inputs(Some(&action))
            })
            .visible
        );
    }

    #[test]
    fn outside_business_hours_shows_the_auto_reply() {
        let action = action();
        let decision = evaluate(&ButtonInputs {
            hours_open: false,
            ..inputs(Some(&action))
        });
        assert_eq!(codes(&decision), [OUTSIDE_BUSINESS_HOURS]);
        assert_eq!(decision.customer_sees, Some(AUTO_REPLY));
        assert_eq!(decision.customer_text.as_deref(), Some("We are away."));
    }

    #[test]
    fn nobody_online_shows_the_auto_reply() {
        let action = action();
        let decision = evaluate(&ButtonInputs {
            operators_online: 0,
            ..inputs(Some(&action))
        });
        assert_eq!(codes(&decision), [NOBODY_ONLINE]);
        assert_eq!(decision.customer_sees, Some(AUTO_REPLY));
        assert_eq!(decision.customer_text.as_deref(), Some("We are away."));
    }

    #[test]
    fn every_reason_is_reported_in_order() {
        let action = HandoverAction {
            enabled: false,
            human_button: false,
            ..action()
        };
        let decision = evaluate(&ButtonInputs {
            action: Some(&action),
            messages: 1,
            hours_open: false,
            operators_online: 0,
        });
        assert_eq!(
            codes(&decision),
            [
                ACTION_DISABLED,
                BUTTON_OFF,
                BELOW_THRESHOLD,
                OUTSIDE_BUSINESS_HOURS,
                NOBODY_ONLINE
            ]
        );
        assert!(!decision.visible);
        assert_eq!(decision.customer_sees, None);

        let decision = evaluate(&ButtonInputs {
            action: None,
            messages: 0,
            hours_open: false,
            operators_online: 0,
        });
        assert_eq!(
            codes(&decision),
            [NO_ACTION, OUTSIDE_BUSINESS_HOURS, NOBODY_ONLINE]
        );
    }

    #[test]
    fn every_reason_has_a_message() {
        let action = HandoverAction {
            enabled: false,
            human_button: false,
            ..action()
        };
        let decision = evaluate(&ButtonInputs {
            action: Some(&action),
            messages: 0,
            hours_open: false,
            operators_online: 0,
        });
        assert!(
            decision
                .hidden_because
                .iter()
                .all(|r| !r.message.is_empty())
        );
    }

    proptest! {
        #[test]
        fn visible_exactly_when_no_reason_applies(
            has_action in any::<bool>(),
            enabled in any::<bool>(),
            human_button in any::<bool>(),
            threshold in 0u32..10,
            messages in 0u32..10,
            hours_open in any::<bool>(),
            operators_online in 0u32..3,
        ) {
            let action = HandoverAction { enabled, human_button, message_threshold: threshold, ..action() };
            let decision = evaluate(&ButtonInputs {
                action: has_action.then_some(&action),
                messages,
                hours_open,
                operators_online,
            });
            let expected = has_action
                && enabled
                && human_button
                && messages >= threshold
                && hours_open
                && operators_online > 0;
            prop_assert_eq!(decision.visible, expected);
            prop_assert_eq!(decision.visible, decision.hidden_because.is_empty());
            let order = [NO_ACTION, ACTION_DISABLED, BUTTON_OFF, BELOW_THRESHOLD, OUTSIDE_BUSINESS_HOURS, NOBODY_ONLINE];
            let positions: Vec<usize> = codes(&decision)
                .iter()
                .map(|code| order.iter().position(|o| o == code).unwrap())
                .collect();
            prop_assert!(positions.windows(2).all(|w| w[0] < w[1]));
            match decision.customer_sees {
                None => prop_assert!(!has_action || !enabled),
                Some(sees) => {
                    prop_assert!(has_action && enabled);
                    let away = !hours_open || operators_online == 0;
                    prop_assert_eq!(sees, if away { AUTO_REPLY } else { WAITING_LABEL });
                }
            }
        }
    }
}
