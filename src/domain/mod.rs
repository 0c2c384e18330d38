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
//! - [`field_conditions`]: what a ticket list's `field=KEY=VALUE` asks for.
//! - [`mail`]: email threading, reply trimming, and what an inbound email does to its ticket.
//! - [`validate`] and [`platform`]: the checks single writes and documents share.
//! - [`suggest`]: the name a typo most likely meant, for every "did you mean".
//! - [`urls`]: the credentials a URL's text carries, and the URL with them masked.
//! - [`plan`]: what applying a document would change.
//! - [`what_if`]: the workspace under a document, and how decisions there differ.

pub mod assignment;
pub mod button;
pub mod events;
pub mod external;
pub mod field_conditions;
pub mod handoff;
pub mod hours;
pub mod mail;
pub mod plan;
pub mod platform;
pub mod reply;
pub mod rules;
pub mod suggest;
pub mod tickets;
pub mod urls;
pub mod validate;
pub mod what_if;
pub mod workspace;

use crate::api::FieldError;

/// Why the desk will not do what was asked: a rule of the workspace or of a
/// ticket says no. Nothing was changed when one is returned; the service
/// answers each with its own status and stable code.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("{what} '{key}' does not exist")]
    NotFound { what: &'static str, key: String },
    #[error("{what} '{key}' already exists")]
    AlreadyExists { what: &'static str, key: String },
    /// A value names something that does not exist, e.g. an unknown team.
    #[error("{field}: {what} '{key}' does not exist")]
    UnknownReference {
        field: String,
        what: &'static str,
        key: String,
    },
    /// The change would break a rule, e.g. removing the last owner.
    #[error("{detail}")]
    Conflict { code: &'static str, detail: String },
    /// The caller may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// The caller may not do this, for a reason a client can act on: the
    /// `code` tells it apart from a plain `forbidden` (the CLI names the
    /// command that does what the caller may).
    #[error("{detail}")]
    ForbiddenAs { code: &'static str, detail: String },
    /// The request needs an operator, and the caller is none: the local
    /// desk acts as its owner, who has no handle. Not a field's fault:
    /// other arguments do it (assign to a handle, filter by assignee).
    #[error("{0}")]
    NotAnOperator(String),
    /// Fields that break their rules, each named.
    #[error("{} invalid field(s)", .0.len())]
    Invalid(Vec<FieldError>),
    /// `source`, about the resource at `path` of a desired-state document.
    #[error("{path}: {source}")]
    AtPath { path: String, source: Box<Refusal> },
}

impl Refusal {
    pub fn conflict(code: &'static str, detail: impl Into<String>) -> Refusal {
        Refusal::Conflict {
            code,
            detail: detail.into(),
        }
    }

    /// This refusal, about the resource at `path` of a document.
    pub fn at(self, path: impl Into<String>) -> Refusal {
        Refusal::AtPath {
            path: path.into(),
            source: Box::new(self),
        }
    }

    pub fn not_found(what: &'static str, key: impl Into<String>) -> Refusal {
        Refusal::NotFound {
            what,
            key: key.into(),
        }
    }
}

impl From<validate::Invalid> for Refusal {
    fn from(invalid: validate::Invalid) -> Refusal {
        Refusal::Invalid(invalid.0)
    }
}
