//! Use cases of `api_keys` (see `api::api_keys` for the HTTP side).
