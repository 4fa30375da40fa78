//! Request and response bodies of `api::org_results`.
