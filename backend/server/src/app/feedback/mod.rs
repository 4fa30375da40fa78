//! Staff side of citizen feedback: targets with their QR sheets and tickets, the
//! moderation queue, hiding abusive comments, and the employee's reply.
//!
//! Every change is written to the audit log in the same transaction. Hidden comments are
//! never deleted and never reach the employee.

mod kiosks;
mod moderation;
mod targets;
mod tickets;

pub use kiosks::{create_kiosk, list_kiosks, revoke_kiosk};
pub use moderation::{accept_many, list_submissions, moderate, reply};
pub use targets::{
    create_target, get_target, list_targets, qr_png, qr_svg, rotate_target, set_target_active,
};
pub use tickets::{create_tickets, list_tickets};

use sea_orm::ConnectionTrait;
use std::collections::HashMap;
use uuid::Uuid;

use crate::domain::feedback::{SubmissionStatus, TargetKind};
use crate::domain::master::full_name;
use crate::dto::feedback::{SubmissionOut, TargetOut};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

fn target_not_found() -> ApiError {
    ApiError::NotFound("Target umpan balik tidak ditemukan".into())
}

fn submission_not_found() -> ApiError {
    ApiError::NotFound("Penilaian tidak ditemukan".into())
}

async fn load_target(state: &AppState, id: Uuid) -> ApiResult<entity::feedback_target::Model> {
    store::feedback::find_target(&state.db.read, id)
        .await?
        .ok_or_else(target_not_found)
}

fn kind_of(t: &entity::feedback_target::Model) -> ApiResult<TargetKind> {
    TargetKind::parse(&t.kind).ok_or_else(|| {
        anyhow::anyhow!("feedback target {} has unknown kind {}", t.id, t.kind).into()
    })
}

fn status_of(s: &entity::feedback_submission::Model) -> ApiResult<SubmissionStatus> {
    SubmissionStatus::parse(&s.status).ok_or_else(|| {
        anyhow::anyhow!(
            "feedback submission {} has unknown status {}",
            s.id,
            s.status
        )
        .into()
    })
}

fn display_name(e: &entity::employee::Model) -> String {
    full_name(
        &e.name,
        e.gelar_depan.as_deref(),
        e.gelar_belakang.as_deref(),
    )
}

/// Targets as staff see them, with their units, employees and submission counts.
async fn target_views<C: ConnectionTrait>(
    conn: &C,
    base: &str,
    list: Vec<entity::feedback_target::Model>,
) -> ApiResult<Vec<TargetOut>> {
    let units = store::units::find_by_ids(conn, list.iter().map(|t| t.unit_id).collect()).await?;
    let emps =
        store::employees::find_by_ids(conn, list.iter().filter_map(|t| t.employee_id).collect())
            .await?;
    let counts =
        store::feedback::count_by_target(conn, list.iter().map(|t| t.id).collect()).await?;
    list.into_iter()
        .map(|t| {
            let u = units.get(&t.unit_id);
            let e = t.employee_id.and_then(|e| emps.get(&e));
            let (counted, held) = counts.get(&t.id).copied().unwrap_or_default();
            Ok(TargetOut {
                kind: kind_of(&t)?,
                public_url: format!("{base}/f/{}", t.token),
                unit_code: u.map(|u| u.code.clone()).unwrap_or_default(),
                unit_name: u.map(|u| u.name.clone()).unwrap_or_default(),
                employee_nip: e.map(|e| e.nip.clone()),
                employee_name: e.map(display_name),
                id: t.id,
                label: t.label,
                token: t.token,
                active: t.active,
                created_at: t.created_at,
                counted,
                held,
            })
        })
        .collect()
}

async fn one_view<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    t: entity::feedback_target::Model,
) -> ApiResult<TargetOut> {
    let mut v = target_views(conn, &state.settings.public_base(), vec![t]).await?;
    Ok(v.remove(0))
}

/// Submissions as staff see them (never the client hash).
async fn submission_views<C: ConnectionTrait>(
    conn: &C,
    list: Vec<entity::feedback_submission::Model>,
) -> ApiResult<Vec<SubmissionOut>> {
    let units = store::units::find_by_ids(conn, list.iter().map(|s| s.unit_id).collect()).await?;
    let emps =
        store::employees::find_by_ids(conn, list.iter().filter_map(|s| s.employee_id).collect())
            .await?;
    let targets: HashMap<Uuid, String> =
        store::feedback::find_targets(conn, list.iter().map(|s| s.target_id).collect())
            .await?
            .into_iter()
            .map(|t| (t.id, t.label))
            .collect();
    list.into_iter()
        .map(|s| {
            let u = units.get(&s.unit_id);
            let e = s.employee_id.and_then(|e| emps.get(&e));
            let answers = [s.u1, s.u2, s.u3, s.u4, s.u5, s.u6, s.u7, s.u8, s.u9]
                .into_iter()
                .enumerate()
                .map(|(i, v)| (format!("u{}", i + 1), v))
                .collect();
            Ok(SubmissionOut {
                status: status_of(&s)?,
                target_label: targets.get(&s.target_id).cloned().unwrap_or_default(),
                unit_code: u.map(|u| u.code.clone()).unwrap_or_default(),
                unit_name: u.map(|u| u.name.clone()).unwrap_or_default(),
                employee_nip: e.map(|e| e.nip.clone()),
                employee_name: e.map(display_name),
                answers,
                id: s.id,
                created_at: s.created_at,
                comment: s.comment,
                comment_hidden: s.comment_hidden,
                comment_hidden_reason: s.comment_hidden_reason,
                verified: s.verified,
                hold_reason: s.hold_reason,
                reply: s.reply,
                replied_at: s.replied_at,
            })
        })
        .collect()
}
