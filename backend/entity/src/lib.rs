//! SeaORM entities of Kinerja360, in the generated style: plain data, no behaviour.
//!
//! Ids are UUIDs so the same entity serves SQLite and PostgreSQL. Rules live in
//! `kinerja::domain`, queries in `kinerja::store`.

pub mod api_key;
pub mod appeal;
pub mod audit_head;
pub mod audit_log;
pub mod coaching_session;
pub mod development_certificate;
pub mod development_item;
pub mod development_plan;
pub mod email_outbox;
pub mod employee;
pub mod evaluation;
pub mod evidence;
pub mod exemption;
pub mod feedback_kiosk;
pub mod feedback_note;
pub mod feedback_submission;
pub mod feedback_target;
pub mod feedback_ticket;
pub mod indicator;
pub mod notification;
pub mod notification_email_optout;
pub mod org_result;
pub mod period;
pub mod potensi_assessment;
pub mod rating_360;
pub mod realisasi;
pub mod refresh_token;
pub mod rhk;
pub mod siasn_delivery;
pub mod skp;
pub mod skp_expectation;
pub mod training;
pub mod unit;
pub mod user;
pub mod webhook;
pub mod webhook_attempt;
pub mod webhook_delivery;
