//! Use cases of `employees` (see `api::employees` for the HTTP side): the list of visible
//! employees, one employee, the idempotent upsert by NIP and the bulk import (both through
//! `crate::import`).

use sea_orm::{ConnectionTrait, TransactionTrait};

use crate::auth::{Principal, policy};
use crate::dto::PageMeta;
use crate::dto::employees::{EmployeeList, EmployeeOut, EmployeeUpsert, ImportReport};
use crate::error::{ApiError, ApiResult, FieldErrors, RowError};
use crate::events::Audience;
use crate::events::EventKind;
use crate::import::{self, ImportRow, Outcome};
use crate::state::AppState;
use crate::store::{self, PageReq, employees::EmployeeFilter};

/// Builds the response rows: units and supervisors are loaded in two batched queries.
pub async fn employee_views<C: ConnectionTrait>(
    conn: &C,
    list: Vec<entity::employee::Model>,
) -> ApiResult<Vec<EmployeeOut>> {
    let units = store::units::find_by_ids(conn, list.iter().map(|e| e.unit_id).collect()).await?;
    let sups =
        store::employees::find_by_ids(conn, list.iter().filter_map(|e| e.supervisor_id).collect())
            .await?;
    Ok(list
        .into_iter()
        .map(|e| {
            let unit = units.get(&e.unit_id);
            let sup = e.supervisor_id.and_then(|s| sups.get(&s));
            EmployeeOut::new(e, unit, sup)
        })
        .collect())
}

fn not_found(nip: &str) -> ApiError {
    ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan"))
}

/// Filters of the employee list as the caller gives them.
pub struct ListEmployees<'a> {
    pub unit_code: Option<&'a str>,
    pub q: Option<String>,
    pub active: Option<bool>,
    pub page: PageReq,
}

/// The employees the caller may see (`policy::visible_employee_ids`), filtered and paged.
pub async fn list_employees(
    state: &AppState,
    p: &Principal,
    f: ListEmployees<'_>,
) -> ApiResult<EmployeeList> {
    let db = &state.db.read;
    let unit_id = crate::app::unit_filter(db, f.unit_code).await?;
    let filter = EmployeeFilter {
        unit_id,
        q: f.q,
        active: f.active,
        only_ids: policy::visible_employee_ids(db, p).await?,
    };
    let (list, total) = store::employees::list(db, &filter, f.page).await?;
    Ok(EmployeeList {
        items: employee_views(db, list).await?,
        meta: PageMeta {
            page: f.page.page,
            per_page: f.page.per_page,
            total,
        },
    })
}

/// One employee by NIP; 404 also when the caller may not read them.
pub async fn get_employee(state: &AppState, p: &Principal, nip: &str) -> ApiResult<EmployeeOut> {
    let db = &state.db.read;
    let e = store::employees::find_by_nip(db, nip)
        .await?
        .ok_or_else(|| not_found(nip))?;
    if !policy::can_read_employee(db, p, &e).await? {
        return Err(not_found(nip));
    }
    Ok(employee_views(db, vec![e]).await?.remove(0))
}

fn rows_to_fields(rows: Vec<RowError>) -> ApiError {
    let mut fields = FieldErrors::new();
    for r in rows {
        fields.entry(r.field).or_default().push(r.message);
    }
    ApiError::Validation(fields)
}

/// Creates or updates an employee by NIP; returns the view and whether it was created.
/// The same body twice changes nothing and publishes nothing.
pub async fn put_employee(
    state: &AppState,
    p: &Principal,
    nip: &str,
    data: EmployeeUpsert,
) -> ApiResult<(EmployeeOut, bool)> {
    policy::require_write_master(p)?;
    // Two concurrent PUTs of one new NIP may both validate before either inserts; on
    // PostgreSQL the loser's insert then hits the unique index. Retrying once finds the
    // winner's row and answers as an update, so the upsert stays idempotent under races.
    let actor = p.actor();
    let (view, outcome) = match upsert_one(state, &actor, nip, data.clone()).await {
        Err(ApiError::Conflict { .. }) => upsert_one(state, &actor, nip, data).await?,
        other => other?,
    };
    if outcome != Some(Outcome::Unchanged) {
        state.events.publish(
            EventKind::EmployeeUpdated,
            vec![view.nip.clone()],
            Audience::Employee(view.id),
        );
    }
    Ok((view, outcome == Some(Outcome::Created)))
}

/// One upsert in its own transaction with the audit entry of a change: the stored view and
/// what happened.
async fn upsert_one(
    state: &AppState,
    actor: &str,
    nip: &str,
    data: EmployeeUpsert,
) -> ApiResult<(EmployeeOut, Option<Outcome>)> {
    let row = ImportRow {
        row: 1,
        nip: nip.to_string(),
        data,
    };
    let txn = state.db.write.begin().await?;
    let plan = match import::validate(&txn, vec![row], Vec::new()).await {
        Ok(plan) => plan,
        Err(ApiError::ImportRejected(rows)) => return Err(rows_to_fields(rows)),
        Err(e) => return Err(e),
    };
    let (_, outcomes) = plan.apply(&txn, &|_, _| {}).await.map_err(|e| match e {
        ApiError::ImportRejected(rows) => rows_to_fields(rows),
        other => other,
    })?;
    let e = store::employees::find_by_nip(&txn, nip.trim())
        .await?
        .ok_or_else(|| anyhow::anyhow!("employee vanished inside its own transaction"))?;
    let view = employee_views(&txn, vec![e]).await?.remove(0);
    let outcome = outcomes.first().map(|(_, o)| *o);
    if let Some(o @ (Outcome::Created | Outcome::Updated)) = outcome {
        store::audit::append(
            &txn,
            actor,
            if o == Outcome::Created {
                "employee.create"
            } else {
                "employee.update"
            },
            "employee",
            &view.id.to_string(),
            serde_json::json!({
                "nip": view.nip, "name": view.name, "status": view.status,
                "golongan": view.golongan, "jabatan": view.jabatan,
                "jenis_jabatan": view.jenis_jabatan, "unit_code": view.unit_code,
                "supervisor_nip": view.supervisor_nip, "active": view.active,
            }),
        )
        .await?;
    }
    txn.commit().await?;
    Ok((view, outcome))
}

/// The audit entry of a bulk import (API or `kinerja import`), in its transaction: the NIPs
/// created and updated; none when nothing changed.
pub async fn audit_import<C: ConnectionTrait>(
    txn: &C,
    actor: &str,
    outcomes: &[(String, Outcome)],
) -> ApiResult<()> {
    let of = |want: Outcome| -> Vec<&str> {
        outcomes
            .iter()
            .filter(|(_, o)| *o == want)
            .map(|(n, _)| n.as_str())
            .collect()
    };
    let (created, updated) = (of(Outcome::Created), of(Outcome::Updated));
    if created.is_empty() && updated.is_empty() {
        return Ok(());
    }
    store::audit::append(
        txn,
        actor,
        "employee.import",
        "employee",
        "import",
        serde_json::json!({ "created": created, "updated": updated }),
    )
    .await?;
    Ok(())
}

/// The format of an uploaded batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BatchFormat {
    Csv,
    Json,
}

/// Bulk upsert of an uploaded batch, all or nothing; with `dry_run` only validated (the
/// report then carries the errors instead of a 422).
pub async fn import_employees(
    state: &AppState,
    p: &Principal,
    bytes: &[u8],
    format: BatchFormat,
    dry_run: bool,
) -> ApiResult<ImportReport> {
    policy::require_write_master(p)?;
    // An empty upload has no rows (422 like a header-only file), not a CSV without columns
    // or malformed JSON (400).
    let content = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if content.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::field(
            "rows",
            "Berkas kosong: tidak berisi baris data",
        ));
    }
    let (rows, errors) = match format {
        BatchFormat::Csv => import::parse_csv(bytes)?,
        BatchFormat::Json => import::parse_json(bytes)?,
    };
    if rows.is_empty() && errors.is_empty() {
        return Err(ApiError::field("rows", "Berkas tidak berisi baris data"));
    }
    let total = rows.len() + errors.iter().filter(|e| e.field == "row").count();
    if dry_run {
        return match import::validate(&state.db.read, rows, errors).await {
            Ok(plan) => Ok(plan.preview()),
            Err(ApiError::ImportRejected(errors)) => Ok(ImportReport {
                dry_run: true,
                total,
                errors,
                ..ImportReport::default()
            }),
            Err(e) => Err(e),
        };
    }
    let txn = state.db.write.begin().await?;
    let plan = import::validate(&txn, rows, errors).await?;
    let (report, outcomes) = plan.apply(&txn, &|_, _| {}).await?;
    audit_import(&txn, &p.actor(), &outcomes).await?;
    txn.commit().await?;
    // Only a signal to refetch lists: which NIPs changed is not broadcast to everyone.
    if outcomes.iter().any(|(_, o)| *o != Outcome::Unchanged) {
        state
            .events
            .publish(EventKind::EmployeesImported, Vec::new(), Audience::Everyone);
    }
    tracing::info!(created = report.created, updated = report.updated, actor = %p.actor(), "employees imported");
    Ok(report)
}
