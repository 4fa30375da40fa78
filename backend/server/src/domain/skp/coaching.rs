//! Continuous feedback (umpan balik berkelanjutan) and coaching (formats B.1.8 / B.1.9):
//! what a note, a session and the employee's rating of it must look like.

use chrono::NaiveDate;

use super::{MAX_TEXT, clean, too_long};

/// The employee's rating of a coaching session (format B.1.8): nine statements answered
/// 1 (sangat tidak setuju) … 5 (sangat setuju). The wording transcribes the format's intent
/// (clarity, usefulness, the leader's listening and support) in plain Indonesian; it is not
/// a verbatim copy of the regulation's form.
pub const COACHING_STATEMENTS: [&str; 9] = [
    "Tujuan bimbingan kinerja disampaikan dengan jelas sejak awal.",
    "Pimpinan mendengarkan penjelasan dan kendala saya dengan sungguh-sungguh.",
    "Umpan balik yang saya terima jelas dan mudah dipahami.",
    "Umpan balik didasarkan pada fakta dan hasil kerja, bukan pada prasangka.",
    "Bimbingan membantu saya memahami ekspektasi pimpinan terhadap kinerja saya.",
    "Saya memperoleh saran yang dapat langsung diterapkan dalam pekerjaan.",
    "Pimpinan memberi kesempatan kepada saya untuk menyampaikan gagasan dan pendapat.",
    "Kami menyepakati langkah tindak lanjut dan dukungan yang saya perlukan.",
    "Secara keseluruhan, bimbingan ini bermanfaat bagi peningkatan kinerja saya.",
];

/// Lowest and highest answer of a 1–5 scale (B.1.8 answers, B.1.9 competency scores).
pub const SCALE: std::ops::RangeInclusive<i64> = 1..=5;
/// Most competencies a leader scores after one coaching (B.1.9).
pub const MAX_COMPETENCIES: usize = 10;
pub const MAX_COMPETENCY_NAME: usize = 100;
pub const MAX_TOPIC: usize = 200;
pub const MAX_NOTES: usize = 4000;

/// Exactly nine answers, each 1–5.
pub fn validate_coaching_answers(answers: &[i64]) -> Result<[u8; 9], String> {
    if answers.len() != COACHING_STATEMENTS.len() {
        return Err(format!(
            "Jawaban harus tepat {} (satu untuk setiap pernyataan), diterima {}",
            COACHING_STATEMENTS.len(),
            answers.len()
        ));
    }
    let mut out = [0u8; 9];
    for (i, a) in answers.iter().enumerate() {
        if !SCALE.contains(a) {
            return Err(format!(
                "Jawaban pernyataan {} harus 1 sampai 5, bukan {a}",
                i + 1
            ));
        }
        out[i] = *a as u8;
    }
    Ok(out)
}

/// Competency scores: up to ten distinct named competencies (names trimmed, compared
/// case-insensitively), each 1–5; kept in the given order.
pub fn validate_competency_scores(scores: &[(String, i64)]) -> Result<Vec<(String, u8)>, String> {
    if scores.len() > MAX_COMPETENCIES {
        return Err(format!("Paling banyak {MAX_COMPETENCIES} kompetensi"));
    }
    let mut out: Vec<(String, u8)> = Vec::new();
    for (name, score) in scores {
        let n = name.trim();
        if n.is_empty() {
            return Err("Nama kompetensi wajib diisi".into());
        }
        if too_long(n, MAX_COMPETENCY_NAME) {
            return Err(format!(
                "Nama kompetensi maksimal {MAX_COMPETENCY_NAME} karakter"
            ));
        }
        if out
            .iter()
            .any(|(o, _)| o.to_lowercase() == n.to_lowercase())
        {
            return Err(format!("Kompetensi {n} disebut lebih dari sekali"));
        }
        if !SCALE.contains(score) {
            return Err(format!("Nilai kompetensi {n} harus 1 sampai 5"));
        }
        out.push((n.to_string(), *score as u8));
    }
    Ok(out)
}

/// A whole number from JSON (`4` or `4.0`); anything else is `None`.
pub fn whole_number(v: &serde_json::Value) -> Option<i64> {
    v.as_i64().or_else(|| {
        v.as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 1e9)
            .map(|f| f as i64)
    })
}

/// A feedback note's body: trimmed, 1–2000 characters.
pub fn feedback_body(body: &str) -> Result<String, String> {
    let text = body.trim().to_string();
    if text.is_empty() {
        return Err("Isi umpan balik wajib diisi".into());
    }
    if too_long(&text, MAX_TEXT) {
        return Err(format!("Umpan balik maksimal {MAX_TEXT} karakter"));
    }
    Ok(text)
}

/// A checked coaching session (before the competency scores).
#[derive(Clone, Debug, PartialEq)]
pub struct CoachingSession {
    pub topic: String,
    pub notes: Option<String>,
}

/// A session is held today or earlier, has a topic (≤ 200 characters) and optional notes
/// (≤ 4000); the first problem is reported as (field, message).
pub fn validate_coaching_session(
    held_on: NaiveDate,
    today: NaiveDate,
    topic: &str,
    notes: Option<&str>,
) -> Result<CoachingSession, (&'static str, String)> {
    if held_on > today {
        return Err((
            "held_on",
            "Tanggal bimbingan tidak boleh di masa depan".into(),
        ));
    }
    let topic = topic.trim().to_string();
    if topic.is_empty() {
        return Err(("topic", "Topik wajib diisi".into()));
    }
    if too_long(&topic, MAX_TOPIC) {
        return Err(("topic", format!("Topik maksimal {MAX_TOPIC} karakter")));
    }
    let notes = clean(notes);
    if notes.as_deref().is_some_and(|n| too_long(n, MAX_NOTES)) {
        return Err(("notes", format!("Catatan maksimal {MAX_NOTES} karakter")));
    }
    Ok(CoachingSession { topic, notes })
}

/// The optional comment of a coaching rating: trimmed, at most 2000 characters.
pub fn coaching_comment(comment: Option<&str>) -> Result<Option<String>, String> {
    let comment = clean(comment);
    if comment.as_deref().is_some_and(|c| too_long(c, MAX_TEXT)) {
        return Err(format!("Komentar maksimal {MAX_TEXT} karakter"));
    }
    Ok(comment)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_read_in_both_json_forms() {
        assert_eq!(whole_number(&serde_json::json!(4)), Some(4));
        assert_eq!(whole_number(&serde_json::json!(4.0)), Some(4));
        assert_eq!(whole_number(&serde_json::json!(4.5)), None);
        assert_eq!(whole_number(&serde_json::json!("4")), None);
    }

    #[test]
    fn a_feedback_note_has_a_bounded_non_empty_body() {
        assert_eq!(feedback_body("  Bagus  ").as_deref(), Ok("Bagus"));
        assert!(feedback_body("   ").is_err());
        assert!(feedback_body(&"x".repeat(MAX_TEXT + 1)).is_err());
    }

    #[test]
    fn a_coaching_session_is_not_in_the_future_and_has_a_topic() {
        let today = NaiveDate::from_ymd_opt(2026, 5, 1).expect("date");
        let tomorrow = today.succ_opt().expect("date");
        assert_eq!(
            validate_coaching_session(tomorrow, today, "Topik", None)
                .unwrap_err()
                .0,
            "held_on"
        );
        assert_eq!(
            validate_coaching_session(today, today, "  ", None)
                .unwrap_err()
                .0,
            "topic"
        );
        let long = "x".repeat(MAX_NOTES + 1);
        assert_eq!(
            validate_coaching_session(today, today, "Topik", Some(&long))
                .unwrap_err()
                .0,
            "notes"
        );
        let ok = validate_coaching_session(today, today, " Topik ", Some(" ")).expect("valid");
        assert_eq!(ok.topic, "Topik");
        assert_eq!(ok.notes, None);
    }

    #[test]
    fn a_rating_comment_is_optional_and_bounded() {
        assert_eq!(coaching_comment(Some("  ")), Ok(None));
        assert!(coaching_comment(Some(&"x".repeat(MAX_TEXT + 1))).is_err());
    }

    #[test]
    fn a_coaching_rating_is_exactly_nine_answers_from_one_to_five() {
        assert_eq!(
            validate_coaching_answers(&[5, 4, 3, 2, 1, 5, 4, 3, 2]),
            Ok([5, 4, 3, 2, 1, 5, 4, 3, 2])
        );
        assert!(validate_coaching_answers(&[5; 8]).is_err());
        assert!(validate_coaching_answers(&[5; 10]).is_err());
        assert!(validate_coaching_answers(&[0, 4, 3, 2, 1, 5, 4, 3, 2]).is_err());
        assert!(validate_coaching_answers(&[6, 4, 3, 2, 1, 5, 4, 3, 2]).is_err());
        assert_eq!(COACHING_STATEMENTS.len(), 9);
    }

    #[test]
    fn competency_scores_are_named_distinct_bounded_and_on_the_scale() {
        let ok = vec![("Komunikasi".to_string(), 4), ("Kerja sama".to_string(), 5)];
        assert_eq!(
            validate_competency_scores(&ok),
            Ok(vec![("Komunikasi".into(), 4), ("Kerja sama".into(), 5)])
        );
        assert!(validate_competency_scores(&[("".into(), 3)]).is_err());
        assert!(validate_competency_scores(&[("A".into(), 6)]).is_err());
        assert!(validate_competency_scores(&[("A".into(), 3), ("a ".into(), 4)]).is_err());
        let many: Vec<(String, i64)> = (0..11).map(|i| (format!("K{i}"), 3)).collect();
        assert!(validate_competency_scores(&many).is_err());
    }
}
