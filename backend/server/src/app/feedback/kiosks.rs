//! Kiosk devices (ADR 0027): HR registers a desk's own tablet for one target, so a busy
//! desk is not capped by the per-device limits meant for citizens' phones. The credential
//! is shown once (in a setup link whose fragment never reaches a server) and stored hashed.

use sea_orm::TransactionTrait;
use serde_json::json;
use uuid::Uuid;

use super::load_target;
use crate::auth::Principal;
use crate::auth::secret::{random_token, sha256_hex};
use crate::domain::feedback::{KIOSK_PREFIX, clean_kiosk_name};
use crate::dto::feedback::{KioskCreated, KioskList, KioskOut};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

fn kiosk_not_found() -> ApiError {
    ApiError::NotFound("Perangkat kios tidak ditemukan".into())
}

/// Registers a kiosk for a target; audited. The credential is in the answer only.
pub async fn create_kiosk(
    state: &AppState,
    p: &Principal,
    target_id: Uuid,
    name: &str,
) -> ApiResult<KioskCreated> {
    let name = clean_kiosk_name(name).map_err(|m| ApiError::field("name", m))?;
    let t = load_target(state, target_id).await?;
    let token = format!("{KIOSK_PREFIX}{}", random_token());
    let txn = state.db.write.begin().await?;
    let k = store::kiosks::insert(&txn, t.id, name, sha256_hex(&token), p.actor()).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "feedback_kiosk.create",
        "feedback_target",
        &t.id.to_string(),
        json!({ "kiosk_id": k.id, "name": k.name }),
    )
    .await?;
    txn.commit().await?;
    Ok(KioskCreated {
        setup_url: format!("{}/kiosk#{token}", state.settings.public_base()),
        kiosk: k.into(),
        token,
    })
}

/// A target's kiosks, active first (never their credentials).
pub async fn list_kiosks(state: &AppState, target_id: Uuid) -> ApiResult<KioskList> {
    let t = load_target(state, target_id).await?;
    let list = store::kiosks::list_for_target(&state.db.read, t.id).await?;
    Ok(KioskList {
        items: list.into_iter().map(KioskOut::from).collect(),
    })
}

/// Revokes a kiosk at once (its next submission gets 403 `kiosk_invalid`); idempotent,
/// audited when it changes something.
pub async fn revoke_kiosk(state: &AppState, p: &Principal, id: Uuid) -> ApiResult<KioskOut> {
    let txn = state.db.write.begin().await?;
    let k = store::kiosks::find_by_id(&txn, id)
        .await?
        .ok_or_else(kiosk_not_found)?;
    if store::kiosks::revoke(&txn, k.id).await? {
        store::audit::append(
            &txn,
            &p.actor(),
            "feedback_kiosk.revoke",
            "feedback_target",
            &k.target_id.to_string(),
            json!({ "kiosk_id": k.id, "name": k.name }),
        )
        .await?;
    }
    let k = store::kiosks::find_by_id(&txn, id)
        .await?
        .ok_or_else(kiosk_not_found)?;
    txn.commit().await?;
    Ok(k.into())
}
