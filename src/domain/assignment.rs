//! Choosing the operator who gets a new ticket (design §3, step 6).
//!
//! This module owns the assignment methods: *manual* assigns nobody; *balanced*
//! picks the available operator with the fewest open tickets; *round-robin* takes
//! available operators in turn. An operator is available when online and under
//! capacity; when nobody is, the ticket stays unassigned. And the guard of
//! assignment by hand ([`check_by_hand`]), which refuses, unless forced, what
//! the methods would never do.

use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::api::{AssignmentMethod, Availability, Operator};
use crate::domain::Refusal;

/// An operator who could take the ticket (normally a member of the decided team),
/// with what assignment needs to know about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub handle: String,
    pub availability: Availability,
    /// The most open tickets they take; `None` means no limit.
    pub capacity: Option<u32>,
    pub open_tickets: u32,
    /// When they were last given a ticket; `None` if never.
    pub last_assigned_at: Option<Timestamp>,
}

/// Whether `c` may receive a new ticket: online, and below capacity (no capacity
/// means unlimited; a capacity of 0 means never).
pub fn is_available(c: &Candidate) -> bool {
    c.availability == Availability::Online
        && c.capacity.is_none_or(|capacity| c.open_tickets < capacity)
}

/// *Balanced*: the available candidate with the fewest open tickets; ties go to the
/// one assigned least recently (never assigned first), then to the first handle.
pub fn pick_balanced(candidates: &[Candidate]) -> Option<String> {
    candidates
        .iter()
        .filter(|c| is_available(c))
        // `None < Some(_)`, so someone never assigned comes before everyone else.
        .min_by_key(|c| (c.open_tickets, c.last_assigned_at, c.handle.as_str()))
        .map(|c| c.handle.clone())
}

/// *Round-robin*: the rotation runs through handles in order. The pick is the first
/// available candidate whose handle comes after `last_assigned`, wrapping around to
/// the start.
///
/// Because the rotation is by handle rather than by a list of who is available, an
/// unavailable operator keeps their place: when they are back they are picked in
/// their turn. `last_assigned` may name someone no longer among the candidates
/// (they left the team); the rotation continues from where they stood.
pub fn pick_round_robin(candidates: &[Candidate], last_assigned: Option<&str>) -> Option<String> {
    let available = candidates.iter().filter(|c| is_available(c));
    let next_after_last = last_assigned.and_then(|last| {
        available
            .clone()
            .filter(|c| c.handle.as_str() > last)
            .min_by(|a, b| a.handle.cmp(&b.handle))
    });
    next_after_last
        .or_else(|| available.min_by(|a, b| a.handle.cmp(&b.handle)))
        .map(|c| c.handle.clone())
}

/// The operator `method` picks among `candidates`; `None` for *manual*, or when
/// nobody is available. `last_assigned` is the team's previous round-robin pick.
pub fn pick(
    method: AssignmentMethod,
    candidates: &[Candidate],
    last_assigned: Option<&str>,
) -> Option<String> {
    match method {
        AssignmentMethod::Manual => None,
        AssignmentMethod::Balanced => pick_balanced(candidates),
        AssignmentMethod::RoundRobin => pick_round_robin(candidates, last_assigned),
    }
}

// --- assignment by hand ------------------------------------------------------

/// The problem code of a manual assignment refused because the operator is
/// not online.
pub const NOT_ONLINE: &str = "operator_unavailable";
/// … because they have no room left under their capacity.
pub const AT_CAPACITY: &str = "operator_at_capacity";
/// … because they are not in the team of a ticket handed to them.
pub const OUTSIDE_TEAM: &str = "operator_not_in_team";
/// The refusals of [`check_by_hand`]: what `force` (`--force`, the inbox's
/// "assign anyway?") overrides, and nothing else.
pub const OVERRIDABLE: [&str; 3] = [NOT_ONLINE, AT_CAPACITY, OUTSIDE_TEAM];

/// The reason of a refusal that `force` overrides, from its problem `code`
/// and `detail`, without the advice after it: what a prompt asks "assign
/// anyway?" about. `None` for any other
/// refusal.
pub fn overridable_reason<'a>(code: Option<&str>, detail: &'a str) -> Option<&'a str> {
    let code = code?;
    if !OVERRIDABLE.contains(&code) {
        return None;
    }
    Some(detail.split_once(": ").map_or(detail, |(reason, _)| reason))
}

/// Why an operator should not be handed tickets by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unfit {
    /// Away, busy or offline: they would not see the tickets soon.
    NotOnline(Availability),
    /// `open` open tickets of their `capacity`; `adding` more asked.
    AtCapacity {
        open: u32,
        capacity: u32,
        adding: u32,
    },
    /// Not a member of `teams`, the teams of `tickets` of the `of` tickets
    /// handed over.
    OutsideTeams {
        teams: Vec<String>,
        tickets: u32,
        of: u32,
    },
}

impl Unfit {
    fn code(&self) -> &'static str {
        match self {
            Unfit::NotOnline(_) => NOT_ONLINE,
            Unfit::AtCapacity { .. } => AT_CAPACITY,
            Unfit::OutsideTeams { .. } => OUTSIDE_TEAM,
        }
    }

    /// What is said of the operator: `is away`, `has 5 of 5 open tickets`...
    fn predicate(&self) -> String {
        match self {
            Unfit::NotOnline(availability) => format!("is {availability}"),
            Unfit::AtCapacity {
                open,
                capacity,
                adding: 1,
            } => format!("has {open} of {capacity} open tickets"),
            Unfit::AtCapacity {
                open,
                capacity,
                adding,
            } => format!(
                "has {open} of {capacity} open tickets ({adding} more would make {})",
                open + adding
            ),
            Unfit::OutsideTeams { teams, tickets, of } => {
                let noun = if teams.len() == 1 { "team" } else { "teams" };
                let whose = match (tickets, of) {
                    (_, 1) => "the ticket's team".to_string(),
                    (tickets, of) if tickets == of => format!("the {noun} of all {of} tickets"),
                    (tickets, of) => format!("the {noun} of {tickets} of the {of} tickets"),
                };
                format!("is not in {noun} {} ({whose})", teams.join(", "))
            }
        }
    }
}

/// Every reason an operator should not be handed tickets by hand, said as
/// one sentence without advice (`bob is away and has 5 of 5 open tickets`),
/// with the problem code of the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub handle: String,
    pub reasons: Vec<Unfit>,
}

impl Refused {
    pub fn code(&self) -> &'static str {
        self.reasons.first().map_or(NOT_ONLINE, Unfit::code)
    }

    /// The 409 that says why and then `advice` (how to go ahead anyway):
    /// [`overridable_reason`] reads the reason back from it.
    pub fn refusal(&self, advice: &str) -> Refusal {
        Refusal::conflict(self.code(), format!("{self}: {advice}"))
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let predicates: Vec<String> = self.reasons.iter().map(Unfit::predicate).collect();
        let said = match predicates.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        };
        write!(f, "{} {said}", self.handle)
    }
}

/// The one guard of every assignment made by hand (`tickets assign`,
/// `tickets take`, triage, the inbox, `operators remove --reassign-to`): `to`, who has
/// `open_tickets` open and pending tickets, is to be handed tickets counted
/// by team (`None`: tickets without a team, which any operator may work),
/// `already_theirs` of which they hold already (counted in `open_tickets`).
/// Refused, unless forced, when they are not online, when the tickets would
/// take them past their capacity, or when a ticket's team is not theirs:
/// what automatic assignment never does, a person does only knowingly. A
/// ticket they keep takes no more room, so only the others count against
/// their capacity; its team is theirs to be in all the same.
pub fn check_by_hand(
    to: &Operator,
    open_tickets: u32,
    tickets: &[(Option<&str>, u32)],
    already_theirs: u32,
) -> Result<(), Refused> {
    let handed: u32 = tickets.iter().map(|(_, count)| count).sum();
    let adding = handed.saturating_sub(already_theirs);
    let mut reasons = Vec::new();
    if to.availability != Availability::Online {
        reasons.push(Unfit::NotOnline(to.availability));
    }
    if let Some(capacity) = to.capacity
        && adding > 0
        && open_tickets.saturating_add(adding) > capacity
    {
        reasons.push(Unfit::AtCapacity {
            open: open_tickets,
            capacity,
            adding,
        });
    }
    let mut outside: Vec<String> = Vec::new();
    let mut outside_tickets = 0;
    for (team, count) in tickets {
        if let Some(team) = team
            && !to.teams.iter().any(|t| t == team)
            && *count > 0
        {
            if !outside.iter().any(|t| t == team) {
                outside.push(team.to_string());
            }
            outside_tickets += count;
        }
    }
    if !outside.is_empty() {
        outside.sort();
        reasons.push(Unfit::OutsideTeams {
            teams: outside,
            tickets: outside_tickets,
            of: handed,
        });
    }
    match reasons.is_empty() {
        true => Ok(()),
        false => Err(Refused {
            handle: to.handle.clone(),
            reasons,
        }),
    }
}

/// A team's members as assignment sees them, and its round-robin position.
#[derive(Debug, Clone, Default)]
pub struct TeamState {
    pub candidates: Vec<Candidate>,
    pub last_assigned: Option<String>,
}

/// Every operator as assignment sees them, and each team's round-robin
/// position: what assignment needs under any team membership (what-if).
#[derive(Debug, Clone, Default)]
pub struct Loads {
    pub operators: Vec<Candidate>,
    pub last_assigned: BTreeMap<String, String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn online(handle: &str, open_tickets: u32) -> Candidate {
        Candidate {
            handle: handle.into(),
            availability: Availability::Online,
            capacity: None,
            open_tickets,
            last_assigned_at: None,
        }
    }

    fn with(mut c: Candidate, f: impl FnOnce(&mut Candidate)) -> Candidate {
        f(&mut c);
        c
    }

    fn at(text: &str) -> Option<Timestamp> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn availability_needs_online_and_room() {
        assert!(is_available(&online("a", 100)));
        for status in [
            Availability::Away,
            Availability::Busy,
            Availability::Offline,
        ] {
            assert!(!is_available(
                &with(online("a", 0), |c| c.availability = status)
            ));
        }
        assert!(is_available(&with(online("a", 2), |c| c.capacity = Some(3))));
        assert!(!is_available(
            &with(online("a", 3), |c| c.capacity = Some(3))
        ));
        assert!(!is_available(
            &with(online("a", 5), |c| c.capacity = Some(3))
        ));
        assert!(!is_available(
            &with(online("a", 0), |c| c.capacity = Some(0))
        ));
    }

    #[test]
    fn balanced_picks_the_fewest_open_tickets() {
        let team = [online("alice", 3), online("bob", 1), online("carol", 2)];
        assert_eq!(pick_balanced(&team).as_deref(), Some("bob"));
    }

    #[test]
    fn balanced_skips_unavailable_and_full_operators() {
        let team = [
            online("alice", 3),
            with(online("bob", 0), |c| c.availability = Availability::Away),
            with(online("carol", 1), |c| c.capacity = Some(1)),
        ];
        assert_eq!(pick_balanced(&team).as_deref(), Some("alice"));
    }

    #[test]
    fn balanced_ties_go_to_the_least_recently_assigned_then_the_handle() {
        let team = [
            with(online("alice", 1), |c| {
                c.last_assigned_at = at("2026-06-10T10:00:00Z")
            }),
            with(online("bob", 1), |c| {
                c.last_assigned_at = at("2026-06-10T09:00:00Z")
            }),
            online("dave", 2),
        ];
        assert_eq!(pick_balanced(&team).as_deref(), Some("bob"));
        let team = [
            with(online("alice", 1), |c| {
                c.last_assigned_at = at("2026-06-10T10:00:00Z")
            }),
            online("carol", 1),
            online("bob", 1),
        ];
        assert_eq!(
            pick_balanced(&team).as_deref(),
            Some("bob"),
            "never assigned counts as least recent; then the first handle"
        );
    }

    #[test]
    fn round_robin_rotates_in_handle_order_and_wraps() {
        let team = [online("carol", 0), online("alice", 0), online("bob", 0)];
        assert_eq!(pick_round_robin(&team, None).as_deref(), Some("alice"));
        assert_eq!(
            pick_round_robin(&team, Some("alice")).as_deref(),
            Some("bob")
        );
        assert_eq!(
            pick_round_robin(&team, Some("bob")).as_deref(),
            Some("carol")
        );
        assert_eq!(
            pick_round_robin(&team, Some("carol")).as_deref(),
            Some("alice")
        );
    }

    #[test]
    fn round_robin_skips_the_unavailable_without_losing_their_place() {
        let away = |handle| with(online(handle, 0), |c| c.availability = Availability::Away);
        let team = [online("alice", 0), away("bob"), online("carol", 0)];
        assert_eq!(
            pick_round_robin(&team, Some("alice")).as_deref(),
            Some("carol")
        );
        assert_eq!(
            pick_round_robin(&team, Some("carol")).as_deref(),
            Some("alice")
        );
        // Bob is back after Carol's turn: Alice, then Bob in his turn.
        let team = [online("alice", 0), online("bob", 0), online("carol", 0)];
        assert_eq!(
            pick_round_robin(&team, Some("carol")).as_deref(),
            Some("alice")
        );
        assert_eq!(
            pick_round_robin(&team, Some("alice")).as_deref(),
            Some("bob")
        );
        // At capacity counts as unavailable too.
        let team = [
            online("alice", 0),
            with(online("bob", 2), |c| c.capacity = Some(2)),
            online("carol", 0),
        ];
        assert_eq!(
            pick_round_robin(&team, Some("alice")).as_deref(),
            Some("carol")
        );
    }

    #[test]
    fn round_robin_continues_after_someone_who_left() {
        let team = [online("alice", 0), online("carol", 0)];
        assert_eq!(
            pick_round_robin(&team, Some("bob")).as_deref(),
            Some("carol")
        );
        assert_eq!(
            pick_round_robin(&team, Some("zed")).as_deref(),
            Some("alice")
        );
    }

    #[test]
    fn round_robin_ignores_the_load() {
        let team = [online("alice", 9), online("bob", 0)];
        assert_eq!(
            pick_round_robin(&team, Some("bob")).as_deref(),
            Some("alice")
        );
    }

    #[test]
    fn nobody_available_means_unassigned() {
        let team = [
            with(online("alice", 0), |c| {
                c.availability = Availability::Offline
            }),
            with(online("bob", 0), |c| c.capacity = Some(0)),
        ];
        for method in [AssignmentMethod::Balanced, AssignmentMethod::RoundRobin] {
            assert_eq!(pick(method, &team, Some("alice")), None);
            assert_eq!(pick(method, &[], None), None);
        }
    }

    #[test]
    fn manual_assigns_nobody() {
        let team = [online("alice", 0)];
        assert_eq!(pick(AssignmentMethod::Manual, &team, None), None);
        assert_eq!(
            pick(AssignmentMethod::Balanced, &team, None).as_deref(),
            Some("alice")
        );
        assert_eq!(
            pick(AssignmentMethod::RoundRobin, &team, None).as_deref(),
            Some("alice")
        );
    }

    // --- by hand ---------------------------------------------------------------

    fn operator(availability: Availability, capacity: Option<u32>, teams: &[&str]) -> Operator {
        serde_json::from_value(serde_json::json!({
            "handle": "bob", "name": "Bob", "email": "bob@example.com", "role": "operator",
            "availability": availability, "teams": teams, "capacity": capacity,
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap()
    }

    fn refused(to: &Operator, open: u32, tickets: &[(Option<&str>, u32)]) -> Option<String> {
        refused_keeping(to, open, tickets, 0)
    }

    fn refused_keeping(
        to: &Operator,
        open: u32,
        tickets: &[(Option<&str>, u32)],
        already_theirs: u32,
    ) -> Option<String> {
        check_by_hand(to, open, tickets, already_theirs)
            .err()
            .map(|refused| format!("{}: {refused}", refused.code()))
    }

    #[test]
    fn by_hand_an_online_operator_with_room_in_the_team_takes_it() {
        let bob = operator(Availability::Online, Some(5), &["support"]);
        assert_eq!(refused(&bob, 4, &[(Some("support"), 1)]), None);
        // A ticket without a team is anyone's.
        assert_eq!(refused(&bob, 0, &[(None, 5)]), None);
        // No capacity means no limit.
        let unlimited = operator(Availability::Online, None, &["support"]);
        assert_eq!(refused(&unlimited, 500, &[(Some("support"), 9)]), None);
    }

    #[test]
    fn by_hand_each_reason_is_refused_in_words_with_its_code() {
        let support = [(Some("support"), 1)];
        let away = operator(Availability::Away, None, &["support"]);
        assert_eq!(
            refused(&away, 0, &support).as_deref(),
            Some("operator_unavailable: bob is away")
        );
        let full = operator(Availability::Online, Some(5), &["support"]);
        assert_eq!(
            refused(&full, 5, &support).as_deref(),
            Some("operator_at_capacity: bob has 5 of 5 open tickets")
        );
        assert_eq!(
            refused(&full, 6, &support).as_deref(),
            Some("operator_at_capacity: bob has 6 of 5 open tickets"),
            "already past it"
        );
        let never = operator(Availability::Online, Some(0), &["support"]);
        assert!(refused(&never, 0, &support).is_some(), "capacity 0: never");
        let elsewhere = operator(Availability::Online, None, &["billing"]);
        assert_eq!(
            refused(&elsewhere, 0, &support).as_deref(),
            Some("operator_not_in_team: bob is not in team support (the ticket's team)")
        );
    }

    #[test]
    fn by_hand_a_hand_over_counts_every_ticket_and_names_every_reason() {
        let bob = operator(Availability::Busy, Some(5), &["support"]);
        let tickets = [(Some("support"), 2), (Some("billing"), 1), (None, 1)];
        assert_eq!(
            refused(&bob, 3, &tickets).as_deref(),
            Some(
                "operator_unavailable: bob is busy, has 3 of 5 open tickets (4 more would \
                 make 7) and is not in team billing (the team of 1 of the 4 tickets)"
            )
        );
        let online = operator(Availability::Online, Some(5), &[]);
        assert_eq!(
            refused(&online, 0, &[(Some("tech"), 2), (Some("billing"), 2)]).as_deref(),
            Some(
                "operator_not_in_team: bob is not in teams billing, tech (the teams of all 4 \
                 tickets)"
            )
        );
        assert_eq!(
            refused(&online, 1, &[(Some("tech"), 2), (None, 1)]).as_deref(),
            Some("operator_not_in_team: bob is not in team tech (the team of 2 of the 3 tickets)")
        );
        // Exactly up to the capacity is room enough.
        assert_eq!(refused(&online, 1, &[(None, 4)]), None);
    }

    #[test]
    fn by_hand_a_ticket_kept_takes_no_room_but_its_team_still_counts() {
        // Bob holds 8 of 8, the ticket among them: keeping it adds nothing.
        let full = operator(Availability::Online, Some(8), &["support"]);
        assert_eq!(refused_keeping(&full, 8, &[(Some("support"), 1)], 1), None);
        // Even past his capacity, what he keeps is no more than he has.
        assert_eq!(refused_keeping(&full, 9, &[(Some("support"), 1)], 1), None);
        // Moved to a team he is not in, the team alone is the reason.
        assert_eq!(
            refused_keeping(&full, 8, &[(Some("billing"), 1)], 1).as_deref(),
            Some("operator_not_in_team: bob is not in team billing (the ticket's team)")
        );
        // Of several, only those new to him count against his capacity.
        assert_eq!(refused_keeping(&full, 6, &[(None, 3)], 1), None);
        assert_eq!(
            refused_keeping(&full, 7, &[(None, 3)], 1).as_deref(),
            Some("operator_at_capacity: bob has 7 of 8 open tickets (2 more would make 9)")
        );
    }

    #[test]
    fn a_prompt_asks_about_the_reason_of_an_overridable_refusal_alone() {
        assert_eq!(
            overridable_reason(
                Some(AT_CAPACITY),
                "bob has 5 of 5 open tickets: assign anyway by forcing it, or pick someone else"
            ),
            Some("bob has 5 of 5 open tickets")
        );
        assert_eq!(
            overridable_reason(Some(NOT_ONLINE), "bob is away"),
            Some("bob is away")
        );
        assert_eq!(
            overridable_reason(Some("ticket_resolved"), "ticket 1 is resolved: reopen it"),
            None
        );
        assert_eq!(overridable_reason(None, "unreachable"), None);
    }

    // --- properties ----------------------------------------------------------

    fn any_availability() -> impl Strategy<Value = Availability> {
        prop_oneof![
            3 => Just(Availability::Online),
            1 => Just(Availability::Away),
            1 => Just(Availability::Busy),
            1 => Just(Availability::Offline),
        ]
    }

    prop_compose! {
        fn any_candidate(handle: String)(
            availability in any_availability(),
            capacity in proptest::option::of(0u32..5),
            open_tickets in 0u32..6,
            last in proptest::option::of(0i64..1_000),
        ) -> Candidate {
            Candidate {
                handle: handle.clone(),
                availability,
                capacity,
                open_tickets,
                last_assigned_at: last.map(|s| Timestamp::from_second(1_780_000_000 + s).unwrap()),
            }
        }
    }

    /// Candidates with distinct handles, in no particular order.
    fn any_team() -> impl Strategy<Value = Vec<Candidate>> {
        proptest::collection::btree_set("[a-z]{1,6}", 0..8)
            .prop_flat_map(|handles| handles.into_iter().map(any_candidate).collect::<Vec<_>>())
            .prop_shuffle()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn balanced_never_picks_someone_with_more_open_tickets(team in any_team()) {
            let available: Vec<&Candidate> = team.iter().filter(|c| is_available(c)).collect();
            match pick_balanced(&team) {
                None => prop_assert!(available.is_empty()),
                Some(handle) => {
                    let picked = available.iter().find(|c| c.handle == handle);
                    prop_assert!(picked.is_some(), "picked someone unavailable");
                    let picked = picked.unwrap();
                    for other in &available {
                        prop_assert!(picked.open_tickets <= other.open_tickets);
                        if other.open_tickets == picked.open_tickets {
                            prop_assert!(picked.last_assigned_at <= other.last_assigned_at);
                        }
                    }
                }
            }
        }

        #[test]
        fn nobody_unavailable_is_ever_picked(
            team in any_team(),
            last in proptest::option::of("[a-z]{1,6}"),
        ) {
            for method in [AssignmentMethod::Balanced, AssignmentMethod::RoundRobin] {
                let picked = pick(method, &team, last.as_deref());
                let any_available = team.iter().any(is_available);
                prop_assert_eq!(picked.is_some(), any_available);
                if let Some(handle) = picked {
                    let candidate = team.iter().find(|c| c.handle == handle).unwrap();
                    prop_assert!(candidate.availability == Availability::Online);
                    prop_assert!(candidate.capacity.is_none_or(|cap| candidate.open_tickets < cap));
                }
            }
            prop_assert_eq!(pick(AssignmentMethod::Manual, &team, last.as_deref()), None);
        }

        #[test]
        fn round_robin_is_fair(
            team in any_team(),
            rounds in 1usize..5,
            start in proptest::option::of("[a-z]{1,6}"),
        ) {
            let k = team.iter().filter(|c| is_available(c)).count();
            prop_assume!(k > 0);
            let n = k * rounds;
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            let mut last = start;
            for _ in 0..n {
                let picked = pick_round_robin(&team, last.as_deref()).unwrap();
                *counts.entry(picked.clone()).or_default() += 1;
                last = Some(picked);
            }
            prop_assert_eq!(counts.len(), k);
            prop_assert!(counts.values().all(|count| *count == rounds), "{:?}", counts);
        }

        #[test]
        fn round_robin_picks_the_next_available_handle(
            team in any_team(),
            last in "[a-z]{1,6}",
        ) {
            let mut handles: Vec<&str> = team
                .iter()
                .filter(|c| is_available(c))
                .map(|c| c.handle.as_str())
                .collect();
            handles.sort();
            let expected = handles
                .iter()
                .find(|handle| **handle > last.as_str())
                .or(handles.first())
                .map(|handle| handle.to_string());
            prop_assert_eq!(pick_round_robin(&team, Some(&last)), expected);
        }
    }
}
