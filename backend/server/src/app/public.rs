//! Use cases of `public` (see `api::public` for the HTTP side).
