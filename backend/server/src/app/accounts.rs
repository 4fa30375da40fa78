//! Use cases of `accounts` (see `api::accounts` for the HTTP side).
