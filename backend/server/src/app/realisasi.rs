//! Use cases of `realisasi` (see `api::realisasi` for the HTTP side).
