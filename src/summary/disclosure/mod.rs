//! Disclosure control for open-access releases (spec: `summaries.md`, "Disclosure control").
//!
//! A release is a set of [`Cell`]s (counts) and additive [`Relation`]s between them. [`protect`]
//! decides which cells are hidden so that the three guarantees hold over the whole release:
//!
//! 1. **No exact disclosure**: no hidden cell is determined by the published values and the
//!    relations. Tested in exact arithmetic (a hidden cell is determined iff its unit vector lies
//!    in the row space of the relations restricted to the hidden columns) *and*, because values
//!    are counts `>= 0`, no hidden cell may be pinned to a single value by the LP over the
//!    relations with `x >= 0` (this catches e.g. two hidden zeros that can only be zero).
//! 2. **Interval protection**: every sensitive cell (primary: `1..=k-1`; or differencing, see 3)
//!    is hidden and its LP range `[lo, hi]` has `hi >= x + 1` and `hi - lo >= min_interval_width`.
//! 3. **No differencing**: a cell published in the previous release whose value grew by
//!    `1..=k-1` is not published now; it is hidden and protected like a primary cell.
//!
//! Method (deterministic, see [`suppress`]): secondary suppression by sparse exact Gaussian
//! elimination over the relation system (cells processed in reverse cost order, a cell is hidden
//! if publishing it would determine a hidden one), then an LP check of every sensitive cell with
//! an L1 "attacker direction" LP that picks the cheapest extra cells where the interval is too
//! narrow, repeated until the guarantees hold, then a pruning pass that publishes again every
//! secondary cell whose publication keeps all guarantees (so each remaining secondary is needed).
//!
//! [`check`] verifies the guarantees independently (dense exact rational rank test and a
//! different LP solver, microlp) and produces the [`Audit`].

mod check;
mod linalg;
mod lp;
mod suppress;
mod wilson;

pub use check::check;
pub use wilson::{rate_publishable, wilson};

/// One published-or-hidden count in a release. Cells are identified by a stable key (e.g.
/// "t4.severity_by_class/drug_class=jak_inhibitor/severity=2"); keys sort deterministically.
///
/// `rank`: 0 = innermost cell, 1 = row/column margin, 2 = table total, ...; the release's grand
/// total (n) has rank `u8::MAX` and is never hidden (nor is any other cell of rank `u8::MAX`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Cell {
    pub key: String,
    pub value: u64,
    pub rank: u8,
}

/// An additive relation of the release: `cells[total] == sum of cells[members]` (indices into
/// the cell slice).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Relation {
    pub total: usize,
    pub members: Vec<usize>,
}

#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Threshold, `>= 3`.
    pub k: u64,
    /// Minimum width of the LP range of a sensitive cell: 2 by default, or `k`.
    pub min_interval_width: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { k: 5, min_interval_width: 2 }
    }
}

/// The previous release's published values by cell key (`None` = hidden there). Used for
/// Guarantee 3.
pub type Previous = std::collections::HashMap<String, Option<u64>>;

#[derive(Debug, Clone)]
pub struct Protection {
    /// Per cell: hidden in this release.
    pub hidden: Vec<bool>,
    pub audit: Audit,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Audit {
    pub k: u64,
    pub hidden_cells: usize,
    /// Cells that had to be hidden (threshold primaries plus differencing cells). Internal only:
    /// never published per cell.
    pub primary_cells: usize,
    /// Smallest LP range width over hidden cells (rounded to 1e-6); `None` if nothing is hidden.
    pub smallest_interval_width: Option<f64>,
    pub no_exact_disclosure: bool,
    pub interval_protection: bool,
    pub no_differencing: bool,
}

impl Audit {
    /// All three guarantees hold.
    pub fn passed(&self) -> bool {
        self.no_exact_disclosure && self.interval_protection && self.no_differencing
    }
}

/// Chooses the hidden cells of a release and audits the result with [`check`].
///
/// Preconditions: relation indices are in range and the values satisfy every relation; `k >= 3`.
/// The result is deterministic (same input, same output). Cells of rank `u8::MAX` are never
/// hidden: if one of them is sensitive (n < k, or n grew by 1..k-1 since the previous release)
/// the audit reports the failed guarantee and the release should not be published.
pub fn protect(
    cells: &[Cell],
    relations: &[Relation],
    settings: Settings,
    previous: Option<&Previous>,
) -> Protection {
    let hidden = suppress::suppress(cells, relations, settings, previous);
    let audit = check(cells, relations, &hidden, settings, previous);
    Protection { hidden, audit }
}

#[cfg(test)]
mod tests;
