//! Request and response bodies of `api::public`.
