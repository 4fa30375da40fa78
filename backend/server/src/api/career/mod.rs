//! Career development (DOMAIN.md §7 "Development"): recommendations, development plans
//! confirmed by the direct supervisor, progress and certificates recorded by the employee,
//! the training catalogue (HR) and training hours against the 20 JP/year target. The use
//! cases are in `app::career`.
//!
//! Invariants:
//! - recommendations are computed on read from published periods (never stored); every one
//!   states its cause and rule;
//! - only the direct supervisor creates a plan; only the employee updates an item's progress
//!   or attaches certificates; plans are read by the employee, their supervisor chain and
//!   admin/HR/auditor — anyone else gets 403;
//! - certificate files follow the bukti dukung rules: declared type accepted, magic bytes
//!   must match, size bounded, stored under a random key, served as an attachment.

mod certificates;
mod hours;
mod plans;
mod trainings;
pub(crate) mod upload;

use utoipa_actix_web::service_config::ServiceConfig;

pub use certificates::{delete_certificate, download_certificate, upload_certificate};
pub use hours::{employee_training_hours, unit_training_hours};
pub use plans::{
    completed_development, create_plan, get_recommendations, list_plan_items, list_plans,
    update_item,
};
pub use trainings::{
    create_training, delete_training, get_training, import_trainings, list_trainings,
    update_training,
};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_recommendations)
        .service(create_plan)
        .service(list_plans)
        .service(update_item)
        .service(upload_certificate)
        .service(download_certificate)
        .service(delete_certificate)
        .service(list_plan_items)
        .service(completed_development)
        .service(list_trainings)
        .service(create_training)
        .service(import_trainings)
        .service(get_training)
        .service(update_training)
        .service(delete_training)
        .service(employee_training_hours)
        .service(unit_training_hours);
}
