//! Request and response bodies of `api::realisasi`.
