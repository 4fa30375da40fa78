//! The error responses every operation shares, documented once.
//!
//! Each type stands for one status in a handler's `responses(...)` list
//! (`responses((status = 200, body = X), BadRequest, Unauthorized, NotFound)`) and points
//! at a component in `#/components/responses`, which `openapi.rs` registers with its
//! description. An operation-specific answer (a 409 with its own meaning, a 422 whose rules
//! it names) stays a tuple with its own description.

use std::collections::BTreeMap;
use utoipa::IntoResponses;
use utoipa::openapi::{Content, Ref, RefOr, Response, ResponseBuilder};

/// Every shared response: (status, component name, description).
pub const SHARED: &[(&str, &str, &str)] = &[
    (
        "400",
        "BadRequest",
        "Malformed request: the JSON, a path parameter or a query parameter cannot be read \
         (`invalid_json`, `invalid_body`, `invalid_path`, `invalid_query`)",
    ),
    (
        "401",
        "Unauthorized",
        "No valid credentials: a missing, invalid or expired access token or API key",
    ),
    (
        "403",
        "Forbidden",
        "Signed in, but not allowed to do this (`forbidden`); an API key without the scope the operation names (`scope_missing`, the scope in the message and in `details.scope`)",
    ),
    (
        "404",
        "NotFound",
        "The named thing does not exist or is not visible to the caller (`not_found`)",
    ),
    (
        "413",
        "PayloadTooLarge",
        "The body exceeds the configured limit (`payload_too_large`)",
    ),
    (
        "415",
        "UnsupportedMediaType",
        "The Content-Type is not accepted here (`unsupported_media_type`)",
    ),
    (
        "422",
        "ValidationFailed",
        "Well-formed but invalid input; `fields` names each problem (`validation_failed`)",
    ),
];

/// The component of a shared response: its description and the error envelope.
pub fn component(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            Content::new(Some(Ref::from_schema_name("ErrorResponse"))),
        )
        .build()
}

fn reference(status: &str) -> BTreeMap<String, RefOr<Response>> {
    let name = SHARED
        .iter()
        .find(|(s, _, _)| *s == status)
        .map_or("BadRequest", |(_, name, _)| name);
    BTreeMap::from([(
        status.to_string(),
        RefOr::Ref(Ref::from_response_name(name)),
    )])
}

macro_rules! shared_response {
    ($($name:ident = $status:literal),* $(,)?) => {$(
        #[doc = concat!("The shared ", $status, " response.")]
        pub struct $name;

        impl IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                reference($status)
            }
        }
    )*};
}

shared_response!(
    BadRequest = "400",
    Unauthorized = "401",
    Forbidden = "403",
    NotFound = "404",
    PayloadTooLarge = "413",
    UnsupportedMediaType = "415",
    ValidationFailed = "422",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_shared_type_points_at_its_own_component() {
        type Case = (
            BTreeMap<String, RefOr<Response>>,
            &'static str,
            &'static str,
        );
        let cases: [Case; 7] = [
            (BadRequest::responses(), "400", "BadRequest"),
            (Unauthorized::responses(), "401", "Unauthorized"),
            (Forbidden::responses(), "403", "Forbidden"),
            (NotFound::responses(), "404", "NotFound"),
            (PayloadTooLarge::responses(), "413", "PayloadTooLarge"),
            (
                UnsupportedMediaType::responses(),
                "415",
                "UnsupportedMediaType",
            ),
            (ValidationFailed::responses(), "422", "ValidationFailed"),
        ];
        for (map, status, name) in cases {
            let Some(RefOr::Ref(r)) = map.get(status) else {
                panic!("{status} missing");
            };
            assert_eq!(r.ref_location, format!("#/components/responses/{name}"));
        }
    }
}
