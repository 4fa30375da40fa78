//! Use cases of `talent` (see `api::talent` for the HTTP side).
