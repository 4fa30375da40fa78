//! SKP plans (Sasaran Kinerja Pegawai, DOMAIN.md §2.1): the employee writes RHK items with
//! indicators and targets, submits; the direct supervisor sets expectations per BerAKHLAK
//! value, approves or returns with a reason.
//!
//! Invariants: only the employee edits, only while the plan is a draft or returned
//! (`skp_locked` otherwise); status changes follow `domain::skp::SkpStatus::apply`; only the
//! current direct supervisor decides (`auth::policy::plans`); a parent RHK is always an RHK
//! of the direct supervisor's plan of the same year; every change is audited in its
//! transaction (`app::skp`). Reads: the employee, their supervisor chain, admin/HR/auditor;
//! anyone else gets a 404.

mod plan;
mod workflow;

pub use plan::*;
pub use workflow::*;

use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiResult;

/// Wire types of this area (also named by other areas' handlers).
pub use crate::dto::skp::{
    ApprovalItem, ApprovalList, ApprovalQuery, ApprovalSkp, ApprovalStatusFilter, CopyInput,
    ExpectationOut, ExpectationsInput, IndicatorInput, IndicatorOut, ParentOption, ParentOptions,
    ParentRhkRef, PersonRef, ReturnInput, RhkInput, RhkOut, SkpInput, SkpOut,
};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_approvals)
        .service(get_skp)
        .service(put_skp)
        .service(submit_skp)
        .service(approve_skp)
        .service(return_skp)
        .service(put_expectations)
        .service(copy_skp)
        .service(parent_options);
}

/// The result of this area's handlers.
pub type Res<T> = ApiResult<T>;
