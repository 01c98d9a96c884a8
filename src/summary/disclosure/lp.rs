//! A small dense bounded-variable primal simplex used by the suppressor to compute the range of
//! hidden cells (warm-started from one objective to the next). The checker uses a different
//! solver (microlp), so the two bound computations are independent.
//!
//! Problem: `A x = b`, `lo <= x <= up` (`up` may be infinite). All data of a release are small
//! integers, so `f64` with tolerances is exact enough: optima are rationals with small
//! denominators and the guarantees compare them with integer thresholds.

pub(crate) const INF: f64 = f64::INFINITY;
const PIV_TOL: f64 = 1e-9;
const COST_TOL: f64 = 1e-9;
const FEAS_TOL: f64 = 1e-7;

pub(crate) struct Simplex {
    m: usize,
    ncol: usize,
    /// m x ncol: B^-1 [A | I] (rows possibly negated so that b >= 0 at the start).
    t: Vec<f64>,
    beta: Vec<f64>,
    basis: Vec<usize>,
    is_basic: Vec<bool>,
    at_upper: Vec<bool>,
    up: Vec<f64>,
    lo: Vec<f64>,
}

impl Simplex {
    /// Builds the problem and finds a feasible basis. `None` if infeasible.
    pub(crate) fn new(
        n: usize,
        rows: &[Vec<(usize, f64)>],
        b: &[f64],
        lo: &[f64],
        up: &[f64],
    ) -> Option<Simplex> {
        let m = rows.len();
        let ncol = n + m;
        let mut t = vec![0.0; m * ncol];
        let mut beta = vec![0.0; m];
        for (i, row) in rows.iter().enumerate() {
            let mut bi = b[i];
            for &(j, a) in row {
                t[i * ncol + j] += a;
                bi -= a * lo[j];
            }
            if bi < 0.0 {
                for j in 0..n {
                    t[i * ncol + j] = -t[i * ncol + j];
                }
                bi = -bi;
            }
            t[i * ncol + n + i] = 1.0;
            beta[i] = bi;
        }
        let mut upv = vec![INF; ncol];
        for j in 0..n {
            upv[j] = up[j] - lo[j];
            if upv[j] < -FEAS_TOL {
                return None;
            }
            upv[j] = upv[j].max(0.0);
        }
        let mut is_basic = vec![false; ncol];
        for i in 0..m {
            is_basic[n + i] = true;
        }
        let mut s = Simplex {
            m,
            ncol,
            t,
            beta,
            basis: (n..n + m).collect(),
            is_basic,
            at_upper: vec![false; ncol],
            up: upv,
            lo: lo.to_vec(),
        };
        // Phase 1: maximise -(sum of artificials).
        let mut c = vec![0.0; ncol];
        for ci in c.iter_mut().skip(n) {
            *ci = -1.0;
        }
        let infeas: f64 = s.beta.iter().sum();
        let scale = 1.0 + infeas.abs();
        s.run(&c).ok()?;
        let remaining: f64 = (0..m)
            .filter(|&i| s.basis[i] >= n)
            .map(|i| s.beta[i])
            .sum();
        if remaining > FEAS_TOL * scale {
            return None;
        }
        // Artificials may no longer move.
        for j in n..ncol {
            s.up[j] = 0.0;
            if !s.is_basic[j] {
                s.at_upper[j] = false;
            }
        }
        for i in 0..m {
            if s.basis[i] >= n {
                s.beta[i] = 0.0;
            }
        }
        Some(s)
    }

    fn x(&self, j: usize) -> f64 {
        if self.is_basic[j] {
            let i = self.basis.iter().position(|&v| v == j).unwrap();
            self.beta[i]
        } else if self.at_upper[j] {
            self.up[j]
        } else {
            0.0
        }
    }

    /// Values of all structural variables (original units) at the current basis.
    pub(crate) fn values(&self) -> Vec<f64> {
        let n = self.lo.len();
        let mut v: Vec<f64> = (0..n)
            .map(|j| if self.at_upper[j] { self.up[j] } else { 0.0 })
            .collect();
        for (i, &bv) in self.basis.iter().enumerate() {
            if bv < n {
                v[bv] = self.beta[i];
            }
        }
        for (vj, lo) in v.iter_mut().zip(&self.lo) {
            *vj += lo;
        }
        v
    }

    /// Value of structural variable `j` (original units) at the current basis.
    pub(crate) fn value(&self, j: usize) -> f64 {
        self.lo[j] + self.x(j)
    }

    /// Maximises `sum obj_j x_j` from the current basis. `None` if unbounded (the basis stays
    /// feasible and usable).
    pub(crate) fn maximize(&mut self, obj: &[(usize, f64)]) -> Option<f64> {
        let mut c = vec![0.0; self.ncol];
        for &(j, v) in obj {
            c[j] += v;
        }
        self.run(&c).ok()?;
        Some(obj.iter().map(|&(j, v)| v * self.value(j)).sum())
    }

    /// Primal simplex on cost vector `c` (maximisation). Err(()) if unbounded.
    #[allow(clippy::needless_range_loop)]
    fn run(&mut self, c: &[f64]) -> Result<(), ()> {
        let (m, ncol) = (self.m, self.ncol);
        let cscale = c.iter().fold(1.0f64, |a, &v| a.max(v.abs()));
        let ctol = COST_TOL * cscale;
        let mut degenerate = 0usize;
        let mut bland = false;
        let mut d = vec![0.0; ncol];
        let mut iters = 0usize;
        loop {
            iters += 1;
            if iters > 50_000 {
                // Should not happen (Bland's rule terminates); keep the current feasible basis.
                return Ok(());
            }
            // Reduced costs.
            d.copy_from_slice(c);
            for i in 0..m {
                let cb = c[self.basis[i]];
                if cb != 0.0 {
                    let row = &self.t[i * ncol..(i + 1) * ncol];
                    for (dj, &tij) in d.iter_mut().zip(row) {
                        *dj -= cb * tij;
                    }
                }
            }
            let mut enter = usize::MAX;
            let mut best = 0.0;
            for j in 0..ncol {
                if self.is_basic[j] || self.up[j] == 0.0 {
                    continue;
                }
                let gain = if self.at_upper[j] { -d[j] } else { d[j] };
                if gain > ctol {
                    if bland {
                        enter = j;
                        break;
                    }
                    if gain > best {
                        best = gain;
                        enter = j;
                    }
                }
            }
            if enter == usize::MAX {
                return Ok(());
            }
            let j = enter;
            let sigma = if self.at_upper[j] { -1.0 } else { 1.0 };
            // Ratio test.
            let mut tmax = self.up[j];
            let mut leave = usize::MAX; // row index, or MAX for a bound flip
            let mut leave_to_upper = false;
            let mut leave_piv = 0.0f64;
            for i in 0..m {
                let tij = self.t[i * ncol + j];
                if tij.abs() <= PIV_TOL {
                    continue;
                }
                let rate = -sigma * tij; // change of basic i per unit step
                let bv = self.basis[i];
                let (lim, to_upper) = if rate < 0.0 {
                    ((self.beta[i].max(0.0)) / -rate, false)
                } else if self.up[bv].is_finite() {
                    (((self.up[bv] - self.beta[i]).max(0.0)) / rate, true)
                } else {
                    continue;
                };
                let better = if leave == usize::MAX {
                    lim < tmax
                } else if lim < tmax - 1e-12 {
                    true
                } else if lim <= tmax + 1e-12 {
                    if bland {
                        bv < self.basis[leave]
                    } else {
                        tij.abs() > leave_piv
                            || (tij.abs() == leave_piv && bv < self.basis[leave])
                    }
                } else {
                    false
                };
                if better {
                    tmax = if leave == usize::MAX { lim } else { lim.min(tmax) };
                    leave = i;
                    leave_to_upper = to_upper;
                    leave_piv = tij.abs();
                }
            }
            if tmax.is_infinite() {
                return Err(());
            }
            if tmax < 1e-12 {
                degenerate += 1;
                if degenerate > 50 {
                    bland = true;
                }
            } else {
                degenerate = 0;
            }
            // Move.
            if tmax != 0.0 {
                for i in 0..m {
                    let tij = self.t[i * ncol + j];
                    if tij != 0.0 {
                        self.beta[i] -= sigma * tij * tmax;
                        if self.beta[i].abs() < 1e-11 {
                            self.beta[i] = 0.0;
                        }
                    }
                }
            }
            if leave == usize::MAX {
                self.at_upper[j] = !self.at_upper[j];
                continue;
            }
            let r = leave;
            let lv = self.basis[r];
            let xj = if self.at_upper[j] { self.up[j] - tmax } else { tmax };
            // Pivot on (r, j).
            let p = self.t[r * ncol + j];
            {
                let row = &mut self.t[r * ncol..(r + 1) * ncol];
                for v in row.iter_mut() {
                    *v /= p;
                }
                row[j] = 1.0;
            }
            let (before, rest) = self.t.split_at_mut(r * ncol);
            let (prow, after) = rest.split_at_mut(ncol);
            for chunk in before.chunks_mut(ncol).chain(after.chunks_mut(ncol)) {
                let f = chunk[j];
                if f != 0.0 {
                    for (v, &pv) in chunk.iter_mut().zip(prow.iter()) {
                        *v -= f * pv;
                    }
                    chunk[j] = 0.0;
                }
            }
            self.basis[r] = j;
            self.is_basic[j] = true;
            self.is_basic[lv] = false;
            self.at_upper[lv] = leave_to_upper;
            self.at_upper[j] = false;
            self.beta[r] = xj;
        }
    }
}

#[cfg(test)]
/// Range (min, max) of each `targets` variable over `{A x = b, x >= 0}`; `None` if infeasible.
/// Unbounded maxima are `INF`.
pub(crate) fn ranges(
    n: usize,
    rows: &[Vec<(usize, f64)>],
    b: &[f64],
    targets: &[usize],
) -> Option<Vec<(f64, f64)>> {
    let lo = vec![0.0; n];
    let up = vec![INF; n];
    let mut s = Simplex::new(n, rows, b, &lo, &up)?;
    let mut out = Vec::with_capacity(targets.len());
    for &t in targets {
        let hi = s.maximize(&[(t, 1.0)]).unwrap_or(INF);
        let lo = s.maximize(&[(t, -1.0)]).map(|v| -v).unwrap_or(0.0);
        out.push((lo.max(0.0), hi));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_ranges() {
        // x0 + x1 + x2 = 10, x0 + x3 = 4
        let rows = vec![vec![(0, 1.0), (1, 1.0), (2, 1.0)], vec![(0, 1.0), (3, 1.0)]];
        let r = ranges(4, &rows, &[10.0, 4.0], &[0, 1, 2, 3]).unwrap();
        assert_eq!(r, vec![(0.0, 4.0), (0.0, 10.0), (0.0, 10.0), (0.0, 4.0)]);
        // unbounded: x0 - x1 = 2
        let rows = vec![vec![(0, 1.0), (1, -1.0)]];
        let r = ranges(2, &rows, &[2.0], &[0, 1]).unwrap();
        assert_eq!(r[0].0, 2.0);
        assert!(r[0].1.is_infinite());
        // infeasible: x0 + x1 = -1
        assert!(ranges(2, &[vec![(0, 1.0), (1, 1.0)]], &[-1.0], &[0]).is_none());
    }

    #[test]
    fn bounded_vars() {
        // min x0 + x1 + x2 s.t. x0 - x1 + x2 = 3, x0 in [0,1], x1 in [0, 5], x2 in [1, inf)
        let rows = vec![vec![(0, 1.0), (1, -1.0), (2, 1.0)]];
        let mut s = Simplex::new(3, &rows, &[3.0], &[0.0, 0.0, 1.0], &[1.0, 5.0, INF]).unwrap();
        let v = -s.maximize(&[(0, -1.0), (1, -1.0), (2, -1.0)]).unwrap();
        assert!((v - 3.0).abs() < 1e-9, "{v}");
        let v = s.maximize(&[(0, 1.0)]).unwrap();
        assert!((v - 1.0).abs() < 1e-9);
    }
}
