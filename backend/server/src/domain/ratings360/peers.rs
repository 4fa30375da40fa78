//! Who may be a ratee's peer, how many, and what nominating, assigning and deciding do to
//! a peer row.

use uuid::Uuid;

use super::AssignmentStatus;
use crate::domain::aggregation::RaterGroup;

/// Most peers one ratee may have (nominated or assigned, rejected ones not counted).
pub const MAX_PEERS: usize = 8;

/// Why a list of peer NIPs is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeerNipsError {
    /// An empty NIP, or one over 30 characters.
    Invalid,
    Empty,
    TooMany,
}

/// Trims and de-duplicates a list of peer NIPs (1 to `MAX_PEERS`).
pub fn peer_nips(raw: &[String]) -> Result<Vec<String>, PeerNipsError> {
    let mut nips: Vec<String> = Vec::new();
    for raw in raw {
        let nip = raw.trim();
        if nip.is_empty() || nip.chars().count() > 30 {
            return Err(PeerNipsError::Invalid);
        }
        if !nips.iter().any(|n| n == nip) {
            nips.push(nip.to_string());
        }
    }
    if nips.is_empty() {
        return Err(PeerNipsError::Empty);
    }
    if nips.len() > MAX_PEERS {
        return Err(PeerNipsError::TooMany);
    }
    Ok(nips)
}

/// An employee as the peer rules see them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    pub id: Uuid,
    pub supervisor_id: Option<Uuid>,
}

/// An existing row of the ratee in the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Existing {
    pub rater_id: Uuid,
    pub group: RaterGroup,
    pub status: AssignmentStatus,
}

/// Why someone may not be the ratee's peer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeerRefusal {
    /// The ratee themself.
    SelfAsPeer,
    /// The direct supervisor, a direct subordinate, or someone who already rates the
    /// ratee in another group: they rate in their own group.
    OtherGroup,
}

/// Whether `peer` may rate `ratee` as a peer, given the ratee's existing rows.
pub fn peer_refusal(ratee: Member, peer: Member, existing: &[Existing]) -> Option<PeerRefusal> {
    if peer.id == ratee.id {
        return Some(PeerRefusal::SelfAsPeer);
    }
    let other_group = existing
        .iter()
        .any(|r| r.rater_id == peer.id && r.group != RaterGroup::Peer);
    if ratee.supervisor_id == Some(peer.id) || peer.supervisor_id == Some(ratee.id) || other_group {
        return Some(PeerRefusal::OtherGroup);
    }
    None
}

/// Whether the ratee would have more than `MAX_PEERS` live (not rejected) peers after
/// adding `targets`. When the ratee nominates, a peer they were refused stays refused and
/// does not count.
pub fn too_many_peers(existing: &[Existing], targets: &[Uuid], assigning: bool) -> bool {
    let mut after: Vec<Uuid> = existing
        .iter()
        .filter(|r| r.group == RaterGroup::Peer && r.status != AssignmentStatus::Rejected)
        .map(|r| r.rater_id)
        .collect();
    for t in targets {
        if assigning || !existing.iter().any(|r| r.rater_id == *t) {
            after.push(*t);
        }
    }
    after.sort();
    after.dedup();
    after.len() > MAX_PEERS
}

/// What adding a peer does to their row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeerChange {
    /// A new row with this status (`assigned` by an organiser, `nominated` by the ratee).
    Insert(AssignmentStatus),
    /// An organiser approves an earlier nomination or rejection: the row is restored.
    Restore,
    /// Nothing changes.
    Keep,
}

pub fn peer_change(existing: Option<AssignmentStatus>, assigning: bool) -> PeerChange {
    match existing {
        None if assigning => PeerChange::Insert(AssignmentStatus::Assigned),
        None => PeerChange::Insert(AssignmentStatus::Nominated),
        Some(AssignmentStatus::Nominated | AssignmentStatus::Rejected) if assigning => {
            PeerChange::Restore
        }
        Some(_) => PeerChange::Keep,
    }
}

/// The status a peer row returns to when (re)approved: the rater's earlier work is kept.
pub fn restored_status(submitted: bool, has_answers: bool) -> AssignmentStatus {
    if submitted {
        AssignmentStatus::Submitted
    } else if has_answers {
        AssignmentStatus::Draft
    } else {
        AssignmentStatus::Assigned
    }
}

/// The status after a decision on a peer: a rejection rejects; approving a live row
/// changes nothing, approving a nominated or rejected one restores it.
pub fn decided_status(
    current: AssignmentStatus,
    approve: bool,
    restored: AssignmentStatus,
) -> AssignmentStatus {
    if !approve {
        AssignmentStatus::Rejected
    } else if is_live(current) {
        current
    } else {
        restored
    }
}

/// Whether a row counts as an assignment (not a pending or rejected nomination).
pub fn is_live(status: AssignmentStatus) -> bool {
    !matches!(
        status,
        AssignmentStatus::Nominated | AssignmentStatus::Rejected
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id() -> Uuid {
        Uuid::now_v7()
    }

    #[test]
    fn peer_nips_are_trimmed_deduplicated_and_at_most_eight() {
        let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            peer_nips(&list(&[" 1 ", "1", "2"])),
            Ok(vec!["1".to_string(), "2".to_string()])
        );
        assert_eq!(peer_nips(&list(&[])), Err(PeerNipsError::Empty));
        assert_eq!(peer_nips(&list(&["  "])), Err(PeerNipsError::Invalid));
        let nine: Vec<String> = (0..9).map(|i| i.to_string()).collect();
        assert_eq!(peer_nips(&nine), Err(PeerNipsError::TooMany));
    }

    #[test]
    fn the_ratee_their_supervisor_and_subordinates_are_not_peers() {
        let (boss, me, sub, other) = (id(), id(), id(), id());
        let ratee = Member {
            id: me,
            supervisor_id: Some(boss),
        };
        let m = |id, sup| Member {
            id,
            supervisor_id: sup,
        };
        assert_eq!(
            peer_refusal(ratee, ratee, &[]),
            Some(PeerRefusal::SelfAsPeer)
        );
        assert_eq!(
            peer_refusal(ratee, m(boss, None), &[]),
            Some(PeerRefusal::OtherGroup)
        );
        assert_eq!(
            peer_refusal(ratee, m(sub, Some(me)), &[]),
            Some(PeerRefusal::OtherGroup)
        );
        assert_eq!(peer_refusal(ratee, m(other, Some(boss)), &[]), None);
        let rates_as_subordinate = [Existing {
            rater_id: other,
            group: RaterGroup::Subordinate,
            status: AssignmentStatus::Assigned,
        }];
        assert_eq!(
            peer_refusal(ratee, m(other, Some(boss)), &rates_as_subordinate),
            Some(PeerRefusal::OtherGroup)
        );
    }

    #[test]
    fn a_ratee_has_at_most_eight_live_peers_and_rejected_ones_do_not_count() {
        let peer = |status| Existing {
            rater_id: id(),
            group: RaterGroup::Peer,
            status,
        };
        let mut existing: Vec<Existing> =
            (0..7).map(|_| peer(AssignmentStatus::Assigned)).collect();
        let rejected = peer(AssignmentStatus::Rejected);
        existing.push(rejected);
        assert!(!too_many_peers(&existing, &[id()], false));
        assert!(too_many_peers(&existing, &[id(), id()], false));
        // Nominating a refused peer again keeps them refused: they do not count.
        assert!(!too_many_peers(
            &existing,
            &[rejected.rater_id, id()],
            false
        ));
        // An organiser assigning them restores them: they count.
        assert!(too_many_peers(&existing, &[rejected.rater_id, id()], true));
    }

    #[test]
    fn organisers_assign_and_restore_while_the_ratee_only_nominates() {
        assert_eq!(
            peer_change(None, true),
            PeerChange::Insert(AssignmentStatus::Assigned)
        );
        assert_eq!(
            peer_change(None, false),
            PeerChange::Insert(AssignmentStatus::Nominated)
        );
        assert_eq!(
            peer_change(Some(AssignmentStatus::Rejected), true),
            PeerChange::Restore
        );
        assert_eq!(
            peer_change(Some(AssignmentStatus::Rejected), false),
            PeerChange::Keep
        );
        assert_eq!(
            peer_change(Some(AssignmentStatus::Draft), true),
            PeerChange::Keep
        );
    }

    #[test]
    fn a_restored_peer_keeps_their_earlier_work() {
        assert_eq!(restored_status(true, true), AssignmentStatus::Submitted);
        assert_eq!(restored_status(false, true), AssignmentStatus::Draft);
        assert_eq!(restored_status(false, false), AssignmentStatus::Assigned);
        assert_eq!(
            decided_status(AssignmentStatus::Draft, true, AssignmentStatus::Assigned),
            AssignmentStatus::Draft
        );
        assert_eq!(
            decided_status(AssignmentStatus::Rejected, true, AssignmentStatus::Draft),
            AssignmentStatus::Draft
        );
        assert_eq!(
            decided_status(
                AssignmentStatus::Submitted,
                false,
                AssignmentStatus::Submitted
            ),
            AssignmentStatus::Rejected
        );
    }
}
