//! The distribution curve of predikat within a unit (SE MenPANRB 3/2023), given the unit's
//! organisational result for the period.
//!
//! No rounding rule is published. Our choice (DOMAIN.md section 7): limits are rounded in
//! the employees' favour — a maximum rounds up, a minimum rounds down — and a unit with
//! fewer than 5 employees gets warnings, never a violation.

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

/// Units smaller than this get warnings instead of violations.
pub const SMALL_UNIT: usize = 5;

/// One rule of the curve and how the unit stands against it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct RuleCheck {
    /// Human-readable rule, in Indonesian.
    pub rule: String,
    /// Employees allowed at most / required at least, after rounding.
    pub limit: usize,
    /// Employees the unit has in the predikat(s) the rule counts.
    pub actual: usize,
    pub satisfied: bool,
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

/// Checks the predikats of a unit against the rule of its organisational result.
pub fn check(org: OrgResult, predikats: &[Predikat]) -> CurveCheck {
    use Predikat::*;
    let n = predikats.len();
    let count = |ps: &[Predikat]| predikats.iter().filter(|p| ps.contains(p)).count();
    let rules: Vec<(&[Predikat], Bound)> = match org {
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
    };
    let checks: Vec<RuleCheck> = rules
        .into_iter()
        .map(|(ps, bound)| {
            let actual = count(ps);
            let (rule, limit, satisfied) = match bound {
                Bound::AtMost(pct) => {
                    let l = ceil_pct(n, pct);
                    (
                        format!("{} paling banyak {pct}%", label(ps)),
                        l,
                        actual <= l,
                    )
                }
                Bound::AtLeast(pct) => {
                    let l = floor_pct(n, pct);
                    (
                        format!("{} paling sedikit {pct}%", label(ps)),
                        l,
                        actual >= l,
                    )
                }
                Bound::AtLeastCount(c) => (
                    format!("{} paling sedikit {c} orang", label(ps)),
                    c,
                    actual >= c,
                ),
                Bound::None => (format!("tidak ada {}", label(ps)), 0, actual == 0),
            };
            RuleCheck {
                rule,
                limit,
                actual,
                satisfied,
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

#[cfg(test)]
mod tests {
    use super::*;
    use Predikat::*;

    fn unit(spec: &[(Predikat, usize)]) -> Vec<Predikat> {
        spec.iter()
            .flat_map(|(p, n)| std::iter::repeat_n(*p, *n))
            .collect()
    }

    #[test]
    fn istimewa_allows_at_most_70_percent_sangat_baik_rounded_up() {
        // 10 employees: at most 7.
        assert!(check(OrgResult::Istimewa, &unit(&[(SangatBaik, 7), (Baik, 3)])).conforms);
        assert!(!check(OrgResult::Istimewa, &unit(&[(SangatBaik, 8), (Baik, 2)])).conforms);
        // 9 employees: 6.3 rounds up to 7.
        assert!(check(OrgResult::Istimewa, &unit(&[(SangatBaik, 7), (Baik, 2)])).conforms);
    }

    #[test]
    fn baik_needs_at_most_70_percent_baik_and_one_low_predikat() {
        let ok = unit(&[(Baik, 7), (SangatBaik, 2), (ButuhPerbaikan, 1)]);
        assert!(check(OrgResult::Baik, &ok).conforms);
        let no_low = unit(&[(Baik, 7), (SangatBaik, 3)]);
        let c = check(OrgResult::Baik, &no_low);
        assert!(!c.conforms);
        assert!(!c.rules[1].satisfied);
        let too_many_baik = unit(&[(Baik, 8), (Kurang, 2)]);
        assert!(!check(OrgResult::Baik, &too_many_baik).conforms);
    }

    #[test]
    fn butuh_perbaikan_needs_60_percent_rounded_down_and_at_most_10_percent_sangat_baik() {
        // 9 employees: at least floor(5.4) = 5 BP; at most ceil(0.9) = 1 SB.
        let ok = unit(&[(ButuhPerbaikan, 5), (Baik, 3), (SangatBaik, 1)]);
        assert!(check(OrgResult::ButuhPerbaikan, &ok).conforms);
        let few = unit(&[(ButuhPerbaikan, 4), (Baik, 5)]);
        assert!(!check(OrgResult::ButuhPerbaikan, &few).conforms);
        let two_sb = unit(&[(ButuhPerbaikan, 5), (Baik, 2), (SangatBaik, 2)]);
        assert!(!check(OrgResult::ButuhPerbaikan, &two_sb).conforms);
    }

    #[test]
    fn kurang_needs_60_percent_kurang_and_10_percent_butuh_perbaikan() {
        let ok = unit(&[(Kurang, 6), (ButuhPerbaikan, 1), (Baik, 3)]);
        assert!(check(OrgResult::Kurang, &ok).conforms);
        let no_bp = unit(&[(Kurang, 7), (Baik, 3)]);
        assert!(!check(OrgResult::Kurang, &no_bp).conforms);
    }

    #[test]
    fn sangat_kurang_forbids_sangat_baik() {
        let ok = unit(&[(SangatKurang, 6), (Kurang, 1), (Baik, 3)]);
        assert!(check(OrgResult::SangatKurang, &ok).conforms);
        let with_sb = unit(&[(SangatKurang, 6), (Kurang, 1), (SangatBaik, 1), (Baik, 2)]);
        let c = check(OrgResult::SangatKurang, &with_sb);
        assert!(!c.conforms);
        assert_eq!(c.rules[2].actual, 1);
    }

    #[test]
    fn units_below_five_get_warnings_not_violations() {
        let c = check(OrgResult::Baik, &unit(&[(Baik, 4)]));
        assert!(!c.conforms);
        assert!(c.warning_only);
        let big = check(OrgResult::Baik, &unit(&[(Baik, 5)]));
        assert!(!big.warning_only);
    }
}
