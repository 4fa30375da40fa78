//! Pure rules of the domain, free of I/O: identifiers, reference data and enumerations.
//!
//! Invariant: nothing here imports `api`, `store` or any database type. Every rule is
//! unit-tested next to its code.

pub mod actions;
pub mod aggregation;
pub mod angka_kredit;
pub mod appeal;
pub mod audit_anchor;
pub mod backoff;
pub mod berakhlak;
pub mod development;
pub mod distribution;
pub mod evaluation;
pub mod feedback;
pub mod golongan;
pub mod hierarchy;
pub mod ikm;
pub mod leadership;
pub mod masa_kerja;
pub mod master;
pub mod ninebox;
pub mod nip;
pub mod notification;
pub mod outbox;
pub mod paging;
pub mod period;
pub mod plan_item;
pub mod predikat;
pub mod ratings360;
pub mod siasn;
pub mod skp;
pub mod tasks;
pub mod webhook;
