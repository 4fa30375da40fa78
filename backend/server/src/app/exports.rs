//! Use cases of `exports` (see `api::exports` for the HTTP side).
