//! Use cases of `ikm` (see `api::ikm` for the HTTP side).
