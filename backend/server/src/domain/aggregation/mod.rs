//! 360-degree input: the suggested rating perilaku from the weighted mean of the rater
//! groups, the anonymity threshold, and rater-quality flags (DOMAIN.md section 5).
//!
//! The 360 informs the behaviour rating; it never sets the predikat. Self-ratings are shown
//! but weigh 0 by default. Groups without responses drop out and the remaining weights are
//! renormalised. A group below the anonymity threshold is withheld from the ratee.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::predikat::Rating;

pub mod anonymity;
pub mod quality;

pub use anonymity::{
    Aggregate, AggregateParams, GroupAggregate, GroupTotals, PublicTotals, Suggestion, aggregate,
    anonymity_threshold, group_visible, min_responses,
};
pub use quality::{QualityFlag, RaterStats, quality_flags, rater_flags};

/// Who gave a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RaterGroup {
    /// Diri (serialised and stored as `self`)
    #[serde(rename = "self")]
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

    /// The code stored in `ratings_360.rater_group` and used in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            RaterGroup::SelfRating => "self",
            RaterGroup::Supervisor => "supervisor",
            RaterGroup::Peer => "peer",
            RaterGroup::Subordinate => "subordinate",
            RaterGroup::Public => "public",
        }
    }

    pub fn parse(s: &str) -> Option<RaterGroup> {
        RaterGroup::ALL.into_iter().find(|g| g.as_str() == s)
    }

    /// Indonesian label shown on every screen.
    pub fn label(self) -> &'static str {
        match self {
            RaterGroup::SelfRating => "Diri sendiri",
            RaterGroup::Supervisor => "Atasan",
            RaterGroup::Peer => "Rekan kerja",
            RaterGroup::Subordinate => "Bawahan",
            RaterGroup::Public => "Masyarakat",
        }
    }

    /// Position in the fixed display order (self, supervisor, peer, subordinate, public).
    pub fn order(self) -> usize {
        RaterGroup::ALL.iter().position(|g| *g == self).unwrap_or(0)
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

/// Rounds for display (two decimals, half away from zero).
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Our mapping of the employee citizen index (25–100, U6 and U7) to the 1–5 scale of the
/// internal raters: linear, 25 → 1 and 100 → 5, i.e. m = 1 + (index − 25) × 4 ÷ 75.
pub fn public_scale(index: f64) -> f64 {
    (1.0 + (index - 25.0) * 4.0 / 75.0).clamp(1.0, 5.0)
}

/// One group as the explanation sees it: `mean` is `None` when the group has no results
/// that may be shown (no responses, or withheld below its minimum).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupInput {
    pub group: RaterGroup,
    pub mean: Option<f64>,
    pub responses: u32,
}

/// One counted group: its configured weight, its renormalised share (0–1) and its mean.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, ToSchema)]
pub struct Share {
    pub group: RaterGroup,
    pub weight: f64,
    pub share: f64,
    pub mean: f64,
}

/// The suggested rating with the numbers behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// The weighted mean, two decimals; `None` when no group counts.
    pub mean: Option<f64>,
    pub rating: Option<Rating>,
    pub shares: Vec<Share>,
    /// The formula with the numbers, in Indonesian.
    pub why: String,
}

fn num(x: f64) -> String {
    format!("{x:.2}").replace('.', ",")
}

fn weight_text(w: f64) -> String {
    if w.fract() == 0.0 {
        format!("{w:.0}")
    } else {
        num(w)
    }
}

/// Explains the suggestion. Only groups whose results may be shown count: counting a
/// withheld group would let its mean be derived from the weighted mean. The formula uses the
/// two-decimal group means people see, and the rating is judged on the two-decimal result,
/// so the published numbers always reproduce the published rating.
pub fn explain(groups: &[GroupInput], w: &Weights) -> Explanation {
    let counted: Vec<GroupMean> = groups
        .iter()
        .filter_map(|g| {
            g.mean.map(|m| GroupMean {
                group: g.group,
                mean: round2(m),
                responses: g.responses.max(1),
            })
        })
        .collect();
    let mean = weighted_mean(&counted, w).map(round2);
    let used: Vec<&GroupMean> = counted.iter().filter(|g| w.of(g.group) > 0.0).collect();
    let total: f64 = used.iter().map(|g| w.of(g.group)).sum();
    let shares: Vec<Share> = used
        .iter()
        .map(|g| Share {
            group: g.group,
            weight: w.of(g.group),
            share: if total > 0.0 {
                w.of(g.group) / total
            } else {
                0.0
            },
            mean: g.mean,
        })
        .collect();
    let rating = mean.map(suggested_rating);
    let mut why = match (mean, rating) {
        (Some(m), Some(r)) => {
            let terms: Vec<String> = shares
                .iter()
                .map(|s| {
                    format!(
                        "{} × {} ({})",
                        weight_text(s.weight),
                        num(s.mean),
                        s.group.label().to_lowercase()
                    )
                })
                .collect();
            let weights: Vec<String> = shares.iter().map(|s| weight_text(s.weight)).collect();
            format!(
                "Rata-rata tertimbang = ({}) ÷ ({}) = {} → {} (≥ 4,20 Di Atas Ekspektasi; \
                 2,80–4,19 Sesuai Ekspektasi; < 2,80 Di Bawah Ekspektasi).",
                terms.join(" + "),
                weights.join(" + "),
                num(m),
                r.label()
            )
        }
        _ => "Belum ada hasil 360 yang dapat dihitung, sehingga belum ada saran rating perilaku."
            .to_string(),
    };
    let skipped: Vec<String> = groups
        .iter()
        .filter(|g| !shares.iter().any(|s| s.group == g.group))
        .map(|g| {
            let reason = if g.mean.is_some() {
                "bobot 0"
            } else if g.responses == 0 {
                "belum ada tanggapan"
            } else {
                "tanggapan belum mencapai batas minimum"
            };
            format!("{} ({reason})", g.group.label().to_lowercase())
        })
        .collect();
    if !skipped.is_empty() {
        let renormalised = if mean.is_some() {
            "; bobot kelompok lain dinormalkan ulang"
        } else {
            ""
        };
        why.push_str(&format!(
            " Tidak dihitung: {}{renormalised}.",
            skipped.join(", ")
        ));
    }
    Explanation {
        mean,
        rating,
        shares,
        why,
    }
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
    fn group_codes_round_trip_and_self_is_stored_as_self() {
        for g in RaterGroup::ALL {
            assert_eq!(RaterGroup::parse(g.as_str()), Some(g));
        }
        assert_eq!(RaterGroup::SelfRating.as_str(), "self");
        assert_eq!(
            serde_json::to_value(RaterGroup::SelfRating).expect("json"),
            serde_json::json!("self")
        );
        assert_eq!(RaterGroup::parse("atasan"), None);
    }

    #[test]
    fn the_citizen_index_maps_linearly_onto_one_to_five() {
        assert!((public_scale(25.0) - 1.0).abs() < 1e-12);
        assert!((public_scale(100.0) - 5.0).abs() < 1e-12);
        assert!((public_scale(62.5) - 3.0).abs() < 1e-12);
        // 87.50 → 1 + 62.5 × 4 / 75 = 4.3333…
        assert_eq!(round2(public_scale(87.5)), 4.33);
        assert_eq!(public_scale(10.0), 1.0);
    }

    #[test]
    fn the_explanation_renormalises_over_shown_groups_and_gives_the_formula() {
        let e = explain(
            &[
                GroupInput {
                    group: RaterGroup::SelfRating,
                    mean: Some(1.0),
                    responses: 1,
                },
                GroupInput {
                    group: RaterGroup::Supervisor,
                    mean: Some(5.0),
                    responses: 1,
                },
                GroupInput {
                    group: RaterGroup::Peer,
                    mean: Some(4.0),
                    responses: 3,
                },
                GroupInput {
                    group: RaterGroup::Subordinate,
                    mean: Some(3.0),
                    responses: 3,
                },
                GroupInput {
                    group: RaterGroup::Public,
                    mean: None,
                    responses: 2,
                },
            ],
            &Weights::default(),
        );
        // (40×5 + 20×4 + 20×3) / 80 = 4.25
        assert_eq!(e.mean, Some(4.25));
        assert_eq!(e.rating, Some(Rating::DiAtas));
        assert_eq!(e.shares.len(), 3);
        assert!((e.shares[0].share - 0.5).abs() < 1e-12);
        assert!(e.why.contains("40 × 5,00 (atasan)"), "{}", e.why);
        assert!(e.why.contains("÷ (40 + 20 + 20) = 4,25"), "{}", e.why);
        assert!(e.why.contains("diri sendiri (bobot 0)"), "{}", e.why);
        assert!(
            e.why
                .contains("masyarakat (tanggapan belum mencapai batas minimum)"),
            "{}",
            e.why
        );
    }

    #[test]
    fn a_withheld_group_does_not_count_so_its_mean_cannot_be_derived() {
        let e = explain(
            &[
                GroupInput {
                    group: RaterGroup::Supervisor,
                    mean: Some(4.0),
                    responses: 1,
                },
                GroupInput {
                    group: RaterGroup::Peer,
                    mean: None,
                    responses: 2,
                },
            ],
            &Weights::default(),
        );
        assert_eq!(e.mean, Some(4.0));
        assert_eq!(e.rating, Some(Rating::Sesuai));
        let none = explain(
            &[GroupInput {
                group: RaterGroup::Peer,
                mean: None,
                responses: 0,
            }],
            &Weights::default(),
        );
        assert_eq!(none.mean, None);
        assert_eq!(none.rating, None);
        assert!(none.why.contains("Belum ada hasil 360"));
        assert!(!none.why.contains("dinormalkan"), "{}", none.why);
    }

    #[test]
    fn the_rating_is_judged_on_the_two_decimal_mean_people_see() {
        // 4.196 is shown as 4,20, so it is Di Atas although it is below 4.2.
        let e = explain(
            &[GroupInput {
                group: RaterGroup::Supervisor,
                mean: Some(4.196),
                responses: 1,
            }],
            &Weights::default(),
        );
        assert_eq!(e.mean, Some(4.2));
        assert_eq!(e.rating, Some(Rating::DiAtas));
    }
}
