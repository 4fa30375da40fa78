//! Request and response bodies of `api::audit`.
