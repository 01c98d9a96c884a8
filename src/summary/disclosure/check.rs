//! Independent checker of the three guarantees (and of the input: the true values must satisfy
//! every relation, else neither G1 nor G2 is certified). It shares no code with the suppressor: its own
//! sensitivity rule, its own components, a dense exact rational RREF for the rank test, and the
//! microlp solver for the LP ranges.

use super::{Audit, Cell, Previous, Relation, Settings};
use microlp::{ComparisonOp, OptimizationDirection, Problem};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Zero};

const EPS: f64 = 1e-6;

/// Checks the guarantees for a proposed hidden set (see the module docs of `disclosure`).
pub fn check(
    cells: &[Cell],
    relations: &[Relation],
    hidden: &[bool],
    settings: Settings,
    previous: Option<&Previous>,
) -> Audit {
    let n = cells.len();
    assert_eq!(hidden.len(), n, "one hidden flag per cell");
    let k = settings.k;
    let width = settings.min_interval_width as f64;

    let (sensitive, no_differencing) = sensitive_cells(cells, hidden, k, previous);
    let primary_cells = sensitive.iter().filter(|&&s| s).count();
    let hidden_cells = hidden.iter().filter(|&&h| h).count();

    let rel: Vec<Vec<(usize, i64)>> = relations.iter().map(coefficients).collect();
    // The true values must satisfy every relation, or nothing can be certified.
    let consistent = rel.iter().all(|r| {
        r.iter().map(|&(c, a)| a as i128 * cells[c].value as i128).sum::<i128>() == 0
    });
    let mut rels_of: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (ri, r) in rel.iter().enumerate() {
        for &(c, _) in r {
            rels_of[c].push(ri);
        }
    }

    let mut g1 = true;
    let mut g2 = true;
    let mut smallest: Option<f64> = None;
    let mut seen = vec![false; n];
    for start in 0..n {
        if !hidden[start] || seen[start] {
            continue;
        }
        // Component of hidden cells linked by relations.
        let mut comp = vec![start];
        seen[start] = true;
        let mut head = 0;
        while head < comp.len() {
            let c = comp[head];
            head += 1;
            for &ri in &rels_of[c] {
                for &(d, _) in &rel[ri] {
                    if hidden[d] && !seen[d] {
                        seen[d] = true;
                        comp.push(d);
                    }
                }
            }
        }
        comp.sort_unstable();
        let local = |c: usize| comp.binary_search(&c).ok();
        let mut rows: Vec<usize> = comp.iter().flat_map(|&c| rels_of[c].iter().copied()).collect();
        rows.sort_unstable();
        rows.dedup();
        // Dense system restricted to the component: M x = rhs.
        let m = rows.len();
        let kc = comp.len();
        let mut mat = vec![vec![0i64; kc]; m];
        let mut rhs = vec![0f64; m];
        for (i, &ri) in rows.iter().enumerate() {
            for &(c, a) in &rel[ri] {
                match local(c) {
                    Some(j) => mat[i][j] += a,
                    None => rhs[i] -= a as f64 * cells[c].value as f64,
                }
            }
        }
        if !determined_columns(&mat, kc).is_empty() {
            g1 = false;
        }
        let truth: Vec<f64> = comp.iter().map(|&c| cells[c].value as f64).collect();
        let sens: Vec<bool> = comp.iter().map(|&c| sensitive[c]).collect();
        match component_lp(&mat, &rhs, &truth, &sens, width) {
            Some(r) => {
                if !r.g2 {
                    g2 = false;
                }
                if r.smallest <= EPS {
                    g1 = false; // a hidden cell pinned by x >= 0
                }
                let w = if r.smallest.is_finite() {
                    (r.smallest * 1e6).round() / 1e6
                } else {
                    r.smallest
                };
                smallest = Some(smallest.map_or(w, |s: f64| s.min(w)));
            }
            None => {
                // inconsistent data: nothing can be certified
                g1 = false;
                g2 = false;
            }
        }
    }

    for i in 0..n {
        if sensitive[i] && !hidden[i] {
            g2 = false;
        }
    }

    if !consistent {
        g1 = false;
        g2 = false;
    }

    Audit {
        k,
        hidden_cells,
        primary_cells,
        smallest_interval_width: smallest,
        no_exact_disclosure: g1,
        interval_protection: g2,
        no_differencing,
    }
}

/// Sensitive cells (threshold primaries, and cells that grew by less than `k` since the previous
/// release: differencing), and whether every differencing cell is hidden.
fn sensitive_cells(cells: &[Cell], hidden: &[bool], k: u64, previous: Option<&Previous>) -> (Vec<bool>, bool) {
    let mut sensitive = vec![false; cells.len()];
    let mut no_differencing = true;
    for (i, c) in cells.iter().enumerate() {
        if c.value >= 1 && c.value < k {
            sensitive[i] = true;
        }
        if let Some(Some(prev)) = previous.and_then(|p| p.get(&c.key)) {
            if c.value > *prev && c.value - *prev < k {
                sensitive[i] = true;
                if !hidden[i] {
                    no_differencing = false;
                }
            }
        }
    }
    (sensitive, no_differencing)
}

/// A relation's coefficients by cell: its total +1, its members -1, a repeated cell summed.
fn coefficients(r: &Relation) -> Vec<(usize, i64)> {
    let mut v: Vec<(usize, i64)> = Vec::with_capacity(r.members.len() + 1);
    v.push((r.total, 1));
    v.extend(r.members.iter().map(|&m| (m, -1)));
    v.sort();
    let mut out: Vec<(usize, i64)> = Vec::new();
    for (c, a) in v {
        match out.last_mut() {
            Some(last) if last.0 == c => last.1 += a,
            _ => out.push((c, a)),
        }
    }
    out.retain(|e| e.1 != 0);
    out
}

/// Columns `j` whose unit vector lies in the row space of `mat` (exact rational RREF): the
/// pivot columns whose reduced row has no other non-zero entry.
fn determined_columns(mat: &[Vec<i64>], ncols: usize) -> Vec<usize> {
    let mut a: Vec<Vec<BigRational>> = mat
        .iter()
        .map(|r| r.iter().map(|&v| BigRational::from_integer(BigInt::from(v))).collect())
        .collect();
    let m = a.len();
    let mut pivots: Vec<(usize, usize)> = Vec::new(); // (row, col)
    let mut r = 0;
    for col in 0..ncols {
        if r == m {
            break;
        }
        let Some(p) = (r..m).find(|&i| !a[i][col].is_zero()) else {
            continue;
        };
        a.swap(r, p);
        let inv = BigRational::one() / a[r][col].clone();
        for v in a[r].iter_mut() {
            if !v.is_zero() {
                *v = &*v * &inv;
            }
        }
        let prow = a[r].clone();
        for (i, row) in a.iter_mut().enumerate() {
            if i == r || row[col].is_zero() {
                continue;
            }
            let f = row[col].clone();
            for (v, pv) in row.iter_mut().zip(prow.iter()) {
                if !pv.is_zero() {
                    *v = &*v - &f * pv;
                }
            }
        }
        pivots.push((r, col));
        r += 1;
    }
    pivots
        .into_iter()
        .filter(|&(row, col)| (0..ncols).all(|j| j == col || a[row][j].is_zero()))
        .map(|(_, col)| col)
        .collect()
}

/// `(min, max)` of every variable over `{mat x = rhs, x >= 0}` with microlp; `None` if
/// infeasible.
#[cfg(test)]
fn lp_ranges(mat: &[Vec<i64>], rhs: &[f64], ncols: usize) -> Option<Vec<(f64, f64)>> {
    let mut out = Vec::with_capacity(ncols);
    for j in 0..ncols {
        let hi = solve(mat, rhs, ncols, j, OptimizationDirection::Maximize)?.0;
        let lo = solve(mat, rhs, ncols, j, OptimizationDirection::Minimize)?.0;
        out.push((lo.max(0.0), hi));
    }
    Some(out)
}

/// What the LP says about one component of hidden cells.
struct ComponentLp {
    /// Every sensitive cell meets Guarantee 2.
    g2: bool,
    /// Smallest width over the component's cells (exact).
    smallest: f64,
}

/// LP ranges of a component, computing only what the audit needs. Every solution found (and
/// the true values) is a feasible point, so the spread of the points seen bounds each range
/// from inside: a sensitive cell whose spread already meets Guarantee 2 needs no LP, and a cell
/// whose spread is at least the smallest exact width found cannot be the smallest.
/// `None` if infeasible.
fn component_lp(
    mat: &[Vec<i64>],
    rhs: &[f64],
    truth: &[f64],
    sensitive: &[bool],
    width: f64,
) -> Option<ComponentLp> {
    let kc = truth.len();
    let mut lo_seen = truth.to_vec();
    let mut hi_seen = truth.to_vec();
    let mut exact: Vec<Option<(f64, f64)>> = vec![None; kc];
    let range_of = |j: usize, lo_seen: &mut Vec<f64>, hi_seen: &mut Vec<f64>| -> Option<(f64, f64)> {
        let (hi, p1) = solve(mat, rhs, kc, j, OptimizationDirection::Maximize)?;
        let (lo, p2) = solve(mat, rhs, kc, j, OptimizationDirection::Minimize)?;
        for p in [p1, p2].into_iter().flatten() {
            for (i, v) in p.into_iter().enumerate() {
                lo_seen[i] = lo_seen[i].min(v);
                hi_seen[i] = hi_seen[i].max(v);
            }
        }
        Some((lo.max(0.0), hi))
    };
    // A few vertices that move many cells at once (they only speed things up).
    let sign = |j: usize, salt: usize| {
        let h = (j as u64 ^ (salt as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        if (h >> 29) & 1 == 0 { 1.0 } else { -1.0 }
    };
    let spreads: Vec<Box<dyn Fn(usize) -> f64>> = if kc <= 8 {
        Vec::new()
    } else {
        vec![
            Box::new(|j| if sensitive[j] { 1.0 } else { 0.0 }),
            Box::new(move |j| sign(j, 1)),
            Box::new(move |j| sign(j, 2)),
            Box::new(move |j| sign(j, 3)),
        ]
    };
    for f in spreads.iter() {
        let obj: Vec<f64> = (0..kc).map(f).collect();
        for dir in [OptimizationDirection::Maximize, OptimizationDirection::Minimize] {
            if let Some((_, Some(p))) = solve_obj(mat, rhs, &obj, dir) {
                for (i, v) in p.into_iter().enumerate() {
                    lo_seen[i] = lo_seen[i].min(v);
                    hi_seen[i] = hi_seen[i].max(v);
                }
            }
        }
    }
    let mut g2 = true;
    let meets = |j: usize, lo: f64, hi: f64| hi >= truth[j] + 1.0 - EPS && hi - lo >= width - EPS;
    for j in 0..kc {
        if sensitive[j] && !meets(j, lo_seen[j], hi_seen[j]) {
            let r = range_of(j, &mut lo_seen, &mut hi_seen)?;
            exact[j] = Some(r);
            if !meets(j, r.0, r.1) {
                g2 = false;
            }
        }
    }
    let mut smallest = exact
        .iter()
        .flatten()
        .map(|&(lo, hi)| hi - lo)
        .fold(f64::INFINITY, f64::min);
    loop {
        // The unexamined cell with the smallest spread seen.
        let next = (0..kc)
            .filter(|&j| exact[j].is_none())
            .min_by(|&a, &b| {
                (hi_seen[a] - lo_seen[a]).total_cmp(&(hi_seen[b] - lo_seen[b])).then(a.cmp(&b))
            });
        let Some(j) = next else { break };
        if hi_seen[j] - lo_seen[j] >= smallest {
            break;
        }
        let r = range_of(j, &mut lo_seen, &mut hi_seen)?;
        exact[j] = Some(r);
        smallest = smallest.min(r.1 - r.0);
    }
    Some(ComponentLp { g2, smallest })
}

/// Optimum of variable `target` and the optimal point; `(INFINITY, None)` if unbounded,
/// `None` if infeasible.
fn solve(
    mat: &[Vec<i64>],
    rhs: &[f64],
    ncols: usize,
    target: usize,
    dir: OptimizationDirection,
) -> Option<(f64, Option<Vec<f64>>)> {
    let obj: Vec<f64> = (0..ncols).map(|j| if j == target { 1.0 } else { 0.0 }).collect();
    let (v, p) = solve_obj(mat, rhs, &obj, dir)?;
    Some((p.as_ref().map_or(v, |p| p[target]), p))
}

/// Optimum of `obj . x` and the optimal point; `(INFINITY, None)` if unbounded, `None` if
/// infeasible.
fn solve_obj(
    mat: &[Vec<i64>],
    rhs: &[f64],
    obj: &[f64],
    dir: OptimizationDirection,
) -> Option<(f64, Option<Vec<f64>>)> {
    let mut p = Problem::new(dir);
    let vars: Vec<_> = obj.iter().map(|&c| p.add_var(c, (0.0, f64::INFINITY))).collect();
    for (row, &b) in mat.iter().zip(rhs) {
        let terms: Vec<_> = row
            .iter()
            .enumerate()
            .filter(|(_, &a)| a != 0)
            .map(|(j, &a)| (vars[j], a as f64))
            .collect();
        if terms.is_empty() {
            if b.abs() > EPS {
                return None;
            }
            continue;
        }
        p.add_constraint(terms.as_slice(), ComparisonOp::Eq, b);
    }
    match p.solve() {
        Ok(outcome) => {
            let s = outcome.solution()?;
            let point: Vec<f64> = vars.iter().map(|&v| s.var_value(v)).collect();
            Some((s.objective(), Some(point)))
        }
        Err(microlp::Error::Unbounded) => Some((f64::INFINITY, None)),
        Err(_) => None,
    }
}

#[cfg(test)]
pub(super) fn lp_ranges_for_tests(
    mat: &[Vec<i64>],
    rhs: &[f64],
    ncols: usize,
) -> Option<Vec<(f64, f64)>> {
    lp_ranges(mat, rhs, ncols)
}
