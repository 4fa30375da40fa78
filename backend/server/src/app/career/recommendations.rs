//! Development recommendations of an employee for a published period, computed on read
//! by the pure rules of `domain::development`, each with its cause and rule.

use entity::{employee, period};
use sea_orm::ConnectionTrait;
use std::collections::HashMap;
use uuid::Uuid;

use super::{display_name, employee_by_nip};
use crate::auth::{Principal, policy};
use crate::domain::angka_kredit::{family_key, parse_jabatan};
use crate::domain::berakhlak::CoreValue;
use crate::domain::development::{
    self as rules, Action, Colleague, Course, RecommendationKind, RecommendationTrigger,
    TrainingMode, Trigger,
};
use crate::domain::predikat::Predikat;
use crate::dto::career::{PeriodBrief, RecommendationList, RecommendationOut, RecommendedAction};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

/// Rounds a mean to two decimals, as shown.
fn round2(m: f64) -> f64 {
    (m * 100.0).round() / 100.0
}

/// Computes the recommendations of one employee for one published period (pure rules in
/// `domain::development`; this loads their inputs with a fixed number of queries).
pub async fn recommendations_for<C: ConnectionTrait>(
    conn: &C,
    emp: &employee::Model,
    period: &period::Model,
) -> ApiResult<Vec<RecommendationOut>> {
    let own = store::talent::list_final_evaluations(conn, &[period.id], &[emp.id]).await?;
    let predikat = own.first().and_then(|e| Predikat::parse(&e.predikat));
    let means_all = store::talent::list_value_means(conn, period.id, &[emp.id]).await?;
    let means = means_all.get(&emp.id).copied().unwrap_or([None; 7]);

    let catalogue = store::career::list_trainings(
        conn,
        &store::career::TrainingFilter {
            active: Some(true),
            ..Default::default()
        },
    )
    .await?;
    let courses: Vec<Course> = catalogue
        .iter()
        .enumerate()
        .map(|(i, t)| Course {
            index: i,
            title: t.title.clone(),
            value: t.value_code.as_deref().and_then(CoreValue::parse),
        })
        .collect();

    let family = parse_jabatan(&emp.jabatan).family;
    let my_family = family.to_lowercase();
    let people = store::talent::list_colleague_candidates(conn, emp, &family).await?;
    let ids: Vec<Uuid> = people.iter().map(|c| c.id).collect();
    let evals: HashMap<Uuid, Predikat> =
        store::talent::list_final_evaluations(conn, &[period.id], &ids)
            .await?
            .into_iter()
            .filter_map(|e| Predikat::parse(&e.predikat).map(|p| (e.employee_id, p)))
            .collect();
    let their_means = store::talent::list_value_means(conn, period.id, &ids).await?;
    // Index 0 is reserved for the employee (never a colleague).
    let colleagues: Vec<Colleague> = people
        .iter()
        .enumerate()
        .map(|(i, c)| Colleague {
            index: i + 1,
            name: c.name.clone(),
            same_family: family_key(&c.jabatan) == my_family,
            same_unit: c.unit_id == emp.unit_id,
            predikat: evals.get(&c.id).copied(),
            means: their_means
                .get(&c.id)
                .map(|m| m.map(|x| x.map(|(v, _)| v)))
                .unwrap_or([None; 7]),
        })
        .collect();

    let recs = rules::recommend(&period.name, predikat, &means, &courses, &colleagues, 0);
    let brief = PeriodBrief::from(period);
    Ok(recs
        .into_iter()
        .map(|r| {
            let actions = r
                .actions
                .iter()
                .filter_map(|a| match a {
                    Action::Training { course, reason } => {
                        let t = catalogue.get(*course)?;
                        Some(RecommendedAction {
                            kind: RecommendationKind::Training,
                            title: t.title.clone(),
                            training_id: Some(t.id),
                            hours: Some(t.hours),
                            mode: Some(
                                TrainingMode::parse(&t.mode).unwrap_or(TrainingMode::Lainnya),
                            ),
                            provider: Some(t.provider.clone()),
                            mentor_nip: None,
                            mentor_name: None,
                            mentor_jabatan: None,
                            mentor_mean: None,
                            reason: reason.clone(),
                        })
                    }
                    Action::Mentoring {
                        colleague,
                        value,
                        mean,
                        reason,
                    } => {
                        let m = people.get(colleague.checked_sub(1)?)?;
                        Some(RecommendedAction {
                            kind: RecommendationKind::Mentoring,
                            title: format!(
                                "Mentoring {}oleh {}",
                                value.map_or(String::new(), |v| format!(
                                    "nilai {} ",
                                    v.info().name_id
                                )),
                                display_name(m)
                            ),
                            training_id: None,
                            hours: None,
                            mode: None,
                            provider: None,
                            mentor_nip: Some(m.nip.clone()),
                            mentor_name: Some(display_name(m)),
                            mentor_jabatan: Some(m.jabatan.clone()),
                            mentor_mean: Some(round2(*mean)),
                            reason: reason.clone(),
                        })
                    }
                })
                .collect();
            let (key, trigger, predikat, value, mean, responses) = match r.trigger {
                Trigger::Predikat(p) => (
                    "predikat".to_string(),
                    RecommendationTrigger::Predikat,
                    Some(p),
                    None,
                    None,
                    None,
                ),
                Trigger::Value {
                    value,
                    mean,
                    responses,
                } => (
                    format!("value:{}", value.as_str()),
                    RecommendationTrigger::Value360,
                    None,
                    Some(value),
                    Some(round2(mean)),
                    Some(responses),
                ),
            };
            RecommendationOut {
                key,
                trigger,
                period: brief.clone(),
                predikat,
                predikat_label: predikat.map(|p| p.label().into()),
                value_code: value,
                value_label: value.map(|v| v.info().name_id.into()),
                mean,
                responses,
                rule: r.rule,
                cause: r.cause,
                actions,
            }
        })
        .collect())
}

/// The recommendations of an employee for a published period (default: the latest
/// published period with a result for them). Readers of the employee's performance.
pub async fn get_recommendations(
    state: &AppState,
    p: &Principal,
    nip: &str,
    period_id: Option<Uuid>,
) -> ApiResult<RecommendationList> {
    let db = &state.db.read;
    let emp = employee_by_nip(db, nip).await?;
    policy::require(policy::can_read_performance(db, p, &emp).await?)?;
    let period = match period_id {
        Some(id) => Some(
            store::periods::find(db, id)
                .await?
                .filter(|p| p.state == "published")
                .ok_or_else(|| ApiError::NotFound("Periode terbit tidak ditemukan".into()))?,
        ),
        None => {
            let published = store::talent::list_published_periods(db).await?;
            store::talent::find_latest_result_period(db, &published, emp.id).await?
        }
    };
    let items = match &period {
        Some(per) => recommendations_for(db, &emp, per).await?,
        None => Vec::new(),
    };
    Ok(RecommendationList {
        nip: emp.nip.clone(),
        name: display_name(&emp),
        period: period.as_ref().map(PeriodBrief::from),
        items,
    })
}
