//! Request and response bodies of `api::ratings360`.
