//! Assignments: the hierarchy's rows of a round, peers nominated by the ratee or assigned
//! by an organiser, and decisions on nominations.

use chrono::Utc;
use entity::{employee, period, rating_360 as r360};
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

use super::{
    assignment_conflict, employee_not_found, form_not_found, group_of, load_employee, load_period,
    people, require_assignable, scores_of, status_of, take_person, unit_scope,
};
use crate::app::notifications::{Notice, announce, notify_employees};
use crate::auth::Principal;
use crate::auth::policy::{self, ratings360::PeerRole};
use crate::domain::aggregation::RaterGroup;
use crate::domain::notification::Kind;
use crate::domain::ratings360::{
    self as rules, AssignmentStatus, Existing, MAX_PEERS, Member, PeerChange, PeerNipsError,
    PeerRefusal,
};
use crate::dto::ratings360::{
    GenerateOut, PeerList, PeerOut, PeersInput, RaterList, RaterOut, RaterState, RejectInput,
};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult, FieldErrors};
use crate::events::Audience;
use crate::events::EventKind;
use crate::state::AppState;
use crate::store;

const MAX_REASON: usize = 500;

/// Creates the hierarchy's assignments for a period (for organisers: the handler checks
/// `can_organise_360`): self, the active direct supervisor and each active direct
/// subordinate of every active employee (of the unit tree when `unit_code` is given).
/// Existing assignments are left untouched.
pub async fn generate(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    unit_code: Option<&str>,
) -> ApiResult<GenerateOut> {
    let txn = state.db.write.begin().await?;
    let period = load_period(&txn, period_id).await?;
    require_assignable(&period)?;
    let units = unit_scope(&txn, unit_code).await?;
    let ratees = store::ratings360::list_active_employees(&txn, units).await?;
    let ratee_ids: Vec<Uuid> = ratees.iter().map(|e| e.id).collect();
    let sup_ids: Vec<Uuid> = ratees.iter().filter_map(|e| e.supervisor_id).collect();
    let supervisors = store::employees::find_by_ids(&txn, sup_ids).await?;
    let subordinates = store::ratings360::list_active_subordinates_of(&txn, &ratee_ids).await?;
    let mut subs_of: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for s in &subordinates {
        if let Some(sup) = s.supervisor_id {
            subs_of.entry(sup).or_default().push(s.id);
        }
    }
    let existing = store::ratings360::list_existing_pairs(&txn, period.id, &ratee_ids).await?;
    let mut planned: HashSet<(Uuid, Uuid)> = HashSet::new();
    let mut rows = Vec::new();
    let mut out = GenerateOut {
        created: 0,
        self_rating: 0,
        supervisor: 0,
        subordinate: 0,
        existing: 0,
    };
    let now = Utc::now();
    for e in &ratees {
        let active_sup = e
            .supervisor_id
            .and_then(|s| supervisors.get(&s))
            .filter(|s| s.active)
            .map(|s| s.id);
        let subs = subs_of.get(&e.id).map_or(&[][..], Vec::as_slice);
        for (rater, group) in rules::hierarchy_raters(e.id, active_sup, subs) {
            if existing.contains(&(e.id, rater)) {
                out.existing += 1;
                continue;
            }
            if !planned.insert((e.id, rater)) {
                continue;
            }
            match group {
                RaterGroup::SelfRating => out.self_rating += 1,
                RaterGroup::Supervisor => out.supervisor += 1,
                _ => out.subordinate += 1,
            }
            rows.push(store::ratings360::new_row(
                period.id,
                e.id,
                rater,
                group,
                AssignmentStatus::Assigned,
                None,
                now,
            ));
        }
    }
    out.created = rows.len() as u64;
    store::ratings360::insert_all(&txn, rows)
        .await
        .map_err(assignment_conflict)?;
    let raters: Vec<Uuid> = planned.iter().map(|(_, rater)| *rater).collect();
    let notice = Notice::new(
        Kind::Forms360Assigned,
        format!("Formulir penilaian 360 {}", period.name),
        format!(
            "Anda mendapat formulir penilaian 360 baru pada periode {}. Isi dan kirim \
             sebelum batas waktunya.",
            period.name
        ),
        "/kinerja/360",
    );
    let notified = notify_employees(&txn, &state.settings, &raters, &notice).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "ratings360.generate",
        "period",
        &period.id.to_string(),
        json!({
            "unit_code": unit_code, "created": out.created, "self": out.self_rating,
            "supervisor": out.supervisor, "subordinate": out.subordinate, "existing": out.existing
        }),
    )
    .await?;
    txn.commit().await?;
    if out.created > 0 {
        // One event for all new forms: raters refetch their inbox.
        state.events.publish(
            EventKind::Ratings360Assigned,
            vec![period.id.to_string()],
            Audience::Everyone,
        );
    }
    announce(state, &notified);
    Ok(out)
}

fn too_many_peers() -> ApiError {
    ApiError::unprocessable(
        ErrorCode::TooManyPeers,
        format!("Rekan kerja penilai paling banyak {MAX_PEERS} orang"),
    )
}

fn existing_of(rows: &[r360::Model]) -> Vec<Existing> {
    rows.iter()
        .map(|r| Existing {
            rater_id: r.rater_id,
            group: group_of(r),
            status: status_of(r),
        })
        .collect()
}

/// Peers: the ratee nominates, their direct supervisor or HR assigns (which also approves
/// an earlier nomination). The peer rules are `domain::ratings360`'s.
pub async fn add_peers(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    nip: &str,
    input: &PeersInput,
) -> ApiResult<PeerList> {
    let nips = rules::peer_nips(&input.nips).map_err(|e| match e {
        PeerNipsError::Invalid => {
            ApiError::field("nips", "Setiap NIP harus diisi (maksimal 30 karakter)")
        }
        PeerNipsError::Empty => ApiError::field("nips", "Pilih minimal satu rekan kerja"),
        PeerNipsError::TooMany => too_many_peers(),
    })?;
    let txn = state.db.write.begin().await?;
    let period = load_period(&txn, period_id).await?;
    let ratee = load_employee(&txn, nip).await?;
    let Some(role) = policy::ratings360::peer_role(p, &ratee) else {
        return Err(
            if policy::ratings360::organises_ratee(&txn, p, &ratee).await? {
                ApiError::Forbidden
            } else {
                employee_not_found(nip)
            },
        );
    };
    let (nominating, assigning) = (role == PeerRole::Nominate, role == PeerRole::Assign);
    require_assignable(&period)?;
    let self_as_peer = || {
        ApiError::unprocessable(
            ErrorCode::CannotRateSelfAsPeer,
            "Anda tidak dapat menjadi rekan kerja penilai bagi diri sendiri",
        )
    };
    if nips.contains(&ratee.nip) {
        return Err(self_as_peer());
    }
    let found = store::employees::find_by_nips(&txn, nips.clone()).await?;
    let mut errors: Vec<String> = Vec::new();
    for n in &nips {
        match found.get(n) {
            None => errors.push(format!("NIP {n} tidak ditemukan")),
            Some(e) if !e.active => errors.push(format!("Pegawai {n} tidak aktif")),
            Some(_) => {}
        }
    }
    if !errors.is_empty() {
        let mut fields = FieldErrors::new();
        fields.insert("nips".into(), errors);
        return Err(ApiError::Validation(fields));
    }
    let rows = store::ratings360::list_for_ratee(&txn, period.id, ratee.id).await?;
    let existing = existing_of(&rows);
    let member = |e: &employee::Model| Member {
        id: e.id,
        supervisor_id: e.supervisor_id,
    };
    let mut targets = Vec::new();
    for n in &nips {
        let Some(peer) = found.get(n) else { continue };
        match rules::peer_refusal(member(&ratee), member(peer), &existing) {
            Some(PeerRefusal::SelfAsPeer) => return Err(self_as_peer()),
            Some(PeerRefusal::OtherGroup) => {
                return Err(ApiError::unprocessable(
                    ErrorCode::PeerInOtherGroup,
                    format!(
                        "{} adalah atasan atau bawahan langsung dan menilai dalam kelompoknya sendiri",
                        peer.nip
                    ),
                ));
            }
            None => targets.push(peer),
        }
    }
    let target_ids: Vec<Uuid> = targets.iter().map(|t| t.id).collect();
    if rules::too_many_peers(&existing, &target_ids, assigning) {
        return Err(too_many_peers());
    }
    let now = Utc::now();
    let mut inserts = Vec::new();
    let mut assigned_raters = Vec::new();
    let mut ratee_nomination_changed = false;
    for t in &targets {
        let row = rows.iter().find(|r| r.rater_id == t.id);
        match rules::peer_change(row.map(status_of), assigning) {
            PeerChange::Insert(status) => {
                inserts.push(store::ratings360::new_row(
                    period.id,
                    ratee.id,
                    t.id,
                    RaterGroup::Peer,
                    status,
                    p.employee_id,
                    now,
                ));
                if assigning {
                    assigned_raters.push(t.id);
                }
            }
            PeerChange::Restore => {
                let Some(r) = row else { continue };
                ratee_nomination_changed |= r.nominated_by == Some(ratee.id);
                let status = restored_status(r);
                store::ratings360::update_status(&txn, r.clone(), status, None, now).await?;
                assigned_raters.push(t.id);
            }
            PeerChange::Keep => {}
        }
    }
    store::ratings360::insert_all(&txn, inserts)
        .await
        .map_err(assignment_conflict)?;
    store::audit::append(
        &txn,
        &p.actor(),
        if assigning {
            "ratings360.peers_assign"
        } else {
            "ratings360.peers_nominate"
        },
        "employee",
        &ratee.nip,
        json!({ "period": period.id, "peers": nips }),
    )
    .await?;
    let out = peer_list(&txn, &period, &ratee, !nominating).await?;
    txn.commit().await?;
    let ids = vec![period.id.to_string()];
    if nominating {
        if let Some(sup) = ratee.supervisor_id {
            state.events.publish(
                EventKind::Peers360Nominated,
                ids.clone(),
                Audience::Employee(sup),
            );
        }
        state
            .events
            .publish(EventKind::Peers360Nominated, ids.clone(), Audience::Staff);
    }
    for r in assigned_raters {
        state.events.publish(
            EventKind::Ratings360Assigned,
            ids.clone(),
            Audience::Employee(r),
        );
    }
    if ratee_nomination_changed {
        state.events.publish(
            EventKind::Peers360Updated,
            ids,
            Audience::Employee(ratee.id),
        );
    }
    Ok(out)
}

/// The status a peer row returns to when (re)approved.
fn restored_status(r: &r360::Model) -> AssignmentStatus {
    let has_answers = scores_of(r).iter().any(Option::is_some)
        || r.comments.is_some()
        || r.overall_comment.is_some();
    rules::restored_status(r.submitted_at.is_some(), has_answers)
}

async fn peer_list<C: ConnectionTrait>(
    conn: &C,
    period: &period::Model,
    ratee: &employee::Model,
    organiser: bool,
) -> ApiResult<PeerList> {
    let rows: Vec<r360::Model> = store::ratings360::list_for_ratee(conn, period.id, ratee.id)
        .await?
        .into_iter()
        .filter(|r| r.rater_group == RaterGroup::Peer.as_str())
        // The ratee sees only the peers they chose themselves.
        .filter(|r| organiser || r.nominated_by == Some(ratee.id))
        .collect();
    let mut persons = people(conn, rows.iter().map(|r| r.rater_id).collect()).await?;
    let mut items: Vec<PeerOut> = rows
        .into_iter()
        .map(|r| PeerOut {
            id: organiser.then_some(r.id),
            person: take_person(&mut persons, r.rater_id),
            state: status_of(&r).nomination(),
            decision_reason: r.decision_reason.clone(),
            nominated_by_ratee: organiser.then_some(r.nominated_by == Some(ratee.id)),
        })
        .collect();
    items.sort_by(|a, b| {
        a.person
            .name
            .cmp(&b.person.name)
            .then(a.person.nip.cmp(&b.person.nip))
    });
    Ok(PeerList { items })
}

/// The peers of a ratee: all of them for organisers (supervisor chain, admin/HR/auditor),
/// only their own nominations for the ratee; anyone else hears the ratee does not exist.
pub async fn list_peers(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    nip: &str,
) -> ApiResult<PeerList> {
    let db = &state.db.read;
    let period = load_period(db, period_id).await?;
    let ratee = load_employee(db, nip).await?;
    let organiser = policy::ratings360::organises_ratee(db, p, &ratee).await?;
    if !organiser && !policy::is_self(p, ratee.id) {
        return Err(employee_not_found(nip));
    }
    peer_list(db, &period, &ratee, organiser).await
}

/// Every assignment of a ratee, for the organisers (403 for the ratee themself).
pub async fn list_raters(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    nip: &str,
) -> ApiResult<RaterList> {
    let db = &state.db.read;
    let period = load_period(db, period_id).await?;
    let ratee = load_employee(db, nip).await?;
    if !policy::ratings360::organises_ratee(db, p, &ratee).await? {
        return Err(if policy::is_self(p, ratee.id) {
            ApiError::Forbidden
        } else {
            employee_not_found(nip)
        });
    }
    let rows = store::ratings360::list_for_ratee(db, period.id, ratee.id).await?;
    let mut persons = people(db, rows.iter().map(|r| r.rater_id).collect()).await?;
    let mut items: Vec<RaterOut> = rows
        .into_iter()
        .map(|r| rater_out(&r, &mut persons))
        .collect();
    items.sort_by(|a, b| {
        a.group
            .order()
            .cmp(&b.group.order())
            .then(a.person.name.cmp(&b.person.name))
            .then(a.person.nip.cmp(&b.person.nip))
    });
    Ok(RaterList { items })
}

fn rater_out(
    r: &r360::Model,
    persons: &mut HashMap<Uuid, crate::dto::ratings360::Person>,
) -> RaterOut {
    let group = group_of(r);
    RaterOut {
        id: (group == RaterGroup::Peer).then_some(r.id),
        group,
        person: take_person(persons, r.rater_id),
        state: if group.is_anonymous() {
            RaterState::Nomination(status_of(r).nomination())
        } else {
            RaterState::Status(status_of(r))
        },
    }
}

/// Loads a peer row for a decision by the ratee's direct supervisor or admin/HR; anyone
/// else hears it does not exist.
async fn load_decision<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    id: Uuid,
) -> ApiResult<(r360::Model, employee::Model, period::Model)> {
    let row = store::ratings360::find(conn, id)
        .await?
        .ok_or_else(form_not_found)?;
    let ratee = store::employees::find_by_id(conn, row.ratee_id)
        .await?
        .ok_or_else(form_not_found)?;
    if !policy::ratings360::may_decide_peers(p, &ratee) {
        return Err(form_not_found());
    }
    let period = load_period(conn, row.period_id).await?;
    require_assignable(&period)?;
    if group_of(&row) != RaterGroup::Peer {
        return Err(ApiError::conflict(
            ErrorCode::NotAPeer,
            "Hanya penugasan rekan kerja yang disetujui atau ditolak",
        ));
    }
    Ok((row, ratee, period))
}

/// Approves a peer (nominated or rejected → approved, their earlier work restored).
pub async fn approve(state: &AppState, p: &Principal, id: Uuid) -> ApiResult<RaterOut> {
    decide(state, p, id, true, None).await
}

/// Rejects a peer, with an optional reason (≤ 500 characters) shown to the ratee who
/// nominated them.
pub async fn reject(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    input: &RejectInput,
) -> ApiResult<RaterOut> {
    let reason = input
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string);
    if reason
        .as_deref()
        .is_some_and(|r| r.chars().count() > MAX_REASON)
    {
        return Err(ApiError::field(
            "reason",
            format!("Alasan maksimal {MAX_REASON} karakter"),
        ));
    }
    decide(state, p, id, false, reason).await
}

async fn decide(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    approve: bool,
    reason: Option<String>,
) -> ApiResult<RaterOut> {
    let txn = state.db.write.begin().await?;
    let (row, ratee, period) = load_decision(&txn, p, id).await?;
    let current = status_of(&row);
    let was_live = rules::is_live(current);
    let status = rules::decided_status(current, approve, restored_status(&row));
    let updated = store::ratings360::update_status(
        &txn,
        row.clone(),
        status,
        if approve { None } else { reason.clone() },
        Utc::now(),
    )
    .await?;
    store::audit::append(
        &txn,
        &p.actor(),
        if approve {
            "ratings360.approve"
        } else {
            "ratings360.reject"
        },
        "rating_360",
        &row.id.to_string(),
        json!({ "period": period.id, "ratee": ratee.nip, "reason": reason }),
    )
    .await?;
    let mut persons = people(&txn, vec![updated.rater_id]).await?;
    let out = rater_out(&updated, &mut persons);
    txn.commit().await?;
    let ids = vec![period.id.to_string()];
    if approve != was_live {
        state.events.publish(
            if approve {
                EventKind::Ratings360Assigned
            } else {
                EventKind::Ratings360Withdrawn
            },
            ids.clone(),
            Audience::Employee(row.rater_id),
        );
    }
    if row.nominated_by == Some(ratee.id) {
        // Only the nomination's state, which the ratee may see; never a response event.
        state.events.publish(
            EventKind::Peers360Updated,
            ids,
            Audience::Employee(ratee.id),
        );
    }
    Ok(out)
}
