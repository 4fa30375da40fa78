//! Use cases of `feedback` (see `api::feedback` for the HTTP side).
