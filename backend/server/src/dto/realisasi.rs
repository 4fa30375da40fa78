//! Request and response bodies of `api::realisasi`.

use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::skp::PersonRef;
use crate::domain::period::PeriodState;
use crate::domain::skp::{Aspect, EvidenceKind, RhkKind, SkpStatus};

#[derive(Deserialize, ToSchema)]
pub struct RealisasiInput {
    /// The achieved number (same unit as the target), or leave out and give `value_text`.
    #[serde(default)]
    #[schema(minimum = 0)]
    pub value_number: Option<f64>,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub value_text: Option<String>,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EvidenceOut {
    pub id: Uuid,
    pub kind: EvidenceKind,
    pub url: Option<String>,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub sha256: Option<String>,
    pub created_at: chrono::DateTime<Utc>,
    /// Where a file is downloaded (`/api/v1/evidence/{id}/file`), null for a link.
    pub download_url: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RealisasiOut {
    pub id: Uuid,
    pub indicator_id: Uuid,
    pub period_id: Uuid,
    pub value_number: Option<f64>,
    pub value_text: Option<String>,
    pub note: Option<String>,
    pub created_at: chrono::DateTime<Utc>,
    pub updated_at: chrono::DateTime<Utc>,
    pub evidence: Vec<EvidenceOut>,
}

#[derive(Deserialize, ToSchema)]
pub struct EvidenceLinkInput {
    /// An http(s) link with a host and no spaces, at most 2000 characters.
    #[schema(
        max_length = 2000,
        pattern = r"^[ \t\n\r]*[Hh][Tt][Tt][Pp][Ss]?://(?:[^/?#\s\x00-\x1F\x7F-\x9F]*@)?[^/?#\s@:\x00-\x1F\x7F-\x9F][^/?#\s@\x00-\x1F\x7F-\x9F]*(?:[/?#][^\s\x00-\x1F\x7F-\x9F]*)?[ \t\n\r]*$"
    )]
    pub url: String,
}

#[derive(Deserialize, IntoParams)]
pub struct FileQuery {
    /// The original file name (only its last segment is kept, sanitised).
    pub filename: Option<String>,
}

/// The raw bytes of a file (documentation type).
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct FileBody(pub Vec<u8>);

#[derive(Serialize, ToSchema)]
pub struct RealisasiPeriod {
    pub id: Uuid,
    pub name: String,
    pub year: i32,
    pub state: PeriodState,
}

#[derive(Serialize, ToSchema)]
pub struct SkpRef {
    pub id: Uuid,
    pub status: SkpStatus,
}

#[derive(Serialize, ToSchema)]
pub struct IndicatorRealisasi {
    pub id: Uuid,
    pub aspect: Aspect,
    pub description: String,
    pub target_value: Option<f64>,
    pub target_unit: Option<String>,
    pub target_text: Option<String>,
    /// This period's realisasi, null when none yet.
    pub realisasi: Option<RealisasiOut>,
}

#[derive(Serialize, ToSchema)]
pub struct RhkRealisasi {
    pub id: Uuid,
    pub kind: RhkKind,
    pub description: String,
    pub indicators: Vec<IndicatorRealisasi>,
}

/// An employee's realisasi of a period, per RHK and indicator.
#[derive(Serialize, ToSchema)]
pub struct RealisasiSheet {
    pub period: RealisasiPeriod,
    pub employee: PersonRef,
    /// The SKP of the period's year, null when none.
    pub skp: Option<SkpRef>,
    pub rhk: Vec<RhkRealisasi>,
    /// The caller may record realisasi now (own approved SKP, open period).
    pub can_edit: bool,
}

impl From<entity::evidence::Model> for EvidenceOut {
    fn from(e: entity::evidence::Model) -> Self {
        let kind = EvidenceKind::parse(&e.kind).unwrap_or(EvidenceKind::Link);
        let download_url =
            (kind == EvidenceKind::File).then(|| format!("/api/v1/evidence/{}/file", e.id));
        EvidenceOut {
            id: e.id,
            kind,
            url: e.url,
            file_name: e.file_name,
            content_type: e.content_type,
            size_bytes: e.size_bytes,
            sha256: e.sha256,
            created_at: e.created_at,
            download_url,
        }
    }
}

impl RealisasiOut {
    /// A realisasi row with its evidence.
    pub fn new(r: entity::realisasi::Model, evidence: Vec<entity::evidence::Model>) -> Self {
        RealisasiOut {
            id: r.id,
            indicator_id: r.indicator_id,
            period_id: r.period_id,
            value_number: r.value_number,
            value_text: r.value_text,
            note: r.note,
            created_at: r.created_at,
            updated_at: r.updated_at,
            evidence: evidence.into_iter().map(EvidenceOut::from).collect(),
        }
    }
}

impl From<&entity::period::Model> for RealisasiPeriod {
    fn from(p: &entity::period::Model) -> Self {
        RealisasiPeriod {
            id: p.id,
            name: p.name.clone(),
            year: p.year,
            state: PeriodState::parse(&p.state).unwrap_or(PeriodState::Draft),
        }
    }
}
