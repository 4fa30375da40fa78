//! Use cases of `audit` (see `api::audit` for the HTTP side).
