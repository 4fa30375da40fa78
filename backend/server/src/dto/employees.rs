//! Request and response bodies of `api::employees`.
