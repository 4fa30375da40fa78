//! Notifications (ADR 0024): their kinds and preference categories, when a deadline
//! reminder is due, the reminder's unique key, and the Indonesian text of an email.
//!
//! - A reminder is due 3 days and 1 day before a deadline (local dates), once per person,
//!   deadline and day (`reminder_key`).
//! - An email carries the title, the body and a link into the SPA; never a code, token or
//!   password (the texts are written here and by the use cases, never copied from input).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What a person may switch email on or off for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// SKP returned or approved.
    Skp,
    /// 360 forms assigned.
    Ratings360,
    /// A predikat published.
    Predikat,
    /// An appeal filed or decided.
    Appeal,
    /// The account's password was reset.
    Account,
    /// Deadline reminders.
    Reminder,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Skp,
        Category::Ratings360,
        Category::Predikat,
        Category::Appeal,
        Category::Account,
        Category::Reminder,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Skp => "skp",
            Category::Ratings360 => "ratings360",
            Category::Predikat => "predikat",
            Category::Appeal => "appeal",
            Category::Account => "account",
            Category::Reminder => "reminder",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// What happened (the stored `kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    SkpReturned,
    SkpApproved,
    Forms360Assigned,
    PredikatPublished,
    AppealFiled,
    AppealDecided,
    AccountReset,
    #[serde(rename = "reminder_360")]
    Reminder360,
    ReminderEvaluation,
    ReminderAppeal,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::SkpReturned,
        Kind::SkpApproved,
        Kind::Forms360Assigned,
        Kind::PredikatPublished,
        Kind::AppealFiled,
        Kind::AppealDecided,
        Kind::AccountReset,
        Kind::Reminder360,
        Kind::ReminderEvaluation,
        Kind::ReminderAppeal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::SkpReturned => "skp_returned",
            Kind::SkpApproved => "skp_approved",
            Kind::Forms360Assigned => "forms360_assigned",
            Kind::PredikatPublished => "predikat_published",
            Kind::AppealFiled => "appeal_filed",
            Kind::AppealDecided => "appeal_decided",
            Kind::AccountReset => "account_reset",
            Kind::Reminder360 => "reminder_360",
            Kind::ReminderEvaluation => "reminder_evaluation",
            Kind::ReminderAppeal => "reminder_appeal",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The preference category the kind belongs to.
    pub fn category(self) -> Category {
        match self {
            Kind::SkpReturned | Kind::SkpApproved => Category::Skp,
            Kind::Forms360Assigned => Category::Ratings360,
            Kind::PredikatPublished => Category::Predikat,
            Kind::AppealFiled | Kind::AppealDecided => Category::Appeal,
            Kind::AccountReset => Category::Account,
            Kind::Reminder360 | Kind::ReminderEvaluation | Kind::ReminderAppeal => {
                Category::Reminder
            }
        }
    }
}

/// Days before a deadline on which a reminder goes out.
pub const REMINDER_DAYS: [i64; 2] = [3, 1];

/// The days left when a reminder of `deadline` is due on `today` (3 or 1), else `None`.
pub fn reminder_due(deadline: NaiveDate, today: NaiveDate) -> Option<i64> {
    let left = (deadline - today).num_days();
    REMINDER_DAYS.contains(&left).then_some(left)
}

/// The key that makes a reminder unique: one per kind, subject (period or appeal), person
/// and day count, whatever instance or restart writes it.
pub fn reminder_key(kind: Kind, subject: &str, person: &str, days_left: i64) -> String {
    format!("{}:{subject}:{person}:{days_left}", kind.as_str())
}

/// A date as Indonesians write it (`12-04-2026`).
pub fn date_id(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// The reminder's title and body for a deadline `days_left` days away.
pub fn reminder_text(
    kind: Kind,
    period: &str,
    deadline: NaiveDate,
    days_left: i64,
) -> (String, String) {
    let when = format!("{days_left} hari lagi ({})", date_id(deadline));
    match kind {
        Kind::Reminder360 => (
            format!("Pengingat: batas penilaian 360 {period} {days_left} hari lagi"),
            format!(
                "Batas pengisian formulir penilaian 360 periode {period} tinggal {when}. \
                 Masih ada formulir yang belum Anda kirim."
            ),
        ),
        Kind::ReminderEvaluation => (
            format!("Pengingat: batas penilaian kinerja {period} {days_left} hari lagi"),
            format!(
                "Batas penilaian kinerja periode {period} tinggal {when}. Masih ada anggota \
                 tim yang belum Anda nilai secara final."
            ),
        ),
        _ => (
            format!("Pengingat: batas keberatan {period} {days_left} hari lagi"),
            format!(
                "Batas pengajuan keberatan atas predikat periode {period} tinggal {when}. \
                 Abaikan pesan ini bila Anda tidak ingin mengajukan keberatan."
            ),
        ),
    }
}

/// The plain-text email of a notification: greeting, body, link, and why it came.
pub fn email_body(name: &str, body: &str, link: &str, base_url: &str) -> String {
    format!(
        "Yth. {name},\n\n{body}\n\nBuka Kinerja360: {base}{link}\n\n--\nPesan ini dikirim \
         otomatis oleh Kinerja360. Atur email pemberitahuan di halaman Akun.\n",
        base = base_url.trim_end_matches('/'),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn reminders_are_due_three_days_and_one_day_before_only() {
        let deadline = d("2026-04-12");
        assert_eq!(reminder_due(deadline, d("2026-04-09")), Some(3));
        assert_eq!(reminder_due(deadline, d("2026-04-11")), Some(1));
        for other in ["2026-04-08", "2026-04-10", "2026-04-12", "2026-04-13"] {
            assert_eq!(reminder_due(deadline, d(other)), None, "{other}");
        }
    }

    #[test]
    fn a_reminder_key_names_kind_subject_person_and_day() {
        assert_eq!(
            reminder_key(Kind::Reminder360, "p1", "u1", 3),
            "reminder_360:p1:u1:3"
        );
        assert_ne!(
            reminder_key(Kind::Reminder360, "p1", "u1", 3),
            reminder_key(Kind::Reminder360, "p1", "u1", 1)
        );
    }

    #[test]
    fn every_kind_and_category_round_trips_and_reminders_share_a_category() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
            assert_eq!(
                serde_json::to_value(k).expect("json"),
                serde_json::json!(k.as_str())
            );
        }
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
        }
        assert_eq!(Kind::ReminderAppeal.category(), Category::Reminder);
        assert_eq!(Kind::SkpReturned.category(), Category::Skp);
    }

    #[test]
    fn reminder_texts_are_indonesian_with_the_local_date() {
        let (title, body) = reminder_text(Kind::Reminder360, "Triwulan I 2026", d("2026-04-12"), 3);
        assert!(title.starts_with("Pengingat: batas penilaian 360"));
        assert!(body.contains("3 hari lagi (12-04-2026)"));
    }

    #[test]
    fn an_email_links_into_the_spa_without_a_double_slash() {
        let text = email_body(
            "Budi",
            "SKP Anda dikembalikan.",
            "/skp",
            "https://k.example/",
        );
        assert!(text.starts_with("Yth. Budi,"));
        assert!(text.contains("https://k.example/skp"));
    }
}
