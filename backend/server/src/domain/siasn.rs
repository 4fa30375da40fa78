//! SIASN (BKN's web service) reference codes and the reading of its answers (ADR 0020,
//! docs/siasn.md): which body a period gets, `periodikId`, `koefisienId`, the PNS id's
//! form, and what an answer means for a delivery (sent, rejected, to retry).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::angka_kredit::Jenjang;
use super::period::PeriodKind;
use super::predikat::Predikat;

/// SIASN's PNS id as the HR system stores it: 1–64 letters, digits or `-` (SIASN uses
/// 32-hex and UUID forms).
pub fn valid_pns_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// `periodikId` of `kinerjaperiodik/save`: `1` Bulanan, `2` Triwulanan.
pub fn periodik_id(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Monthly => "1",
        PeriodKind::Quarterly => "2",
    }
}

/// SIASN's digit of a jenjang in `koefisienId` (1 Ahli Pertama … 4 Ahli Utama, 5 Pemula …
/// 8 Penyelia).
fn jenjang_digit(j: Jenjang) -> u8 {
    match j {
        Jenjang::AhliPertama => 1,
        Jenjang::AhliMuda => 2,
        Jenjang::AhliMadya => 3,
        Jenjang::AhliUtama => 4,
        Jenjang::Pemula => 5,
        Jenjang::Terampil => 6,
        Jenjang::Mahir => 7,
        Jenjang::Penyelia => 8,
    }
}

/// `koefisienId` of `kinerjaperiodik/save`: the jenjang digit followed by the predikat code
/// (`12` Ahli Pertama with Baik, `31` Ahli Madya with Sangat Baik).
pub fn koefisien_id(j: Jenjang, p: Predikat) -> String {
    format!("{}{}", jenjang_digit(j), p.siasn_code())
}

/// `statusPenilai`: `ASN` when the penilai is PNS or PPPK, otherwise `NON ASN`.
pub fn status_penilai(employee_status: &str) -> &'static str {
    if matches!(employee_status, "PNS" | "PPPK") {
        "ASN"
    } else {
        "NON ASN"
    }
}

/// The two SIASN bodies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum SiasnKind {
    /// `POST /skp22/save`: the annual result.
    #[serde(rename = "skp22")]
    Skp22,
    /// `POST /kinerjaperiodik/save`: a month's or a quarter's result.
    #[serde(rename = "kinerjaperiodik")]
    KinerjaPeriodik,
}

impl SiasnKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SiasnKind::Skp22 => "skp22",
            SiasnKind::KinerjaPeriodik => "kinerjaperiodik",
        }
    }

    pub fn parse(s: &str) -> Option<SiasnKind> {
        match s {
            "skp22" => Some(SiasnKind::Skp22),
            "kinerjaperiodik" => Some(SiasnKind::KinerjaPeriodik),
            _ => None,
        }
    }

    /// The path below the SIASN base URL.
    pub fn path(self) -> &'static str {
        match self {
            SiasnKind::Skp22 => "/skp22/save",
            SiasnKind::KinerjaPeriodik => "/kinerjaperiodik/save",
        }
    }
}

/// Where a delivery stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = SiasnDeliveryStatus)]
pub enum DeliveryStatus {
    /// SIASN saved it (its record id is kept).
    Sent,
    /// SIASN refused it (its message is kept); sent again only when the body changes.
    Rejected,
    /// SIASN was unreachable or failed; retried by the next push once due.
    ToRetry,
    /// Given up after the last attempt; the next push tries again from the start.
    Failed,
}

impl DeliveryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Sent => "sent",
            DeliveryStatus::Rejected => "rejected",
            DeliveryStatus::ToRetry => "to_retry",
            DeliveryStatus::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<DeliveryStatus> {
        match s {
            "sent" => Some(DeliveryStatus::Sent),
            "rejected" => Some(DeliveryStatus::Rejected),
            "to_retry" => Some(DeliveryStatus::ToRetry),
            "failed" => Some(DeliveryStatus::Failed),
            _ => None,
        }
    }
}

/// What one SIASN answer means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Saved; SIASN's record id when it sent one.
    Saved(Option<String>),
    /// Refused with SIASN's message.
    Refused(String),
    /// Try again later (5xx, 429, or no answer), with a short reason.
    Transient(String),
}

/// The message of a SIASN answer body (`message`, or the body itself when short).
fn message_of(body: &serde_json::Value, raw: &str) -> String {
    body.get("message")
        .and_then(|m| m.as_str())
        .map(str::to_string)
        .unwrap_or_else(|| raw.chars().take(500).collect())
}

/// The record id in a successful answer: `mapData.id`, `data.id`, or the first string in
/// `mapData` (SIASN names it after the record, e.g. `rwSkp22Id`).
fn record_id(body: &serde_json::Value) -> Option<String> {
    for key in ["mapData", "data"] {
        let Some(obj) = body.get(key) else { continue };
        if let Some(id) = obj.get("id").and_then(|v| v.as_str()) {
            return Some(id.to_string());
        }
        if let Some(map) = obj.as_object()
            && let Some(id) = map.values().find_map(|v| v.as_str())
        {
            return Some(id.to_string());
        }
    }
    None
}

/// Reads SIASN's answer to a save. SIASN answers HTTP 200 with `code: 0` and a message when
/// it refuses a body, and `code: 1` (or `success: true`) when it saved it; other 4xx are
/// refusals; 5xx and 429 are transient. (401 is handled by the caller: a new token, once.)
pub fn read_answer(http_status: u16, raw: &str) -> Answer {
    let body: serde_json::Value = serde_json::from_str(raw).unwrap_or(serde_json::Value::Null);
    match http_status {
        200..=299 => {
            let refused = body.get("code").and_then(|c| c.as_i64()) == Some(0)
                || body.get("success").and_then(|s| s.as_bool()) == Some(false);
            if refused {
                Answer::Refused(message_of(&body, raw))
            } else {
                Answer::Saved(record_id(&body))
            }
        }
        429 | 500..=599 => {
            Answer::Transient(format!("HTTP {http_status}: {}", message_of(&body, raw)))
        }
        _ => Answer::Refused(format!("HTTP {http_status}: {}", message_of(&body, raw))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pns_ids_are_letters_digits_and_dashes() {
        assert!(valid_pns_id("A8ACA7B5F6E43912E040640A040269BB"));
        assert!(valid_pns_id("8ae48289-7f1c-4f3b-9c1e-2a5b1f0c9d11"));
        assert!(!valid_pns_id(""));
        assert!(!valid_pns_id("id dengan spasi"));
        assert!(!valid_pns_id(&"a".repeat(65)));
    }

    #[test]
    fn koefisien_joins_the_jenjang_and_the_predikat() {
        assert_eq!(koefisien_id(Jenjang::AhliPertama, Predikat::Baik), "12");
        assert_eq!(koefisien_id(Jenjang::AhliMadya, Predikat::SangatBaik), "31");
        assert_eq!(
            koefisien_id(Jenjang::Penyelia, Predikat::SangatKurang),
            "85"
        );
        assert_eq!(periodik_id(PeriodKind::Monthly), "1");
        assert_eq!(periodik_id(PeriodKind::Quarterly), "2");
    }

    #[test]
    fn answers_are_read_as_siasn_means_them() {
        assert_eq!(
            read_answer(
                200,
                r#"{"code":1,"message":"success","mapData":{"rwSkp22Id":"abc"}}"#
            ),
            Answer::Saved(Some("abc".into()))
        );
        assert_eq!(
            read_answer(200, r#"{"code":0,"message":"PNS tidak ditemukan"}"#),
            Answer::Refused("PNS tidak ditemukan".into())
        );
        assert_eq!(
            read_answer(400, r#"{"message":"tahun wajib"}"#),
            Answer::Refused("HTTP 400: tahun wajib".into())
        );
        assert!(matches!(read_answer(503, "down"), Answer::Transient(_)));
        assert!(matches!(read_answer(429, "{}"), Answer::Transient(_)));
    }
}
