//! Use cases of `appeals` (see `api::appeals` for the HTTP side): file, list, read, write
//! statements and decide. The rules live in `domain::appeal` (deadline, decider,
//! decision) and `auth::policy::cycle` (who reads, writes and decides).

mod views;

use chrono::Utc;
use entity::{appeal, evaluation};
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use crate::auth::{Principal, policy};
use crate::domain::appeal::{
    AppealRole, AppealStatus, Decision, deadline, decide, decider_of, ready_to_decide,
    required_text, statement_deadline, within,
};
use crate::domain::predikat::Rating;
use crate::dto::PageMeta;
use crate::dto::appeals::{AppealList, AppealOut, DecideInput, StatementsInput};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult};
use crate::events::Audience;
use crate::events::EventKind;
use crate::state::AppState;
use crate::store::{self, PageReq, appeals::AppealFilter};
use views::{notify, view_one, views, write_notices};

const TEXT_MAX: usize = 4000;
const REASON_MAX: usize = 2000;

fn not_found() -> ApiError {
    ApiError::NotFound("Keberatan tidak ditemukan".into())
}

/// A trimmed, non-empty text of at most `max` characters, else 422 naming the field.
fn text(field: &str, value: &str, max: usize) -> ApiResult<String> {
    required_text(value, max).map_err(|m| ApiError::field(field, m))
}

/// Files an appeal against the employee's own published evaluation, within the deadline,
/// once.
pub async fn file(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    nip: &str,
    reasons: &str,
) -> ApiResult<AppealOut> {
    let reasons = text("reasons", reasons, TEXT_MAX)?;
    let txn = state.db.write.begin().await?;
    let period = store::periods::find(&txn, period_id)
        .await?
        .ok_or_else(|| ApiError::NotFound("Periode tidak ditemukan".into()))?;
    let employee = store::employees::find_by_nip(&txn, nip)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan")))?;
    policy::require(policy::cycle::can_file_appeal(p, employee.id))?;
    if crate::domain::period::PeriodState::parse(&period.state)
        != Some(crate::domain::period::PeriodState::Published)
    {
        return Err(ApiError::conflict(
            ErrorCode::PeriodNotPublished,
            "Keberatan hanya dapat diajukan setelah predikat dipublikasikan",
        ));
    }
    let ev = store::results::find_evaluation(&txn, period.id, employee.id)
        .await?
        .ok_or_else(|| ApiError::NotFound("Tidak ada penilaian Anda pada periode ini".into()))?;
    let settings = &state.settings;
    let now = Utc::now();
    if let Some(published_at) = period.published_at
        && !within(
            now,
            published_at,
            settings.appeal_days,
            settings.local_offset(),
        )
    {
        let last = deadline(published_at, settings.appeal_days, settings.local_offset())
            .with_timezone(&settings.local_offset());
        return Err(ApiError::conflict(
            ErrorCode::AppealDeadlinePassed,
            format!(
                "Batas waktu keberatan ({} hari setelah publikasi) sudah lewat pada {}",
                settings.appeal_days,
                last.format("%d-%m-%Y %H:%M")
            ),
        ));
    }
    let exists = || {
        ApiError::conflict(
            ErrorCode::AppealExists,
            "Keberatan atas penilaian ini sudah diajukan",
        )
    };
    if store::appeals::find_by_evaluation(&txn, ev.id)
        .await?
        .is_some()
    {
        return Err(exists());
    }
    let penilai = store::employees::find_by_id(&txn, ev.penilai_id).await?;
    let decider_id = decider_of(
        ev.penilai_id,
        penilai.and_then(|pe| pe.supervisor_id),
        employee.id,
    );
    let a = store::appeals::insert_appeal(
        &txn,
        appeal::Model {
            id: Uuid::now_v7(),
            evaluation_id: ev.id,
            employee_id: employee.id,
            decider_id,
            reasons,
            employee_statement: None,
            penilai_statement: None,
            status: AppealStatus::Filed.as_str().into(),
            decision: None,
            decision_reason: None,
            old_rating_hasil_kerja: ev.rating_hasil_kerja.clone(),
            old_rating_perilaku: ev.rating_perilaku.clone(),
            old_predikat: ev.predikat.clone(),
            new_rating_hasil_kerja: None,
            new_rating_perilaku: None,
            new_predikat: None,
            filed_at: now,
            decided_at: None,
            created_at: now,
            updated_at: now,
        },
    )
    .await
    .map_err(|e| {
        if crate::error::violates(&e, "uq_appeals_evaluation") {
            exists()
        } else {
            ApiError::from(e)
        }
    })?;
    store::audit::append(
        &txn,
        &p.actor(),
        "appeal.file",
        "appeal",
        &a.id.to_string(),
        json!({
            "period": period.id, "nip": employee.nip, "evaluation": ev.id,
            "decider": if decider_id == ev.penilai_id { json!("hr") } else { json!(decider_id) },
            "predikat": ev.predikat
        }),
    )
    .await?;
    let notified = write_notices(&txn, state, EventKind::AppealFiled, &a, &ev).await?;
    let out = view_one(&txn, p, state.settings.local_offset(), a.clone()).await?;
    txn.commit().await?;
    notify(state, EventKind::AppealFiled, &a, ev.penilai_id);
    crate::app::notifications::announce(state, &notified);
    Ok(out)
}

/// Lists appeals in a role (`mine` by default); 422 for an unknown role or status, 403
/// for `all` without a staff role.
pub async fn list(
    state: &AppState,
    p: &Principal,
    role: Option<&str>,
    status: Option<&str>,
    page: PageReq,
) -> ApiResult<AppealList> {
    let status = match status.map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(
            AppealStatus::parse(s)
                .ok_or_else(|| ApiError::field("status", "Status harus filed atau decided"))?,
        ),
    };
    let role = role
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("mine");
    let role = AppealRole::parse(role)
        .ok_or_else(|| ApiError::field("role", "Peran harus mine, penilai, to_decide atau all"))?;
    // An account without an employee record matches no employee-scoped appeal.
    let me = p.employee_id.unwrap_or(Uuid::nil());
    let mut f = AppealFilter {
        status,
        ..AppealFilter::default()
    };
    match role {
        AppealRole::Mine => f.employee_id = Some(me),
        AppealRole::Penilai => f.penilai_id = Some(me),
        AppealRole::ToDecide => {
            f.decider_id = p.employee_id;
            f.hr_decides = policy::cycle::decides_for_hr(p);
            if f.decider_id.is_none() && !f.hr_decides {
                f.decider_id = Some(me);
            }
        }
        AppealRole::All => policy::require(policy::cycle::can_list_all_appeals(p))?,
    }
    let db = &state.db.read;
    let (list, total) = store::appeals::list(db, &f, page).await?;
    Ok(AppealList {
        role,
        items: views(db, p, state.settings.local_offset(), list).await?,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    })
}

/// Loads an appeal with its evaluation; 404 when missing or not visible to the caller.
async fn load_visible<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    id: Uuid,
) -> ApiResult<(appeal::Model, evaluation::Model)> {
    let a = store::appeals::find(conn, id)
        .await?
        .ok_or_else(not_found)?;
    let ev = store::evaluations::find_evaluation_by_id(conn, a.evaluation_id)
        .await?
        .ok_or_else(not_found)?;
    if !policy::cycle::can_read_appeal(p, &a, ev.penilai_id) {
        return Err(not_found());
    }
    Ok((a, ev))
}

pub async fn read(state: &AppState, p: &Principal, id: Uuid) -> ApiResult<AppealOut> {
    let db = &state.db.read;
    let (a, _) = load_visible(db, p, id).await?;
    view_one(db, p, state.settings.local_offset(), a).await
}

/// Final is final: a decided appeal changes no more.
fn refuse_decided(a: &appeal::Model) -> ApiResult<()> {
    if !AppealStatus::is_open(&a.status) {
        return Err(ApiError::conflict(
            ErrorCode::AppealDecided,
            "Keberatan ini sudah diputuskan dan bersifat final",
        ));
    }
    Ok(())
}

/// Adds or replaces one side's statement while the appeal is undecided.
pub async fn write_statements(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    body: &StatementsInput,
) -> ApiResult<AppealOut> {
    let employee_statement = body
        .employee_statement
        .as_deref()
        .map(|s| text("employee_statement", s, TEXT_MAX))
        .transpose()?;
    let penilai_statement = body
        .penilai_statement
        .as_deref()
        .map(|s| text("penilai_statement", s, TEXT_MAX))
        .transpose()?;
    if employee_statement.is_none() && penilai_statement.is_none() {
        return Err(ApiError::field(
            "employee_statement",
            "Isi employee_statement atau penilai_statement",
        ));
    }
    let txn = state.db.write.begin().await?;
    let (a, ev) = load_visible(&txn, p, id).await?;
    policy::require(policy::cycle::can_write_statements(
        p,
        &a,
        ev.penilai_id,
        employee_statement.is_some(),
        penilai_statement.is_some(),
    ))?;
    refuse_decided(&a)?;
    let a = store::appeals::update_appeal(
        &txn,
        appeal::Model {
            employee_statement: employee_statement.clone().or(a.employee_statement.clone()),
            penilai_statement: penilai_statement.clone().or(a.penilai_statement.clone()),
            updated_at: Utc::now(),
            ..a
        },
    )
    .await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "appeal.statement",
        "appeal",
        &a.id.to_string(),
        json!({
            "employee_statement": employee_statement.is_some(),
            "penilai_statement": penilai_statement.is_some()
        }),
    )
    .await?;
    let out = view_one(&txn, p, state.settings.local_offset(), a.clone()).await?;
    txn.commit().await?;
    notify(state, EventKind::AppealUpdated, &a, ev.penilai_id);
    Ok(out)
}

/// Decides an appeal once and finally; `change` sets the new ratings on the evaluation
/// with the predikat from the matrix.
pub async fn decide_appeal(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    body: &DecideInput,
) -> ApiResult<AppealOut> {
    let reason = text("reason", &body.reason, REASON_MAX)?;
    let txn = state.db.write.begin().await?;
    let (a, ev) = load_visible(&txn, p, id).await?;
    policy::require(policy::cycle::can_decide_appeal(p, &a, ev.penilai_id))?;
    refuse_decided(&a)?;
    let offset = state.settings.local_offset();
    let lapsed = ready_to_decide(
        a.penilai_statement.is_some(),
        a.filed_at,
        Utc::now(),
        offset,
    )
    .map_err(|due| {
        ApiError::conflict(
            ErrorCode::AppealStatementPending,
            format!(
                "Keberatan baru dapat diputuskan setelah pernyataan pejabat penilai, \
                     atau setelah batas waktunya lewat pada {}",
                due.with_timezone(&offset).format("%d-%m-%Y %H:%M")
            ),
        )
    })?;
    if lapsed {
        // The lapse is recorded once, in the decision's own transaction, before it.
        store::audit::append(
            &txn,
            &p.actor(),
            "appeal.statement_lapsed",
            "appeal",
            &a.id.to_string(),
            json!({ "due": statement_deadline(a.filed_at, offset) }),
        )
        .await?;
    }
    let old = (
        Rating::parse(&ev.rating_hasil_kerja),
        Rating::parse(&ev.rating_perilaku),
    );
    let (Some(old_hk), Some(old_pk)) = old else {
        return Err(anyhow::anyhow!("stored ratings not recognised").into());
    };
    let (hk, pk, pr) = decide(
        body.decision,
        (old_hk, old_pk),
        body.rating_hasil_kerja,
        body.rating_perilaku,
    )
    .map_err(|(field, msg)| ApiError::field(field, msg))?;
    let now = Utc::now();
    let changed = body.decision == Decision::Change;
    if changed {
        store::evaluations::update_evaluation(
            &txn,
            evaluation::Model {
                rating_hasil_kerja: hk.as_str().into(),
                rating_perilaku: pk.as_str().into(),
                predikat: pr.as_str().into(),
                updated_at: now,
                ..ev.clone()
            },
        )
        .await?;
        store::audit::append(
            &txn,
            &p.actor(),
            "evaluation.appeal_change",
            "evaluation",
            &ev.id.to_string(),
            json!({
                "appeal": a.id,
                "from": { "hasil_kerja": ev.rating_hasil_kerja, "perilaku": ev.rating_perilaku, "predikat": ev.predikat },
                "to": { "hasil_kerja": hk.as_str(), "perilaku": pk.as_str(), "predikat": pr.as_str() }
            }),
        )
        .await?;
        crate::app::webhooks::emit::predikat_changed(
            &txn,
            a.id,
            &ev,
            (hk.as_str(), pk.as_str(), pr.as_str()),
            now,
        )
        .await?;
    }
    let mut decided = appeal::Model {
        status: AppealStatus::Decided.as_str().into(),
        decision: Some(body.decision.as_str().into()),
        decision_reason: Some(reason.clone()),
        decided_at: Some(now),
        updated_at: now,
        ..a
    };
    if changed {
        decided.new_rating_hasil_kerja = Some(hk.as_str().into());
        decided.new_rating_perilaku = Some(pk.as_str().into());
        decided.new_predikat = Some(pr.as_str().into());
    }
    let a = store::appeals::update_appeal(&txn, decided).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "appeal.decide",
        "appeal",
        &a.id.to_string(),
        json!({
            "decision": body.decision.as_str(), "reason": reason,
            "predikat": pr.as_str(), "previous_predikat": ev.predikat,
            "penilai_statement_lapsed": lapsed
        }),
    )
    .await?;
    let notified = write_notices(&txn, state, EventKind::AppealDecided, &a, &ev).await?;
    let out = view_one(&txn, p, state.settings.local_offset(), a.clone()).await?;
    txn.commit().await?;
    notify(state, EventKind::AppealDecided, &a, ev.penilai_id);
    crate::app::notifications::announce(state, &notified);
    if changed {
        state.events.publish(
            EventKind::EvaluationUpdated,
            vec![ev.id.to_string()],
            Audience::Staff,
        );
    }
    Ok(out)
}
