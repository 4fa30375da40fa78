//! Permissions — the official documents (SKP and Dokumen Evaluasi Kinerja as PDF, ADR 0022).
//!
//! One rule: whoever reads the employee's performance records reads their documents (the
//! employee, the pejabat penilai and everyone above in the chain, admin/HR/auditor), and
//! so does the HR system with an API key scoped `results:read`. Everyone else gets a 404.

use sea_orm::ConnectionTrait;

use crate::auth::Principal;
use crate::domain::master::ApiScope;
use crate::error::ApiResult;

/// May download the employee's SKP and Dokumen Evaluasi Kinerja.
pub async fn can_download_documents<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    employee: &entity::employee::Model,
) -> ApiResult<bool> {
    if p.has_scope(ApiScope::ResultsRead) {
        return Ok(true);
    }
    super::can_read_performance(conn, p, employee).await
}
