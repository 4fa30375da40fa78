//! Permissions — Master data, accounts, API keys, citizen feedback, IKM and the audit log: who manages and reads.
