//! The hierarchies of master data (units under units, employees under supervisors) never
//! have a cycle: the rules that refuse a write which would close one.

use uuid::Uuid;

/// Whether making `parent_chain` (the new parent first, then its ancestors) the ancestry
/// of `unit` would put the unit above itself.
pub fn unit_parent_closes_cycle(unit: Uuid, parent_chain: &[Uuid]) -> bool {
    parent_chain.contains(&unit)
}

/// How far the supervisor walk above an employee goes before it gives up (a longer chain
/// than any real organisation; a corrupt one cannot loop forever).
pub const MAX_SUPERVISOR_STEPS: usize = 64;

/// What a walk up the supervisor chain found.
#[derive(Debug, PartialEq, Eq)]
pub enum SupervisorWalk {
    /// The walk met the employee again: the supervisor would be their own subordinate.
    Cycle,
    /// The chain ends (or is longer than the bound) without meeting the employee.
    Clear,
    /// The supervisor of this NIP is not known yet: load it and walk again.
    Unknown(String),
}

/// Walks up from `supervisor` (the NIP the employee `me` would report to). `parent_of`
/// gives a NIP's supervisor (`Some(None)` for the top of the chain), or `None` when it is
/// not known yet.
pub fn walk_supervisors(
    me: &str,
    supervisor: Option<String>,
    parent_of: impl Fn(&str) -> Option<Option<String>>,
) -> SupervisorWalk {
    let mut current = supervisor;
    let mut steps = 0;
    while let Some(nip) = current {
        if nip == me {
            return SupervisorWalk::Cycle;
        }
        steps += 1;
        if steps > MAX_SUPERVISOR_STEPS {
            return SupervisorWalk::Clear;
        }
        current = match parent_of(&nip) {
            Some(parent) => parent,
            None => return SupervisorWalk::Unknown(nip),
        };
    }
    SupervisorWalk::Clear
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn chain(pairs: &[(&str, Option<&str>)]) -> HashMap<String, Option<String>> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.map(str::to_string)))
            .collect()
    }

    #[test]
    fn a_unit_cannot_move_below_its_own_descendant() {
        let (me, child, other) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        assert!(unit_parent_closes_cycle(me, &[child, me]));
        assert!(!unit_parent_closes_cycle(me, &[other]));
        assert!(!unit_parent_closes_cycle(me, &[]));
    }

    #[test]
    fn a_supervisor_below_the_employee_closes_a_cycle() {
        // a → b → c; making c a's supervisor... a is above c, so c above a is a cycle.
        let parents = chain(&[("c", Some("b")), ("b", Some("a")), ("a", None)]);
        let walk = walk_supervisors("a", Some("c".into()), |n| parents.get(n).cloned());
        assert_eq!(walk, SupervisorWalk::Cycle);
    }

    #[test]
    fn a_chain_that_ends_is_clear() {
        let parents = chain(&[("b", Some("c")), ("c", None)]);
        let walk = walk_supervisors("a", Some("b".into()), |n| parents.get(n).cloned());
        assert_eq!(walk, SupervisorWalk::Clear);
        assert_eq!(walk_supervisors("a", None, |_| None), SupervisorWalk::Clear);
    }

    #[test]
    fn an_unknown_link_asks_to_be_loaded() {
        let parents = chain(&[("b", Some("c"))]);
        let walk = walk_supervisors("a", Some("b".into()), |n| parents.get(n).cloned());
        assert_eq!(walk, SupervisorWalk::Unknown("c".into()));
    }

    #[test]
    fn a_corrupt_endless_chain_gives_up_instead_of_looping() {
        let parents = chain(&[("x", Some("y")), ("y", Some("x"))]);
        let walk = walk_supervisors("a", Some("x".into()), |n| parents.get(n).cloned());
        assert_eq!(walk, SupervisorWalk::Clear);
    }
}
