//! Use cases of `ratings360` (see `api::ratings360` for the HTTP side).
