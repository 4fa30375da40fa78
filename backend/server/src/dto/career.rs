//! Request and response bodies of `api::career`.
