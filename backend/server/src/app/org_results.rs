//! Use cases of `org_results` (see `api::org_results` for the HTTP side).
