//! Pure rules of the planning and "doing" part of the cycle (DOMAIN.md §2.1–2.2): the SKP
//! workflow, the shape of a valid plan (RHK with indicators and targets), bukti dukung
//! (file types recognised by their magic bytes, safe file names, links), continuous
//! feedback and the coaching formats B.1.8 / B.1.9.
//!
//! Invariants: an SKP moves only draft → submitted → approved | returned and
//! returned → submitted; only a draft or returned plan is edited; an uploaded file is
//! accepted only when its bytes match the type it claims.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Field path → message, for a 422 naming each problem.
pub type FieldProblems = Vec<(String, String)>;

// ---------------------------------------------------------------------------------------
// SKP workflow
// ---------------------------------------------------------------------------------------

/// The state of an SKP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SkpStatus {
    /// Being written by the employee.
    Draft,
    /// Diajukan: waiting for the supervisor.
    Submitted,
    /// Disetujui: the only state that can be evaluated.
    Approved,
    /// Ditolak / dikembalikan with a reason; the employee edits and submits again.
    Returned,
}

/// What someone does to an SKP.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkpAction {
    Submit,
    Approve,
    Return,
}

impl SkpStatus {
    pub const ALL: [SkpStatus; 4] = [
        SkpStatus::Draft,
        SkpStatus::Submitted,
        SkpStatus::Approved,
        SkpStatus::Returned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SkpStatus::Draft => "draft",
            SkpStatus::Submitted => "submitted",
            SkpStatus::Approved => "approved",
            SkpStatus::Returned => "returned",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        SkpStatus::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Indonesian label for messages.
    pub fn label(self) -> &'static str {
        match self {
            SkpStatus::Draft => "Draf",
            SkpStatus::Submitted => "Diajukan",
            SkpStatus::Approved => "Disetujui",
            SkpStatus::Returned => "Dikembalikan",
        }
    }

    /// The employee may change the plan only before it is submitted or after it came back.
    pub fn is_editable(self) -> bool {
        matches!(self, SkpStatus::Draft | SkpStatus::Returned)
    }

    /// The state after `action`, or why it is refused (Indonesian, for the 409 message).
    pub fn apply(self, action: SkpAction) -> Result<SkpStatus, String> {
        use SkpAction::*;
        use SkpStatus::*;
        match (self, action) {
            (Draft | Returned, Submit) => Ok(Submitted),
            (Submitted, Approve) => Ok(Approved),
            (Submitted, Return) => Ok(Returned),
            (Submitted, Submit) => Err("SKP sudah diajukan dan menunggu persetujuan".into()),
            (Approved, _) => Err("SKP sudah disetujui dan tidak dapat diubah statusnya".into()),
            (from, _) => Err(format!(
                "SKP berstatus {} belum diajukan, sehingga tidak dapat diputuskan",
                from.label()
            )),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Plan contents
// ---------------------------------------------------------------------------------------

/// Most RHK items in one SKP.
pub const MAX_RHK: usize = 30;
/// Most indicators per RHK.
pub const MAX_INDICATORS: usize = 10;
pub const MAX_RHK_DESCRIPTION: usize = 2000;
pub const MAX_INDICATOR_DESCRIPTION: usize = 1000;
pub const MAX_TARGET_UNIT: usize = 50;
pub const MAX_TARGET_TEXT: usize = 1000;
pub const MAX_EXPECTATION: usize = 1000;
pub const MIN_RETURN_REASON: usize = 5;
pub const MAX_TEXT: usize = 2000;
/// Largest numeric target or realisasi accepted (beyond any real count or amount).
pub const MAX_NUMBER: f64 = 1e15;

pub fn year_is_valid(year: i32) -> bool {
    (2000..=2100).contains(&year)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RhkKind {
    /// Main result.
    Utama,
    /// Additional result.
    Tambahan,
}

impl RhkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RhkKind::Utama => "utama",
            RhkKind::Tambahan => "tambahan",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "utama" => Some(RhkKind::Utama),
            "tambahan" => Some(RhkKind::Tambahan),
            _ => None,
        }
    }
}

/// The aspect an indicator measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    Kuantitas,
    Kualitas,
    Waktu,
    Biaya,
}

impl Aspect {
    pub const ALL: [Aspect; 4] = [
        Aspect::Kuantitas,
        Aspect::Kualitas,
        Aspect::Waktu,
        Aspect::Biaya,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Aspect::Kuantitas => "kuantitas",
            Aspect::Kualitas => "kualitas",
            Aspect::Waktu => "waktu",
            Aspect::Biaya => "biaya",
        }
    }

    /// Case-insensitive, so `Kuantitas` typed from a form is accepted.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_lowercase();
        Aspect::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// An indicator as entered.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndicatorDraft {
    pub aspect: String,
    pub description: String,
    pub target_value: Option<f64>,
    pub target_unit: Option<String>,
    pub target_text: Option<String>,
}

/// An RHK as entered.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RhkDraft {
    pub kind: String,
    pub description: String,
    pub indicators: Vec<IndicatorDraft>,
}

/// A checked indicator: trimmed, empty texts as `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub aspect: Aspect,
    pub description: String,
    pub target_value: Option<f64>,
    pub target_unit: Option<String>,
    pub target_text: Option<String>,
}

/// A checked RHK.
#[derive(Clone, Debug, PartialEq)]
pub struct Rhk {
    pub kind: RhkKind,
    pub description: String,
    pub indicators: Vec<Indicator>,
}

/// Trims; an empty text is absent.
pub fn clean(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn too_long(s: &str, max: usize) -> bool {
    s.chars().count() > max
}

/// Checks a whole plan; every problem is reported with its field path
/// (`rhk[0].indicators[1].target_unit`). An empty plan is a valid draft: whether it can be
/// submitted is `can_submit`'s question.
pub fn validate_plan(items: &[RhkDraft]) -> Result<Vec<Rhk>, FieldProblems> {
    let mut problems = FieldProblems::new();
    if items.len() > MAX_RHK {
        problems.push(("rhk".into(), format!("Paling banyak {MAX_RHK} RHK")));
        return Err(problems);
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, r) in items.iter().enumerate() {
        let at = |f: &str| format!("rhk[{i}].{f}");
        let kind = RhkKind::parse(r.kind.trim());
        if kind.is_none() {
            problems.push((at("kind"), "Jenis RHK harus utama atau tambahan".into()));
        }
        let description = r.description.trim().to_string();
        if description.is_empty() {
            problems.push((at("description"), "Uraian RHK wajib diisi".into()));
        } else if too_long(&description, MAX_RHK_DESCRIPTION) {
            problems.push((
                at("description"),
                format!("Uraian RHK maksimal {MAX_RHK_DESCRIPTION} karakter"),
            ));
        }
        if r.indicators.is_empty() {
            problems.push((
                at("indicators"),
                "Setiap RHK memerlukan sedikitnya satu indikator".into(),
            ));
        } else if r.indicators.len() > MAX_INDICATORS {
            problems.push((
                at("indicators"),
                format!("Paling banyak {MAX_INDICATORS} indikator per RHK"),
            ));
        }
        let mut indicators = Vec::new();
        for (j, ind) in r.indicators.iter().take(MAX_INDICATORS).enumerate() {
            let at = |f: &str| format!("rhk[{i}].indicators[{j}].{f}");
            match validate_indicator(ind) {
                Ok(ok) => indicators.push(ok),
                Err(list) => problems.extend(list.into_iter().map(|(f, m)| (at(&f), m))),
            }
        }
        if let Some(kind) = kind {
            out.push(Rhk {
                kind,
                description,
                indicators,
            });
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn validate_indicator(ind: &IndicatorDraft) -> Result<Indicator, FieldProblems> {
    let mut problems = FieldProblems::new();
    let aspect = Aspect::parse(&ind.aspect);
    if aspect.is_none() {
        problems.push((
            "aspect".into(),
            "Aspek harus kuantitas, kualitas, waktu atau biaya".into(),
        ));
    }
    let description = ind.description.trim().to_string();
    if description.is_empty() {
        problems.push(("description".into(), "Uraian indikator wajib diisi".into()));
    } else if too_long(&description, MAX_INDICATOR_DESCRIPTION) {
        problems.push((
            "description".into(),
            format!("Uraian indikator maksimal {MAX_INDICATOR_DESCRIPTION} karakter"),
        ));
    }
    let unit = clean(ind.target_unit.as_deref());
    let text = clean(ind.target_text.as_deref());
    if unit
        .as_deref()
        .is_some_and(|u| too_long(u, MAX_TARGET_UNIT))
    {
        problems.push((
            "target_unit".into(),
            format!("Satuan maksimal {MAX_TARGET_UNIT} karakter"),
        ));
    }
    if text
        .as_deref()
        .is_some_and(|t| too_long(t, MAX_TARGET_TEXT))
    {
        problems.push((
            "target_text".into(),
            format!("Target teks maksimal {MAX_TARGET_TEXT} karakter"),
        ));
    }
    if let Some(v) = ind.target_value
        && (!v.is_finite() || !(0.0..=MAX_NUMBER).contains(&v))
    {
        problems.push((
            "target_value".into(),
            "Target angka harus bilangan tidak negatif yang wajar".into(),
        ));
    }
    // A target is a number with its unit, or a text; half a numeric target is refused.
    match (ind.target_value, &unit, &text) {
        (Some(_), None, _) => problems.push((
            "target_unit".into(),
            "Target angka memerlukan satuan (mis. dokumen, %, hari)".into(),
        )),
        (None, Some(_), None) => problems.push((
            "target_value".into(),
            "Satuan diisi tetapi target angkanya kosong".into(),
        )),
        (None, None, None) => problems.push((
            "target_value".into(),
            "Isi target angka dengan satuannya, atau target teks".into(),
        )),
        _ => {}
    }
    match aspect {
        Some(aspect) if problems.is_empty() => Ok(Indicator {
            aspect,
            description,
            target_value: ind.target_value,
            // A unit alone next to a text target means nothing; keep it only with a number.
            target_unit: ind.target_value.and(unit),
            target_text: text,
        }),
        _ => Err(problems),
    }
}

/// A plan can be submitted only with at least one RHK utama.
pub fn can_submit<'a>(kinds: impl IntoIterator<Item = &'a str>) -> bool {
    kinds.into_iter().any(|k| k == RhkKind::Utama.as_str())
}

/// A return reason: trimmed, 5 to 2000 characters.
pub fn return_reason(reason: &str) -> Result<String, String> {
    let r = reason.trim();
    let n = r.chars().count();
    if n < MIN_RETURN_REASON {
        Err(format!(
            "Alasan pengembalian wajib diisi (sedikitnya {MIN_RETURN_REASON} karakter)"
        ))
    } else if n > MAX_TEXT {
        Err(format!("Alasan maksimal {MAX_TEXT} karakter"))
    } else {
        Ok(r.to_string())
    }
}

// ---------------------------------------------------------------------------------------
// Bukti dukung
// ---------------------------------------------------------------------------------------

/// The kinds of file accepted as bukti dukung.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileType {
    Pdf,
    Png,
    Jpeg,
    Webp,
    Docx,
    Xlsx,
    Csv,
    Text,
}

pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

impl FileType {
    pub const ALL: [FileType; 8] = [
        FileType::Pdf,
        FileType::Png,
        FileType::Jpeg,
        FileType::Webp,
        FileType::Docx,
        FileType::Xlsx,
        FileType::Csv,
        FileType::Text,
    ];

    /// The canonical media type (stored, and served back).
    pub fn mime(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
            FileType::Webp => "image/webp",
            FileType::Docx => DOCX_MIME,
            FileType::Xlsx => XLSX_MIME,
            FileType::Csv => "text/csv",
            FileType::Text => "text/plain",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileType::Pdf => "pdf",
            FileType::Png => "png",
            FileType::Jpeg => "jpg",
            FileType::Webp => "webp",
            FileType::Docx => "docx",
            FileType::Xlsx => "xlsx",
            FileType::Csv => "csv",
            FileType::Text => "txt",
        }
    }

    /// The type a `Content-Type` header declares (parameters ignored, case-insensitive).
    pub fn from_declared(content_type: &str) -> Option<FileType> {
        let essence = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match essence.as_str() {
            "image/jpg" | "image/pjpeg" => Some(FileType::Jpeg),
            "application/csv" => Some(FileType::Csv),
            other => FileType::ALL.into_iter().find(|t| t.mime() == other),
        }
    }

    /// Whether the bytes really are of this type, by their magic bytes. Office files are
    /// ZIP containers; text must be UTF-8 without NUL bytes (so no binary passes as text).
    pub fn matches(self, bytes: &[u8]) -> bool {
        match self {
            FileType::Pdf => bytes.starts_with(b"%PDF-"),
            FileType::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            FileType::Jpeg => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
            FileType::Webp => {
                bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP"
            }
            FileType::Docx | FileType::Xlsx => bytes.starts_with(b"PK\x03\x04"),
            FileType::Csv | FileType::Text => {
                !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok()
            }
        }
    }

    /// Text types are served with their charset.
    pub fn served_type(self) -> String {
        match self {
            FileType::Csv | FileType::Text => format!("{}; charset=utf-8", self.mime()),
            other => other.mime().to_string(),
        }
    }
}

/// Longest stored original file name (in characters).
pub const MAX_FILE_NAME: usize = 150;

/// A file name safe to store and to put in a `Content-Disposition` header: the last path
/// segment only, ASCII letters, digits, `.`, `-`, `_` and spaces kept, anything else `_`;
/// no leading dots; bounded; `bukti.<ext>` when nothing usable is left.
pub fn sanitise_file_name(name: Option<&str>, file_type: FileType) -> String {
    let raw = name.unwrap_or("");
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let mut out: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect();
    out = out.trim().trim_start_matches('.').trim().to_string();
    if out.chars().count() > MAX_FILE_NAME {
        // Keep the end (the extension) rather than the start.
        let skip = out.chars().count() - MAX_FILE_NAME;
        out = out.chars().skip(skip).collect();
    }
    if out.chars().all(|c| c == '_' || c == '.' || c == ' ') {
        return format!("bukti.{}", file_type.extension());
    }
    out
}

/// Longest link accepted as bukti dukung.
pub const MAX_URL: usize = 2000;

/// A link: http or https, with a host, no spaces or control characters, ≤ 2000 characters.
pub fn validate_url(url: &str) -> Result<String, String> {
    let u = url.trim();
    if u.is_empty() {
        return Err("Tautan wajib diisi".into());
    }
    if u.chars().count() > MAX_URL {
        return Err(format!("Tautan maksimal {MAX_URL} karakter"));
    }
    if u.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("Tautan tidak boleh berisi spasi".into());
    }
    let lower = u.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or("Tautan harus diawali http:// atau https://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err("Tautan tidak memuat nama situs".into());
    }
    Ok(u.to_string())
}

// ---------------------------------------------------------------------------------------
// Continuous feedback and coaching
// ---------------------------------------------------------------------------------------

/// The employee's rating of a coaching session (format B.1.8): nine statements answered
/// 1 (sangat tidak setuju) … 5 (sangat setuju). The wording transcribes the format's intent
/// (clarity, usefulness, the leader's listening and support) in plain Indonesian; it is not
/// a verbatim copy of the regulation's form.
pub const COACHING_STATEMENTS: [&str; 9] = [
    "Tujuan bimbingan kinerja disampaikan dengan jelas sejak awal.",
    "Pimpinan mendengarkan penjelasan dan kendala saya dengan sungguh-sungguh.",
    "Umpan balik yang saya terima jelas dan mudah dipahami.",
    "Umpan balik didasarkan pada fakta dan hasil kerja, bukan pada prasangka.",
    "Bimbingan membantu saya memahami ekspektasi pimpinan terhadap kinerja saya.",
    "Saya memperoleh saran yang dapat langsung diterapkan dalam pekerjaan.",
    "Pimpinan memberi kesempatan kepada saya untuk menyampaikan gagasan dan pendapat.",
    "Kami menyepakati langkah tindak lanjut dan dukungan yang saya perlukan.",
    "Secara keseluruhan, bimbingan ini bermanfaat bagi peningkatan kinerja saya.",
];

/// Lowest and highest answer of a 1–5 scale (B.1.8 answers, B.1.9 competency scores).
pub const SCALE: std::ops::RangeInclusive<i64> = 1..=5;
/// Most competencies a leader scores after one coaching (B.1.9).
pub const MAX_COMPETENCIES: usize = 10;
pub const MAX_COMPETENCY_NAME: usize = 100;
pub const MAX_TOPIC: usize = 200;
pub const MAX_NOTES: usize = 4000;

/// Exactly nine answers, each 1–5.
pub fn validate_coaching_answers(answers: &[i64]) -> Result<[u8; 9], String> {
    if answers.len() != COACHING_STATEMENTS.len() {
        return Err(format!(
            "Jawaban harus tepat {} (satu untuk setiap pernyataan), diterima {}",
            COACHING_STATEMENTS.len(),
            answers.len()
        ));
    }
    let mut out = [0u8; 9];
    for (i, a) in answers.iter().enumerate() {
        if !SCALE.contains(a) {
            return Err(format!(
                "Jawaban pernyataan {} harus 1 sampai 5, bukan {a}",
                i + 1
            ));
        }
        out[i] = *a as u8;
    }
    Ok(out)
}

/// Competency scores: up to ten distinct named competencies (names trimmed, compared
/// case-insensitively), each 1–5; kept in the given order.
pub fn validate_competency_scores(scores: &[(String, i64)]) -> Result<Vec<(String, u8)>, String> {
    if scores.len() > MAX_COMPETENCIES {
        return Err(format!("Paling banyak {MAX_COMPETENCIES} kompetensi"));
    }
    let mut out: Vec<(String, u8)> = Vec::new();
    for (name, score) in scores {
        let n = name.trim();
        if n.is_empty() {
            return Err("Nama kompetensi wajib diisi".into());
        }
        if too_long(n, MAX_COMPETENCY_NAME) {
            return Err(format!(
                "Nama kompetensi maksimal {MAX_COMPETENCY_NAME} karakter"
            ));
        }
        if out
            .iter()
            .any(|(o, _)| o.to_lowercase() == n.to_lowercase())
        {
            return Err(format!("Kompetensi {n} disebut lebih dari sekali"));
        }
        if !SCALE.contains(score) {
            return Err(format!("Nilai kompetensi {n} harus 1 sampai 5"));
        }
        out.push((n.to_string(), *score as u8));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicator() -> IndicatorDraft {
        IndicatorDraft {
            aspect: "kuantitas".into(),
            description: "Jumlah dokumen".into(),
            target_value: Some(12.0),
            target_unit: Some("dokumen".into()),
            target_text: None,
        }
    }

    fn rhk(kind: &str) -> RhkDraft {
        RhkDraft {
            kind: kind.into(),
            description: "Terlaksananya pelayanan administrasi".into(),
            indicators: vec![indicator()],
        }
    }

    #[test]
    fn the_workflow_allows_exactly_the_documented_transitions() {
        use SkpAction::*;
        use SkpStatus::*;
        let allowed = [
            (Draft, Submit, Submitted),
            (Returned, Submit, Submitted),
            (Submitted, Approve, Approved),
            (Submitted, Return, Returned),
        ];
        for from in SkpStatus::ALL {
            for action in [Submit, Approve, Return] {
                let expected = allowed
                    .iter()
                    .find(|(f, a, _)| *f == from && *a == action)
                    .map(|(_, _, to)| *to);
                match expected {
                    Some(to) => assert_eq!(from.apply(action), Ok(to), "{from:?} {action:?}"),
                    None => assert!(from.apply(action).is_err(), "{from:?} {action:?}"),
                }
            }
        }
    }

    #[test]
    fn only_draft_and_returned_plans_are_editable() {
        assert!(SkpStatus::Draft.is_editable());
        assert!(SkpStatus::Returned.is_editable());
        assert!(!SkpStatus::Submitted.is_editable());
        assert!(!SkpStatus::Approved.is_editable());
        for s in SkpStatus::ALL {
            assert_eq!(SkpStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(SkpStatus::parse("ditolak"), None);
    }

    #[test]
    fn aspects_parse_case_insensitively_and_unknown_ones_are_refused() {
        assert_eq!(Aspect::parse("Kuantitas"), Some(Aspect::Kuantitas));
        assert_eq!(Aspect::parse(" waktu "), Some(Aspect::Waktu));
        assert_eq!(Aspect::parse("biaya"), Some(Aspect::Biaya));
        assert_eq!(Aspect::parse("kualitas"), Some(Aspect::Kualitas));
        assert_eq!(Aspect::parse("kecepatan"), None);
        assert_eq!(Aspect::parse(""), None);
    }

    #[test]
    fn a_valid_plan_is_trimmed_and_an_empty_plan_is_a_valid_draft() {
        let mut r = rhk(" utama ");
        r.description = "  Laporan  ".into();
        let plan = validate_plan(&[r]).expect("valid");
        assert_eq!(plan[0].kind, RhkKind::Utama);
        assert_eq!(plan[0].description, "Laporan");
        assert_eq!(
            plan[0].indicators[0].target_unit.as_deref(),
            Some("dokumen")
        );
        assert_eq!(validate_plan(&[]), Ok(vec![]));
    }

    #[test]
    fn every_indicator_needs_a_number_with_unit_or_a_text_target() {
        let mut no_unit = rhk("utama");
        no_unit.indicators[0].target_unit = None;
        let err = validate_plan(&[no_unit]).expect_err("no unit");
        assert_eq!(err[0].0, "rhk[0].indicators[0].target_unit");

        let mut nothing = rhk("utama");
        nothing.indicators[0].target_value = None;
        nothing.indicators[0].target_unit = Some("  ".into());
        assert!(validate_plan(&[nothing]).is_err());

        let mut text = rhk("utama");
        text.indicators[0].target_value = None;
        text.indicators[0].target_unit = None;
        text.indicators[0].target_text = Some("Tepat waktu setiap bulan".into());
        assert!(validate_plan(&[text]).is_ok());

        let mut negative = rhk("utama");
        negative.indicators[0].target_value = Some(-1.0);
        assert!(validate_plan(&[negative]).is_err());
    }

    #[test]
    fn plans_are_bounded_and_every_rhk_needs_an_indicator() {
        let mut empty = rhk("tambahan");
        empty.indicators.clear();
        let err = validate_plan(&[empty]).expect_err("no indicator");
        assert_eq!(err[0].0, "rhk[0].indicators");
        let mut many = rhk("utama");
        many.indicators = vec![indicator(); MAX_INDICATORS + 1];
        assert!(validate_plan(&[many]).is_err());
        assert!(validate_plan(&vec![rhk("utama"); MAX_RHK]).is_ok());
        assert!(validate_plan(&vec![rhk("utama"); MAX_RHK + 1]).is_err());
        let mut long = rhk("utama");
        long.description = "x".repeat(MAX_RHK_DESCRIPTION + 1);
        assert!(validate_plan(&[long]).is_err());
        assert!(validate_plan(&[rhk("pokok")]).is_err());
    }

    #[test]
    fn submission_needs_an_rhk_utama() {
        assert!(can_submit(["tambahan", "utama"]));
        assert!(!can_submit(["tambahan"]));
        assert!(!can_submit([]));
    }

    #[test]
    fn a_return_needs_a_real_reason() {
        assert!(return_reason("   ").is_err());
        assert!(return_reason("ok").is_err());
        assert_eq!(
            return_reason("  Lengkapi target  ").as_deref(),
            Ok("Lengkapi target")
        );
        assert!(return_reason(&"x".repeat(MAX_TEXT + 1)).is_err());
    }

    #[test]
    fn files_are_recognised_by_their_magic_bytes() {
        assert!(FileType::Pdf.matches(b"%PDF-1.7\n..."));
        assert!(!FileType::Pdf.matches(b"\x89PNG\r\n\x1a\n...."));
        assert!(FileType::Png.matches(b"\x89PNG\r\n\x1a\n...."));
        assert!(FileType::Jpeg.matches(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        assert!(FileType::Webp.matches(b"RIFF\x10\0\0\0WEBPVP8 "));
        assert!(!FileType::Webp.matches(b"RIFF\x10\0\0\0WAVEfmt "));
        assert!(FileType::Docx.matches(b"PK\x03\x04\x14\0"));
        assert!(FileType::Xlsx.matches(b"PK\x03\x04\x14\0"));
        assert!(FileType::Csv.matches("nama,nilai\nSiti,5\n".as_bytes()));
        assert!(!FileType::Text.matches(b"\x89PNG\r\n\x1a\n"));
        assert!(!FileType::Text.matches(b"abc\0def"));
    }

    #[test]
    fn declared_types_are_read_without_parameters() {
        assert_eq!(
            FileType::from_declared("application/PDF"),
            Some(FileType::Pdf)
        );
        assert_eq!(
            FileType::from_declared("text/csv; charset=utf-8"),
            Some(FileType::Csv)
        );
        assert_eq!(FileType::from_declared("image/jpg"), Some(FileType::Jpeg));
        assert_eq!(FileType::from_declared(XLSX_MIME), Some(FileType::Xlsx));
        assert_eq!(FileType::from_declared("text/html"), None);
        assert_eq!(FileType::from_declared("application/octet-stream"), None);
        assert_eq!(FileType::from_declared(""), None);
    }

    #[test]
    fn file_names_lose_paths_and_unsafe_characters() {
        assert_eq!(
            sanitise_file_name(Some("../../etc/passwd"), FileType::Text),
            "passwd"
        );
        assert_eq!(
            sanitise_file_name(Some("C:\\Users\\a\\Laporan Q1.pdf"), FileType::Pdf),
            "Laporan Q1.pdf"
        );
        assert_eq!(
            sanitise_file_name(Some("a\"b\r\n;.pdf"), FileType::Pdf),
            "a_b___.pdf"
        );
        assert_eq!(sanitise_file_name(Some(".."), FileType::Pdf), "bukti.pdf");
        assert_eq!(sanitise_file_name(None, FileType::Png), "bukti.png");
        let long = format!("{}.pdf", "a".repeat(400));
        let s = sanitise_file_name(Some(&long), FileType::Pdf);
        assert_eq!(s.chars().count(), MAX_FILE_NAME);
        assert!(s.ends_with(".pdf"));
    }

    #[test]
    fn links_must_be_http_or_https_with_a_host() {
        assert!(validate_url("https://drive.example.go.id/berkas/1").is_ok());
        assert!(validate_url(" HTTP://example.com ").is_ok());
        assert!(validate_url("javascript:alert(1)").is_err());
        assert!(validate_url("ftp://example.com/a").is_err());
        assert!(validate_url("https://").is_err());
        assert!(validate_url("https:///path").is_err());
        assert!(validate_url("https://exa mple.com").is_err());
        assert!(validate_url(&format!("https://a.id/{}", "x".repeat(MAX_URL))).is_err());
    }

    #[test]
    fn a_coaching_rating_is_exactly_nine_answers_from_one_to_five() {
        assert_eq!(
            validate_coaching_answers(&[5, 4, 3, 2, 1, 5, 4, 3, 2]),
            Ok([5, 4, 3, 2, 1, 5, 4, 3, 2])
        );
        assert!(validate_coaching_answers(&[5; 8]).is_err());
        assert!(validate_coaching_answers(&[5; 10]).is_err());
        assert!(validate_coaching_answers(&[0, 4, 3, 2, 1, 5, 4, 3, 2]).is_err());
        assert!(validate_coaching_answers(&[6, 4, 3, 2, 1, 5, 4, 3, 2]).is_err());
        assert_eq!(COACHING_STATEMENTS.len(), 9);
    }

    #[test]
    fn competency_scores_are_named_distinct_bounded_and_on_the_scale() {
        let ok = vec![("Komunikasi".to_string(), 4), ("Kerja sama".to_string(), 5)];
        assert_eq!(
            validate_competency_scores(&ok),
            Ok(vec![("Komunikasi".into(), 4), ("Kerja sama".into(), 5)])
        );
        assert!(validate_competency_scores(&[("".into(), 3)]).is_err());
        assert!(validate_competency_scores(&[("A".into(), 6)]).is_err());
        assert!(validate_competency_scores(&[("A".into(), 3), ("a ".into(), 4)]).is_err());
        let many: Vec<(String, i64)> = (0..11).map(|i| (format!("K{i}"), 3)).collect();
        assert!(validate_competency_scores(&many).is_err());
    }
}
