//! Request and response bodies of `api::evaluations`.
