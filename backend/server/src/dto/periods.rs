//! Request and response bodies of `api::periods`.
