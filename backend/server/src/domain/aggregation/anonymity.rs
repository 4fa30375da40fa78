//! Anonymity of the 360 (ADR 0008): when a rater group's results may be shown, and the
//! ratee's aggregate built from the database's sums with every withheld group left out.
//!
//! This is the one home of group visibility: the summary, the suggestion and the
//! `feedback360_updated` event all ask `group_visible`.

use super::{Explanation, GroupInput, RaterGroup, Weights, explain, public_scale, round2};
use crate::domain::ikm::{self, ElementTotals};
use crate::domain::predikat::Rating;

/// The minimum responses before an anonymous group is shown; configurable, never below 3.
pub fn anonymity_threshold(configured: u32) -> u32 {
    configured.max(3)
}

/// The fewest responses before a group is shown: 1 for self and supervisor (not anonymous),
/// the anonymity threshold (never below 3) for peers and subordinates, and the citizen
/// minimum (never below the anonymity threshold either) for the public.
pub fn min_responses(g: RaterGroup, threshold: u32, public_min: u32) -> u32 {
    match g {
        RaterGroup::SelfRating | RaterGroup::Supervisor => 1,
        RaterGroup::Peer | RaterGroup::Subordinate => anonymity_threshold(threshold),
        RaterGroup::Public => public_min.max(anonymity_threshold(threshold)),
    }
}

/// Whether a group's results may be shown (to the ratee, the supervisor chain and HR): it
/// has responses, and at least its minimum (`min_responses`).
pub fn group_visible(g: RaterGroup, responses: u32, threshold: u32, public_min: u32) -> bool {
    responses > 0 && responses >= min_responses(g, threshold, public_min)
}

/// The response count of a group as it may be shown: self and supervisor always; an
/// anonymous group (peers, subordinates, citizens) only once it is shown, never below its
/// minimum ("fewer than 3" instead of "1", which would name the one rater).
pub fn shown_count(g: RaterGroup, responses: u32, threshold: u32, public_min: u32) -> Option<u32> {
    if !g.is_anonymous() || group_visible(g, responses, threshold, public_min) {
        Some(responses)
    } else {
        None
    }
}

/// The configured numbers an aggregate depends on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AggregateParams {
    /// The configured anonymity threshold (raised to 3 where it is used).
    pub threshold: u32,
    /// The citizen minimum (at least 1).
    pub public_min: u32,
    pub weights: Weights,
}

impl AggregateParams {
    /// From the settings' values: the citizen minimum is at least 1.
    pub fn new(threshold: u32, feedback_min_respondents: i64, weights: Weights) -> Self {
        AggregateParams {
            threshold,
            public_min: u32::try_from(Ord::max(feedback_min_respondents, 1)).unwrap_or(u32::MAX),
            weights,
        }
    }

    pub fn visible(&self, g: RaterGroup, responses: u32) -> bool {
        group_visible(g, responses, self.threshold, self.public_min)
    }

    pub fn shown_count(&self, g: RaterGroup, responses: u32) -> Option<u32> {
        shown_count(g, responses, self.threshold, self.public_min)
    }
}

/// Submitted responses of one group of raters, summed per value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupTotals {
    pub group: RaterGroup,
    pub responses: i64,
    /// Per value (official order): (sum of scores, number of scores).
    pub values: [(i64, i64); 7],
}

/// The citizens' counted submissions about the ratee in the period: the respondents and
/// the score sums of U6 and U7 (the elements about the employee).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PublicTotals {
    pub respondents: i64,
    pub u6_sum: i64,
    pub u7_sum: i64,
}

/// One group of the aggregate.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupAggregate {
    pub group: RaterGroup,
    pub responses: u32,
    pub min_responses: u32,
    pub visible: bool,
    /// Two-decimal mean per value (official order) when shown; empty otherwise and for
    /// the public, who do not score BerAKHLAK values.
    pub value_means: Vec<f64>,
    /// Two-decimal group mean (1–5) when shown.
    pub mean: Option<f64>,
    /// The public group's citizen index (25–100, two decimals) when shown.
    pub public_index: Option<f64>,
}

/// A ratee's 360 aggregate for a period, with the explained suggestion.
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregate {
    pub groups: Vec<GroupAggregate>,
    pub explanation: Explanation,
}

/// The suggested rating perilaku with the weighted mean behind it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Suggestion {
    pub rating: Rating,
    pub mean: f64,
}

impl Aggregate {
    /// The suggestion the supervisor's behaviour rating is compared with: the same numbers
    /// the ratee and the supervisor see. `None` when no group has results to count.
    pub fn suggestion(&self) -> Option<Suggestion> {
        match (self.explanation.rating, self.explanation.mean) {
            (Some(rating), Some(mean)) => Some(Suggestion { rating, mean }),
            _ => None,
        }
    }
}

fn public_group(citizens: &PublicTotals, params: &AggregateParams) -> GroupAggregate {
    let g = RaterGroup::Public;
    let responses = u32::try_from(citizens.respondents).unwrap_or(u32::MAX);
    let index = params
        .visible(g, responses)
        .then(|| {
            ikm::compute(&[
                ElementTotals {
                    sum: citizens.u6_sum,
                    count: citizens.respondents,
                },
                ElementTotals {
                    sum: citizens.u7_sum,
                    count: citizens.respondents,
                },
            ])
        })
        .flatten()
        .map(|x| ikm::round2(x.konversi));
    GroupAggregate {
        group: g,
        responses,
        min_responses: min_responses(g, params.threshold, params.public_min),
        visible: index.is_some(),
        value_means: Vec::new(),
        mean: index.map(|i| round2(public_scale(i))),
        public_index: index,
    }
}

fn rater_group(g: RaterGroup, t: Option<&GroupTotals>, params: &AggregateParams) -> GroupAggregate {
    let responses = t.map_or(0, |t| u32::try_from(t.responses).unwrap_or(u32::MAX));
    let visible = params.visible(g, responses);
    let (value_means, mean) = match t.filter(|_| visible) {
        Some(t) => {
            let means = t
                .values
                .iter()
                .map(|(s, c)| {
                    if *c > 0 {
                        round2(*s as f64 / *c as f64)
                    } else {
                        0.0
                    }
                })
                .collect();
            let (s, c) = t
                .values
                .iter()
                .fold((0i64, 0i64), |(s, c), (vs, vc)| (s + vs, c + vc));
            (means, (c > 0).then(|| round2(s as f64 / c as f64)))
        }
        None => (Vec::new(), None),
    };
    GroupAggregate {
        group: g,
        responses,
        min_responses: min_responses(g, params.threshold, params.public_min),
        visible: visible && mean.is_some(),
        value_means,
        mean,
        public_index: None,
    }
}

/// The aggregate: groups in display order, each shown or withheld, and the suggestion
/// explained over the shown groups only.
pub fn aggregate(
    totals: &[GroupTotals],
    citizens: &PublicTotals,
    params: &AggregateParams,
) -> Aggregate {
    let groups: Vec<GroupAggregate> = RaterGroup::ALL
        .into_iter()
        .map(|g| {
            if g == RaterGroup::Public {
                public_group(citizens, params)
            } else {
                rater_group(g, totals.iter().find(|t| t.group == g), params)
            }
        })
        .collect();
    let inputs: Vec<GroupInput> = groups
        .iter()
        .map(|g| GroupInput {
            group: g.group,
            mean: g.mean,
            responses: g.responses,
        })
        .collect();
    let explanation = explain(&inputs, &params.weights);
    Aggregate {
        groups,
        explanation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(threshold: u32) -> AggregateParams {
        AggregateParams::new(threshold, 5, Weights::default())
    }

    #[test]
    fn counts_below_the_threshold_are_never_shown_as_numbers() {
        let p = params(3);
        assert_eq!(p.shown_count(RaterGroup::Peer, 1), None);
        assert_eq!(p.shown_count(RaterGroup::Peer, 0), None);
        assert_eq!(p.shown_count(RaterGroup::Subordinate, 2), None);
        assert_eq!(p.shown_count(RaterGroup::Subordinate, 3), Some(3));
        assert_eq!(p.shown_count(RaterGroup::Public, 4), None);
        assert_eq!(p.shown_count(RaterGroup::Supervisor, 1), Some(1));
        assert_eq!(p.shown_count(RaterGroup::SelfRating, 0), Some(0));
    }

    fn totals(group: RaterGroup, responses: i64, score: i64) -> GroupTotals {
        GroupTotals {
            group,
            responses,
            values: [(score * responses, responses); 7],
        }
    }

    #[test]
    fn anonymous_groups_need_three_responses_and_the_threshold_never_drops_below_three() {
        assert!(!group_visible(RaterGroup::Peer, 2, 3, 5));
        assert!(group_visible(RaterGroup::Peer, 3, 3, 5));
        assert!(!group_visible(RaterGroup::Subordinate, 2, 1, 5));
        assert!(group_visible(RaterGroup::Supervisor, 1, 3, 5));
        assert_eq!(anonymity_threshold(2), 3);
        assert_eq!(anonymity_threshold(5), 5);
    }

    #[test]
    fn a_configured_threshold_only_ever_raises_the_bar() {
        assert!(!group_visible(RaterGroup::Peer, 4, 5, 5));
        assert!(group_visible(RaterGroup::Peer, 5, 5, 5));
        assert!(group_visible(RaterGroup::Peer, 3, 0, 5));
    }

    #[test]
    fn a_group_without_responses_is_never_shown() {
        assert!(!group_visible(RaterGroup::SelfRating, 0, 3, 5));
        assert!(!group_visible(RaterGroup::Supervisor, 0, 3, 5));
    }

    #[test]
    fn self_and_supervisor_show_with_one_response_and_the_public_needs_its_minimum() {
        assert_eq!(min_responses(RaterGroup::SelfRating, 3, 5), 1);
        assert_eq!(min_responses(RaterGroup::Supervisor, 4, 5), 1);
        assert_eq!(min_responses(RaterGroup::Peer, 1, 5), 3);
        assert_eq!(min_responses(RaterGroup::Subordinate, 4, 5), 4);
        assert_eq!(min_responses(RaterGroup::Public, 3, 5), 5);
        assert_eq!(min_responses(RaterGroup::Public, 3, 1), 3);
    }

    #[test]
    fn the_citizen_minimum_is_at_least_one() {
        assert_eq!(AggregateParams::new(3, 0, Weights::default()).public_min, 1);
        assert_eq!(
            AggregateParams::new(3, -4, Weights::default()).public_min,
            1
        );
    }

    #[test]
    fn a_withheld_peer_group_shows_its_count_but_no_numbers_and_does_not_count() {
        let agg = aggregate(
            &[
                totals(RaterGroup::Supervisor, 1, 4),
                totals(RaterGroup::Peer, 2, 1),
            ],
            &PublicTotals::default(),
            &params(3),
        );
        let groups: Vec<RaterGroup> = agg.groups.iter().map(|g| g.group).collect();
        assert_eq!(groups, RaterGroup::ALL.to_vec());
        let peer = &agg.groups[RaterGroup::Peer.order()];
        assert_eq!(peer.responses, 2);
        assert_eq!(peer.min_responses, 3);
        assert!(!peer.visible);
        assert!(peer.value_means.is_empty());
        assert_eq!(peer.mean, None);
        assert_eq!(
            agg.suggestion(),
            Some(Suggestion {
                rating: Rating::Sesuai,
                mean: 4.0
            })
        );
    }

    #[test]
    fn a_shown_group_gives_its_means_per_value() {
        let agg = aggregate(
            &[totals(RaterGroup::Subordinate, 3, 5)],
            &PublicTotals::default(),
            &params(3),
        );
        let sub = &agg.groups[RaterGroup::Subordinate.order()];
        assert!(sub.visible);
        assert_eq!(sub.value_means, vec![5.0; 7]);
        assert_eq!(sub.mean, Some(5.0));
        assert_eq!(agg.explanation.rating, Some(Rating::DiAtas));
    }

    #[test]
    fn citizens_are_shown_as_an_index_only_from_their_minimum() {
        let few = PublicTotals {
            respondents: 4,
            u6_sum: 16,
            u7_sum: 16,
        };
        let agg = aggregate(&[], &few, &params(3));
        let public = &agg.groups[RaterGroup::Public.order()];
        assert!(!public.visible);
        assert_eq!(public.public_index, None);
        assert_eq!(agg.suggestion(), None);
        let enough = PublicTotals {
            respondents: 5,
            u6_sum: 20,
            u7_sum: 20,
        };
        let agg = aggregate(&[], &enough, &params(3));
        let public = &agg.groups[RaterGroup::Public.order()];
        assert!(public.visible);
        assert_eq!(public.public_index, Some(100.0));
        assert_eq!(public.mean, Some(5.0));
        assert!(public.value_means.is_empty());
    }
}
