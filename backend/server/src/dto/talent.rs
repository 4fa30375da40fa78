//! Request and response bodies of `api::talent`.
