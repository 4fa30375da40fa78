//! The distribution curve of predikat within a unit (SE MenPANRB 3/2023), given the unit's
//! organisational result for the period.
//!
//! No rounding rule is published. Our choice (DOMAIN.md section 7): limits are rounded in
//! the employees' favour — a maximum rounds up, a minimum rounds down — and a unit with
//! fewer than 5 employees gets warnings, never a violation. The rules, per org result:
//!
//! | org result | rules |
//! |---|---|
//! | Istimewa | Sangat Baik at most 70% |
//! | Baik | Baik at most 70%; Butuh Perbaikan or Kurang at least 1 employee |
//! | Butuh Perbaikan | Butuh Perbaikan at least 60%; Sangat Baik at most 10% |
//! | Kurang | Kurang at least 60%; Butuh Perbaikan at least 10%; Sangat Baik at most 10% |
//! | Sangat Kurang | Sangat Kurang at least 60%; Kurang or Butuh Perbaikan at least 10%; no Sangat Baik |
//!
//! ("The rest any" needs no rule: every predikat is allowed for the rest.)

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::predikat::Predikat;

/// The unit's organisational result, set by the leader one level up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrgResult {
    Istimewa,
    Baik,
    ButuhPerbaikan,
    Kurang,
    SangatKurang,
}

impl OrgResult {
    pub const ALL: [OrgResult; 5] = [
        OrgResult::Istimewa,
        OrgResult::Baik,
        OrgResult::ButuhPerbaikan,
        OrgResult::Kurang,
        OrgResult::SangatKurang,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgResult::Istimewa => "istimewa",
            OrgResult::Baik => "baik",
            OrgResult::ButuhPerbaikan => "butuh_perbaikan",
            OrgResult::Kurang => "kurang",
            OrgResult::SangatKurang => "sangat_kurang",
        }
    }

    pub fn parse(s: &str) -> Option<OrgResult> {
        OrgResult::ALL.into_iter().find(|o| o.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            OrgResult::Istimewa => "Istimewa",
            OrgResult::Baik => "Baik",
            OrgResult::ButuhPerbaikan => "Butuh Perbaikan",
            OrgResult::Kurang => "Kurang",
            OrgResult::SangatKurang => "Sangat Kurang",
        }
    }
}

/// Units smaller than this get warnings instead of violations.
pub const SMALL_UNIT: usize = 5;

/// How a rule bounds its count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// At most `percent`% (the limit rounds up).
    AtMost,
    /// At least `percent`% (the limit rounds down).
    AtLeast,
    /// At least `limit` employees.
    AtLeastCount,
    /// None at all.
    None,
}

/// One rule of the curve and how the unit stands against it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct RuleCheck {
    /// Human-readable rule, in Indonesian.
    pub rule: String,
    pub kind: RuleKind,
    /// The predikat(s) the rule counts.
    pub predikats: Vec<Predikat>,
    /// The percentage of the regulation, for percentage rules.
    pub percent: Option<u32>,
    /// Employees allowed at most / required at least, after rounding.
    pub limit: usize,
    /// Employees the unit has in the predikat(s) the rule counts.
    pub actual: usize,
    pub satisfied: bool,
    /// What breaks, as a plain Indonesian sentence; `None` when satisfied.
    pub message: Option<String>,
}

/// The outcome of checking a unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct CurveCheck {
    pub employees: usize,
    pub rules: Vec<RuleCheck>,
    /// True when every rule holds.
    pub conforms: bool,
    /// True when rules fail but the unit is small: finalising needs no override.
    pub warning_only: bool,
}

impl CurveCheck {
    /// Whether finalising needs an override reason (rules break in a unit of 5 or more).
    pub fn needs_override(&self) -> bool {
        !self.conforms && !self.warning_only
    }

    /// The sentences of the broken rules.
    pub fn broken(&self) -> Vec<String> {
        self.rules
            .iter()
            .filter_map(|r| r.message.clone())
            .collect()
    }
}

#[derive(Clone, Copy)]
enum Bound {
    /// At most `pct` percent, rounded up.
    AtMost(u32),
    /// At least `pct` percent, rounded down.
    AtLeast(u32),
    /// At least this many employees.
    AtLeastCount(usize),
    /// None at all.
    None,
}

fn ceil_pct(n: usize, pct: u32) -> usize {
    (n * pct as usize).div_ceil(100)
}

fn floor_pct(n: usize, pct: u32) -> usize {
    n * pct as usize / 100
}

fn label(ps: &[Predikat]) -> String {
    ps.iter()
        .map(|p| p.label())
        .collect::<Vec<_>>()
        .join(" atau ")
}

/// The rules of an organisational result: the predikats counted and their bound.
fn rules_of(org: OrgResult) -> Vec<(&'static [Predikat], Bound)> {
    use Predikat::*;
    match org {
        OrgResult::Istimewa => vec![(&[SangatBaik], Bound::AtMost(70))],
        OrgResult::Baik => vec![
            (&[Baik], Bound::AtMost(70)),
            (&[ButuhPerbaikan, Kurang], Bound::AtLeastCount(1)),
        ],
        OrgResult::ButuhPerbaikan => vec![
            (&[ButuhPerbaikan], Bound::AtLeast(60)),
            (&[SangatBaik], Bound::AtMost(10)),
        ],
        OrgResult::Kurang => vec![
            (&[Kurang], Bound::AtLeast(60)),
            (&[ButuhPerbaikan], Bound::AtLeast(10)),
            (&[SangatBaik], Bound::AtMost(10)),
        ],
        OrgResult::SangatKurang => vec![
            (&[SangatKurang], Bound::AtLeast(60)),
            (&[Kurang, ButuhPerbaikan], Bound::AtLeast(10)),
            (&[SangatBaik], Bound::None),
        ],
    }
}

/// Checks the predikats of a unit against the rule of its organisational result.
pub fn check(org: OrgResult, predikats: &[Predikat]) -> CurveCheck {
    let n = predikats.len();
    let count = |ps: &[Predikat]| predikats.iter().filter(|p| ps.contains(p)).count();
    let checks: Vec<RuleCheck> = rules_of(org)
        .into_iter()
        .map(|(ps, bound)| {
            let actual = count(ps);
            let what = label(ps);
            let (kind, percent, rule, limit, satisfied) = match bound {
                Bound::AtMost(pct) => {
                    let l = ceil_pct(n, pct);
                    let rule = format!("{what} paling banyak {pct}%");
                    (RuleKind::AtMost, Some(pct), rule, l, actual <= l)
                }
                Bound::AtLeast(pct) => {
                    let l = floor_pct(n, pct);
                    let rule = format!("{what} paling sedikit {pct}%");
                    (RuleKind::AtLeast, Some(pct), rule, l, actual >= l)
                }
                Bound::AtLeastCount(c) => {
                    let rule = format!("{what} paling sedikit {c} orang");
                    (RuleKind::AtLeastCount, None, rule, c, actual >= c)
                }
                Bound::None => (
                    RuleKind::None,
                    None,
                    format!("tidak ada {what}"),
                    0,
                    actual == 0,
                ),
            };
            let message = (!satisfied).then(|| match kind {
                RuleKind::AtMost => format!(
                    "Predikat {what} paling banyak {limit} dari {n} pegawai ({}%, dibulatkan ke atas), tetapi ada {actual} pegawai.",
                    percent.unwrap_or_default()
                ),
                RuleKind::AtLeast => format!(
                    "Predikat {what} paling sedikit {limit} dari {n} pegawai ({}%, dibulatkan ke bawah), tetapi hanya ada {actual} pegawai.",
                    percent.unwrap_or_default()
                ),
                RuleKind::AtLeastCount => format!(
                    "Paling sedikit {limit} pegawai harus berpredikat {what}, tetapi hanya ada {actual}."
                ),
                RuleKind::None => format!(
                    "Tidak boleh ada pegawai berpredikat {what}, tetapi ada {actual} pegawai."
                ),
            });
            RuleCheck {
                rule,
                kind,
                predikats: ps.to_vec(),
                percent,
                limit,
                actual,
                satisfied,
                message,
            }
        })
        .collect();
    let conforms = checks.iter().all(|c| c.satisfied);
    CurveCheck {
        employees: n,
        warning_only: !conforms && n < SMALL_UNIT,
        rules: checks,
        conforms,
    }
}

/// Shortest override reason accepted when finalising a unit whose curve breaks.
pub const OVERRIDE_MIN: usize = 10;
/// Longest override reason accepted.
pub const OVERRIDE_MAX: usize = 2000;

/// A trimmed override reason (`None` when empty), or the message when too short or long.
pub fn clean_override_reason(raw: Option<&str>) -> Result<Option<String>, String> {
    let Some(r) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    let len = r.chars().count();
    if len < OVERRIDE_MIN {
        return Err(format!("Alasan minimal {OVERRIDE_MIN} karakter"));
    }
    if len > OVERRIDE_MAX {
        return Err(format!("Alasan maksimal {OVERRIDE_MAX} karakter"));
    }
    Ok(Some(r.to_string()))
}

/// Share of `n` in `total`, in percent with one decimal (0 for an empty unit).
pub fn percentage(n: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        (n as f64 * 1000.0 / total as f64).round() / 10.0
    }
}

/// The warning shown for a small unit whose rules break (they never block).
pub fn small_unit_warning(employees: usize, curve: &CurveCheck) -> Option<String> {
    curve.warning_only.then(|| {
        format!(
            "Unit ini hanya memiliki {employees} pegawai yang dinilai (kurang dari {SMALL_UNIT}); \
             kurva distribusi tidak terpenuhi ({}) tetapi hanya menjadi peringatan.",
            curve.broken().join(" ")
        )
    })
}

#[cfg(test)]
mod finalise_tests {
    use super::*;

    #[test]
    fn an_override_reason_needs_ten_to_two_thousand_characters() {
        assert_eq!(clean_override_reason(None), Ok(None));
        assert_eq!(clean_override_reason(Some("  ")), Ok(None));
        assert!(clean_override_reason(Some("pendek")).is_err());
        assert_eq!(
            clean_override_reason(Some(" cukup panjang ")),
            Ok(Some("cukup panjang".into()))
        );
        assert!(clean_override_reason(Some(&"x".repeat(2001))).is_err());
    }

    #[test]
    fn percentages_have_one_decimal_and_an_empty_unit_has_none() {
        assert_eq!(percentage(1, 3), 33.3);
        assert_eq!(percentage(2, 3), 66.7);
        assert_eq!(percentage(0, 0), 0.0);
    }

    #[test]
    fn an_org_result_code_keeps_its_stored_string() {
        for r in OrgResult::ALL {
            assert_eq!(OrgResult::parse(r.as_str()), Some(r));
            assert_eq!(
                serde_json::to_value(r).expect("json"),
                serde_json::json!(r.as_str())
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Predikat::*;

    fn unit(spec: &[(Predikat, usize)]) -> Vec<Predikat> {
        spec.iter()
            .flat_map(|(p, n)| std::iter::repeat_n(*p, *n))
            .collect()
    }

    /// The (limit, actual, satisfied) of each rule.
    fn outcome(org: OrgResult, spec: &[(Predikat, usize)]) -> Vec<(usize, usize, bool)> {
        check(org, &unit(spec))
            .rules
            .iter()
            .map(|r| (r.limit, r.actual, r.satisfied))
            .collect()
    }

    #[test]
    fn istimewa_allows_at_most_70_percent_sangat_baik_rounded_up() {
        // 10 employees: at most 7.
        assert_eq!(
            outcome(OrgResult::Istimewa, &[(SangatBaik, 7), (Baik, 3)]),
            vec![(7, 7, true)]
        );
        assert_eq!(
            outcome(OrgResult::Istimewa, &[(SangatBaik, 8), (Baik, 2)]),
            vec![(7, 8, false)]
        );
        assert_eq!(
            outcome(OrgResult::Istimewa, &[(SangatBaik, 6), (Kurang, 4)]),
            vec![(7, 6, true)]
        );
        // 9 employees: 6.3 rounds up to 7.
        assert!(check(OrgResult::Istimewa, &unit(&[(SangatBaik, 7), (Baik, 2)])).conforms);
        assert!(!check(OrgResult::Istimewa, &unit(&[(SangatBaik, 8), (Baik, 1)])).conforms);
        // 5 employees: 3.5 rounds up to 4.
        assert_eq!(
            outcome(OrgResult::Istimewa, &[(SangatBaik, 4), (Baik, 1)]),
            vec![(4, 4, true)]
        );
        assert_eq!(
            outcome(OrgResult::Istimewa, &[(SangatBaik, 5)]),
            vec![(4, 5, false)]
        );
    }

    #[test]
    fn baik_needs_at_most_70_percent_baik_and_one_low_predikat() {
        assert_eq!(
            outcome(
                OrgResult::Baik,
                &[(Baik, 7), (SangatBaik, 2), (ButuhPerbaikan, 1)]
            ),
            vec![(7, 7, true), (1, 1, true)]
        );
        assert_eq!(
            outcome(OrgResult::Baik, &[(Baik, 8), (Kurang, 2)]),
            vec![(7, 8, false), (1, 2, true)]
        );
        assert_eq!(
            outcome(OrgResult::Baik, &[(Baik, 7), (SangatBaik, 3)]),
            vec![(7, 7, true), (1, 0, false)]
        );
        // Kurang counts as the low predikat too; Sangat Kurang does not.
        assert!(
            check(
                OrgResult::Baik,
                &unit(&[(Baik, 6), (Kurang, 1), (SangatBaik, 3)])
            )
            .conforms
        );
        assert!(
            !check(
                OrgResult::Baik,
                &unit(&[(Baik, 6), (SangatKurang, 1), (SangatBaik, 3)])
            )
            .conforms
        );
        // 6 employees: 4.2 rounds up to 5.
        assert_eq!(
            outcome(OrgResult::Baik, &[(Baik, 5), (Kurang, 1)]),
            vec![(5, 5, true), (1, 1, true)]
        );
    }

    #[test]
    fn butuh_perbaikan_needs_60_percent_rounded_down_and_at_most_10_percent_sangat_baik() {
        // 10 employees: at least 6 BP, at most 1 SB.
        assert_eq!(
            outcome(
                OrgResult::ButuhPerbaikan,
                &[(ButuhPerbaikan, 6), (Baik, 3), (SangatBaik, 1)]
            ),
            vec![(6, 6, true), (1, 1, true)]
        );
        assert_eq!(
            outcome(OrgResult::ButuhPerbaikan, &[(ButuhPerbaikan, 5), (Baik, 5)]),
            vec![(6, 5, false), (1, 0, true)]
        );
        assert_eq!(
            outcome(
                OrgResult::ButuhPerbaikan,
                &[(ButuhPerbaikan, 7), (Baik, 1), (SangatBaik, 2)]
            ),
            vec![(6, 7, true), (1, 2, false)]
        );
        // 9 employees: at least floor(5.4) = 5 BP; at most ceil(0.9) = 1 SB.
        let ok = unit(&[(ButuhPerbaikan, 5), (Baik, 3), (SangatBaik, 1)]);
        assert!(check(OrgResult::ButuhPerbaikan, &ok).conforms);
        let few = unit(&[(ButuhPerbaikan, 4), (Baik, 5)]);
        assert!(!check(OrgResult::ButuhPerbaikan, &few).conforms);
    }

    #[test]
    fn kurang_needs_60_percent_kurang_10_percent_butuh_perbaikan_and_few_sangat_baik() {
        // 10 employees: at least 6 K, at least 1 BP, at most 1 SB.
        assert_eq!(
            outcome(
                OrgResult::Kurang,
                &[(Kurang, 6), (ButuhPerbaikan, 1), (SangatBaik, 1), (Baik, 2)]
            ),
            vec![(6, 6, true), (1, 1, true), (1, 1, true)]
        );
        assert_eq!(
            outcome(
                OrgResult::Kurang,
                &[(Kurang, 5), (ButuhPerbaikan, 1), (Baik, 4)]
            ),
            vec![(6, 5, false), (1, 1, true), (1, 0, true)]
        );
        assert_eq!(
            outcome(OrgResult::Kurang, &[(Kurang, 7), (Baik, 3)]),
            vec![(6, 7, true), (1, 0, false), (1, 0, true)]
        );
        assert_eq!(
            outcome(
                OrgResult::Kurang,
                &[(Kurang, 6), (ButuhPerbaikan, 2), (SangatBaik, 2)]
            ),
            vec![(6, 6, true), (1, 2, true), (1, 2, false)]
        );
        // 9 employees: 10% of 9 rounds down to 0, so no Butuh Perbaikan is required.
        assert_eq!(
            outcome(OrgResult::Kurang, &[(Kurang, 6), (Baik, 3)]),
            vec![(5, 6, true), (0, 0, true), (1, 0, true)]
        );
    }

    #[test]
    fn sangat_kurang_needs_60_percent_and_forbids_sangat_baik() {
        // 10 employees: at least 6 SK, at least 1 K or BP, no SB.
        assert_eq!(
            outcome(
                OrgResult::SangatKurang,
                &[(SangatKurang, 6), (Kurang, 1), (Baik, 3)]
            ),
            vec![(6, 6, true), (1, 1, true), (0, 0, true)]
        );
        assert_eq!(
            outcome(
                OrgResult::SangatKurang,
                &[(SangatKurang, 5), (ButuhPerbaikan, 1), (Baik, 4)]
            ),
            vec![(6, 5, false), (1, 1, true), (0, 0, true)]
        );
        assert_eq!(
            outcome(OrgResult::SangatKurang, &[(SangatKurang, 7), (Baik, 3)]),
            vec![(6, 7, true), (1, 0, false), (0, 0, true)]
        );
        let with_sb = unit(&[(SangatKurang, 6), (Kurang, 1), (SangatBaik, 1), (Baik, 2)]);
        let c = check(OrgResult::SangatKurang, &with_sb);
        assert!(!c.conforms);
        assert_eq!((c.rules[2].limit, c.rules[2].actual), (0, 1));
    }

    #[test]
    fn a_broken_rule_explains_itself_in_indonesian() {
        let c = check(OrgResult::Istimewa, &unit(&[(SangatBaik, 8), (Baik, 2)]));
        assert_eq!(
            c.broken(),
            vec![
                "Predikat Sangat Baik paling banyak 7 dari 10 pegawai (70%, dibulatkan ke atas), tetapi ada 8 pegawai."
                    .to_string()
            ]
        );
        assert!(c.needs_override());
        let ok = check(OrgResult::Istimewa, &unit(&[(SangatBaik, 7), (Baik, 3)]));
        assert!(ok.rules.iter().all(|r| r.message.is_none()));
        assert!(!ok.needs_override());
    }

    #[test]
    fn units_below_five_get_warnings_not_violations() {
        let c = check(OrgResult::Baik, &unit(&[(Baik, 4)]));
        assert!(!c.conforms);
        assert!(c.warning_only);
        assert!(!c.needs_override());
        let big = check(OrgResult::Baik, &unit(&[(Baik, 5)]));
        assert!(!big.warning_only);
        assert!(big.needs_override());
    }

    #[test]
    fn org_results_round_trip_through_their_names() {
        for o in OrgResult::ALL {
            assert_eq!(OrgResult::parse(o.as_str()), Some(o));
        }
        assert_eq!(OrgResult::parse("luar_biasa"), None);
    }
}
