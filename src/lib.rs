pub mod api;
pub mod server;
pub mod client;
