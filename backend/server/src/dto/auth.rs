//! Request and response bodies of `api::auth`.
