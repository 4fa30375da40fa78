//! Permissions — SKP, realisasi, evidence, continuous feedback and coaching: who writes, approves and reads.
