//! Every integration test, as modules of one test binary: a change links once,
//! not once per file (as jj's `cli/tests/runner.rs`).

mod common;

mod api;
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
mod delivery;
mod generated;
mod handoffs;
mod integrations;
mod load;
mod manifest;
mod mcp;
mod openapi;
mod quickstart;
mod slow_clients;
mod terminal;
mod tickets;
mod workspace;
