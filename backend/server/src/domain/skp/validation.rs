//! The shape of a valid plan: RHK items with indicators and targets, return reasons, the
//! supervisor's expectations and realisasi values.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{FieldProblems, MAX_NUMBER, MAX_TEXT, clean, too_long};
use crate::domain::berakhlak::CoreValue;

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

/// Checks the supervisor's expectations (value code → text, `None` clears): every code a
/// BerAKHLAK value, every text at most `MAX_EXPECTATION` characters. Problems name
/// `expectations.<code>`.
pub fn validate_expectations<'a>(
    items: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
) -> Result<Vec<(CoreValue, Option<String>)>, FieldProblems> {
    let mut changes = Vec::new();
    let mut problems = FieldProblems::new();
    for (code, text) in items {
        let field = format!("expectations.{code}");
        let Some(v) = CoreValue::parse(code.trim()) else {
            problems.push((field, "Bukan kode nilai BerAKHLAK".into()));
            continue;
        };
        let text = clean(text);
        if text
            .as_deref()
            .is_some_and(|t| too_long(t, MAX_EXPECTATION))
        {
            problems.push((
                field,
                format!("Ekspektasi maksimal {MAX_EXPECTATION} karakter"),
            ));
            continue;
        }
        changes.push((v, text));
    }
    if problems.is_empty() {
        Ok(changes)
    } else {
        Err(problems)
    }
}

/// A checked realisasi value: trimmed texts, empty ones absent.
#[derive(Clone, Debug, PartialEq)]
pub struct RealisasiValue {
    pub value_number: Option<f64>,
    pub value_text: Option<String>,
    pub note: Option<String>,
}

/// A realisasi is a non-negative number or a text (≤ 2000 characters), with an optional
/// note; the first problem is reported as (field, message).
pub fn validate_realisasi(
    value_number: Option<f64>,
    value_text: Option<&str>,
    note: Option<&str>,
) -> Result<RealisasiValue, (&'static str, String)> {
    let value_text = clean(value_text);
    let note = clean(note);
    for (field, text) in [("value_text", &value_text), ("note", &note)] {
        if text.as_deref().is_some_and(|t| too_long(t, MAX_TEXT)) {
            return Err((field, format!("Maksimal {MAX_TEXT} karakter")));
        }
    }
    if let Some(v) = value_number
        && !(0.0..=MAX_NUMBER).contains(&v)
    {
        return Err((
            "value_number",
            "Realisasi angka harus bilangan tidak negatif yang wajar".into(),
        ));
    }
    if value_number.is_none() && value_text.is_none() {
        return Err((
            "value_number",
            "Isi realisasi berupa angka atau teks".into(),
        ));
    }
    Ok(RealisasiValue {
        value_number,
        value_text,
        note,
    })
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
    fn expectations_need_a_known_value_code_and_a_bounded_text() {
        let long = "x".repeat(MAX_EXPECTATION + 1);
        let ok = validate_expectations([("akuntabel", Some(" Tepat waktu ")), ("loyal", None)])
            .expect("valid");
        assert_eq!(
            ok,
            vec![
                (CoreValue::Akuntabel, Some("Tepat waktu".to_string())),
                (CoreValue::Loyal, None)
            ]
        );
        let err = validate_expectations([("jujur", Some("a")), ("adaptif", Some(long.as_str()))])
            .expect_err("invalid");
        assert_eq!(err[0].0, "expectations.jujur");
        assert_eq!(err[1].0, "expectations.adaptif");
    }

    #[test]
    fn a_realisasi_is_a_sensible_number_or_a_text() {
        let v = validate_realisasi(Some(3.0), Some("  "), Some(" catatan ")).expect("valid");
        assert_eq!(v.value_text, None);
        assert_eq!(v.note.as_deref(), Some("catatan"));
        assert!(validate_realisasi(None, Some("Selesai"), None).is_ok());
        assert_eq!(
            validate_realisasi(None, None, None).unwrap_err().0,
            "value_number"
        );
        assert_eq!(
            validate_realisasi(Some(-1.0), None, None).unwrap_err().0,
            "value_number"
        );
        let long = "x".repeat(MAX_TEXT + 1);
        assert_eq!(
            validate_realisasi(Some(1.0), None, Some(&long))
                .unwrap_err()
                .0,
            "note"
        );
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
}
