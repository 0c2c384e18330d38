//! Every decision the desk makes, as pure functions: no I/O, no HTTP, no SQL,
//! no clock (the instant `at` is always passed in).
//!
//! The service's handlers load what a decision needs from the store, call it
//! here, and store the outcome; the manifest plans documents with the same
//! functions; so a preview, a real handoff and an offline plan decide exactly
//! alike, and every rule is tested here, beside its code. Nothing in this
//! module imports anything above it (`server`, `client`, `cli`, `manifest`).
//!
//! - [`rules`]: priority and assignment rules (first match wins) and their defaults.
//! - [`assignment`]: which operator gets a ticket (balanced, round-robin, manual).
//! - [`hours`]: business hours — open or closed at an instant, and when that changes.
//! - [`button`]: whether the customer sees the "talk to a human" button, and why not.
//! - [`handoff`]: the handoff pipeline, for previews and real handoffs alike.
//! - [`reply`]: which channel a reply goes out on.
//! - [`validate`] and [`platform`]: the checks single writes and documents share.
//! - [`plan`]: what applying a document would change.
//! - [`what_if`]: the workspace under a document, and how decisions there differ.

pub mod assignment;
pub mod button;
pub mod handoff;
pub mod hours;
pub mod plan;
pub mod platform;
pub mod reply;
pub mod rules;
pub mod tickets;
pub mod validate;
pub mod what_if;
pub mod workspace;
