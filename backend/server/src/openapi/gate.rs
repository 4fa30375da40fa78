//! States the input gate (`api::input_gate`, ADR 0017) in the document, so clients and
//! fuzzers know it: every operation may answer 422, and every free string of a parameter or
//! a request body carries a pattern without control characters (body strings may hold
//! newline, tab and carriage return). Keys are checked by the gate too, but utoipa's model
//! has no `propertyNames`, so that rule is not in the document.

use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Parameters: no control character at all.
pub const PARAM_PATTERN: &str = r"^[^\x00-\x1F\x7F-\x9F]*$";
/// A non-blank parameter (for `\S`): at least one visible character, no control character.
pub const PARAM_NON_BLANK_PATTERN: &str =
    r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$";
/// Body strings: line breaks and tab allowed.
pub const BODY_PATTERN: &str = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$";
/// A non-blank body string (for `\S`): at least one visible character.
pub const BODY_NON_BLANK_PATTERN: &str = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$";

fn is_string(schema: &serde_json::Map<String, Value>) -> bool {
    match schema.get("type") {
        Some(Value::String(t)) => t == "string",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
        _ => false,
    }
}

/// Adds `pattern` to free strings of a schema (not its `$ref`s; those are visited by name).
fn restrict(v: &mut Value, pattern: &str, non_blank: Option<&str>) {
    match v {
        Value::Object(map) => {
            if is_string(map)
                && !map.contains_key("format")
                && !map.contains_key("enum")
                && !map.contains_key("const")
            {
                match map.get("pattern").and_then(Value::as_str) {
                    None => {
                        map.insert("pattern".into(), json!(pattern));
                    }
                    Some(r"\S") if non_blank.is_some() => {
                        map.insert("pattern".into(), json!(non_blank));
                    }
                    Some(_) => {}
                }
            }
            for (k, child) in map.iter_mut() {
                if k == "propertyNames" {
                    restrict(child, PARAM_PATTERN, None);
                } else if k != "pattern" {
                    restrict(child, pattern, non_blank);
                }
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|i| restrict(i, pattern, non_blank)),
        _ => {}
    }
}

fn refs(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            if let Some(r) = map.get("$ref").and_then(Value::as_str)
                && let Some(name) = r.strip_prefix("#/components/schemas/")
            {
                out.insert(name.to_string());
            }
            map.values().for_each(|c| refs(c, out));
        }
        Value::Array(items) => items.iter().for_each(|c| refs(c, out)),
        _ => {}
    }
}

/// Rewrites the document (as JSON) to state the gate.
pub fn document(json: &mut Value) {
    let mut body_schemas = BTreeSet::new();
    if let Some(paths) = json.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut() {
            let Some(methods) = item.as_object_mut() else {
                continue;
            };
            for op in methods.values_mut() {
                if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut)
                    && !responses.contains_key("422")
                {
                    responses.insert(
                        "422".into(),
                        json!({ "$ref": "#/components/responses/ValidationFailed" }),
                    );
                }
                if let Some(params) = op.get_mut("parameters") {
                    restrict(params, PARAM_PATTERN, Some(PARAM_NON_BLANK_PATTERN));
                }
                for ct in ["application/json", "application/x-www-form-urlencoded"] {
                    if let Some(schema) = op.pointer_mut(&format!(
                        "/requestBody/content/{}/schema",
                        ct.replace('/', "~1")
                    )) {
                        refs(schema, &mut body_schemas);
                        restrict(schema, BODY_PATTERN, Some(BODY_NON_BLANK_PATTERN));
                    }
                }
            }
        }
    }
    let Some(schemas) = json
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    // Schemas reachable from a request body, transitively.
    let mut todo: Vec<String> = body_schemas.iter().cloned().collect();
    while let Some(name) = todo.pop() {
        let mut found = BTreeSet::new();
        if let Some(s) = schemas.get(&name) {
            refs(s, &mut found);
        }
        for f in found {
            if body_schemas.insert(f.clone()) {
                todo.push(f);
            }
        }
    }
    for name in &body_schemas {
        if let Some(s) = schemas.get_mut(name) {
            restrict(s, BODY_PATTERN, Some(BODY_NON_BLANK_PATTERN));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_strings_get_the_pattern_and_typed_ones_do_not() {
        let mut v = json!({ "type": "object", "properties": {
            "a": { "type": "string" },
            "b": { "type": "string", "format": "date" },
            "c": { "type": "string", "pattern": "\\S" },
            "d": { "type": "string", "enum": ["x"] }
        }});
        restrict(&mut v, BODY_PATTERN, Some(BODY_NON_BLANK_PATTERN));
        assert_eq!(v["properties"]["a"]["pattern"], BODY_PATTERN);
        assert!(v["properties"]["b"].get("pattern").is_none());
        assert_eq!(v["properties"]["c"]["pattern"], BODY_NON_BLANK_PATTERN);
        assert!(v["properties"]["d"].get("pattern").is_none());
    }
}
