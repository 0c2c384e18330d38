//! Every integration test, as modules of one test binary: a change links once,
//! not once per file (as jj's `cli/tests/runner.rs`).

// The suites in on_sqlite.rs and on_postgres.rs are the same files compiled
// once per backend, on purpose.
#![allow(clippy::duplicate_mod)]

#[macro_use]
mod common;

// Compiled twice, once per backend: API, CLI over `serve`, delivery, handoffs,
// tickets, concurrency and the store's conformance suite.
mod on_postgres;
mod on_sqlite;

mod cli;
mod client;
mod completions;
mod config;
mod connector_freshchat;
mod connector_freshdesk;
mod connector_intercom;
mod connector_salesforce;
mod connector_sendbird_desk;
mod connector_zendesk;
mod connector_zoho_desk;
mod contexts;
mod database_url;
mod docs;
mod generated;
mod integrations;
mod manifest;
mod mcp;
mod openapi;
mod postgres_tls;
mod quickstart;
mod replicas;
mod secrets;
mod slow_clients;
mod terminal;
mod upgrade;
mod workspace;
