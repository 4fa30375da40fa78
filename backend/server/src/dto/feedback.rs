//! Request and response bodies of `api::feedback`.
