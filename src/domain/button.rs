//! The "talk to a human" button: whether the customer sees it, every reason they
//! do not, and which text they see on escalating (design §3, step 7).
//!
//! This module owns the button's rules and step 7 of the handoff pipeline: who
//! could answer a customer who escalates ([`answerers`]) and so whether they see
//! the waiting label or the auto-reply ([`availability`]). The handoff decision
//! and `actions status` both call these, so they cannot disagree. The button's
//! reasons are checked in a fixed order and all that apply are reported, so an
//! admin fixing one learns about the rest at the same time.

use super::assignment::{self, Candidate};
use super::platform::INBOX;
use crate::api::{Availability, HandoverAction, HiddenReason};

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
/// Nobody in Desk can answer: the routed team has nobody online and under
/// capacity, no members, or there is no team (the code predates the team rule).
pub const NOBODY_ONLINE: &str = "nobody_online";

/// `customer_sees` when someone is available: the action's waiting label.
pub const WAITING_LABEL: &str = "waiting-label";
/// `customer_sees` when nobody is available: the action's auto-reply.
pub const AUTO_REPLY: &str = "auto-reply";

/// Who could answer a customer who escalates, business hours aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answerers {
    /// Tickets go to this external platform, whose agents Desk cannot see:
    /// Desk's own operators do not count.
    Platform(String),
    /// `available` (at least one) of the team's `members` are online and under
    /// capacity.
    Team {
        team: String,
        available: usize,
        members: usize,
    },
    /// Nobody in Desk can: why not.
    Nobody(String),
}

/// Who could answer a ticket for `platform` routed to `team`, whose members
/// are `candidates`. Only the routed team counts: operators online in other
/// teams do not answer this team's customers; nor do Desk's operators at all
/// when the ticket goes to an external platform.
pub fn answerers(platform: &str, team: Option<&str>, candidates: &[Candidate]) -> Answerers {
    if platform != INBOX {
        return Answerers::Platform(platform.to_string());
    }
    let Some(team) = team else {
        return Answerers::Nobody("the ticket has no team".into());
    };
    if candidates.is_empty() {
        return Answerers::Nobody(format!("team {team} has no members"));
    }
    let available = candidates
        .iter()
        .filter(|c| assignment::is_available(c))
        .count();
    if available == 0 {
        return Answerers::Nobody(format!(
            "nobody in team {team} is online and under capacity"
        ));
    }
    Answerers::Team {
        team: team.to_string(),
        available,
        members: candidates.len(),
    }
}

/// How many of a team's members (`candidates`) are online, capacity aside:
/// what `actions status` reports beside the team it assumed.
pub fn online_members(candidates: &[Candidate]) -> u32 {
    candidates
        .iter()
        .filter(|c| c.availability == Availability::Online)
        .count() as u32
}

/// Step 7: whether someone can answer the customer now, and why (or why not).
/// Closed business hours mean nobody; otherwise it is up to the [`Answerers`].
pub fn availability(hours_open: bool, answerers: &Answerers) -> (bool, String) {
    let mut why_not = Vec::new();
    if !hours_open {
        why_not.push("outside business hours".to_string());
    }
    match answerers {
        // The platform's agents are not Desk's to see, so only hours count.
        Answerers::Platform(_) if !hours_open => {}
        Answerers::Platform(platform) => {
            return (
                true,
                format!(
                    "the ticket goes to {platform}, whose agents Desk cannot see: Desk's own \
                     operators do not count, and business hours are open"
                ),
            );
        }
        Answerers::Nobody(why) => why_not.push(why.clone()),
        Answerers::Team { .. } if !hours_open => {}
        Answerers::Team {
            team,
            available,
            members,
        } => {
            let members = match members {
                1 => "1 member".to_string(),
                n => format!("{n} members"),
            };
            return (
                true,
                format!("{available} of {members} in team {team} online and under capacity"),
            );
        }
    }
    (false, why_not.join(", "))
}

/// What the button depends on.
#[derive(Debug, Clone, Copy)]
pub struct ButtonInputs<'a> {
    /// The agent's handover action; `None` when it has none.
    pub action: Option<&'a HandoverAction>,
    /// Messages exchanged so far in the conversation.
    pub messages: u32,
    /// Whether business hours are open now (true when they are switched off).
    pub hours_open: bool,
    /// Who could answer the agent's handoffs ([`answerers`] for the action's
    /// platform and the team its handoffs are routed to).
    pub answerers: &'a Answerers,
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
/// `below_threshold`, `outside_business_hours`, `nobody_online` (the
/// [`Answerers`] are nobody; its message says why). What the customer sees is
/// [`availability`]'s answer — whether or not the button itself shows, because
/// the agent may still escalate on its own. For an action whose platform is
/// external, Desk's operators do not count (`nobody_online` never applies): only
/// business hours do.
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
    if let Answerers::Nobody(why) = inputs.answerers {
        hide(NOBODY_ONLINE, why.clone());
    }

    let (available, reason) = availability(inputs.hours_open, inputs.answerers);
    let (customer_sees, customer_text, customer_reason) = match inputs.action {
        Some(action) if action.enabled => {
            let (kind, text) = if available {
                (WAITING_LABEL, action.labels.waiting.clone())
            } else {
                (AUTO_REPLY, action.auto_reply.clone())
            };
            (Some(kind), Some(text), Some(reason))
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

    /// Team support with `available` of 2 members online and under capacity.
    fn support(available: usize) -> Answerers {
        match available {
            0 => Answerers::Nobody("nobody in team support is online and under capacity".into()),
            available => Answerers::Team {
                team: "support".into(),
                available,
                members: 2,
            },
        }
    }

    static TWO_ONLINE: std::sync::LazyLock<Answerers> = std::sync::LazyLock::new(|| support(2));
    static NOBODY: std::sync::LazyLock<Answerers> = std::sync::LazyLock::new(|| support(0));

    fn inputs(action: Option<&HandoverAction>) -> ButtonInputs<'_> {
        ButtonInputs {
            action,
            messages: 5,
            hours_open: true,
            answerers: &TWO_ONLINE,
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
                customer_reason: Some(
                    "2 of 2 members in team support online and under capacity".into()
                ),
            }
        );
    }

    #[test]
    fn an_external_platform_does_not_count_desks_operators() {
        let action = HandoverAction {
            platform: "zendesk".into(),
            ..action()
        };
        let zendesk = Answerers::Platform("zendesk".into());
        let decision = evaluate(&ButtonInputs {
            answerers: &zendesk,
            ..inputs(Some(&action))
        });
        assert!(decision.visible, "{:?}", decision.hidden_because);
        assert_eq!(decision.customer_sees, Some(WAITING_LABEL));
        assert!(
            decision
                .customer_reason
                .as_deref()
                .unwrap()
                .starts_with("the ticket goes to zendesk, whose agents Desk cannot see"),
            "{:?}",
            decision.customer_reason
        );
        let closed = evaluate(&ButtonInputs {
            answerers: &zendesk,
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

    fn member(handle: &str, online: bool, capacity: Option<u32>, open: u32) -> Candidate {
        Candidate {
            handle: handle.into(),
            availability: if online {
                crate::api::Availability::Online
            } else {
                crate::api::Availability::Away
            },
            capacity,
            open_tickets: open,
            last_assigned_at: None,
        }
    }

    #[test]
    fn the_members_online_are_counted_whatever_their_capacity() {
        let team = [
            member("alice", true, Some(1), 1),
            member("bob", false, None, 0),
            member("carol", true, None, 0),
        ];
        assert_eq!(online_members(&team), 2);
        assert_eq!(online_members(&[]), 0);
    }

    #[test]
    fn only_the_routed_teams_members_online_and_under_capacity_can_answer() {
        let alice_full = member("alice", true, Some(1), 1);
        let bob_away = member("bob", false, None, 0);
        let carol = member("carol", true, Some(2), 1);
        assert_eq!(
            answerers(
                INBOX,
                Some("support"),
                &[alice_full.clone(), bob_away.clone()]
            ),
            Answerers::Nobody("nobody in team support is online and under capacity".into())
        );
        assert_eq!(
            answerers(INBOX, Some("support"), &[alice_full, bob_away, carol]),
            Answerers::Team {
                team: "support".into(),
                available: 1,
                members: 3
            }
        );
        assert_eq!(
            answerers(INBOX, Some("empty"), &[]),
            Answerers::Nobody("team empty has no members".into())
        );
        assert_eq!(
            answerers(INBOX, None, &[member("dan", true, None, 0)]),
            Answerers::Nobody("the ticket has no team".into())
        );
        // An external platform: Desk's operators do not count, whoever they are.
        assert_eq!(
            answerers("zendesk", Some("support"), &[]),
            Answerers::Platform("zendesk".into())
        );
    }

    #[test]
    fn availability_puts_business_hours_first() {
        let nobody = Answerers::Nobody("team empty has no members".into());
        assert_eq!(
            availability(false, &nobody),
            (
                false,
                "outside business hours, team empty has no members".into()
            )
        );
        assert_eq!(
            availability(true, &nobody),
            (false, "team empty has no members".into())
        );
        let one = Answerers::Team {
            team: "support".into(),
            available: 1,
            members: 1,
        };
        assert_eq!(
            availability(true, &one),
            (
                true,
                "1 of 1 member in team support online and under capacity".into()
            )
        );
        assert_eq!(
            availability(false, &one),
            (false, "outside business hours".into())
        );
        let platform = Answerers::Platform("intercom".into());
        assert!(availability(true, &platform).0);
        assert_eq!(
            availability(false, &platform),
            (false, "outside business hours".into())
        );
    }

    #[test]
    fn nobody_online_says_why_nobody_can_answer() {
        let action = action();
        let full = Answerers::Nobody("nobody in team support is online and under capacity".into());
        let decision = evaluate(&ButtonInputs {
            answerers: &full,
            ..inputs(Some(&action))
        });
        assert_eq!(codes(&decision), [NOBODY_ONLINE]);
        assert_eq!(
            decision.hidden_because[0].message,
            "nobody in team support is online and under capacity"
        );
        assert_eq!(
            decision.customer_reason.as_deref(),
            Some("nobody in team support is online and under capacity")
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
            answerers: &NOBODY,
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
            answerers: &NOBODY,
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
            answerers: &NOBODY,
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
            answerers: &NOBODY,
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
            available in 0usize..3,
        ) {
            let answerers = support(available);
            let action = HandoverAction { enabled, human_button, message_threshold: threshold, ..action() };
            let decision = evaluate(&ButtonInputs {
                action: has_action.then_some(&action),
                messages,
                hours_open,
                answerers: &answerers,
            });
            let expected = has_action
                && enabled
                && human_button
                && messages >= threshold
                && hours_open
                && available > 0;
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
                    let away = !hours_open || available == 0;
                    prop_assert_eq!(sees, if away { AUTO_REPLY } else { WAITING_LABEL });
                }
            }
        }
    }
}
