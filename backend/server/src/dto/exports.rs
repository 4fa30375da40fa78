//! Request and response bodies of `api::exports`.
