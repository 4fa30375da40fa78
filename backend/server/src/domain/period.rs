//! The life of an evaluation period: draft → open → closed → published.
//!
//! Every transition is checked here; the API answers a refused one with 409.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The month names of Indonesian dates, January first.
pub const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// A checked period span: the quarter (1–4) or month (1–12) of `year` it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub year: i32,
    pub number: u32,
    /// `Triwulan II 2026` or `Mei 2026`.
    pub name: String,
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// Checks that `starts_on`..=`ends_on` is exactly one quarter (`quarterly`) or one month
/// (`monthly`) of `year`. Errors are `(field, message)` in Indonesian.
pub fn span(
    year: i32,
    kind: &str,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
) -> Result<Span, (&'static str, String)> {
    if !(2000..=2100).contains(&year) {
        return Err(("year", "Tahun harus antara 2000 dan 2100".into()));
    }
    if starts_on.year() != year || ends_on.year() != year {
        return Err((
            "starts_on",
            format!("Tanggal periode harus di tahun {year}"),
        ));
    }
    if ends_on < starts_on {
        return Err((
            "ends_on",
            "Tanggal akhir harus setelah tanggal mulai".into(),
        ));
    }
    if starts_on.day() != 1 {
        return Err(("starts_on", "Periode dimulai pada tanggal 1".into()));
    }
    let m = starts_on.month();
    match kind {
        "quarterly" => {
            if !(m - 1).is_multiple_of(3) {
                return Err((
                    "starts_on",
                    "Triwulan dimulai 1 Januari, 1 April, 1 Juli atau 1 Oktober".into(),
                ));
            }
            if Some(ends_on) != last_day_of_month(year, m + 2) {
                return Err((
                    "ends_on",
                    "Triwulan berakhir pada hari terakhir bulan ketiga".into(),
                ));
            }
            let q = (m - 1) / 3 + 1;
            let roman = ["I", "II", "III", "IV"][(q - 1) as usize];
            Ok(Span {
                year,
                number: q,
                name: format!("Triwulan {roman} {year}"),
            })
        }
        "monthly" => {
            if Some(ends_on) != last_day_of_month(year, m) {
                return Err((
                    "ends_on",
                    "Periode bulanan berakhir pada hari terakhir bulan itu".into(),
                ));
            }
            Ok(Span {
                year,
                number: m,
                name: format!("{} {year}", MONTHS[(m - 1) as usize]),
            })
        }
        _ => Err(("kind", "Jenis periode harus quarterly atau monthly".into())),
    }
}

/// How long after the end of a period its deadlines may fall (our choice: rating and 360
/// rounds usually close in the weeks after the quarter; two months is generous).
pub const DEADLINE_GRACE_DAYS: i64 = 60;

/// Checks that a deadline (360 round or evaluation) lies within the period or at most
/// [`DEADLINE_GRACE_DAYS`] after its end. The error message is Indonesian.
pub fn check_deadline(
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    date: NaiveDate,
) -> Result<(), String> {
    let latest = ends_on + chrono::Duration::days(DEADLINE_GRACE_DAYS);
    if date < starts_on || date > latest {
        return Err(format!(
            "Tenggat harus antara {} dan {} (paling lambat {} hari setelah periode berakhir)",
            starts_on, latest, DEADLINE_GRACE_DAYS
        ));
    }
    Ok(())
}

/// Whether a period is the year's annual evaluation (Triwulan IV, or December for monthly
/// periods), whose result SIASN takes as `skp22`.
pub fn is_annual(kind: &str, number: i32) -> bool {
    matches!((kind, number), ("quarterly", 4) | ("monthly", 12))
}

// Period length: a quarter or a month of the year (stored as `quarterly` / `monthly`). The
// doc line below is the OpenAPI description and stays as it was.
/// Period length (documentation type).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    Quarterly,
    Monthly,
}

impl PeriodKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodKind::Quarterly => "quarterly",
            PeriodKind::Monthly => "monthly",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "quarterly" => Some(PeriodKind::Quarterly),
            "monthly" => Some(PeriodKind::Monthly),
            _ => None,
        }
    }
}

/// Why a period cannot be published yet: the codes of the units with evaluations whose
/// distribution is not finalised (SE MenPANRB 3/2023). `None` when nothing blocks it.
pub fn publication_blocker(unfinalised_unit_codes: &[&str]) -> Option<String> {
    if unfinalised_unit_codes.is_empty() {
        return None;
    }
    Some(format!(
        "{} unit belum difinalisasi (kurva distribusi): {}",
        unfinalised_unit_codes.len(),
        unfinalised_unit_codes.join(", ")
    ))
}

/// A unit member in a period as the completeness rule sees them (ADR 0018).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Member {
    /// Active in the master data.
    pub active: bool,
    /// Has a direct supervisor in the system, who rates them. The heads of offices without
    /// one are evaluated outside the system and are not in scope.
    pub has_rater: bool,
    /// Has a final evaluation in the period.
    pub final_evaluation: bool,
    /// HR recorded an exemption for the period.
    pub exempt: bool,
}

impl Member {
    /// Whether the period's completeness counts this member: active and rated here.
    pub fn in_scope(self) -> bool {
        self.active && self.has_rater
    }

    /// Whether the member blocks finalisation and publication: in scope, with neither a
    /// final evaluation nor an exemption.
    pub fn blocks(self) -> bool {
        self.in_scope() && !self.final_evaluation && !self.exempt
    }
}

/// How many blockers a message names before "and n more" (the error's details list all).
const NAMED_IN_MESSAGE: usize = 5;

fn named(labels: &[String]) -> String {
    let shown = labels
        .iter()
        .take(NAMED_IN_MESSAGE)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    match labels.len().saturating_sub(NAMED_IN_MESSAGE) {
        0 => shown,
        more => format!("{shown} dan {more} lainnya"),
    }
}

/// Why a unit cannot be finalised: its blocking members (labelled `NIP Name`). `None` when
/// nobody blocks.
pub fn unit_incomplete(blockers: &[String]) -> Option<String> {
    if blockers.is_empty() {
        return None;
    }
    Some(format!(
        "{} pegawai di unit ini belum memiliki penilaian final dan tidak dikecualikan: {}",
        blockers.len(),
        named(blockers)
    ))
}

/// Why a period cannot be published: the blocking employees (labelled `NIP Name (unit)`)
/// across `units` units. `None` when nobody blocks.
pub fn period_incomplete(blockers: &[String], units: usize) -> Option<String> {
    if blockers.is_empty() {
        return None;
    }
    Some(format!(
        "{} pegawai di {} unit belum memiliki penilaian final maupun pengecualian: {}",
        blockers.len(),
        units,
        named(blockers)
    ))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodState {
    Draft,
    Open,
    Closed,
    Published,
}

impl PeriodState {
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodState::Draft => "draft",
            PeriodState::Open => "open",
            PeriodState::Closed => "closed",
            PeriodState::Published => "published",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(PeriodState::Draft),
            "open" => Some(PeriodState::Open),
            "closed" => Some(PeriodState::Closed),
            "published" => Some(PeriodState::Published),
            _ => None,
        }
    }

    /// The state after `to`, or why it is refused (Indonesian, for the 409 message).
    pub fn transition(self, to: PeriodState) -> Result<PeriodState, String> {
        use PeriodState::*;
        match (self, to) {
            (Draft, Open) | (Open, Closed) | (Closed, Published) => Ok(to),
            // Reopening a closed period is allowed until results are published.
            (Closed, Open) => Ok(to),
            (from, to) if from == to => Err(format!("Periode sudah berstatus {}", from.as_str())),
            (Published, _) => Err("Periode yang sudah dipublikasikan tidak dapat diubah".into()),
            (from, to) => Err(format!(
                "Periode berstatus {} tidak dapat langsung menjadi {}",
                from.as_str(),
                to.as_str()
            )),
        }
    }
}

#[cfg(test)]
mod kind_tests {
    use super::*;

    #[test]
    fn a_period_kind_round_trips_through_its_stored_string() {
        for k in [PeriodKind::Quarterly, PeriodKind::Monthly] {
            assert_eq!(PeriodKind::parse(k.as_str()), Some(k));
            assert_eq!(
                serde_json::to_value(k).expect("json"),
                serde_json::json!(k.as_str())
            );
        }
        assert_eq!(PeriodKind::parse("yearly"), None);
    }

    #[test]
    fn only_active_rated_members_without_a_result_or_exemption_block() {
        let m = Member {
            active: true,
            has_rater: true,
            final_evaluation: false,
            exempt: false,
        };
        assert!(m.blocks());
        assert!(
            !Member {
                final_evaluation: true,
                ..m
            }
            .blocks()
        );
        assert!(!Member { exempt: true, ..m }.blocks());
        assert!(!Member { active: false, ..m }.blocks());
        // Heads without a supervisor in the system are evaluated outside it.
        assert!(
            !Member {
                has_rater: false,
                ..m
            }
            .blocks()
        );
    }

    #[test]
    fn incomplete_units_and_periods_name_their_blockers() {
        assert_eq!(unit_incomplete(&[]), None);
        assert_eq!(period_incomplete(&[], 0), None);
        let one = vec!["199001012015011001 Ani".to_string()];
        assert_eq!(
            unit_incomplete(&one).expect("blocked"),
            "1 pegawai di unit ini belum memiliki penilaian final dan tidak dikecualikan: \
             199001012015011001 Ani"
        );
        let many: Vec<String> = (1..=7).map(|i| format!("P{i}")).collect();
        let why = period_incomplete(&many, 2).expect("blocked");
        assert!(why.starts_with("7 pegawai di 2 unit"), "{why}");
        assert!(why.ends_with("P1, P2, P3, P4, P5 dan 2 lainnya"), "{why}");
    }

    #[test]
    fn unfinalised_units_block_publication_and_are_named() {
        assert_eq!(publication_blocker(&[]), None);
        let why = publication_blocker(&["K01", "K02"]).expect("blocked");
        assert_eq!(
            why,
            "2 unit belum difinalisasi (kurva distribusi): K01, K02"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::PeriodState::*;
    use super::span;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn quarters_and_months_are_recognised_and_named() {
        let q2 = span(2026, "quarterly", d(2026, 4, 1), d(2026, 6, 30)).expect("q2");
        assert_eq!((q2.number, q2.name.as_str()), (2, "Triwulan II 2026"));
        let q4 = span(2026, "quarterly", d(2026, 10, 1), d(2026, 12, 31)).expect("q4");
        assert_eq!(q4.name, "Triwulan IV 2026");
        let feb = span(2028, "monthly", d(2028, 2, 1), d(2028, 2, 29)).expect("leap feb");
        assert_eq!((feb.number, feb.name.as_str()), (2, "Februari 2028"));
    }

    #[test]
    fn ragged_spans_name_the_failing_field() {
        assert_eq!(
            span(2026, "quarterly", d(2026, 2, 1), d(2026, 4, 30))
                .expect_err("x")
                .0,
            "starts_on"
        );
        assert_eq!(
            span(2026, "quarterly", d(2026, 1, 1), d(2026, 3, 30))
                .expect_err("x")
                .0,
            "ends_on"
        );
        assert_eq!(
            span(2026, "monthly", d(2026, 1, 2), d(2026, 1, 31))
                .expect_err("x")
                .0,
            "starts_on"
        );
        assert_eq!(
            span(2026, "quarterly", d(2025, 1, 1), d(2025, 3, 31))
                .expect_err("x")
                .0,
            "starts_on"
        );
        assert_eq!(
            span(2026, "weekly", d(2026, 1, 1), d(2026, 1, 7))
                .expect_err("x")
                .0,
            "kind"
        );
    }

    #[test]
    fn the_forward_path_is_allowed() {
        assert_eq!(Draft.transition(Open), Ok(Open));
        assert_eq!(Open.transition(Closed), Ok(Closed));
        assert_eq!(Closed.transition(Published), Ok(Published));
        assert_eq!(Closed.transition(Open), Ok(Open));
    }

    #[test]
    fn skipping_going_back_and_repeating_are_refused() {
        assert!(Draft.transition(Closed).is_err());
        assert!(Draft.transition(Published).is_err());
        assert!(Open.transition(Published).is_err());
        assert!(Open.transition(Draft).is_err());
        assert!(Published.transition(Closed).is_err());
        assert!(Open.transition(Open).is_err());
    }
    #[test]
    fn deadlines_lie_within_the_period_or_shortly_after() {
        let (from, to) = (d(2026, 4, 1), d(2026, 6, 30));
        assert!(super::check_deadline(from, to, d(2026, 4, 1)).is_ok());
        assert!(super::check_deadline(from, to, d(2026, 6, 30)).is_ok());
        assert!(super::check_deadline(from, to, d(2026, 8, 29)).is_ok());
        assert!(super::check_deadline(from, to, d(2026, 8, 30)).is_err());
        assert!(super::check_deadline(from, to, d(2026, 3, 31)).is_err());
    }

    #[test]
    fn the_fourth_quarter_and_december_are_annual() {
        assert!(super::is_annual("quarterly", 4));
        assert!(super::is_annual("monthly", 12));
        assert!(!super::is_annual("quarterly", 3));
        assert!(!super::is_annual("monthly", 4));
    }
}
