//! Domain rules of SKP plans (being built).
