//! Rules of the public feedback form: answer validation, ticket codes, comments, and the
//! decision whether a submission counts or waits in the moderation queue.

use std::collections::BTreeMap;

/// Longest accepted comment, in characters.
pub const COMMENT_MAX: usize = 1000;

/// Why an answer set is invalid: field name (`answers.u3`) → message.
pub type AnswerErrors = BTreeMap<String, Vec<String>>;

/// Checks `u1`…`u9`, each an integer 1–4. Errors name the element.
pub fn parse_answers(
    get: impl Fn(&str) -> Option<serde_json::Value>,
) -> Result<[i16; 9], AnswerErrors> {
    let mut out = [0i16; 9];
    let mut errors = AnswerErrors::new();
    for (i, el) in super::ikm::ELEMENTS.iter().enumerate() {
        let field = format!("answers.{}", el.code);
        let msg = match get(el.code) {
            None | Some(serde_json::Value::Null) => Some(format!(
                "Unsur {} ({}) belum dijawab",
                el.code.to_uppercase(),
                el.name_id
            )),
            Some(v) => match v
                .as_i64()
                // 4.0 is the integer 4 in JSON.
                .or_else(|| {
                    v.as_f64()
                        .filter(|f| f.fract() == 0.0 && f.abs() < 1e9)
                        .map(|f| f as i64)
                })
                .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
            {
                Some(n) if (1..=4).contains(&n) => {
                    out[i] = n as i16;
                    None
                }
                Some(n) => Some(format!(
                    "Unsur {} ({}): nilai {n} di luar skala 1–4",
                    el.code.to_uppercase(),
                    el.name_id
                )),
                None => Some(format!(
                    "Unsur {} ({}): jawaban harus angka 1–4",
                    el.code.to_uppercase(),
                    el.name_id
                )),
            },
        };
        if let Some(m) = msg {
            errors.insert(field, vec![m]);
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Normalises a comment: trimmed, `None` when empty; error when too long.
pub fn clean_comment(comment: Option<&str>) -> Result<Option<String>, String> {
    // Control characters other than newlines and tabs have no place in a comment; drop them
    // before trimming, so a comment of only control characters is no comment at all.
    let cleaned: String = comment
        .unwrap_or_default()
        .chars()
        .filter(|ch| !ch.is_control() || *ch == '\n' || *ch == '\t')
        .collect();
    let c = cleaned.trim();
    if c.is_empty() {
        return Ok(None);
    }
    if c.chars().count() > COMMENT_MAX {
        return Err(format!("Komentar maksimal {COMMENT_MAX} karakter"));
    }
    Ok(Some(c.to_string()))
}

/// Ticket alphabet: no 0/O, 1/I/L, so codes read back unambiguously from paper.
pub const TICKET_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// Formats 8 random symbols as `XXXX-XXXX`.
pub fn format_ticket(symbols: &[u8; 8]) -> String {
    let s: String = symbols
        .iter()
        .map(|b| TICKET_ALPHABET[*b as usize % TICKET_ALPHABET.len()] as char)
        .collect();
    format!("{}-{}", &s[..4], &s[4..])
}

/// Reads a ticket as typed by a citizen: case, spaces and dashes do not matter.
pub fn normalise_ticket(input: &str) -> Option<String> {
    let s: String = input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if s.len() != 8 || !s.bytes().all(|b| TICKET_ALPHABET.contains(&b)) {
        return None;
    }
    Some(format!("{}-{}", &s[..4], &s[4..]))
}

/// What the abuse checks saw about recent submissions from the same client and target.
#[derive(Clone, Copy, Debug, Default)]
pub struct RecentActivity {
    /// Identical answers and comment from this client for this target in the last 24 h.
    pub identical_from_client: u64,
    /// Submissions from this client for this target in the last 10 minutes.
    pub from_client_recently: u64,
    /// Submissions for this target from anyone in the last minute.
    pub for_target_last_minute: u64,
}

/// Thresholds of the abuse checks.
#[derive(Clone, Copy, Debug)]
pub struct HoldRules {
    pub client_burst: u64,
    pub target_burst: u64,
}

/// `None` when the submission counts; otherwise the reason it is held for moderation.
/// A verified (ticketed) submission is only held as a duplicate, since the single-use
/// ticket already proves a real service visit.
pub fn hold_reason(a: RecentActivity, verified: bool, rules: HoldRules) -> Option<&'static str> {
    if a.identical_from_client > 0 {
        return Some("duplikat: isian identik dari perangkat yang sama dalam 24 jam");
    }
    if verified {
        return None;
    }
    if a.from_client_recently >= rules.client_burst {
        return Some("beruntun: banyak isian dari perangkat yang sama dalam 10 menit");
    }
    if a.for_target_last_minute >= rules.target_burst {
        return Some("lonjakan: terlalu banyak isian untuk target ini dalam satu menit");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn answers(v: serde_json::Value) -> Result<[i16; 9], AnswerErrors> {
        parse_answers(|k| v.get(k).cloned())
    }

    #[test]
    fn nine_answers_from_one_to_four_are_accepted() {
        let a = answers(json!({"u1":1,"u2":2,"u3":3,"u4":4,"u5":4,"u6":4,"u7":4,"u8":4,"u9":"3"}))
            .expect("valid");
        assert_eq!(a, [1, 2, 3, 4, 4, 4, 4, 4, 3]);
    }

    #[test]
    fn each_bad_answer_is_named_by_its_element() {
        let e = answers(json!({"u1":0,"u2":5,"u3":"x","u5":2.5,"u6":4.0,"u7":4,"u8":4,"u9":4}))
            .expect_err("invalid");
        assert!(e["answers.u1"][0].contains("U1"));
        assert!(e["answers.u2"][0].contains("di luar skala"));
        assert!(e["answers.u3"][0].contains("angka"));
        assert!(e["answers.u4"][0].contains("belum dijawab"));
        assert!(e.contains_key("answers.u5"));
        assert_eq!(e.len(), 5);
    }

    #[test]
    fn tickets_read_back_whatever_the_case_and_dashes() {
        let t = format_ticket(&[0, 1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(t, "2345-6789");
        assert_eq!(
            normalise_ticket(" 2345 6789 ").as_deref(),
            Some("2345-6789")
        );
        assert_eq!(normalise_ticket("abcd-efgh").as_deref(), Some("ABCD-EFGH"));
        assert!(normalise_ticket("ABCD-EFG0").is_none());
        assert!(normalise_ticket("ABC").is_none());
    }

    #[test]
    fn long_comments_are_refused_and_empty_ones_dropped() {
        assert_eq!(clean_comment(Some("  ")), Ok(None));
        assert!(clean_comment(Some(&"a".repeat(1001))).is_err());
        assert_eq!(clean_comment(Some("Bagus\u{7}")), Ok(Some("Bagus".into())));
        assert_eq!(clean_comment(Some("\u{7} \u{1b}")), Ok(None));
        assert_eq!(
            clean_comment(Some("\u{7} Baik\nsekali \u{1b}")),
            Ok(Some("Baik\nsekali".into()))
        );
    }

    #[test]
    fn duplicates_and_bursts_are_held_but_tickets_skip_the_burst_rules() {
        let rules = HoldRules {
            client_burst: 3,
            target_burst: 20,
        };
        let dup = RecentActivity {
            identical_from_client: 1,
            ..Default::default()
        };
        assert!(hold_reason(dup, true, rules).is_some());
        let burst = RecentActivity {
            from_client_recently: 3,
            ..Default::default()
        };
        assert!(hold_reason(burst, false, rules).is_some());
        assert!(hold_reason(burst, true, rules).is_none());
        assert!(hold_reason(RecentActivity::default(), false, rules).is_none());
    }
}
