//! Who heads a unit (ADR 0014): the rule behind `auth::policy::unit_leadership`.
//!
//! A unit's head is the holder of its top structural position. The data model has no
//! "head" column, so the head is derived from the hierarchy: among the unit's active
//! members, the ones whose supervisor is not an active member of the same unit (the Camat,
//! a Lurah, a Kepala Seksi — but never the Sekretaris Kelurahan, whose supervisor is the
//! Lurah in the same kelurahan). When several members qualify, a structural position
//! wins over others, then the higher golongan (PNS before PPPK), then the lower id, so the
//! head is always one person.

use uuid::Uuid;

use crate::domain::golongan;
use crate::domain::master::JenisJabatan;

/// What the rule needs to know about one member of the unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub id: Uuid,
    pub supervisor_id: Option<Uuid>,
    pub jenis_jabatan: String,
    pub status: String,
    pub golongan: String,
    pub active: bool,
}

/// Rank of a golongan for choosing a head: PNS by SIASN code (11–45), PPPK below (1–17),
/// unknown codes last.
fn golongan_rank(status: &str, code: &str) -> u8 {
    match golongan::find(status, code) {
        Some(g) if g.status == "PNS" => g.siasn_code,
        Some(g) => g.siasn_code.min(10),
        None => 0,
    }
}

/// The head of a unit among its members (any order), or `None` for a unit without an
/// active member.
pub fn unit_head(members: &[Member]) -> Option<Uuid> {
    let active: Vec<&Member> = members.iter().filter(|m| m.active).collect();
    let inside = |id: Option<Uuid>| id.is_some_and(|s| active.iter().any(|m| m.id == s));
    active
        .iter()
        .filter(|m| !inside(m.supervisor_id))
        .max_by(|a, b| {
            let key = |m: &Member| {
                (
                    JenisJabatan::parse(&m.jenis_jabatan) == Some(JenisJabatan::Struktural),
                    golongan_rank(&m.status, &m.golongan),
                )
            };
            key(a).cmp(&key(b)).then_with(|| b.id.cmp(&a.id))
        })
        .map(|m| m.id)
}

/// Whether `me` is a leader of a unit: its head, a head of one of its ancestor units, or
/// above its head in the supervisor chain (`head_chain`, nearest first) — and the read does
/// not show one of the caller's own superiors (`shows_a_superior`).
pub fn is_leader(
    me: Uuid,
    head: Option<Uuid>,
    ancestor_heads: &[Uuid],
    head_chain: &[Uuid],
    shows_a_superior: bool,
) -> bool {
    if shows_a_superior {
        return false;
    }
    head == Some(me) || ancestor_heads.contains(&me) || (head.is_some() && head_chain.contains(&me))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: u128, sup: Option<u128>, jenis: &str, gol: &str) -> Member {
        Member {
            id: Uuid::from_u128(id),
            supervisor_id: sup.map(Uuid::from_u128),
            jenis_jabatan: jenis.into(),
            status: if gol.contains('/') { "PNS" } else { "PPPK" }.into(),
            golongan: gol.into(),
            active: true,
        }
    }

    fn kelurahan() -> Vec<Member> {
        // 1 = Camat (outside), 10 = Lurah, 11 = Sekretaris, 12 = Kasi, 13/14 = staff.
        vec![
            m(11, Some(10), "struktural", "III/c"),
            m(13, Some(11), "pelaksana", "II/c"),
            m(10, Some(1), "struktural", "III/d"),
            m(12, Some(10), "struktural", "III/c"),
            m(14, Some(11), "pelaksana", "VII"),
        ]
    }

    #[test]
    fn the_lurah_heads_the_kelurahan_not_the_sekretaris() {
        assert_eq!(unit_head(&kelurahan()), Some(Uuid::from_u128(10)));
    }

    #[test]
    fn a_unit_without_a_supervisor_inside_is_headed_by_its_top_person() {
        let kecamatan = vec![m(1, None, "struktural", "IV/b")];
        assert_eq!(unit_head(&kecamatan), Some(Uuid::from_u128(1)));
        assert_eq!(unit_head(&[]), None);
    }

    #[test]
    fn an_inactive_head_passes_the_unit_to_the_next_in_line() {
        let mut unit = kelurahan();
        unit.iter_mut()
            .filter(|x| x.id == Uuid::from_u128(10))
            .for_each(|x| x.active = false);
        // The Sekretaris (III/c, first by id among the two structural III/c) now heads it.
        assert_eq!(unit_head(&unit), Some(Uuid::from_u128(11)));
    }

    #[test]
    fn a_structural_position_and_then_the_higher_golongan_win_among_outside_supervised() {
        let unit = vec![
            m(20, Some(1), "fungsional", "IV/a"),
            m(21, Some(2), "struktural", "III/b"),
            m(22, Some(3), "struktural", "III/d"),
            m(23, Some(3), "struktural", "IX"),
        ];
        assert_eq!(unit_head(&unit), Some(Uuid::from_u128(22)));
    }

    #[test]
    fn leaders_are_the_head_the_heads_above_and_the_heads_supervisors() {
        let (me, head, camat) = (Uuid::from_u128(5), Uuid::from_u128(10), Uuid::from_u128(1));
        assert!(is_leader(head, Some(head), &[], &[camat], false));
        assert!(is_leader(camat, Some(head), &[], &[camat], false));
        assert!(is_leader(camat, Some(head), &[camat], &[], false));
        assert!(!is_leader(me, Some(head), &[camat], &[camat], false));
        assert!(!is_leader(camat, None, &[], &[camat], false));
    }

    #[test]
    fn nobody_leads_a_read_that_shows_their_own_superior() {
        let head = Uuid::from_u128(10);
        assert!(!is_leader(head, Some(head), &[], &[], true));
    }
}
