//! Wire types of notifications and email preferences (ADR 0024).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::PageMeta;
pub use crate::domain::notification::{Category as NotificationCategory, Kind as NotificationKind};

#[derive(Serialize, ToSchema)]
pub struct NotificationOut {
    pub id: Uuid,
    pub kind: NotificationKind,
    pub category: NotificationCategory,
    /// Indonesian title.
    pub title: String,
    /// Indonesian text.
    pub body: String,
    /// SPA path to open, e.g. `/kinerja/skp`.
    pub link: String,
    pub created_at: DateTime<Utc>,
    /// `null` while unread.
    pub read_at: Option<DateTime<Utc>>,
}

impl From<entity::notification::Model> for NotificationOut {
    fn from(m: entity::notification::Model) -> Self {
        let kind = NotificationKind::parse(&m.kind).unwrap_or(NotificationKind::AccountReset);
        NotificationOut {
            id: m.id,
            kind,
            category: kind.category(),
            title: m.title,
            body: m.body,
            link: m.link,
            created_at: m.created_at,
            read_at: m.read_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct NotificationList {
    /// Newest first.
    pub items: Vec<NotificationOut>,
    /// Unread notifications of the account (all pages).
    pub unread: u64,
    pub meta: PageMeta,
}

#[derive(Deserialize, IntoParams)]
pub struct NotificationQuery {
    /// Only unread notifications.
    pub unread: Option<bool>,
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct MarkedRead {
    /// Notifications marked read now.
    pub marked: u64,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct PreferenceOut {
    pub category: NotificationCategory,
    /// Email for this category (in-app notifications are always on).
    pub email: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Preferences {
    /// Whether emails can reach this account now (an SMTP server is set and the account has
    /// an email address).
    pub email_available: bool,
    /// Every category, in a fixed order.
    pub categories: Vec<PreferenceOut>,
}

#[derive(Deserialize, ToSchema)]
pub struct PreferencesInput {
    /// Categories to change (at most `PREFERENCES_MAX`); the others keep their setting.
    #[schema(max_items = 20)]
    pub categories: Vec<PreferenceOut>,
}

/// Most categories one preferences body may name (the schema's `maxItems`).
pub const PREFERENCES_MAX: usize = 20;
