//! Request and response bodies of `api::coaching`.
