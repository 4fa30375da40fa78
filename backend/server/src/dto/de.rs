//! Lenient number parsing for request bodies: JSON treats `2026` and `2026.0` as the same
//! integer (so does JSON Schema), while serde's integer types refuse the second form.

use serde::{Deserialize, Deserializer, de::Error};

/// An `i32` that also accepts an integral float (`2026.0`).
pub fn integral_i32<'de, D: Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    let n = serde_json::Number::deserialize(d)?;
    n.as_i64()
        .or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() <= f64::from(i32::MAX))
                .map(|f| f as i64)
        })
        .and_then(|v| i32::try_from(v).ok())
        .ok_or_else(|| D::Error::custom(format!("expected a whole number, got {n}")))
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    struct Y {
        #[serde(deserialize_with = "super::integral_i32")]
        year: i32,
    }

    #[test]
    fn whole_numbers_are_accepted_in_both_forms_and_fractions_are_not() {
        let y: Y = serde_json::from_str(r#"{"year": 2026}"#).expect("int");
        assert_eq!(y.year, 2026);
        let y: Y = serde_json::from_str(r#"{"year": 2026.0}"#).expect("float");
        assert_eq!(y.year, 2026);
        assert!(serde_json::from_str::<Y>(r#"{"year": 2026.5}"#).is_err());
        assert!(serde_json::from_str::<Y>(r#"{"year": 1e20}"#).is_err());
    }
}
