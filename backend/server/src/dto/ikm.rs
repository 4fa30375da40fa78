//! Request and response bodies of `api::ikm`.
