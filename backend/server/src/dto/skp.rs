//! Request and response bodies of `api::skp`.
