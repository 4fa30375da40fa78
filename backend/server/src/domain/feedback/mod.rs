//! Rules of citizen feedback: answer validation, ticket codes, comments, the decision
//! whether a submission counts or waits in the moderation queue, moderation transitions,
//! and the typed vocabularies (target kind, submission status, moderation action).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

mod moderation;
pub use moderation::{
    ModerationAction, ModerationChange, ModerationRefusal, ModerationSubject, moderate,
};

/// Kind of feedback target (documentation type).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum TargetKind {
    Unit,
    Employee,
}

impl TargetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Unit => "unit",
            TargetKind::Employee => "employee",
        }
    }

    /// The stored string as a kind; `None` for anything else.
    pub fn parse(s: &str) -> Option<TargetKind> {
        match s {
            "unit" => Some(TargetKind::Unit),
            "employee" => Some(TargetKind::Employee),
            _ => None,
        }
    }
}

/// Moderation state of a submission (documentation type).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SubmissionStatus {
    Counted,
    Held,
    Rejected,
}

impl SubmissionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SubmissionStatus::Counted => "counted",
            SubmissionStatus::Held => "held",
            SubmissionStatus::Rejected => "rejected",
        }
    }

    /// The stored string as a status; `None` for anything else.
    pub fn parse(s: &str) -> Option<SubmissionStatus> {
        match s {
            "counted" => Some(SubmissionStatus::Counted),
            "held" => Some(SubmissionStatus::Held),
            "rejected" => Some(SubmissionStatus::Rejected),
            _ => None,
        }
    }

    /// The status a new submission gets: held when the abuse checks gave a reason.
    pub fn on_submit(hold_reason: Option<&str>) -> SubmissionStatus {
        if hold_reason.is_some() {
            SubmissionStatus::Held
        } else {
            SubmissionStatus::Counted
        }
    }
}

/// Longest moderation reason, in characters.
pub const REASON_MAX: usize = 500;

/// A moderation reason: trimmed, 1–500 characters.
pub fn clean_reason(reason: &str) -> Result<String, &'static str> {
    let r = reason.trim();
    if r.is_empty() || r.chars().count() > REASON_MAX {
        return Err("Alasan wajib diisi (maksimal 500 karakter)");
    }
    Ok(r.to_string())
}

/// Longest reply, in characters.
pub const REPLY_MAX: usize = 1000;

/// An employee's reply: trimmed, 1–1000 characters.
pub fn clean_reply(text: &str) -> Result<String, &'static str> {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > REPLY_MAX {
        return Err("Balasan wajib diisi (maksimal 1000 karakter)");
    }
    Ok(t.to_string())
}

/// Whether the employee a comment is about sees it: counted, with a comment, not hidden.
/// Hidden comments never reach the employee.
pub fn comment_visible_to_employee(
    status: SubmissionStatus,
    has_comment: bool,
    hidden: bool,
) -> bool {
    status == SubmissionStatus::Counted && has_comment && !hidden
}

/// Longest desk name of a unit target, in characters.
pub const LABEL_MAX: usize = 100;

/// The desk name of a unit target: trimmed, "Loket Pelayanan" when absent or empty.
pub fn desk_label(label: Option<&str>) -> Result<String, &'static str> {
    let label = label
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .unwrap_or("Loket Pelayanan");
    if label.chars().count() > LABEL_MAX {
        return Err("Nama loket maksimal 100 karakter");
    }
    Ok(label.to_string())
}

/// Most tickets in one batch.
pub const TICKET_BATCH_MAX: u64 = 500;

/// The size of a ticket batch: an integer 1–500 (JSON allows 25 and 25.0 alike).
pub fn ticket_batch_size(count: &serde_json::Number) -> Result<usize, &'static str> {
    count
        .as_u64()
        .or_else(|| {
            count
                .as_f64()
                .filter(|f| f.fract() == 0.0 && *f >= 0.0)
                .map(|f| f as u64)
        })
        .filter(|c| (1..=TICKET_BATCH_MAX).contains(c))
        .map(|c| c as usize)
        .ok_or("Jumlah tiket harus bilangan bulat 1–500 per batch")
}

/// Whether a ticket may still be used: unused. A used ticket works never again.
pub fn ticket_usable(used: bool) -> bool {
    !used
}

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

/// The visible prefix of a kiosk credential (ADR 0027).
pub const KIOSK_PREFIX: &str = "kio_";

/// Longest kiosk name.
pub const KIOSK_NAME_MAX: usize = 100;

/// A kiosk's name: trimmed, 1–100 characters.
pub fn clean_kiosk_name(name: &str) -> Result<String, String> {
    let n = name.trim();
    if n.is_empty() {
        return Err("Nama perangkat wajib diisi".into());
    }
    if n.chars().count() > KIOSK_NAME_MAX {
        return Err(format!("Nama perangkat maksimal {KIOSK_NAME_MAX} karakter"));
    }
    Ok(n.to_string())
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
    /// The device is a registered kiosk (ADR 0027): many citizens share it, so identical
    /// answers from it are not a duplicate (its own, higher burst still applies).
    pub kiosk: bool,
}

/// `None` when the submission counts; otherwise the reason it is held for moderation.
/// A verified (ticketed) submission is only held as a duplicate, since the single-use
/// ticket already proves a real service visit.
pub fn hold_reason(a: RecentActivity, verified: bool, rules: HoldRules) -> Option<&'static str> {
    if a.identical_from_client > 0 && !rules.kiosk {
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
    fn statuses_kinds_and_actions_keep_their_stored_strings() {
        for s in [
            SubmissionStatus::Counted,
            SubmissionStatus::Held,
            SubmissionStatus::Rejected,
        ] {
            assert_eq!(SubmissionStatus::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::Value::String(s.as_str().into())
            );
        }
        for k in [TargetKind::Unit, TargetKind::Employee] {
            assert_eq!(TargetKind::parse(k.as_str()), Some(k));
            assert_eq!(
                serde_json::to_value(k).unwrap(),
                serde_json::Value::String(k.as_str().into())
            );
        }
        for a in [
            ModerationAction::Accept,
            ModerationAction::Reject,
            ModerationAction::HideComment,
        ] {
            assert_eq!(ModerationAction::parse(a.as_str()), Some(a));
            assert_eq!(a.audit_action(), format!("feedback.{}", a.as_str()));
        }
        assert_eq!(SubmissionStatus::parse("accepted"), None);
        assert_eq!(TargetKind::parse("Unit"), None);
    }

    #[test]
    fn a_submission_with_a_hold_reason_waits_in_the_queue() {
        assert_eq!(
            SubmissionStatus::on_submit(Some("duplikat")),
            SubmissionStatus::Held
        );
        assert_eq!(SubmissionStatus::on_submit(None), SubmissionStatus::Counted);
    }

    #[test]
    fn a_hidden_or_uncounted_comment_never_reaches_the_employee() {
        assert!(comment_visible_to_employee(
            SubmissionStatus::Counted,
            true,
            false
        ));
        assert!(!comment_visible_to_employee(
            SubmissionStatus::Counted,
            true,
            true
        ));
        assert!(!comment_visible_to_employee(
            SubmissionStatus::Held,
            true,
            false
        ));
        assert!(!comment_visible_to_employee(
            SubmissionStatus::Counted,
            false,
            false
        ));
    }

    #[test]
    fn reasons_and_replies_are_trimmed_and_bounded() {
        assert_eq!(clean_reason("  spam "), Ok("spam".into()));
        assert!(clean_reason("   ").is_err());
        assert!(clean_reason(&"a".repeat(501)).is_err());
        assert_eq!(clean_reply(" terima kasih "), Ok("terima kasih".into()));
        assert!(clean_reply("").is_err());
        assert!(clean_reply(&"a".repeat(1001)).is_err());
    }

    #[test]
    fn a_unit_target_without_a_label_is_the_service_desk() {
        assert_eq!(desk_label(None), Ok("Loket Pelayanan".into()));
        assert_eq!(desk_label(Some("  ")), Ok("Loket Pelayanan".into()));
        assert_eq!(desk_label(Some(" Loket 2 ")), Ok("Loket 2".into()));
        assert!(desk_label(Some(&"a".repeat(101))).is_err());
    }

    #[test]
    fn a_ticket_batch_holds_one_to_five_hundred_codes() {
        let n = |v: serde_json::Value| match v {
            serde_json::Value::Number(n) => n,
            _ => unreachable!(),
        };
        assert_eq!(ticket_batch_size(&n(json!(25))), Ok(25));
        assert_eq!(ticket_batch_size(&n(json!(25.0))), Ok(25));
        assert!(ticket_batch_size(&n(json!(0))).is_err());
        assert!(ticket_batch_size(&n(json!(501))).is_err());
        assert!(ticket_batch_size(&n(json!(2.5))).is_err());
        assert!(ticket_batch_size(&n(json!(-3))).is_err());
    }

    #[test]
    fn a_used_ticket_works_never_again() {
        assert!(ticket_usable(false));
        assert!(!ticket_usable(true));
    }

    #[test]
    fn duplicates_and_bursts_are_held_but_tickets_skip_the_burst_rules() {
        let rules = HoldRules {
            client_burst: 3,
            target_burst: 20,
            kiosk: false,
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

    #[test]
    fn a_kiosk_name_is_trimmed_and_between_1_and_100_characters() {
        assert_eq!(
            clean_kiosk_name("  Tablet Loket 1 ").as_deref(),
            Ok("Tablet Loket 1")
        );
        assert!(clean_kiosk_name("   ").is_err());
        assert!(clean_kiosk_name(&"x".repeat(101)).is_err());
        assert!(clean_kiosk_name(&"é".repeat(100)).is_ok());
    }

    #[test]
    fn a_kiosk_shared_by_many_citizens_is_not_held_for_identical_answers_but_keeps_its_burst() {
        let kiosk = HoldRules {
            client_burst: 100,
            target_burst: 30,
            kiosk: true,
        };
        let same = RecentActivity {
            identical_from_client: 5,
            from_client_recently: 10,
            ..Default::default()
        };
        assert!(hold_reason(same, false, kiosk).is_none());
        let burst = RecentActivity {
            from_client_recently: 100,
            ..Default::default()
        };
        assert!(hold_reason(burst, false, kiosk).is_some());
        let target = RecentActivity {
            for_target_last_minute: 30,
            ..Default::default()
        };
        assert!(hold_reason(target, false, kiosk).is_some());
    }
}
