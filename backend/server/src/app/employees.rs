//! Use cases of `employees` (see `api::employees` for the HTTP side).
