//! Permissions — Periods, evaluations, org results, appeals and exports: who manages, rates, decides and reads.
