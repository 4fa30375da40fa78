//! Request and response bodies of `api::coaching`.

use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::PageMeta;
use super::skp::PersonRef;
use crate::domain::berakhlak::CoreValue;

/// One of the nine B.1.8 statements.
#[derive(Serialize, ToSchema)]
pub struct CoachingStatement {
    /// 1–9, the position of the answer in `answers`.
    pub number: u8,
    pub text: String,
}

#[derive(Deserialize, ToSchema)]
pub struct FeedbackNoteInput {
    #[serde(default)]
    pub period_id: Option<Uuid>,
    /// An RHK of the employee's SKP.
    #[serde(default)]
    pub rhk_id: Option<Uuid>,
    /// A BerAKHLAK value code.
    #[serde(default)]
    #[schema(value_type = Option<CoreValue>)]
    pub value_code: Option<String>,
    #[schema(min_length = 1, max_length = 2000)]
    pub body: String,
}

#[derive(Serialize, ToSchema)]
pub struct RhkRef {
    pub id: Uuid,
    pub description: String,
}

#[derive(Serialize, ToSchema)]
pub struct ValueRef {
    pub code: CoreValue,
    pub name: String,
}

/// A feedback note; its author is named (feedback from the chain is not anonymous).
#[derive(Serialize, ToSchema)]
pub struct FeedbackNoteOut {
    pub id: Uuid,
    pub period_id: Option<Uuid>,
    pub rhk: Option<RhkRef>,
    pub value: Option<ValueRef>,
    pub body: String,
    pub author: Option<PersonRef>,
    pub created_at: chrono::DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct FeedbackNoteList {
    pub items: Vec<FeedbackNoteOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, IntoParams)]
pub struct NoteQuery {
    pub period_id: Option<Uuid>,
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

#[derive(Deserialize, IntoParams)]
pub struct PageQuery {
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

#[derive(Deserialize, ToSchema)]
pub struct CoachingInput {
    /// The day of the session (not in the future).
    pub held_on: NaiveDate,
    #[schema(min_length = 1, max_length = 200)]
    pub topic: String,
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub notes: Option<String>,
    /// B.1.9: competency name → score 1–5, at most ten.
    #[serde(default)]
    #[schema(value_type = Option<std::collections::BTreeMap<String, ScoreOneToFive>>)]
    pub competency_scores: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Deserialize, ToSchema)]
pub struct CoachingRatingInput {
    /// The nine B.1.8 answers in statement order, each 1–5.
    #[schema(value_type = Vec<ScoreOneToFive>, min_items = 9, max_items = 9)]
    pub answers: Vec<serde_json::Value>,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub comment: Option<String>,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct CompetencyScore {
    pub competency: String,
    pub score: u8,
}

/// The employee's rating of the coaching (B.1.8).
#[derive(Serialize, Deserialize, ToSchema)]
pub struct CoachingRating {
    pub answers: Vec<u8>,
    pub comment: Option<String>,
    pub rated_at: chrono::DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct CoachingOut {
    pub id: Uuid,
    pub employee: Option<PersonRef>,
    pub coach: Option<PersonRef>,
    pub held_on: NaiveDate,
    pub topic: String,
    pub notes: Option<String>,
    pub competency_scores: Vec<CompetencyScore>,
    pub rating: Option<CoachingRating>,
    pub created_at: chrono::DateTime<Utc>,
    pub updated_at: chrono::DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct CoachingList {
    pub items: Vec<CoachingOut>,
    pub meta: PageMeta,
}

impl From<CoreValue> for ValueRef {
    fn from(v: CoreValue) -> Self {
        ValueRef {
            code: v,
            name: v.info().name_id.to_string(),
        }
    }
}

impl From<&entity::rhk::Model> for RhkRef {
    fn from(r: &entity::rhk::Model) -> Self {
        RhkRef {
            id: r.id,
            description: r.description.clone(),
        }
    }
}

/// A score on the 1–5 scale (coaching answers and competency scores), as a schema for the
/// document; the handler reads the raw JSON and names each value out of range.
pub struct ScoreOneToFive;

impl utoipa::PartialSchema for ScoreOneToFive {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Integer)
            .minimum(Some(1))
            .maximum(Some(5))
            .into()
    }
}

impl utoipa::ToSchema for ScoreOneToFive {}
