//! Permissions — 360 rounds: who organises, who may be assigned as a rater, who reads a 360 group or form.
