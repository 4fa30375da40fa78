//! Rater quality (shown to HR, never to the ratee): straight-lining, leniency and severity
//! of one rater's submitted responses against the raters of their unit.

use serde::Serialize;
use utoipa::ToSchema;

/// Why a rater's responses look unreliable (shown to HR, never to the ratee).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QualityFlag {
    /// Every score the same across at least 7 values and 2 ratees.
    StraightLining,
    /// Mean far above the unit's raters (z ≥ 2).
    Lenient,
    /// Mean far below the unit's raters (z ≤ −2).
    Severe,
}

/// Flags for one rater given all their scores and the means of every rater in the unit.
pub fn quality_flags(scores: &[u8], ratees: usize, all_rater_means: &[f64]) -> Vec<QualityFlag> {
    let mut flags = Vec::new();
    if ratees >= 2 && scores.len() >= 7 && scores.windows(2).all(|w| w[0] == w[1]) {
        flags.push(QualityFlag::StraightLining);
    }
    if scores.is_empty() {
        return flags;
    }
    let mine = scores.iter().map(|s| f64::from(*s)).sum::<f64>() / scores.len() as f64;
    if let Some(z) = z_score(mine, all_rater_means) {
        if z >= 2.0 {
            flags.push(QualityFlag::Lenient);
        } else if z <= -2.0 {
            flags.push(QualityFlag::Severe);
        }
    }
    flags
}

/// One rater's submitted responses in a period, summarised by the database (never the
/// individual rows): the number of responses, the sum and count of their scores, and the
/// lowest and highest score given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RaterStats {
    pub responses: u32,
    pub sum: i64,
    pub scores: u32,
    pub min: i64,
    pub max: i64,
}

impl RaterStats {
    /// The rater's mean score; `None` without scores.
    pub fn mean(&self) -> Option<f64> {
        (self.scores > 0).then(|| self.sum as f64 / f64::from(self.scores))
    }
}

/// `quality_flags` from summarised statistics: straight-lining is every score equal
/// (min = max) over at least 7 scores and 2 ratees; leniency and severity compare the
/// rater's mean with the means of all raters of the unit (z-score, |z| ≥ 2).
pub fn rater_flags(stats: &RaterStats, all_rater_means: &[f64]) -> Vec<QualityFlag> {
    let mut flags = Vec::new();
    if stats.responses >= 2 && stats.scores >= 7 && stats.min == stats.max {
        flags.push(QualityFlag::StraightLining);
    }
    let Some(mine) = stats.mean() else {
        return flags;
    };
    if let Some(z) = z_score(mine, all_rater_means) {
        if z >= 2.0 {
            flags.push(QualityFlag::Lenient);
        } else if z <= -2.0 {
            flags.push(QualityFlag::Severe);
        }
    }
    flags
}

/// z of `x` against the population of means (at least 3, with spread); `None` otherwise.
fn z_score(x: f64, means: &[f64]) -> Option<f64> {
    if means.len() < 3 {
        return None;
    }
    let n = means.len() as f64;
    let mu = means.iter().sum::<f64>() / n;
    let sd = (means.iter().map(|m| (m - mu).powi(2)).sum::<f64>() / n).sqrt();
    (sd > 0.0).then(|| (x - mu) / sd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_scores_across_ratees_are_straight_lining() {
        let flags = quality_flags(&[4; 14], 2, &[4.0, 3.5, 3.0]);
        assert!(flags.contains(&QualityFlag::StraightLining));
        assert!(quality_flags(&[4; 7], 1, &[]).is_empty());
    }

    #[test]
    fn a_rater_far_from_the_others_is_lenient_or_severe() {
        let means = [3.0, 3.1, 2.9, 3.0, 3.05, 2.95, 3.0, 3.0, 3.1, 2.9, 5.0];
        assert!(quality_flags(&[5, 5, 5, 5, 4, 5, 5], 1, &means).contains(&QualityFlag::Lenient));
        let means = [3.0, 3.1, 2.9, 3.0, 3.05, 2.95, 3.0, 3.0, 3.1, 2.9, 1.0];
        assert!(quality_flags(&[1, 1, 2, 1, 1, 1, 1], 1, &means).contains(&QualityFlag::Severe));
        assert!(quality_flags(&[3, 3, 4, 3, 3, 3, 3], 1, &means).is_empty());
    }

    #[test]
    fn summarised_statistics_give_the_same_flags_as_the_scores() {
        let flat = RaterStats {
            responses: 2,
            sum: 56,
            scores: 14,
            min: 4,
            max: 4,
        };
        assert_eq!(
            rater_flags(&flat, &[4.0, 3.5, 3.0]),
            quality_flags(&[4; 14], 2, &[4.0, 3.5, 3.0])
        );
        assert!(rater_flags(&flat, &[]).contains(&QualityFlag::StraightLining));
        let one = RaterStats {
            responses: 1,
            sum: 28,
            scores: 7,
            min: 4,
            max: 4,
        };
        assert!(rater_flags(&one, &[]).is_empty());
        let means = [3.0, 3.1, 2.9, 3.0, 3.05, 2.95, 3.0, 3.0, 3.1, 2.9, 5.0];
        let lenient = RaterStats {
            responses: 1,
            sum: 34,
            scores: 7,
            min: 4,
            max: 5,
        };
        assert_eq!(rater_flags(&lenient, &means), vec![QualityFlag::Lenient]);
        let means = [3.0, 3.1, 2.9, 3.0, 3.05, 2.95, 3.0, 3.0, 3.1, 2.9, 1.0];
        let severe = RaterStats {
            responses: 1,
            sum: 8,
            scores: 7,
            min: 1,
            max: 2,
        };
        assert_eq!(rater_flags(&severe, &means), vec![QualityFlag::Severe]);
        assert_eq!(
            RaterStats {
                responses: 0,
                sum: 0,
                scores: 0,
                min: 0,
                max: 0
            }
            .mean(),
            None
        );
    }
}
