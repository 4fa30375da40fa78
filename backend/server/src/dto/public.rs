//! Request and response bodies of `api::public` (the citizen's JSON API; the HTML form at
//! `/f/{token}` renders the same `PublicTarget`).

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub use crate::domain::feedback::TargetKind;

#[derive(Deserialize, IntoParams)]
pub struct LangQuery {
    /// `id` (default) or `en`.
    pub lang: Option<String>,
}

/// One answer option of an element.
#[derive(Serialize, ToSchema)]
pub struct AnswerOption {
    pub score: u8,
    pub label: String,
}

/// One question of the form.
#[derive(Serialize, ToSchema)]
pub struct PublicElement {
    /// `u1` … `u9`.
    pub code: String,
    pub name: String,
    pub question: String,
    pub options: Vec<AnswerOption>,
}

/// What a QR code points at, as a citizen may see it.
#[derive(Serialize, ToSchema)]
pub struct PublicTarget {
    /// `unit` (a service desk) or `employee`.
    pub kind: TargetKind,
    /// The office, or the employee's name with titles.
    pub title: String,
    /// The desk, or the employee's position and office.
    pub subtitle: String,
    /// `id` or `en`.
    pub lang: String,
    pub elements: Vec<PublicElement>,
    pub comment_max_length: usize,
}

/// The citizen's answers: `u1` … `u9`, each 1–4.
#[derive(Deserialize, Serialize, ToSchema)]
pub struct PublicFeedback {
    #[schema(value_type = AnswersDoc)]
    pub answers: serde_json::Map<String, serde_json::Value>,
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub comment: Option<String>,
    /// Single-use code from a service receipt (`XXXX-XXXX`).
    #[serde(default)]
    pub ticket: Option<String>,
}

/// The nine answers (documentation type; the handler names each invalid one).
#[derive(Serialize, ToSchema)]
pub struct AnswersDoc {
    /// Persyaratan
    #[schema(minimum = 1, maximum = 4)]
    pub u1: u8,
    /// Sistem, mekanisme, dan prosedur
    #[schema(minimum = 1, maximum = 4)]
    pub u2: u8,
    /// Waktu penyelesaian
    #[schema(minimum = 1, maximum = 4)]
    pub u3: u8,
    /// Biaya/tarif
    #[schema(minimum = 1, maximum = 4)]
    pub u4: u8,
    /// Produk spesifikasi jenis pelayanan
    #[schema(minimum = 1, maximum = 4)]
    pub u5: u8,
    /// Kompetensi pelaksana
    #[schema(minimum = 1, maximum = 4)]
    pub u6: u8,
    /// Perilaku pelaksana
    #[schema(minimum = 1, maximum = 4)]
    pub u7: u8,
    /// Sarana dan prasarana
    #[schema(minimum = 1, maximum = 4)]
    pub u8: u8,
    /// Penanganan pengaduan, saran, dan masukan
    #[schema(minimum = 1, maximum = 4)]
    pub u9: u8,
}

#[derive(Serialize, ToSchema)]
pub struct FeedbackReceived {
    pub message: String,
    /// True when a valid ticket accompanied the feedback.
    pub verified: bool,
}

/// Sets this device up as a kiosk: the credential from the setup link.
#[derive(Deserialize, ToSchema)]
pub struct KioskActivate {
    #[schema(min_length = 1, max_length = 100)]
    pub token: String,
}

/// The kiosk this device now is, and where its form is.
#[derive(Serialize, ToSchema)]
pub struct KioskSession {
    /// The device's name.
    pub name: String,
    /// The form's path on this server (`/f/{token}`).
    pub form_path: String,
    pub target: PublicTarget,
}
