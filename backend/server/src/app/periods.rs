//! Use cases of `periods` (see `api::periods` for the HTTP side).
