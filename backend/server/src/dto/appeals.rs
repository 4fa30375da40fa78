//! Request and response bodies of `api::appeals`.
