//! Feedback targets: a service desk of a unit or one employee, each with a QR token.

use rand::RngCore;
use sea_orm::TransactionTrait;
use serde_json::json;
use uuid::Uuid;

use super::{display_name, load_target, one_view, target_not_found, target_views};
use crate::auth::Principal;
use crate::domain::feedback::{TargetKind, desk_label};
use crate::dto::PageMeta;
use crate::dto::feedback::{TargetCreate, TargetList, TargetOut};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult};
use crate::qr;
use crate::state::AppState;
use crate::store::{self, PageReq, feedback::NewTarget};

fn new_token() -> String {
    // 128 bits, URL-safe hex: unguessable, short enough for a QR code.
    let mut b = [0u8; 16];
    rand::rng().fill_bytes(&mut b);
    hex::encode(b)
}

/// Lists targets of a unit (`unit_code`) and/or kind; 404 for an unknown unit, 422 for an
/// unknown kind.
pub async fn list_targets(
    state: &AppState,
    unit_code: Option<&str>,
    kind: Option<&str>,
    page: PageReq,
) -> ApiResult<TargetList> {
    let db = &state.db.read;
    let unit_id = crate::app::unit_filter(db, unit_code).await?;
    let kind = match kind.filter(|k| !k.is_empty()) {
        None => None,
        Some(k) => Some(
            TargetKind::parse(k)
                .ok_or_else(|| ApiError::field("kind", "Jenis sasaran harus unit atau employee"))?,
        ),
    };
    let (list, total) = store::feedback::list_targets(db, unit_id, kind, page).await?;
    Ok(TargetList {
        items: target_views(db, &state.settings.public_base(), list).await?,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    })
}

/// Creates a target: a service desk of a unit, or one employee (at most one target each).
pub async fn create_target(
    state: &AppState,
    p: &Principal,
    body: &TargetCreate,
) -> ApiResult<TargetOut> {
    let txn = state.db.write.begin().await?;
    let unit = store::units::find_by_code(&txn, body.unit_code.trim())
        .await?
        .ok_or_else(|| {
            ApiError::field(
                "unit_code",
                format!("Unit {} tidak ditemukan", body.unit_code),
            )
        })?;
    let kind = TargetKind::parse(&body.kind)
        .ok_or_else(|| ApiError::field("kind", "Jenis target harus unit atau employee"))?;
    let (employee_id, label) = match kind {
        TargetKind::Unit => (
            None,
            desk_label(body.label.as_deref()).map_err(|m| ApiError::field("label", m))?,
        ),
        TargetKind::Employee => {
            let nip = body
                .employee_nip
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .ok_or_else(|| ApiError::field("employee_nip", "NIP pegawai wajib diisi"))?;
            let e = store::employees::find_by_nip(&txn, nip)
                .await?
                .ok_or_else(|| {
                    ApiError::field(
                        "employee_nip",
                        format!("Pegawai dengan NIP {nip} tidak ditemukan"),
                    )
                })?;
            if e.unit_id != unit.id {
                return Err(ApiError::field(
                    "employee_nip",
                    format!("Pegawai {nip} tidak berada di unit {}", unit.code),
                ));
            }
            if store::feedback::find_target_of_employee(&txn, e.id)
                .await?
                .is_some()
            {
                return Err(ApiError::conflict(
                    ErrorCode::TargetExists,
                    "Pegawai ini sudah memiliki kode QR; gunakan rotasi untuk menggantinya",
                ));
            }
            (Some(e.id), display_name(&e))
        }
    };
    let t = store::feedback::insert_target(
        &txn,
        NewTarget {
            kind,
            label,
            unit_id: unit.id,
            employee_id,
            token: new_token(),
        },
    )
    .await
    .map_err(|e| {
        crate::error::on_constraint(
            e,
            "uq_feedback_targets_employee_id",
            "employee_nip",
            "Pegawai ini sudah memiliki kode QR",
        )
    })?;
    store::audit::append(
        &txn,
        &p.actor(),
        "feedback_target.create",
        "feedback_target",
        &t.id.to_string(),
        json!({ "kind": t.kind, "unit": unit.code, "label": t.label }),
    )
    .await?;
    let view = one_view(&txn, state, t).await?;
    txn.commit().await?;
    Ok(view)
}

/// One target as staff see it.
pub async fn get_target(state: &AppState, id: Uuid) -> ApiResult<TargetOut> {
    let t = load_target(state, id).await?;
    one_view(&state.db.read, state, t).await
}

/// Changes a target's token or active flag and audits it, in one transaction.
async fn change_target(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    token: Option<String>,
    active: Option<bool>,
    action: &str,
) -> ApiResult<TargetOut> {
    let txn = state.db.write.begin().await?;
    let t = store::feedback::find_target(&txn, id)
        .await?
        .ok_or_else(target_not_found)?;
    let t = store::feedback::update_target(&txn, t, token, active).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        action,
        "feedback_target",
        &id.to_string(),
        json!({}),
    )
    .await?;
    let view = one_view(&txn, state, t).await?;
    txn.commit().await?;
    Ok(view)
}

/// Replaces the token: the old QR code stops working at once.
pub async fn rotate_target(state: &AppState, p: &Principal, id: Uuid) -> ApiResult<TargetOut> {
    change_target(
        state,
        p,
        id,
        Some(new_token()),
        None,
        "feedback_target.rotate",
    )
    .await
}

/// Enables or disables a target (a disabled QR code shows "unknown or inactive").
pub async fn set_target_active(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    active: bool,
) -> ApiResult<TargetOut> {
    let action = if active {
        "feedback_target.enable"
    } else {
        "feedback_target.disable"
    };
    change_target(state, p, id, None, Some(active), action).await
}

const INSTRUCTION: &str = "Pindai kode QR ini dengan kamera ponsel untuk menilai pelayanan kami. Tanpa login, cukup 1 menit. Terima kasih!";

/// Title, subtitle and URL of a target's printable sheet.
async fn sheet_parts(state: &AppState, id: Uuid) -> ApiResult<(String, String, String)> {
    let view = get_target(state, id).await?;
    let (title, subtitle) = match &view.employee_name {
        Some(name) => (name.clone(), view.unit_name.clone()),
        None => (view.unit_name.clone(), view.label.clone()),
    };
    Ok((title, subtitle, view.public_url))
}

/// The printable QR sheet as SVG (office name, QR code, URL, instruction).
pub async fn qr_svg(state: &AppState, id: Uuid) -> ApiResult<String> {
    let (title, subtitle, url) = sheet_parts(state, id).await?;
    Ok(qr::svg(&qr::Sheet {
        title: &title,
        subtitle: &subtitle,
        url: &url,
        instruction: INSTRUCTION,
    })?)
}

/// The printable QR sheet as PNG (600 × 840).
pub async fn qr_png(state: &AppState, id: Uuid) -> ApiResult<Vec<u8>> {
    let (title, subtitle, url) = sheet_parts(state, id).await?;
    Ok(qr::png(&qr::Sheet {
        title: &title,
        subtitle: &subtitle,
        url: &url,
        instruction: INSTRUCTION,
    })?)
}
