//! 360-degree input: the suggested rating perilaku from the weighted mean of the rater
//! groups, the anonymity threshold, and rater-quality flags (DOMAIN.md section 5).
//!
//! The 360 informs the behaviour rating; it never sets the predikat. Self-ratings are shown
//! but weigh 0 by default. Groups without responses drop out and the remaining weights are
//! renormalised. A group below the anonymity threshold is withheld from the ratee.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::predikat::Rating;

/// Who gave a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RaterGroup {
    /// Diri
    SelfRating,
    /// Atasan
    Supervisor,
    /// Rekan kerja
    Peer,
    /// Bawahan
    Subordinate,
    /// Masyarakat
    Public,
}

impl RaterGroup {
    pub const ALL: [RaterGroup; 5] = [
        RaterGroup::SelfRating,
        RaterGroup::Supervisor,
        RaterGroup::Peer,
        RaterGroup::Subordinate,
        RaterGroup::Public,
    ];

    /// Groups whose members are anonymous to the ratee.
    pub fn is_anonymous(self) -> bool {
        matches!(
            self,
            RaterGroup::Peer | RaterGroup::Subordinate | RaterGroup::Public
        )
    }
}

/// Weights per group (default supervisor 40, peers 20, subordinates 20, public 20, self 0).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Weights {
    pub self_rating: f64,
    pub supervisor: f64,
    pub peer: f64,
    pub subordinate: f64,
    pub public: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            self_rating: 0.0,
            supervisor: 40.0,
            peer: 20.0,
            subordinate: 20.0,
            public: 20.0,
        }
    }
}

impl Weights {
    pub fn of(&self, g: RaterGroup) -> f64 {
        match g {
            RaterGroup::SelfRating => self.self_rating,
            RaterGroup::Supervisor => self.supervisor,
            RaterGroup::Peer => self.peer,
            RaterGroup::Subordinate => self.subordinate,
            RaterGroup::Public => self.public,
        }
    }
}

/// The minimum responses before an anonymous group is shown; configurable, never below 3.
pub fn anonymity_threshold(configured: u32) -> u32 {
    configured.max(3)
}

/// Whether a group's results may be shown to the ratee.
pub fn group_visible(g: RaterGroup, responses: u32, threshold: u32) -> bool {
    !g.is_anonymous() || responses >= anonymity_threshold(threshold)
}

/// The mean score of one group (1–5) with its number of responses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupMean {
    pub group: RaterGroup,
    pub mean: f64,
    pub responses: u32,
}

/// The weighted mean over groups that have responses and weight; `None` without any.
pub fn weighted_mean(groups: &[GroupMean], w: &Weights) -> Option<f64> {
    let used: Vec<(f64, f64)> = groups
        .iter()
        .filter(|g| g.responses > 0 && w.of(g.group) > 0.0)
        .map(|g| (w.of(g.group), g.mean))
        .collect();
    let total: f64 = used.iter().map(|(w, _)| w).sum();
    (total > 0.0).then(|| used.iter().map(|(w, m)| w * m).sum::<f64>() / total)
}

/// Our default mapping of the weighted mean to a rating: ≥ 4.2 Di Atas, ≥ 2.8 Sesuai.
pub fn suggested_rating(mean: f64) -> Rating {
    if mean >= 4.2 {
        Rating::DiAtas
    } else if mean >= 2.8 {
        Rating::Sesuai
    } else {
        Rating::DiBawah
    }
}

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
    if scores.is_empty() || all_rater_means.len() < 3 {
        return flags;
    }
    let mine = scores.iter().map(|s| f64::from(*s)).sum::<f64>() / scores.len() as f64;
    let n = all_rater_means.len() as f64;
    let mu = all_rater_means.iter().sum::<f64>() / n;
    let sd = (all_rater_means
        .iter()
        .map(|m| (m - mu).powi(2))
        .sum::<f64>()
        / n)
        .sqrt();
    if sd > 0.0 {
        let z = (mine - mu) / sd;
        if z >= 2.0 {
            flags.push(QualityFlag::Lenient);
        } else if z <= -2.0 {
            flags.push(QualityFlag::Severe);
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(group: RaterGroup, mean: f64, responses: u32) -> GroupMean {
        GroupMean {
            group,
            mean,
            responses,
        }
    }

    #[test]
    fn the_default_weights_give_the_supervisor_forty_percent() {
        let m = weighted_mean(
            &[
                g(RaterGroup::Supervisor, 5.0, 1),
                g(RaterGroup::Peer, 3.0, 4),
                g(RaterGroup::Subordinate, 3.0, 3),
                g(RaterGroup::Public, 3.0, 10),
            ],
            &Weights::default(),
        )
        .expect("mean");
        assert!((m - 3.8).abs() < 1e-12);
    }

    #[test]
    fn missing_groups_drop_out_and_self_is_not_counted() {
        let m = weighted_mean(
            &[
                g(RaterGroup::SelfRating, 1.0, 1),
                g(RaterGroup::Supervisor, 4.0, 1),
                g(RaterGroup::Peer, 5.0, 3),
                g(RaterGroup::Subordinate, 0.0, 0),
            ],
            &Weights::default(),
        )
        .expect("mean");
        // (40×4 + 20×5) / 60
        assert!((m - 260.0 / 60.0).abs() < 1e-12);
        assert!(weighted_mean(&[g(RaterGroup::SelfRating, 5.0, 1)], &Weights::default()).is_none());
    }

    #[test]
    fn the_suggestion_follows_the_published_thresholds() {
        assert_eq!(suggested_rating(4.2), Rating::DiAtas);
        assert_eq!(suggested_rating(4.199), Rating::Sesuai);
        assert_eq!(suggested_rating(2.8), Rating::Sesuai);
        assert_eq!(suggested_rating(2.799), Rating::DiBawah);
    }

    #[test]
    fn anonymous_groups_need_three_responses_and_the_threshold_never_drops_below_three() {
        assert!(!group_visible(RaterGroup::Peer, 2, 3));
        assert!(group_visible(RaterGroup::Peer, 3, 3));
        assert!(!group_visible(RaterGroup::Subordinate, 2, 1));
        assert!(group_visible(RaterGroup::Supervisor, 1, 3));
        assert_eq!(anonymity_threshold(2), 3);
        assert_eq!(anonymity_threshold(5), 5);
    }

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
}
