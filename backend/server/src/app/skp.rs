//! Use cases of `skp` (see `api::skp` for the HTTP side).
