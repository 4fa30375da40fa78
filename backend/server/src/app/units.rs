//! Use cases of `units` (see `api::units` for the HTTP side).
