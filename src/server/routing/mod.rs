//! The workspace's decision logic, as pure functions.
//!
//! Nothing here touches the database, the network or the clock: every function
//! takes the facts it decides on, including the instant `at` it needs, and
//! returns the decision. The handoff pipeline, the handover status endpoint and
//! the business-hours check all call these, so a preview and a real handoff
//! decide exactly alike and every rule can be tested exhaustively.
//!
//! - [`rules`]: priority and assignment rules (first match wins) and their defaults.
//! - [`assignment`]: which operator gets a ticket (balanced, round-robin, manual).
//! - [`hours`]: business hours — open or closed at an instant, and when that changes.
//! - [`button`]: whether the customer sees the "talk to a human" button, and why not.
//! - [`what_if`]: the workspace under a document, and how decisions there differ.

pub mod assignment;
pub mod button;
pub mod handoff;
pub mod hours;
pub mod reply;
pub mod rules;
pub mod what_if;
