//! Use cases of `appeals` (see `api::appeals` for the HTTP side).
