use super::{Client, ClientResult, encode_query};
use crate::api::{TicketCountQuery, TicketCounts};

impl Client {
    /// The tickets the caller sees, counted by one attribute.
    pub async fn count_tickets(&self, query: &TicketCountQuery) -> ClientResult<TicketCounts> {
        self.get(format!("/v1/tickets/counts?{}", encode_query(query)))
            .await
    }
}
