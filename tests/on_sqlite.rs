//! The suites that run on both backends, on SQLite: each test's desk is a
//! SQLite file in a temporary directory. tests/on_postgres.rs compiles the same
//! files again on PostgreSQL; a suite reads its backend from `super::BACKEND`.

use crate::common::Backend;

const BACKEND: Backend = Backend::Sqlite;

#[path = "api.rs"]
mod api;
#[path = "delivery.rs"]
mod delivery;
#[path = "events.rs"]
mod events;
#[path = "handoffs.rs"]
mod handoffs;
#[path = "load.rs"]
mod load;
#[path = "mail.rs"]
mod mail;
#[path = "served.rs"]
mod served;
#[path = "store.rs"]
mod store;
#[path = "tickets.rs"]
mod tickets;
