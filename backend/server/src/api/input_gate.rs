//! One input gate in front of every handler of `/api/` and `/f/` (ADR 0017).
//!
//! Refused with 422 (`validation_failed`, the field named) before any handler runs:
//! - control characters (NUL, ESC, DEL, C1, …) in the path (`path`), in a query value or
//!   name (the parameter's name), in a JSON body's keys or string values (a JSON pointer,
//!   `/items/0/title`; newline, tab and carriage return are allowed in body strings, which
//!   may be free text) and in a urlencoded form (the form field);
//! - a JSON body whose top level is not what the operation takes: an object, except for
//!   the operations whose documented body is an array (`POST /api/v1/employees/import`);
//! - an empty value of a query filter that the spec documents as an enum (`?status=`).
//!
//! The gate runs before authentication: a 422 for malformed input tells an anonymous
//! caller nothing about the data, and both engines refuse the same way (PostgreSQL cannot
//! store NUL in text). Multipart, raw uploads, CSV and the SSE stream pass untouched.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, BytesMut};
use actix_web::{Error, HttpMessage, ResponseError};
use futures_util::StreamExt;
use serde_json::Value;
use std::sync::LazyLock;

use crate::error::{ApiError, FieldErrors};

/// Largest body the gate reads (the employee import's limit); larger ones are a 413.
const GATE_MAX_BODY: usize = 20 * 1024 * 1024;

/// What an operation's JSON body must be at the top level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BodyShape {
    Object,
    Array,
    /// No JSON body documented: only the character check applies.
    Any,
}

struct Operation {
    segments: Vec<String>,
    method: String,
    body: BodyShape,
    /// The documented JSON body schema (`Null` when none).
    body_schema: Value,
    enum_queries: Vec<String>,
}

static SPEC: LazyLock<Value> =
    LazyLock::new(|| serde_json::to_value(super::spec()).unwrap_or_default());

static OPERATIONS: LazyLock<Vec<Operation>> = LazyLock::new(|| operations_of(&SPEC));

fn operations_of(spec: &Value) -> Vec<Operation> {
    let schemas = &spec["components"]["schemas"];
    let mut out = Vec::new();
    let Some(paths) = spec["paths"].as_object() else {
        return out;
    };
    for (path, item) in paths {
        let Some(methods) = item.as_object() else {
            continue;
        };
        for (method, op) in methods {
            let body_schema = op["requestBody"]["content"]["application/json"]["schema"].clone();
            let body = match resolve(&body_schema, schemas).and_then(|s| s["type"].as_str()) {
                Some("array") => BodyShape::Array,
                Some(_) => BodyShape::Object,
                None => BodyShape::Any,
            };
            let enum_queries = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| p["in"] == "query" && is_enum(&p["schema"], schemas, 0))
                .filter_map(|p| p["name"].as_str().map(str::to_string))
                .collect();
            out.push(Operation {
                segments: path.split('/').map(str::to_string).collect(),
                method: method.to_uppercase(),
                body,
                body_schema,
                enum_queries,
            });
        }
    }
    out
}

fn resolve<'a>(schema: &'a Value, schemas: &'a Value) -> Option<&'a Value> {
    match schema["$ref"].as_str() {
        Some(r) => schemas.get(r.rsplit('/').next()?),
        None => (!schema.is_null()).then_some(schema),
    }
}

fn is_enum(schema: &Value, schemas: &Value, depth: u8) -> bool {
    if depth > 4 {
        return false;
    }
    let Some(s) = resolve(schema, schemas) else {
        return false;
    };
    s.get("enum").is_some()
        || ["oneOf", "anyOf", "allOf"].iter().any(|k| {
            s[*k]
                .as_array()
                .is_some_and(|v| v.iter().any(|x| is_enum(x, schemas, depth + 1)))
        })
}

/// The documented operation of a concrete path and method; a literal segment beats a
/// placeholder.
fn operation(path: &str, method: &Method) -> Option<&'static Operation> {
    let parts: Vec<&str> = path.split('/').collect();
    OPERATIONS
        .iter()
        .filter(|op| {
            op.method == method.as_str()
                && op.segments.len() == parts.len()
                && op
                    .segments
                    .iter()
                    .zip(&parts)
                    .all(|(t, p)| (t.starts_with('{') && !p.is_empty()) || t == p)
        })
        .min_by_key(|op| op.segments.iter().filter(|t| t.starts_with('{')).count())
}

/// A control character, except the line breaks and tab that free text may hold.
fn forbidden_in_text(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\t' | '\r')
}

fn has_control(s: &str) -> bool {
    s.chars().any(char::is_control)
}

const CONTROL_MESSAGE: &str = "Tidak boleh berisi karakter kontrol (misalnya NUL)";

/// Percent-decodes a path; undecodable bytes are kept as they are.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(hex) = std::str::from_utf8(&bytes[i + 1..i + 3])
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The fields of a JSON value that hold a control character, as JSON pointers.
fn json_control_fields(v: &Value, pointer: &str, out: &mut FieldErrors) {
    let name = |p: &str| {
        if p.is_empty() {
            "body".to_string()
        } else {
            p.to_string()
        }
    };
    match v {
        Value::String(s) if s.chars().any(forbidden_in_text) => {
            out.insert(name(pointer), vec![CONTROL_MESSAGE.into()]);
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                json_control_fields(item, &format!("{pointer}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let escaped = k.replace('~', "~0").replace('/', "~1");
                let child = format!("{pointer}/{escaped}");
                if has_control(k) {
                    out.insert(
                        name(
                            &child
                                .chars()
                                .filter(|c| !c.is_control())
                                .collect::<String>(),
                        ),
                        vec!["Nama field tidak boleh berisi karakter kontrol".into()],
                    );
                } else {
                    json_control_fields(item, &child, out);
                }
            }
        }
        _ => {}
    }
}

/// The schemas a value may follow (through `$ref`, `oneOf`, `anyOf`, `allOf`).
fn candidates<'a>(schema: &'a Value, schemas: &'a Value, out: &mut Vec<&'a Value>, depth: u8) {
    if depth > 8 {
        return;
    }
    let Some(s) = resolve(schema, schemas) else {
        return;
    };
    out.push(s);
    for k in ["oneOf", "anyOf", "allOf"] {
        for sub in s[k].as_array().into_iter().flatten() {
            candidates(sub, schemas, out, depth + 1);
        }
    }
}

/// Like `json_control_fields`, following the documented schema: keys the operation does not
/// document are ignored (the handler never reads them); map keys and every documented
/// string are checked.
fn documented_control_fields(
    v: &Value,
    schema: &Value,
    schemas: &Value,
    pointer: &str,
    out: &mut FieldErrors,
) {
    let name = |p: &str| {
        if p.is_empty() {
            "body".to_string()
        } else {
            p.to_string()
        }
    };
    let mut cands = Vec::new();
    candidates(schema, schemas, &mut cands, 0);
    match v {
        Value::String(s) if s.chars().any(forbidden_in_text) => {
            out.insert(name(pointer), vec![CONTROL_MESSAGE.into()]);
        }
        Value::Array(items) => {
            if let Some(item_schema) = cands.iter().map(|c| &c["items"]).find(|i| !i.is_null()) {
                for (i, item) in items.iter().enumerate() {
                    documented_control_fields(
                        item,
                        item_schema,
                        schemas,
                        &format!("{pointer}/{i}"),
                        out,
                    );
                }
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let escaped = k.replace('~', "~0").replace('/', "~1");
                let child = format!("{pointer}/{escaped}");
                if let Some(prop) = cands
                    .iter()
                    .map(|c| &c["properties"][k])
                    .find(|p| !p.is_null())
                {
                    documented_control_fields(item, prop, schemas, &child, out);
                } else if let Some(map_schema) = cands
                    .iter()
                    .map(|c| &c["additionalProperties"])
                    .find(|a| a.is_object())
                {
                    if has_control(k) {
                        out.insert(
                            name(
                                &child
                                    .chars()
                                    .filter(|c| !c.is_control())
                                    .collect::<String>(),
                            ),
                            vec!["Nama field tidak boleh berisi karakter kontrol".into()],
                        );
                    } else {
                        documented_control_fields(item, map_schema, schemas, &child, out);
                    }
                }
            }
        }
        _ => {}
    }
}

/// The problems of a request's path and query (no body needed).
fn check_path_and_query(path: &str, query: &str, op: Option<&Operation>) -> FieldErrors {
    let mut fields = FieldErrors::new();
    if has_control(&percent_decode(path)) {
        fields.insert("path".into(), vec![CONTROL_MESSAGE.into()]);
    }
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
    for (name, value) in &pairs {
        if has_control(name) {
            let clean: String = name.chars().filter(|c| !c.is_control()).collect();
            fields.insert(clean, vec![CONTROL_MESSAGE.into()]);
        } else if has_control(value) {
            fields.insert(name.clone(), vec![CONTROL_MESSAGE.into()]);
        } else if value.trim().is_empty() && op.is_some_and(|o| o.enum_queries.contains(name)) {
            fields.insert(
                name.clone(),
                vec!["Filter tidak boleh kosong; hilangkan parameternya untuk semua nilai".into()],
            );
        }
    }
    fields
}

/// The problems of a JSON body for an operation: with a documented schema only what the
/// handler reads is checked, otherwise every key and string.
fn check_json_for(body: &Value, op: Option<&Operation>) -> FieldErrors {
    let Some(op) = op.filter(|o| !o.body_schema.is_null()) else {
        return check_json(body, BodyShape::Any);
    };
    let mut fields = check_json(body, op.body);
    if fields.contains_key("body") {
        return fields;
    }
    fields.clear();
    documented_control_fields(
        body,
        &op.body_schema,
        &SPEC["components"]["schemas"],
        "",
        &mut fields,
    );
    fields
}

/// The problems of a JSON body for a top-level shape (every key and string).
fn check_json(body: &Value, shape: BodyShape) -> FieldErrors {
    let mut fields = FieldErrors::new();
    let wrong = match shape {
        BodyShape::Object => !body.is_object(),
        BodyShape::Array => !body.is_array(),
        BodyShape::Any => false,
    };
    if wrong {
        let what = if shape == BodyShape::Array {
            "Isi permintaan harus berupa daftar (array) JSON"
        } else {
            "Isi permintaan harus berupa objek JSON"
        };
        fields.insert("body".into(), vec![what.into()]);
        return fields;
    }
    json_control_fields(body, "", &mut fields);
    fields
}

/// The problems of a urlencoded form (`/f/{token}`).
fn check_form(body: &[u8]) -> FieldErrors {
    let mut fields = FieldErrors::new();
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).unwrap_or_default();
    for (name, value) in pairs {
        if has_control(&name) || value.chars().any(forbidden_in_text) {
            let clean: String = name.chars().filter(|c| !c.is_control()).collect();
            fields.insert(clean, vec![CONTROL_MESSAGE.into()]);
        }
    }
    fields
}

enum BodyKind {
    Json,
    Form,
    Other,
}

fn body_kind(req: &ServiceRequest) -> BodyKind {
    let ct = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if essence == "application/json" || essence.ends_with("+json") {
        BodyKind::Json
    } else if essence == "application/x-www-form-urlencoded" {
        BodyKind::Form
    } else {
        BodyKind::Other
    }
}

fn refuse<B>(req: ServiceRequest, err: ApiError) -> ServiceResponse<EitherBody<B>> {
    let res = err.error_response();
    req.into_response(res).map_into_right_body()
}

/// The middleware.
pub async fn gate<B: MessageBody + 'static>(
    mut req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, Error> {
    let path = req.path().to_string();
    if !(path.starts_with("/api/") || path.starts_with("/f/")) {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let op = operation(&path, req.method());
    let fields = check_path_and_query(&path, req.query_string(), op);
    if !fields.is_empty() {
        return Ok(refuse(req, ApiError::Validation(fields)));
    }
    let kind = body_kind(&req);
    if matches!(kind, BodyKind::Other) {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let mut payload = req.take_payload();
    let mut buf = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk?;
        if buf.len() + chunk.len() > GATE_MAX_BODY {
            return Ok(refuse(req, ApiError::PayloadTooLarge));
        }
        buf.extend_from_slice(&chunk);
    }
    let bytes: Bytes = buf.freeze();
    let fields = match kind {
        // Malformed JSON is the handler's 400; only parsed bodies are checked here.
        BodyKind::Json => serde_json::from_slice::<Value>(&bytes)
            .map(|v| check_json_for(&v, op))
            .unwrap_or_default(),
        BodyKind::Form => check_form(&bytes),
        BodyKind::Other => FieldErrors::new(),
    };
    if !fields.is_empty() {
        return Ok(refuse(req, ApiError::Validation(fields)));
    }
    req.set_payload(actix_web::dev::Payload::from(bytes));
    Ok(next.call(req).await?.map_into_left_body())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn control_characters_are_named_by_json_pointer_and_line_breaks_pass() {
        let body = json!({ "title": "ok\nbaris", "items": [{ "name": "a\u{0}b" }], "x\u{1b}": 1 });
        let f = check_json(&body, BodyShape::Object);
        assert!(f.contains_key("/items/0/name"), "{f:?}");
        assert!(f.contains_key("/x"), "{f:?}");
        assert!(!f.contains_key("/title"));
    }

    #[test]
    fn the_top_level_must_match_the_operation() {
        assert!(check_json(&json!([]), BodyShape::Object).contains_key("body"));
        assert!(check_json(&json!("x"), BodyShape::Object).contains_key("body"));
        assert!(check_json(&json!([{}]), BodyShape::Array).is_empty());
        assert!(check_json(&json!({}), BodyShape::Array).contains_key("body"));
        assert!(check_json(&json!(null), BodyShape::Any).is_empty());
    }

    #[test]
    fn path_and_query_control_characters_and_empty_enum_filters_are_found() {
        assert!(check_path_and_query("/f/abc%00", "", None).contains_key("path"));
        assert!(check_path_and_query("/f/abc", "lang=%1b", None).contains_key("lang"));
        assert!(check_path_and_query("/f/abc%zz", "lang=id", None).is_empty());
        let op = Operation {
            segments: vec![],
            method: "GET".into(),
            body: BodyShape::Any,
            body_schema: Value::Null,
            enum_queries: vec!["status".into()],
        };
        assert!(
            check_path_and_query("/api/v1/appeals", "status=", Some(&op)).contains_key("status")
        );
        assert!(check_path_and_query("/api/v1/appeals", "q=", Some(&op)).is_empty());
    }

    #[test]
    fn the_spec_documents_the_import_array_and_the_enum_filters() {
        let import = operation("/api/v1/employees/import", &Method::POST).expect("import");
        assert_eq!(import.body, BodyShape::Array);
        let appeals = operation("/api/v1/appeals", &Method::GET).expect("appeals");
        assert!(appeals.enum_queries.contains(&"status".to_string()));
        let login = operation("/api/v1/auth/login", &Method::POST).expect("login");
        assert_eq!(login.body, BodyShape::Object);
    }

    #[test]
    fn undocumented_keys_are_ignored_and_documented_ones_checked() {
        let login = operation("/api/v1/auth/login", &Method::POST);
        let f = check_json_for(
            &json!({ "username": "a\u{0}", "x\u{1}": "b\u{0}", "password": "p" }),
            login,
        );
        assert_eq!(f.keys().collect::<Vec<_>>(), vec!["/username"]);
    }

    #[test]
    fn form_fields_with_control_characters_are_named() {
        assert!(check_form(b"u1=4&comment=a%00b").contains_key("comment"));
        assert!(check_form(b"u1=4&comment=baris%0Adua").is_empty());
    }
}
