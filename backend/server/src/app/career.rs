//! Use cases of `career` (see `api::career` for the HTTP side).
