//! The suites that run on both backends, on PostgreSQL: each test gets a
//! database of its own (tests/common/postgres.rs). tests/on_sqlite.rs compiles the same
//! files on SQLite; a suite reads its backend from `super::BACKEND`.

use crate::common::Backend;

const BACKEND: Backend = Backend::Postgres;

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
