//! Development rules (DOMAIN.md §7 "Development"): when a result creates a development
//! recommendation, what it proposes (training from the catalogue, mentoring by a named
//! colleague) and why; the plan items' kinds and states; the yearly training-hours target.
//!
//! Invariants: every recommendation carries its cause (period, predikat or value + mean,
//! and the rule); a mentor is never the employee themself, had Sangat Baik or Baik in the
//! same period and a 360 mean of at least 4.0 in the value concerned; a colleague of the
//! same jabatan family is preferred, the same unit is the fallback.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::berakhlak::CoreValue;
use super::predikat::Predikat;

/// A value whose 360 mean is below this needs development.
pub const VALUE_MEAN_THRESHOLD: f64 = 3.0;
/// A mentor's own 360 mean in the value must be at least this.
pub const MENTOR_MIN_MEAN: f64 = 4.0;
/// Training hours (JP) every ASN should complete per year.
pub const TARGET_JP_PER_YEAR: i64 = 20;
/// At most this many courses are proposed per recommendation.
pub const MAX_COURSES: usize = 3;

/// Kind of a development plan item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Training,
    Mentoring,
    Other,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Training => "training",
            ItemKind::Mentoring => "mentoring",
            ItemKind::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<ItemKind> {
        [ItemKind::Training, ItemKind::Mentoring, ItemKind::Other]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// Status of a development plan item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Planned,
    InProgress,
    Done,
}

impl ItemStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemStatus::Planned => "planned",
            ItemStatus::InProgress => "in_progress",
            ItemStatus::Done => "done",
        }
    }
    pub fn parse(s: &str) -> Option<ItemStatus> {
        [
            ItemStatus::Planned,
            ItemStatus::InProgress,
            ItemStatus::Done,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// Delivery mode of a course in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum TrainingMode {
    #[serde(rename = "klasikal")]
    Klasikal,
    #[serde(rename = "e-learning")]
    ELearning,
    #[serde(rename = "blended")]
    Blended,
    #[serde(rename = "lainnya")]
    Lainnya,
}

impl TrainingMode {
    pub const ALL: [TrainingMode; 4] = [
        TrainingMode::Klasikal,
        TrainingMode::ELearning,
        TrainingMode::Blended,
        TrainingMode::Lainnya,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            TrainingMode::Klasikal => "klasikal",
            TrainingMode::ELearning => "e-learning",
            TrainingMode::Blended => "blended",
            TrainingMode::Lainnya => "lainnya",
        }
    }
    pub fn parse(s: &str) -> Option<TrainingMode> {
        TrainingMode::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Kind of a recommended action: a course from the catalogue or mentoring by a colleague.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationKind {
    Training,
    Mentoring,
}

impl RecommendationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RecommendationKind::Training => "training",
            RecommendationKind::Mentoring => "mentoring",
        }
    }
    pub fn parse(s: &str) -> Option<RecommendationKind> {
        [RecommendationKind::Training, RecommendationKind::Mentoring]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// What caused a recommendation: a low predikat or a low 360 mean in one value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum RecommendationTrigger {
    #[serde(rename = "predikat")]
    Predikat,
    #[serde(rename = "value_360")]
    Value360,
}

impl RecommendationTrigger {
    pub fn as_str(self) -> &'static str {
        match self {
            RecommendationTrigger::Predikat => "predikat",
            RecommendationTrigger::Value360 => "value_360",
        }
    }
    pub fn parse(s: &str) -> Option<RecommendationTrigger> {
        [
            RecommendationTrigger::Predikat,
            RecommendationTrigger::Value360,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// Whether an item is overdue on `today`: not done and past its due date.
pub fn is_overdue(status: ItemStatus, due_on: NaiveDate, today: NaiveDate) -> bool {
    status != ItemStatus::Done && due_on < today
}

/// Whether a predikat triggers a development recommendation (Butuh Perbaikan or worse).
pub fn predikat_triggers(p: Predikat) -> bool {
    matches!(
        p,
        Predikat::ButuhPerbaikan | Predikat::Kurang | Predikat::SangatKurang
    )
}

/// Formats a mean with a decimal comma, as Indonesian text does ("2,67").
pub fn fmt_mean(m: f64) -> String {
    format!("{m:.2}").replace('.', ",")
}

/// A course of the catalogue as the rules see it.
#[derive(Clone, Debug)]
pub struct Course {
    pub index: usize,
    pub title: String,
    pub value: Option<CoreValue>,
}

/// A colleague who might mentor, with their result in the same period.
#[derive(Clone, Debug)]
pub struct Colleague {
    pub index: usize,
    pub name: String,
    pub same_family: bool,
    pub same_unit: bool,
    pub predikat: Option<Predikat>,
    /// 360 mean per value (order of `CoreValue::ALL`), when any response exists.
    pub means: [Option<f64>; 7],
}

/// What triggered a recommendation.
#[derive(Clone, Debug, PartialEq)]
pub enum Trigger {
    Predikat(Predikat),
    Value {
        value: CoreValue,
        mean: f64,
        responses: u32,
    },
}

/// A proposed action: a course (index into the catalogue) or a mentor (index into the
/// colleagues), with the reason in Indonesian.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Training {
        course: usize,
        reason: String,
    },
    Mentoring {
        colleague: usize,
        value: Option<CoreValue>,
        mean: f64,
        reason: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Recommendation {
    pub trigger: Trigger,
    pub rule: String,
    pub cause: String,
    pub actions: Vec<Action>,
}

/// The best mentor for a value among the colleagues: same jabatan family first, otherwise
/// the same unit; Sangat Baik or Baik; mean in the value ≥ 4.0; highest mean, then name.
/// `value = None` (a predikat trigger without a known weak value) uses the mean over all
/// values. The employee is never among `colleagues` (the caller excludes them) — and the
/// index `self_index` is skipped again here to keep the invariant local.
pub fn pick_mentor(
    colleagues: &[Colleague],
    self_index: usize,
    value: Option<CoreValue>,
) -> Option<(usize, f64)> {
    let mean_of = |c: &Colleague| match value {
        Some(v) => c.means[v.index()],
        None => {
            let known: Vec<f64> = c.means.iter().flatten().copied().collect();
            (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64)
        }
    };
    let eligible = |c: &&Colleague| {
        c.index != self_index
            && matches!(c.predikat, Some(Predikat::SangatBaik | Predikat::Baik))
            && mean_of(c).is_some_and(|m| m >= MENTOR_MIN_MEAN)
    };
    let best = |pool: Vec<&Colleague>| {
        pool.into_iter()
            .filter_map(|c| mean_of(c).map(|m| (c, m)))
            .max_by(|(a, ma), (b, mb)| {
                ma.total_cmp(mb)
                    .then_with(|| b.name.cmp(&a.name))
                    .then_with(|| b.index.cmp(&a.index))
            })
            .map(|(c, m)| (c.index, m))
    };
    let family: Vec<&Colleague> = colleagues
        .iter()
        .filter(|c| c.same_family)
        .filter(eligible)
        .collect();
    if !family.is_empty() {
        return best(family);
    }
    best(
        colleagues
            .iter()
            .filter(|c| c.same_unit)
            .filter(eligible)
            .collect(),
    )
}

fn courses_for(courses: &[Course], value: Option<CoreValue>) -> Vec<usize> {
    let mut out: Vec<usize> = courses
        .iter()
        .filter(|c| c.value == value && value.is_some())
        .map(|c| c.index)
        .collect();
    if out.is_empty() {
        // No course for the value (or no value): general courses without a value.
        out = courses
            .iter()
            .filter(|c| c.value.is_none())
            .map(|c| c.index)
            .collect();
    }
    out.truncate(MAX_COURSES);
    out
}

/// The recommendations for one employee in one period.
///
/// `means` are the employee's 360 means per value from all submitted non-self responses
/// of the period, with the number of responses.
pub fn recommend(
    period_name: &str,
    predikat: Option<Predikat>,
    means: &[Option<(f64, u32)>; 7],
    courses: &[Course],
    colleagues: &[Colleague],
    self_index: usize,
) -> Vec<Recommendation> {
    let mut out = Vec::new();
    if let Some(p) = predikat.filter(|p| predikat_triggers(*p)) {
        // The weakest value (lowest mean) focuses the actions, when the 360 has data.
        let weakest = CoreValue::ALL
            .into_iter()
            .filter_map(|v| means[v.index()].map(|(m, _)| (v, m)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(v, _)| v);
        let mut actions: Vec<Action> = courses_for(courses, weakest)
            .into_iter()
            .map(|course| Action::Training {
                course,
                reason: match weakest {
                    Some(v) => format!(
                        "Pelatihan untuk nilai {} (nilai 360 terendah)",
                        v.info().name_id
                    ),
                    None => "Pelatihan umum peningkatan kinerja".to_string(),
                },
            })
            .collect();
        if let Some((colleague, mean)) = pick_mentor(colleagues, self_index, weakest) {
            actions.push(Action::Mentoring {
                colleague,
                value: weakest,
                mean,
                reason: format!(
                    "Rekan dengan predikat Baik/Sangat Baik pada periode yang sama dan rata-rata 360 {} {}",
                    weakest.map_or("keseluruhan", |v| v.info().name_id),
                    fmt_mean(mean)
                ),
            });
        }
        out.push(Recommendation {
            trigger: Trigger::Predikat(p),
            rule: "Predikat kinerja Butuh Perbaikan atau lebih rendah menimbulkan rekomendasi pengembangan".into(),
            cause: format!("{period_name}: predikat kinerja {}", p.label()),
            actions,
        });
    }
    for v in CoreValue::ALL {
        let Some((mean, responses)) = means[v.index()] else {
            continue;
        };
        // A mean of fewer than three raters is not shown to the employee: with the
        // supervisor's own scores known it could reveal a single peer's (ADR 0008).
        if mean >= VALUE_MEAN_THRESHOLD || responses < super::aggregation::anonymity_threshold(0) {
            continue;
        }
        let mut actions: Vec<Action> = courses_for(courses, Some(v))
            .into_iter()
            .map(|course| Action::Training {
                course,
                reason: format!("Pelatihan untuk nilai {}", v.info().name_id),
            })
            .collect();
        if let Some((colleague, m)) = pick_mentor(colleagues, self_index, Some(v)) {
            actions.push(Action::Mentoring {
                colleague,
                value: Some(v),
                mean: m,
                reason: format!(
                    "Rekan dengan predikat Baik/Sangat Baik pada periode yang sama dan rata-rata 360 {} {}",
                    v.info().name_id,
                    fmt_mean(m)
                ),
            });
        }
        out.push(Recommendation {
            trigger: Trigger::Value {
                value: v,
                mean,
                responses,
            },
            rule: "Rata-rata penilaian 360 suatu nilai BerAKHLAK di bawah 3,0 menimbulkan rekomendasi pengembangan".into(),
            cause: format!(
                "{period_name}: rata-rata 360 nilai {} {} dari {responses} penilai (di bawah 3,0)",
                v.info().name_id,
                fmt_mean(mean)
            ),
            actions,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recommendation_kinds_and_triggers_keep_their_wire_strings() {
        for k in [RecommendationKind::Training, RecommendationKind::Mentoring] {
            assert_eq!(RecommendationKind::parse(k.as_str()), Some(k));
            assert_eq!(
                serde_json::to_value(k).ok(),
                Some(serde_json::Value::from(k.as_str()))
            );
        }
        for t in [
            RecommendationTrigger::Predikat,
            RecommendationTrigger::Value360,
        ] {
            assert_eq!(RecommendationTrigger::parse(t.as_str()), Some(t));
            assert_eq!(
                serde_json::to_value(t).ok(),
                Some(serde_json::Value::from(t.as_str()))
            );
        }
        assert_eq!(RecommendationTrigger::Value360.as_str(), "value_360");
        assert_eq!(RecommendationKind::parse("other"), None);
    }

    fn course(index: usize, value: Option<CoreValue>) -> Course {
        Course {
            index,
            title: format!("Kursus {index}"),
            value,
        }
    }

    fn colleague(index: usize, family: bool, unit: bool, p: Predikat, m: f64) -> Colleague {
        Colleague {
            index,
            name: format!("Rekan {index}"),
            same_family: family,
            same_unit: unit,
            predikat: Some(p),
            means: [Some(m); 7],
        }
    }

    #[test]
    fn butuh_perbaikan_or_worse_triggers_and_baik_does_not() {
        assert!(predikat_triggers(Predikat::ButuhPerbaikan));
        assert!(predikat_triggers(Predikat::Kurang));
        assert!(predikat_triggers(Predikat::SangatKurang));
        assert!(!predikat_triggers(Predikat::Baik));
        assert!(!predikat_triggers(Predikat::SangatBaik));
    }

    #[test]
    fn a_low_value_mean_recommends_its_courses_and_a_mentor_with_its_cause() {
        let mut means = [Some((3.5, 4)); 7];
        means[CoreValue::Akuntabel.index()] = Some((2.5, 4));
        let courses = [course(0, Some(CoreValue::Akuntabel)), course(1, None)];
        let colleagues = [
            colleague(1, false, true, Predikat::Baik, 4.5),
            colleague(2, true, false, Predikat::Baik, 4.1),
        ];
        let recs = recommend(
            "Triwulan II 2026",
            Some(Predikat::Baik),
            &means,
            &courses,
            &colleagues,
            0,
        );
        assert_eq!(recs.len(), 1);
        let r = &recs[0];
        assert!(r.cause.contains("Triwulan II 2026"));
        assert!(r.cause.contains("Akuntabel"));
        assert!(r.cause.contains("2,50"));
        assert!(r.rule.contains("3,0"));
        assert_eq!(
            r.actions[0],
            Action::Training {
                course: 0,
                reason: "Pelatihan untuk nilai Akuntabel".into()
            }
        );
        // Same family wins over a better mean in the same unit.
        assert!(matches!(
            r.actions[1],
            Action::Mentoring { colleague: 2, .. }
        ));
    }

    #[test]
    fn a_good_performer_gets_no_recommendation() {
        let means = [Some((3.8, 5)); 7];
        assert!(recommend("T", Some(Predikat::SangatBaik), &means, &[], &[], 0).is_empty());
        assert!(recommend("T", None, &[None; 7], &[], &[], 0).is_empty());
    }

    #[test]
    fn a_mentor_needs_a_good_predikat_a_high_mean_and_is_never_the_employee() {
        let weak = colleague(1, true, true, Predikat::ButuhPerbaikan, 4.8);
        let low = colleague(2, true, true, Predikat::Baik, 3.9);
        let me = colleague(0, true, true, Predikat::SangatBaik, 5.0);
        assert_eq!(
            pick_mentor(&[weak, low, me.clone()], 0, Some(CoreValue::Loyal)),
            None
        );
        let unit_only = colleague(3, false, true, Predikat::SangatBaik, 4.0);
        let elsewhere = colleague(4, false, false, Predikat::SangatBaik, 5.0);
        assert_eq!(
            pick_mentor(&[me, unit_only, elsewhere], 0, Some(CoreValue::Loyal)),
            Some((3, 4.0))
        );
    }

    #[test]
    fn a_predikat_trigger_focuses_on_the_weakest_value() {
        let mut means = [Some((3.6, 3)); 7];
        means[CoreValue::Adaptif.index()] = Some((3.1, 3));
        let courses = [
            course(0, Some(CoreValue::Adaptif)),
            course(1, Some(CoreValue::Loyal)),
        ];
        let recs = recommend(
            "Triwulan I 2026",
            Some(Predikat::ButuhPerbaikan),
            &means,
            &courses,
            &[],
            9,
        );
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].trigger, Trigger::Predikat(Predikat::ButuhPerbaikan));
        assert!(recs[0].cause.contains("Butuh Perbaikan"));
        assert!(matches!(
            recs[0].actions[0],
            Action::Training { course: 0, .. }
        ));
    }

    #[test]
    fn overdue_means_not_done_and_past_due() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        assert!(is_overdue(
            ItemStatus::InProgress,
            d("2026-01-01"),
            d("2026-01-02")
        ));
        assert!(!is_overdue(
            ItemStatus::Done,
            d("2026-01-01"),
            d("2026-01-02")
        ));
        assert!(!is_overdue(
            ItemStatus::Planned,
            d("2026-01-02"),
            d("2026-01-02")
        ));
    }
}
