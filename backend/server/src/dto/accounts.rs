//! Request and response bodies of `api::accounts`.
