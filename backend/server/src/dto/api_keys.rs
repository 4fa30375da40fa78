//! Request and response bodies of `api::api_keys`.
