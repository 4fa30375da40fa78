//! Notifications (ADR 0024): notices written in the transaction of the change they report,
//! the in-app list of the signed-in account, email preferences, deadline reminders
//! (`reminders`) and the mail worker (`mailer`).
//!
//! A notice is one `notifications` row per account and, when the account has an email
//! address, has not switched email off for the category and an SMTP server is set, one
//! `email_outbox` row. After the commit the use case calls [`announce`]: the account's
//! browsers hear `notification_created` (no content) and refetch.

pub mod mailer;
pub mod reminders;

use chrono::Utc;
use entity::{email_outbox, notification, user};
use sea_orm::{ConnectionTrait, TransactionTrait};
use uuid::Uuid;

use crate::auth::Principal;
use crate::config::Settings;
use crate::domain::notification::{Category, Kind, email_body};
use crate::dto::PageMeta;
use crate::dto::notifications::{
    NotificationList, NotificationOut, PreferenceOut, Preferences, PreferencesInput,
};
use crate::error::{ApiError, ApiResult};
use crate::events::{Audience, EventKind};
use crate::state::AppState;
use crate::store::{self, PageReq};

/// What to tell people: kind, Indonesian title and body, SPA path, and for reminders the
/// key that makes it unique.
#[derive(Clone, Debug)]
pub struct Notice {
    pub kind: Kind,
    pub title: String,
    pub body: String,
    pub link: String,
    pub dedup_key: Option<String>,
}

impl Notice {
    pub fn new(kind: Kind, title: impl Into<String>, body: impl Into<String>, link: &str) -> Self {
        Notice {
            kind,
            title: title.into(),
            body: body.into(),
            link: link.into(),
            dedup_key: None,
        }
    }
}

/// Writes `notice` for each account (in the caller's transaction); returns the accounts
/// actually notified (a reminder already written is skipped).
pub async fn notify_users<C: ConnectionTrait>(
    conn: &C,
    settings: &Settings,
    users: &[user::Model],
    notice: &Notice,
) -> ApiResult<Vec<Uuid>> {
    let now = Utc::now();
    let category = notice.kind.category();
    let mut notified = Vec::new();
    for u in users {
        let fresh = store::notifications::insert_notification(
            conn,
            notification::Model {
                id: Uuid::now_v7(),
                user_id: u.id,
                kind: notice.kind.as_str().into(),
                category: category.as_str().into(),
                title: notice.title.clone(),
                body: notice.body.clone(),
                link: notice.link.clone(),
                dedup_key: notice.dedup_key.clone(),
                created_at: now,
                read_at: None,
            },
        )
        .await?;
        if !fresh || notified.contains(&u.id) {
            continue;
        }
        notified.push(u.id);
        let Some(address) = u.email.as_deref().filter(|e| !e.trim().is_empty()) else {
            continue;
        };
        if !settings.smtp_enabled() {
            continue;
        }
        let off = store::notifications::list_optouts(conn, u.id).await?;
        if off.iter().any(|c| c == category.as_str()) {
            continue;
        }
        store::notifications::insert_email(
            conn,
            email_outbox::Model {
                id: Uuid::now_v7(),
                recipient: address.trim().to_string(),
                subject: format!("[Kinerja360] {}", notice.title),
                body: email_body(&u.name, &notice.body, &notice.link, &settings.public_base()),
                attempts: 0,
                next_attempt_at: now,
                claimed_until: None,
                sent_at: None,
                failed_at: None,
                last_error: None,
                created_at: now,
            },
        )
        .await?;
    }
    Ok(notified)
}

/// [`notify_users`] for the active accounts of these employees (employees without an
/// account are skipped).
pub async fn notify_employees<C: ConnectionTrait>(
    conn: &C,
    settings: &Settings,
    employee_ids: &[Uuid],
    notice: &Notice,
) -> ApiResult<Vec<Uuid>> {
    let mut ids = employee_ids.to_vec();
    ids.sort();
    ids.dedup();
    let users = store::notifications::list_accounts_of_employees(conn, &ids).await?;
    notify_users(conn, settings, &users, notice).await
}

/// After the commit: each notified account's browsers refetch their notifications.
pub fn announce(state: &AppState, users: &[Uuid]) {
    for u in users {
        state.events.publish(
            EventKind::NotificationCreated,
            Vec::new(),
            Audience::User(*u),
        );
    }
}

fn account_of(p: &Principal) -> ApiResult<Uuid> {
    p.user_id().ok_or(ApiError::Forbidden)
}

/// The signed-in account's notifications, newest first, with the unread count.
pub async fn list(
    state: &AppState,
    p: &Principal,
    unread_only: bool,
    page: PageReq,
) -> ApiResult<NotificationList> {
    let user_id = account_of(p)?;
    let (items, total, unread) =
        store::notifications::list_of_user(&state.db.read, user_id, unread_only, page).await?;
    Ok(NotificationList {
        items: items.into_iter().map(NotificationOut::from).collect(),
        unread,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    })
}

/// Marks one of the account's notifications read (404 when it is not theirs).
pub async fn mark_read(state: &AppState, p: &Principal, id: Uuid) -> ApiResult<NotificationOut> {
    let user_id = account_of(p)?;
    let txn = state.db.write.begin().await?;
    store::notifications::mark_read(&txn, user_id, Some(id), Utc::now()).await?;
    let n = store::notifications::find_notification(&txn, user_id, id)
        .await?
        .ok_or_else(|| ApiError::NotFound("Pemberitahuan tidak ditemukan".into()))?;
    txn.commit().await?;
    Ok(n.into())
}

/// Marks every unread notification of the account read; returns how many.
pub async fn mark_all_read(state: &AppState, p: &Principal) -> ApiResult<u64> {
    let user_id = account_of(p)?;
    let txn = state.db.write.begin().await?;
    let n = store::notifications::mark_read(&txn, user_id, None, Utc::now()).await?;
    txn.commit().await?;
    Ok(n)
}

async fn preferences_of<C: ConnectionTrait>(
    conn: &C,
    settings: &Settings,
    user_id: Uuid,
) -> ApiResult<Preferences> {
    let off = store::notifications::list_optouts(conn, user_id).await?;
    let has_email = store::users::find_by_id(conn, user_id)
        .await?
        .and_then(|u| u.email)
        .is_some_and(|e| !e.trim().is_empty());
    Ok(Preferences {
        email_available: settings.smtp_enabled() && has_email,
        categories: Category::ALL
            .into_iter()
            .map(|c| PreferenceOut {
                category: c,
                email: !off.iter().any(|o| o == c.as_str()),
            })
            .collect(),
    })
}

/// The account's email preference per category (on unless switched off).
pub async fn preferences(state: &AppState, p: &Principal) -> ApiResult<Preferences> {
    let user_id = account_of(p)?;
    preferences_of(&state.db.read, &state.settings, user_id).await
}

/// Sets email on or off per category; categories left out keep their setting.
pub async fn set_preferences(
    state: &AppState,
    p: &Principal,
    input: &PreferencesInput,
) -> ApiResult<Preferences> {
    let user_id = account_of(p)?;
    if input.categories.len() > crate::dto::notifications::PREFERENCES_MAX {
        return Err(ApiError::field(
            "categories",
            format!(
                "Paling banyak {} kategori",
                crate::dto::notifications::PREFERENCES_MAX
            ),
        ));
    }
    let txn = state.db.write.begin().await?;
    let mut off: Vec<Category> = store::notifications::list_optouts(&txn, user_id)
        .await?
        .iter()
        .filter_map(|c| Category::parse(c))
        .collect();
    for pref in &input.categories {
        off.retain(|c| *c != pref.category);
        if !pref.email {
            off.push(pref.category);
        }
    }
    let names: Vec<&str> = off.iter().map(|c| c.as_str()).collect();
    store::notifications::replace_optouts(&txn, user_id, &names, Utc::now()).await?;
    let out = preferences_of(&txn, &state.settings, user_id).await?;
    txn.commit().await?;
    Ok(out)
}
