//! Request and response bodies of `api::units`.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use super::PageMeta;
use crate::domain::master::UnitKind;

#[derive(Serialize, ToSchema)]
pub struct UnitOut {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    /// kecamatan, kelurahan, sekretariat, seksi, dinas, bidang, uptd or lainnya.
    pub kind: UnitKind,
    pub parent_code: Option<String>,
    pub parent_name: Option<String>,
    /// Employees directly in this unit.
    pub employee_count: i64,
}

impl UnitOut {
    /// The view of a unit row with its parent and its number of employees.
    pub fn new(u: entity::unit::Model, parent: Option<&entity::unit::Model>, count: i64) -> Self {
        UnitOut {
            employee_count: count,
            parent_code: parent.map(|p| p.code.clone()),
            parent_name: parent.map(|p| p.name.clone()),
            id: u.id,
            code: u.code,
            name: u.name,
            // Stored kinds are validated on every write.
            kind: UnitKind::parse(&u.kind).unwrap_or(UnitKind::Lainnya),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct UnitList {
    pub items: Vec<UnitOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, ToSchema, Validate)]
pub struct UnitUpsert {
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    #[validate(length(
        min = 1,
        max = 200,
        message = "Nama unit wajib diisi (maksimal 200 karakter)"
    ))]
    pub name: String,
    /// Code of the parent unit; omit or null for a root unit.
    #[serde(default)]
    pub parent_code: Option<String>,
    /// One of kecamatan, kelurahan, sekretariat, seksi, dinas, bidang, uptd, lainnya.
    #[schema(value_type = crate::dto::UnitKind)]
    pub kind: String,
}

#[derive(Deserialize, IntoParams)]
pub struct UnitQuery {
    /// Search in code and name.
    pub q: Option<String>,
    /// Only children of this unit.
    pub parent_code: Option<String>,
    /// Page number, from 1 (smaller values mean 1).
    #[param(minimum = 0)]
    pub page: Option<i32>,
    /// Items per page, 1–100 (default 20; larger values mean 100).
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}
