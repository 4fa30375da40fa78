//! Use cases of `units` (see `api::units` for the HTTP side): list, read and the
//! idempotent upsert by code.

use sea_orm::{ConnectionTrait, TransactionTrait};
use validator::Validate;

use crate::app::auth::validation;
use crate::auth::{Principal, policy};
use crate::domain::hierarchy::unit_parent_closes_cycle;
use crate::domain::master::{UnitKind, is_valid_unit_code};
use crate::dto::PageMeta;
use crate::dto::units::{UnitList, UnitOut, UnitUpsert};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult, FieldErrors};
use crate::events::Audience;
use crate::events::EventKind;
use crate::state::AppState;
use crate::store::{self, PageReq};

/// Builds the response rows for units with their parents and counts (three queries).
pub async fn unit_views<C: ConnectionTrait>(
    conn: &C,
    units: Vec<entity::unit::Model>,
) -> ApiResult<Vec<UnitOut>> {
    let parents =
        store::units::find_by_ids(conn, units.iter().filter_map(|u| u.parent_id).collect()).await?;
    let counts = store::units::employee_counts(conn, units.iter().map(|u| u.id).collect()).await?;
    Ok(units
        .into_iter()
        .map(|u| {
            let parent = u.parent_id.and_then(|p| parents.get(&p));
            let count = counts.get(&u.id).copied().unwrap_or(0);
            UnitOut::new(u, parent, count)
        })
        .collect())
}

/// Units ordered by code, optionally searched and below one parent (by code).
pub async fn list_units(
    state: &AppState,
    q: Option<&str>,
    parent_code: Option<&str>,
    page: PageReq,
) -> ApiResult<UnitList> {
    let db = &state.db.read;
    let parent = crate::app::unit_filter(db, parent_code).await?;
    let (units, total) = store::units::list(db, q, parent, page).await?;
    Ok(UnitList {
        items: unit_views(db, units).await?,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    })
}

/// One unit by code.
pub async fn get_unit(state: &AppState, code: &str) -> ApiResult<UnitOut> {
    let db = &state.db.read;
    let unit = store::units::find_by_code(db, code)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Unit {code} tidak ditemukan")))?;
    Ok(unit_views(db, vec![unit]).await?.remove(0))
}

/// The field checks that need no database, all reported at once.
fn check_fields(code: &str, body: &UnitUpsert) -> ApiResult<()> {
    let mut fields = match body.validate() {
        Ok(()) => FieldErrors::new(),
        Err(e) => match validation(e) {
            ApiError::Validation(f) => f,
            other => return Err(other),
        },
    };
    if !is_valid_unit_code(code) {
        fields.entry("code".into()).or_default().push(
            "Kode unit hanya boleh huruf, angka, '-', '_' atau '.' (maksimal 64 karakter)".into(),
        );
    }
    if UnitKind::parse(&body.kind).is_none() {
        fields.entry("kind".into()).or_default().push(format!(
            "Jenis unit harus salah satu dari: {}",
            UnitKind::list()
        ));
    }
    if body.name.trim().is_empty() && !fields.contains_key("name") {
        fields
            .entry("name".into())
            .or_default()
            .push("Nama unit wajib diisi".into());
    }
    if fields.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(fields))
    }
}

/// Creates or updates a unit by code; returns its view and whether it was created.
/// The same body twice changes nothing.
pub async fn put_unit(
    state: &AppState,
    p: &Principal,
    code: &str,
    body: &UnitUpsert,
) -> ApiResult<(UnitOut, bool)> {
    policy::require_write_master(p)?;
    check_fields(code, body)?;
    // Two concurrent PUTs of one new code may both find no unit before either inserts; the
    // loser's insert hits the unique index. Retrying once finds the winner's unit, so the
    // upsert stays idempotent under races.
    let actor = p.actor();
    let (view, created) = match upsert_unit(state, &actor, code, body).await {
        Err(ApiError::Conflict { .. }) => upsert_unit(state, &actor, code, body).await?,
        other => other?,
    };
    state.events.publish(
        EventKind::UnitUpdated,
        vec![view.code.clone()],
        Audience::Everyone,
    );
    Ok((view, created))
}

/// The checks that need the database and the write, in one transaction with the audit
/// entry of a change (none when nothing changed): the stored view and whether the unit was
/// created.
async fn upsert_unit(
    state: &AppState,
    actor: &str,
    code: &str,
    body: &UnitUpsert,
) -> ApiResult<(UnitOut, bool)> {
    let txn = state.db.write.begin().await?;
    let existing = store::units::find_by_code(&txn, code).await?;
    let parent_code = body
        .parent_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let parent_id = match parent_code {
        None => None,
        Some(pc) if pc == code => {
            return Err(ApiError::field(
                "parent_code",
                "Unit tidak boleh menjadi induk dirinya sendiri",
            ));
        }
        Some(pc) => {
            let parent = store::units::find_by_code(&txn, pc).await?.ok_or_else(|| {
                ApiError::field("parent_code", format!("Unit induk {pc} tidak ditemukan"))
            })?;
            if let Some(me) = &existing {
                let chain: Vec<_> = store::units::ancestors(&txn, Some(parent.id))
                    .await?
                    .iter()
                    .map(|a| a.id)
                    .collect();
                if unit_parent_closes_cycle(me.id, &chain) {
                    return Err(ApiError::field(
                        "parent_code",
                        format!(
                            "Unit {pc} berada di bawah {code}; susunan unit tidak boleh melingkar"
                        ),
                    ));
                }
            }
            Some(parent.id)
        }
    };
    let now = chrono::Utc::now();
    let name = body.name.trim().to_string();
    let (model, created, changed) = match existing {
        Some(u) if u.name == name && u.kind == body.kind && u.parent_id == parent_id => {
            (u, false, false)
        }
        Some(u) => (
            store::units::update(&txn, u, name, body.kind.clone(), parent_id, now).await?,
            false,
            true,
        ),
        None => {
            let new = store::units::NewUnit {
                code: code.to_string(),
                name,
                kind: body.kind.clone(),
                parent_id,
                at: now,
            };
            let m = store::units::insert(&txn, new).await.map_err(|e| {
                let text = e.to_string();
                if text.contains("uq_units_code") || text.contains("units.code") {
                    // The existence check above ran in this transaction: only a concurrent
                    // insert of the same code can get here.
                    ApiError::conflict(
                        ErrorCode::Conflict,
                        format!(
                            "Unit {code} baru saja disimpan oleh permintaan lain; ulangi permintaan"
                        ),
                    )
                } else {
                    ApiError::from(e)
                }
            })?;
            (m, true, true)
        }
    };
    if changed {
        store::audit::append(
            &txn,
            actor,
            if created {
                "unit.create"
            } else {
                "unit.update"
            },
            "unit",
            &model.id.to_string(),
            serde_json::json!({
                "code": model.code, "name": model.name, "kind": model.kind,
                "parent_code": parent_code,
            }),
        )
        .await?;
    }
    let view = unit_views(&txn, vec![model]).await?.remove(0);
    txn.commit().await?;
    Ok((view, created))
}
