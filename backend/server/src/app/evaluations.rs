//! Use cases of `evaluations` (see `api::evaluations` for the HTTP side).
