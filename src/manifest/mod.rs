//! The declarative workspace document on the client side: reading it from
//! YAML with the place of every problem, offline checks, secret references,
//! and the pure plan of what applying it would change.
//!
//! Pure except for reading the document and the files and environment
//! variables its secrets refer to; knows no terminal and no service.

pub mod diagnostic;
pub mod parse;
pub mod plan;
pub mod secrets;
mod tree;
pub mod validate;

pub use diagnostic::{Diagnostic, Pos, Severity, Source};
pub use tree::Node;
