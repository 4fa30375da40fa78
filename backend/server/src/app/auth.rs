//! Use cases of `auth` (see `api::auth` for the HTTP side).
