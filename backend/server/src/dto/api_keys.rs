//! Request and response bodies of `api::api_keys`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::domain::master::ApiScope;

#[derive(Deserialize, ToSchema, Validate)]
pub struct ApiKeyCreate {
    /// What the key is for, e.g. "SIMPEG Kota Mataram".
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    #[validate(length(
        min = 1,
        max = 100,
        message = "Nama kunci wajib diisi (maksimal 100 karakter)"
    ))]
    pub name: String,
    /// Any of `master:read`, `master:write`, `results:read`.
    #[schema(value_type = Vec<crate::dto::ApiScope>, min_items = 1)]
    #[validate(length(min = 1, message = "Pilih minimal satu cakupan (scope)"))]
    pub scopes: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiKeyOut {
    pub id: Uuid,
    pub name: String,
    /// The first characters of the key, to recognise it.
    pub prefix: String,
    pub scopes: Vec<ApiScope>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl From<entity::api_key::Model> for ApiKeyOut {
    fn from(k: entity::api_key::Model) -> Self {
        ApiKeyOut {
            scopes: ApiScope::parse_list(&k.scopes),
            id: k.id,
            name: k.name,
            prefix: k.prefix,
            created_at: k.created_at,
            last_used_at: k.last_used_at,
            revoked_at: k.revoked_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ApiKeyCreated {
    #[serde(flatten)]
    pub info: ApiKeyOut,
    /// The key itself. Shown only in this response; store it safely.
    pub key: String,
}
