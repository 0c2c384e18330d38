//! Choosing the operator who gets a new ticket (design §3, step 6).
//!
//! This module owns the assignment methods: *manual* assigns nobody; *balanced*
//! picks the available operator with the fewest open tickets; *round-robin* takes
//! available operators in turn. An operator is available when online and under
//! capacity; when nobody is, the ticket stays unassigned.

use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::api::{AssignmentMethod, Availability};

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
