//! Use cases of `coaching` (see `api::coaching` for the HTTP side).
