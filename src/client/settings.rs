use http::Method;

use super::{Client, ClientResult, encode_query};
use crate::api::{
    AssignmentSettings, AtQuery, BusinessHours, HandoffSettings, HoursCheck, NotificationSettings,
};

impl Client {
    pub async fn get_assignment(&self) -> ClientResult<AssignmentSettings> {
        self.get("/v1/settings/assignment".into()).await
    }

    pub async fn put_assignment(
        &self,
        body: &AssignmentSettings,
    ) -> ClientResult<AssignmentSettings> {
        self.write(Method::PUT, "/v1/settings/assignment".into(), body)
            .await
    }

    pub async fn get_business_hours(&self) -> ClientResult<BusinessHours> {
        self.get("/v1/settings/business-hours".into()).await
    }

    pub async fn put_business_hours(&self, body: &BusinessHours) -> ClientResult<BusinessHours> {
        self.write(Method::PUT, "/v1/settings/business-hours".into(), body)
            .await
    }

    pub async fn check_business_hours(&self, query: &AtQuery) -> ClientResult<HoursCheck> {
        self.get(format!(
            "/v1/settings/business-hours/check?{}",
            encode_query(query)
        ))
        .await
    }

    pub async fn get_notifications(&self) -> ClientResult<NotificationSettings> {
        self.get("/v1/settings/notifications".into()).await
    }

    pub async fn put_notifications(
        &self,
        body: &NotificationSettings,
    ) -> ClientResult<NotificationSettings> {
        self.write(Method::PUT, "/v1/settings/notifications".into(), body)
            .await
    }

    pub async fn get_handoff_settings(&self) -> ClientResult<HandoffSettings> {
        self.get("/v1/settings/handoff".into()).await
    }

    pub async fn put_handoff_settings(
        &self,
        body: &HandoffSettings,
    ) -> ClientResult<HandoffSettings> {
        self.write(Method::PUT, "/v1/settings/handoff".into(), body)
            .await
    }
}
