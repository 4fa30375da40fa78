//! What an employee reads about a published result, and the appeal (keberatan) rules.
//!
//! - The "why" of a predikat: the matrix cell (row = rating hasil kerja, column = rating
//!   perilaku kerja) and a plain Indonesian sentence (DOMAIN.md section 4, 8).
//! - The appeal window: `appeal_days` days after publication, to the end of that local day
//!   (DOMAIN.md section 7: "within 14 days of the predikat being published").
//! - The decision of the atasan pejabat penilai: keep, or change the ratings; a changed
//!   predikat always comes from the matrix, never typed.

use chrono::{DateTime, Duration, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::predikat::{Predikat, Rating, predikat};

/// The matrix cell a predikat comes from, explained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct MatrixCell {
    /// The row: the rating hasil kerja.
    pub row: Rating,
    pub row_label: String,
    /// The column: the rating perilaku kerja.
    pub column: Rating,
    pub column_label: String,
    pub predikat: Predikat,
    /// The extra remark for a cell people find surprising, as a code the client writes in its
    /// own language (null for the other cells).
    pub note: Option<MatrixNote>,
    /// A plain Indonesian sentence explaining the cell. Deprecated: clients write the
    /// explanation from `row`, `column`, `predikat` and `note` in the reader's language.
    #[schema(deprecated)]
    pub explanation: String,
}

/// The remark added to the cells people find surprising.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatrixNote {
    /// Perilaku below expectations gives Kurang, however good the hasil kerja.
    PerilakuBelowGivesKurang,
    /// Sangat Baik needs both ratings above expectations.
    SangatBaikNeedsBothAbove,
}

/// The remark of a cell, if it has one.
pub fn note(hasil_kerja: Rating, perilaku: Rating) -> Option<MatrixNote> {
    match (hasil_kerja, perilaku) {
        (Rating::DiAtas | Rating::Sesuai, Rating::DiBawah) => {
            Some(MatrixNote::PerilakuBelowGivesKurang)
        }
        (Rating::Sesuai, Rating::DiAtas) => Some(MatrixNote::SangatBaikNeedsBothAbove),
        _ => None,
    }
}

/// Explains the predikat of two ratings.
pub fn explain(hasil_kerja: Rating, perilaku: Rating) -> MatrixCell {
    let p = predikat(hasil_kerja, perilaku);
    let mut explanation = format!(
        "Hasil kerja Anda dinilai {} dan perilaku kerja Anda dinilai {}. Menurut matriks \
         predikat kinerja (PermenPANRB 6/2022), baris \"{}\" dan kolom \"{}\" menghasilkan \
         predikat {}.",
        hasil_kerja.label(),
        perilaku.label(),
        hasil_kerja.label(),
        perilaku.label(),
        p.label()
    );
    // The cells people find surprising get one more sentence.
    let note = note(hasil_kerja, perilaku);
    match note {
        Some(MatrixNote::PerilakuBelowGivesKurang) => explanation.push_str(
            " Perilaku kerja di bawah ekspektasi menghasilkan predikat Kurang, \
             sebaik apa pun hasil kerjanya.",
        ),
        Some(MatrixNote::SangatBaikNeedsBothAbove) => explanation.push_str(
            " Predikat Sangat Baik hanya diberikan bila hasil kerja dan perilaku kerja \
             sama-sama di atas ekspektasi.",
        ),
        None => {}
    }
    MatrixCell {
        row: hasil_kerja,
        row_label: hasil_kerja.label().into(),
        column: perilaku,
        column_label: perilaku.label().into(),
        predikat: p,
        note,
        explanation,
    }
}

/// The last instant an appeal may be filed: the end of the local day `days` days after
/// publication.
pub fn deadline(published_at: DateTime<Utc>, days: i64, offset: FixedOffset) -> DateTime<Utc> {
    let local_day = published_at.with_timezone(&offset).date_naive() + Duration::days(days);
    let end = local_day
        .and_hms_milli_opt(23, 59, 59, 999)
        .and_then(|t| t.and_local_timezone(offset).single());
    match end {
        Some(t) => t.with_timezone(&Utc),
        // Unreachable with a fixed offset; fall back to the plain count of days.
        None => published_at + Duration::days(days),
    }
}

/// Whether `now` is still within the appeal window.
pub fn within(
    now: DateTime<Utc>,
    published_at: DateTime<Utc>,
    days: i64,
    offset: FixedOffset,
) -> bool {
    now <= deadline(published_at, days, offset)
}

/// The decision on an appeal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The ratings stay as they were.
    Keep,
    /// The ratings change; the predikat follows from the matrix.
    Change,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Keep => "keep",
            Decision::Change => "change",
        }
    }
}

/// The ratings after a decision, or `(field, message)` when the request contradicts itself.
/// "keep" takes no ratings; "change" needs at least one rating and must change something.
pub fn decide(
    decision: Decision,
    old: (Rating, Rating),
    new_hasil_kerja: Option<Rating>,
    new_perilaku: Option<Rating>,
) -> Result<(Rating, Rating, Predikat), (&'static str, String)> {
    match decision {
        Decision::Keep => {
            if new_hasil_kerja.is_some() || new_perilaku.is_some() {
                return Err((
                    "decision",
                    "Keputusan \"keep\" tidak mengubah rating; kosongkan rating baru atau pilih \"change\"".into(),
                ));
            }
            Ok((old.0, old.1, predikat(old.0, old.1)))
        }
        Decision::Change => {
            if new_hasil_kerja.is_none() && new_perilaku.is_none() {
                return Err((
                    "rating_hasil_kerja",
                    "Isi rating hasil kerja dan/atau rating perilaku yang baru".into(),
                ));
            }
            let hk = new_hasil_kerja.unwrap_or(old.0);
            let pk = new_perilaku.unwrap_or(old.1);
            if (hk, pk) == old {
                return Err((
                    "rating_hasil_kerja",
                    "Rating baru sama dengan rating lama; pilih \"keep\" bila tidak diubah".into(),
                ));
            }
            Ok((hk, pk, predikat(hk, pk)))
        }
    }
}

impl Decision {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "keep" => Some(Decision::Keep),
            "change" => Some(Decision::Change),
            _ => None,
        }
    }
}

// Status of an appeal as stored: filed until the decision, then decided (final). The doc
// line below is the OpenAPI description and stays as it was.
/// Status of an appeal (documentation type).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppealStatus {
    Filed,
    Decided,
}

impl AppealStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AppealStatus::Filed => "filed",
            AppealStatus::Decided => "decided",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "filed" => Some(AppealStatus::Filed),
            "decided" => Some(AppealStatus::Decided),
            _ => None,
        }
    }

    /// Whether a stored status is still open (filed, not decided).
    pub fn is_open(stored: &str) -> bool {
        AppealStatus::parse(stored) == Some(AppealStatus::Filed)
    }
}

/// The party whose statement an appeal still waits for from the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatementSide {
    /// The employee who appealed.
    Employee,
    /// The pejabat penilai whose rating is appealed.
    Penilai,
}

/// Which appeals to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppealRole {
    /// Filed by me.
    Mine,
    /// Against evaluations I made (as pejabat penilai).
    Penilai,
    /// For me to decide (as atasan pejabat penilai; HR/admin also get those HR decides).
    ToDecide,
    /// Every appeal (admin, HR, auditor).
    All,
}

impl AppealRole {
    pub fn as_str(self) -> &'static str {
        match self {
            AppealRole::Mine => "mine",
            AppealRole::Penilai => "penilai",
            AppealRole::ToDecide => "to_decide",
            AppealRole::All => "all",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "mine" => Some(AppealRole::Mine),
            "penilai" => Some(AppealRole::Penilai),
            "to_decide" => Some(AppealRole::ToDecide),
            "all" => Some(AppealRole::All),
            _ => None,
        }
    }
}

/// Whether the employee may still file an appeal: none filed yet and the deadline (when
/// the period is published) not passed.
pub fn can_still_appeal(
    already_filed: bool,
    now: DateTime<Utc>,
    published_at: Option<DateTime<Utc>>,
    days: i64,
    offset: FixedOffset,
) -> bool {
    !already_filed && published_at.is_some_and(|t| within(now, t, days, offset))
}

/// The decider recorded on a new appeal: the penilai's direct supervisor (the atasan
/// pejabat penilai); when the penilai has none (or it is the employee themself), the
/// penilai, which records that HR decides.
pub fn decider_of(
    penilai_id: uuid::Uuid,
    penilai_supervisor: Option<uuid::Uuid>,
    employee_id: uuid::Uuid,
) -> uuid::Uuid {
    penilai_supervisor
        .filter(|s| *s != employee_id)
        .unwrap_or(penilai_id)
}

/// Days the pejabat penilai has, from the filing, to give a statement on an appeal. After
/// the end of that local day the atasan may decide without it (a recorded lapse).
pub const PENILAI_STATEMENT_DAYS: i64 = 7;

/// The last instant of the penilai's statement: the end of the local day
/// [`PENILAI_STATEMENT_DAYS`] days after filing.
pub fn statement_deadline(filed_at: DateTime<Utc>, offset: FixedOffset) -> DateTime<Utc> {
    deadline(filed_at, PENILAI_STATEMENT_DAYS, offset)
}

/// Whether an appeal may be decided now (DOMAIN.md: the atasan "asks both sides"): after
/// the penilai's statement, or once its deadline has lapsed. `Ok(true)` means the decision
/// rests on a lapse, which the decision records; `Err` carries the deadline still running.
pub fn ready_to_decide(
    has_penilai_statement: bool,
    filed_at: DateTime<Utc>,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Result<bool, DateTime<Utc>> {
    if has_penilai_statement {
        return Ok(false);
    }
    let due = statement_deadline(filed_at, offset);
    if now > due { Ok(true) } else { Err(due) }
}

/// A trimmed, non-empty text of at most `max` characters; else the message for the field.
pub fn required_text(value: &str, max: usize) -> Result<String, String> {
    let v = value.trim();
    if v.is_empty() {
        return Err("Wajib diisi".into());
    }
    if v.chars().count() > max {
        return Err(format!("Maksimal {max} karakter"));
    }
    Ok(v.to_string())
}

#[cfg(test)]
mod status_tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn an_appeal_waits_for_the_penilai_until_the_statement_deadline_lapses() {
        let wita = FixedOffset::east_opt(8 * 3600).unwrap();
        // Filed 10:00 WITA on 1 March; the statement is due by the end of 8 March WITA.
        let filed = Utc.with_ymd_and_hms(2026, 3, 1, 2, 0, 0).unwrap();
        let due = Utc.with_ymd_and_hms(2026, 3, 8, 15, 59, 59).unwrap();
        assert!(ready_to_decide(true, filed, filed, wita) == Ok(false));
        let early = ready_to_decide(false, filed, due, wita).unwrap_err();
        assert_eq!(
            early.format("%Y-%m-%d %H:%M").to_string(),
            "2026-03-08 15:59"
        );
        let lapsed = Utc.with_ymd_and_hms(2026, 3, 8, 16, 0, 0).unwrap();
        assert_eq!(ready_to_decide(false, filed, lapsed, wita), Ok(true));
    }

    #[test]
    fn appeal_vocabularies_keep_their_stored_strings() {
        for s in [AppealStatus::Filed, AppealStatus::Decided] {
            assert_eq!(AppealStatus::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_value(s).expect("json"),
                serde_json::json!(s.as_str())
            );
        }
        for r in [
            AppealRole::Mine,
            AppealRole::Penilai,
            AppealRole::ToDecide,
            AppealRole::All,
        ] {
            assert_eq!(AppealRole::parse(r.as_str()), Some(r));
        }
        for d in [Decision::Keep, Decision::Change] {
            assert_eq!(Decision::parse(d.as_str()), Some(d));
        }
        assert!(AppealStatus::is_open("filed"));
        assert!(!AppealStatus::is_open("decided"));
    }

    #[test]
    fn an_appeal_can_be_filed_once_and_only_until_the_deadline() {
        let offset = FixedOffset::east_opt(8 * 3600).expect("offset");
        let published = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
        let soon = published + Duration::days(3);
        let late = published + Duration::days(20);
        assert!(can_still_appeal(false, soon, Some(published), 14, offset));
        assert!(!can_still_appeal(true, soon, Some(published), 14, offset));
        assert!(!can_still_appeal(false, late, Some(published), 14, offset));
        assert!(!can_still_appeal(false, soon, None, 14, offset));
    }

    #[test]
    fn without_a_supervisor_of_the_penilai_hr_decides_recorded_as_the_penilai() {
        let (penilai, atasan, employee) = (
            uuid::Uuid::now_v7(),
            uuid::Uuid::now_v7(),
            uuid::Uuid::now_v7(),
        );
        assert_eq!(decider_of(penilai, Some(atasan), employee), atasan);
        assert_eq!(decider_of(penilai, None, employee), penilai);
        assert_eq!(decider_of(penilai, Some(employee), employee), penilai);
    }

    #[test]
    fn a_required_text_is_trimmed_and_bounded() {
        assert_eq!(required_text("  x ", 3), Ok("x".into()));
        assert_eq!(required_text("   ", 3), Err("Wajib diisi".into()));
        assert_eq!(required_text("abcd", 3), Err("Maksimal 3 karakter".into()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn wita() -> FixedOffset {
        FixedOffset::east_opt(8 * 3600).expect("offset")
    }

    #[test]
    fn the_deadline_is_the_end_of_the_local_day_fourteen_days_later() {
        // Published 10 March 2026 at 20:00 WITA (12:00 UTC).
        let published = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
        let d = deadline(published, 14, wita());
        // 24 March 23:59:59.999 WITA = 24 March 15:59:59.999 UTC.
        assert_eq!(
            d,
            Utc.with_ymd_and_hms(2026, 3, 24, 15, 59, 59).unwrap() + Duration::milliseconds(999)
        );
        assert!(within(d, published, 14, wita()));
        assert!(!within(
            d + Duration::milliseconds(1),
            published,
            14,
            wita()
        ));
    }

    #[test]
    fn publication_late_in_the_utc_day_counts_from_the_local_date() {
        // 17:00 UTC on 10 March is already 11 March 01:00 WITA.
        let published = Utc.with_ymd_and_hms(2026, 3, 10, 17, 0, 0).unwrap();
        let d = deadline(published, 14, wita());
        assert_eq!(
            d.with_timezone(&wita()).date_naive().to_string(),
            "2026-03-25"
        );
    }

    #[test]
    fn keep_takes_no_ratings_and_change_must_change_something() {
        let old = (Rating::Sesuai, Rating::DiBawah);
        assert_eq!(
            decide(Decision::Keep, old, None, None),
            Ok((Rating::Sesuai, Rating::DiBawah, Predikat::Kurang))
        );
        assert!(decide(Decision::Keep, old, Some(Rating::DiAtas), None).is_err());
        assert!(decide(Decision::Change, old, None, None).is_err());
        assert!(
            decide(
                Decision::Change,
                old,
                Some(Rating::Sesuai),
                Some(Rating::DiBawah)
            )
            .is_err()
        );
        assert_eq!(
            decide(Decision::Change, old, None, Some(Rating::Sesuai)),
            Ok((Rating::Sesuai, Rating::Sesuai, Predikat::Baik))
        );
        assert_eq!(
            decide(
                Decision::Change,
                old,
                Some(Rating::DiAtas),
                Some(Rating::DiAtas)
            ),
            Ok((Rating::DiAtas, Rating::DiAtas, Predikat::SangatBaik))
        );
    }

    #[test]
    fn the_explanation_names_the_cell_and_the_predikat() {
        let c = explain(Rating::DiAtas, Rating::DiBawah);
        assert_eq!(c.predikat, Predikat::Kurang);
        assert_eq!(c.row, Rating::DiAtas);
        assert_eq!(c.column, Rating::DiBawah);
        assert!(
            c.explanation.contains("predikat Kurang"),
            "{}",
            c.explanation
        );
        assert!(
            c.explanation.contains("sebaik apa pun"),
            "{}",
            c.explanation
        );
        let sb = explain(Rating::DiAtas, Rating::DiAtas);
        assert!(sb.explanation.contains("predikat Sangat Baik"));
    }

    #[test]
    fn the_surprising_cells_carry_a_note_code_the_others_none() {
        use Rating::*;
        assert_eq!(
            explain(DiAtas, DiBawah).note,
            Some(MatrixNote::PerilakuBelowGivesKurang)
        );
        assert_eq!(
            explain(Sesuai, DiBawah).note,
            Some(MatrixNote::PerilakuBelowGivesKurang)
        );
        assert_eq!(
            explain(Sesuai, DiAtas).note,
            Some(MatrixNote::SangatBaikNeedsBothAbove)
        );
        for (hk, pk) in [
            (DiAtas, DiAtas),
            (Sesuai, Sesuai),
            (DiBawah, DiBawah),
            (DiBawah, DiAtas),
        ] {
            assert_eq!(explain(hk, pk).note, None, "{hk:?}/{pk:?}");
        }
        // The deprecated sentence still carries the same remark as the code.
        assert!(
            explain(Sesuai, DiAtas)
                .explanation
                .contains("sama-sama di atas")
        );
    }
}
