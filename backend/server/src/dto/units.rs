//! Request and response bodies of `api::units`.
