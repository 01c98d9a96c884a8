//! The suppressor: which cells to hide.
//!
//! 1. *Sensitive* cells (threshold primaries `1..=k-1` and differencing cells) are forced hidden.
//! 2. **Gaussian phase** ([`Ctx::gauss`]): the other cells are taken from the most expensive to
//!    hide (highest rank, largest count, last key) to the cheapest; a cell is published unless
//!    publishing it would make a hidden cell determined (exact sparse elimination, see
//!    [`super::linalg::Echelon`]). Each cell hidden here is needed for Guarantee 1 at that time.
//! 3. **LP phase**: for every component of hidden cells, the LP range of each sensitive cell and
//!    the maximum of each hidden zero are computed ([`super::lp`]). Where a range is too narrow
//!    (or a hidden zero is pinned), an L1 LP finds the cheapest "attacker direction" that moves
//!    the cell far enough using hidden cells and newly hidden cheap cells near it; all cells
//!    the direction uses are forced hidden, and the Gaussian phase is run again. Forced cells
//!    only grow, so this ends.
//! 4. **Pruning**: every non-sensitive hidden cell, most expensive first, is published again if
//!    all guarantees still hold without it; repeated until nothing changes, so that removing any
//!    one remaining secondary cell breaks a guarantee.

use super::linalg::Echelon;
use super::lp::{Simplex, INF};
use super::{Cell, Previous, Relation, Settings};
use microlp::{ComparisonOp, OptimizationDirection, Problem};
use std::cell::RefCell;

const EPS: f64 = 1e-6;

struct Ctx<'a> {
    cells: &'a [Cell],
    n: usize,
    /// Relation coefficients (total +1, members -1, repeats summed, zeros dropped).
    rel: Vec<Vec<(usize, i64)>>,
    rels_of: Vec<Vec<usize>>,
    never: Vec<bool>,
    sensitive: Vec<bool>,
    width: f64,
    /// Position in the suppression cost order (0 = first to hide).
    cost_pos: Vec<usize>,
    /// Per-unit cost of moving a published cell in the L1 direction LP.
    lp_cost: Vec<f64>,
    /// Recent LP solutions as (cell, value) where they differ from the true values: each is a
    /// feasible point for any hidden set containing those cells.
    pool: RefCell<Vec<Vec<(u32, f64)>>>,
}

const POOL: usize = 256;

#[derive(Debug, Clone)]
struct Failure {
    cell: usize,
    lo: f64,
    hi: f64,
    pinned_zero: bool,
}

pub(crate) fn suppress(
    cells: &[Cell],
    relations: &[Relation],
    settings: Settings,
    previous: Option<&Previous>,
) -> Vec<bool> {
    let ctx = Ctx::new(cells, relations, settings, previous);
    let n = ctx.n;
    let mut forced: Vec<bool> = (0..n).map(|i| ctx.sensitive[i] && !ctx.never[i]).collect();
    let mut gave_up = vec![false; n];
    let mut hidden;
    loop {
        hidden = ctx.gauss(&forced);
        let failures = ctx.all_failures(&hidden);
        let forced_before = forced.clone();
        let mut added = false;
        let mut work = hidden.clone();
        for f in failures {
            if gave_up[f.cell] {
                continue;
            }
            // Cells forced for earlier failures of this round count as hidden (and free).
            let mut useful = false;
            for support in ctx.fix(&f, &work) {
                for c in support {
                    if ctx.never[c] {
                        continue;
                    }
                    if !forced_before[c] {
                        useful = true;
                    }
                    if !forced[c] {
                        forced[c] = true;
                        added = true;
                    }
                    work[c] = true;
                }
            }
            if !useful {
                // Nothing new would help: give up on this cell (the audit reports it).
                gave_up[f.cell] = true;
            }
        }
        if !added {
            break;
        }
    }
    ctx.prune(&mut hidden);
    hidden
}

impl<'a> Ctx<'a> {
    fn new(
        cells: &'a [Cell],
        relations: &[Relation],
        settings: Settings,
        previous: Option<&Previous>,
    ) -> Ctx<'a> {
        let n = cells.len();
        let k = settings.k;
        let rel: Vec<Vec<(usize, i64)>> = relations
            .iter()
            .map(|r| {
                let mut acc: Vec<(usize, i64)> = Vec::with_capacity(r.members.len() + 1);
                acc.push((r.total, 1));
                acc.extend(r.members.iter().map(|&m| (m, -1i64)));
                acc.sort_unstable();
                let mut out: Vec<(usize, i64)> = Vec::with_capacity(acc.len());
                for (c, a) in acc {
                    match out.last_mut() {
                        Some(l) if l.0 == c => l.1 += a,
                        _ => out.push((c, a)),
                    }
                }
                out.retain(|e| e.1 != 0);
                out
            })
            .collect();
        let mut rels_of = vec![Vec::new(); n];
        for (ri, r) in rel.iter().enumerate() {
            for &(c, _) in r {
                rels_of[c].push(ri);
            }
        }
        let never: Vec<bool> = cells.iter().map(|c| c.rank == u8::MAX).collect();
        let sensitive: Vec<bool> = cells
            .iter()
            .map(|c| {
                let primary = c.value >= 1 && c.value < k;
                let diff = match previous.and_then(|p| p.get(&c.key)) {
                    Some(Some(prev)) => c.value > *prev && c.value - *prev < k,
                    _ => false,
                };
                primary || diff
            })
            .collect();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            let (ca, cb) = (&cells[a], &cells[b]);
            (ca.rank, ca.value, &ca.key, a).cmp(&(cb.rank, cb.value, &cb.key, b))
        });
        let mut cost_pos = vec![0; n];
        for (p, &i) in order.iter().enumerate() {
            cost_pos[i] = p;
        }
        let maxv = cells.iter().map(|c| c.value).max().unwrap_or(0) as f64;
        let lp_cost = cells
            .iter()
            .map(|c| 1.0 + c.rank as f64 + c.value as f64 / (maxv + 1.0))
            .collect();
        Ctx {
            cells,
            n,
            rel,
            rels_of,
            never,
            sensitive,
            width: settings.min_interval_width as f64,
            cost_pos,
            lp_cost,
            pool: RefCell::new(Vec::new()),
        }
    }

    /// Gaussian phase: forced cells are hidden; every other cell, most expensive first, is
    /// published unless that would determine a hidden cell (cells of rank MAX are published
    /// regardless).
    fn gauss(&self, forced: &[bool]) -> Vec<bool> {
        let n = self.n;
        let mut order: Vec<usize> = (0..n).filter(|&i| !forced[i]).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.cost_pos[i]));
        let mut key = vec![0u64; n];
        for (p, &i) in order.iter().enumerate() {
            key[i] = p as u64;
        }
        let mut seq = n as u64;
        for i in 0..n {
            if forced[i] {
                key[i] = seq;
                seq += 1;
            }
        }
        let mut e = Echelon::new(n, key);
        for r in &self.rel {
            let row: Vec<_> = r
                .iter()
                .map(|&(c, a)| (c as u32, super::linalg::Int::S(a)))
                .collect();
            e.add_row(row);
        }
        let mut hidden = forced.to_vec();
        for &c in &order {
            let allow_reject = !self.never[c];
            let ok = e.publish(c as u32, allow_reject, |h| hidden[h as usize]);
            if !ok {
                hidden[c] = true;
                e.rekey_hidden(c as u32, seq);
                seq += 1;
            }
        }
        hidden
    }

    /// Hidden cells reachable from `seeds` through relations (seeds must be hidden), sorted.
    fn component_of(&self, seeds: &[usize], hidden: &[bool], seen: &mut [bool]) -> Vec<usize> {
        let mut comp: Vec<usize> = Vec::new();
        for &s in seeds {
            if hidden[s] && !seen[s] {
                seen[s] = true;
                comp.push(s);
            }
        }
        let mut head = 0;
        while head < comp.len() {
            let c = comp[head];
            head += 1;
            for &ri in &self.rels_of[c] {
                for &(d, _) in &self.rel[ri] {
                    if hidden[d] && !seen[d] {
                        seen[d] = true;
                        comp.push(d);
                    }
                }
            }
        }
        comp.sort_unstable();
        comp
    }

    fn relations_touching(&self, set: &[usize]) -> Vec<usize> {
        let mut rows: Vec<usize> = set.iter().flat_map(|&c| self.rels_of[c].iter().copied()).collect();
        rows.sort_unstable();
        rows.dedup();
        rows
    }

    /// Whether sensitive/zero cell `c` meets its requirement with range `[lo, hi]`.
    fn meets(&self, c: usize, lo: f64, hi: f64) -> bool {
        if self.sensitive[c] {
            let x = self.cells[c].value as f64;
            hi >= x + 1.0 - EPS && hi - lo >= self.width - EPS
        } else {
            hi > EPS
        }
    }

    /// The LP over `set` (a union of components of `hidden`): rows and right-hand sides.
    fn system(&self, set: &[usize], hidden: &[bool]) -> (Vec<Vec<(usize, f64)>>, Vec<f64>) {
        let rows_idx = self.relations_touching(set);
        let mut rows = Vec::with_capacity(rows_idx.len());
        let mut b = Vec::with_capacity(rows_idx.len());
        for &ri in &rows_idx {
            let mut row = Vec::new();
            let mut rhs = 0.0;
            for &(c, a) in &self.rel[ri] {
                match set.binary_search(&c) {
                    Ok(j) if hidden[c] => row.push((j, a as f64)),
                    _ => rhs -= a as f64 * self.cells[c].value as f64,
                }
            }
            rows.push(row);
            b.push(rhs);
        }
        (rows, b)
    }

    /// Spread of each cell of `set` over the feasible points known for `hidden`: the true values
    /// and the stored LP solutions that move only hidden cells.
    fn observed(&self, set: &[usize], hidden: &[bool]) -> (Vec<f64>, Vec<f64>) {
        let mut lo: Vec<f64> = set.iter().map(|&c| self.cells[c].value as f64).collect();
        let mut hi = lo.clone();
        for p in self.pool.borrow().iter() {
            if p.iter().all(|&(c, _)| hidden[c as usize]) {
                for &(c, v) in p {
                    if let Ok(j) = set.binary_search(&(c as usize)) {
                        lo[j] = lo[j].min(v);
                        hi[j] = hi[j].max(v);
                    }
                }
            }
        }
        (lo, hi)
    }

    /// LP ranges of the sensitive cells and maxima of the hidden zeros of `set` (a union of
    /// components of `hidden`); returns the cells that fail (only the first if `first_only`).
    fn failures_in(&self, set: &[usize], hidden: &[bool], first_only: bool) -> Vec<Failure> {
        let targets: Vec<usize> = (0..set.len())
            .filter(|&j| {
                let c = set[j];
                self.sensitive[c] || self.cells[c].value == 0
            })
            .collect();
        if targets.is_empty() {
            return Vec::new();
        }
        // Known feasible points bound each range from inside: a cell whose observed spread
        // already meets its requirement needs no LP.
        let (mut obs_lo, mut obs_hi) = self.observed(set, hidden);
        if targets.iter().all(|&j| self.meets(set[j], obs_lo[j], obs_hi[j])) {
            return Vec::new();
        }
        let (rows, b) = self.system(set, hidden);
        let lo0 = vec![0.0; set.len()];
        let up0 = vec![INF; set.len()];
        let fail = |cell: usize, lo: f64, hi: f64| Failure {
            cell,
            lo,
            hi,
            pinned_zero: !self.sensitive[cell],
        };
        let Some(mut s) = Simplex::new(set.len(), &rows, &b, &lo0, &up0) else {
            // Inconsistent data: nothing can be certified; report the sensitive cells.
            return targets
                .iter()
                .filter(|&&j| self.sensitive[set[j]])
                .map(|&j| fail(set[j], 0.0, 0.0))
                .collect();
        };
        let record = |s: &Simplex, lo: &mut Vec<f64>, hi: &mut Vec<f64>| {
            let mut point = Vec::new();
            for (j, v) in s.values().into_iter().enumerate() {
                lo[j] = lo[j].min(v);
                hi[j] = hi[j].max(v);
                if (v - self.cells[set[j]].value as f64).abs() > 1e-9 {
                    point.push((set[j] as u32, v));
                }
            }
            self.remember(point);
        };
        let mut out = Vec::new();
        for &j in &targets {
            let c = set[j];
            if self.meets(c, obs_lo[j], obs_hi[j]) {
                continue;
            }
            let hi = match s.maximize(&[(j, 1.0)]) {
                Some(v) => {
                    record(&s, &mut obs_lo, &mut obs_hi);
                    v
                }
                None => INF,
            };
            if self.meets(c, obs_lo[j], hi) {
                continue;
            }
            let lo = if self.sensitive[c] {
                let lo = s.maximize(&[(j, -1.0)]).map(|v| -v).unwrap_or(0.0).max(0.0);
                record(&s, &mut obs_lo, &mut obs_hi);
                lo
            } else {
                0.0
            };
            if !self.meets(c, lo, hi) {
                out.push(fail(c, lo, hi));
                if first_only {
                    return out;
                }
            }
        }
        out
    }

    /// Hidden cells in the relations within two hops of `s`, and those relations.
    fn near(&self, s: usize, hidden: &[bool]) -> (Vec<usize>, Vec<usize>) {
        let mut rels: Vec<usize> = Vec::new();
        for &ri in &self.rels_of[s] {
            for &(c, _) in &self.rel[ri] {
                if hidden[c] {
                    rels.extend(self.rels_of[c].iter().copied());
                }
            }
        }
        rels.sort_unstable();
        rels.dedup();
        let mut vars: Vec<usize> = rels
            .iter()
            .flat_map(|&ri| self.rel[ri].iter().map(|e| e.0))
            .filter(|&c| hidden[c])
            .collect();
        vars.sort_unstable();
        vars.dedup();
        (vars, rels)
    }

    /// A small LP around `s` over variables `vars` and relations `rels` (other cells at their
    /// true values). Returns, per target in `vars`, whether it meets its requirement; `None` if
    /// infeasible. If `pool_points`, the solutions (feasible points of the whole system when
    /// `rels` are all relations touching `vars`) are stored.
    fn local_lp(
        &self,
        vars: &[usize],
        rels: &[usize],
        targets: &[usize],
        pool_points: bool,
    ) -> Option<Vec<bool>> {
        let mut rows = Vec::with_capacity(rels.len());
        let mut b = Vec::with_capacity(rels.len());
        for &ri in rels {
            let mut row = Vec::new();
            let mut rhs = 0.0;
            for &(c, a) in &self.rel[ri] {
                match vars.binary_search(&c) {
                    Ok(j) => row.push((j, a as f64)),
                    Err(_) => rhs -= a as f64 * self.cells[c].value as f64,
                }
            }
            rows.push(row);
            b.push(rhs);
        }
        let lo0 = vec![0.0; vars.len()];
        let up0 = vec![INF; vars.len()];
        let mut sx = Simplex::new(vars.len(), &rows, &b, &lo0, &up0)?;
        let mut lo_seen: Vec<f64> = vars.iter().map(|&c| self.cells[c].value as f64).collect();
        let mut hi_seen = lo_seen.clone();
        let record = |sx: &Simplex, lo_seen: &mut Vec<f64>, hi_seen: &mut Vec<f64>| {
            let mut point = Vec::new();
            for (i, v) in sx.values().into_iter().enumerate() {
                lo_seen[i] = lo_seen[i].min(v);
                hi_seen[i] = hi_seen[i].max(v);
                if (v - self.cells[vars[i]].value as f64).abs() > 1e-9 {
                    point.push((vars[i] as u32, v));
                }
            }
            if pool_points {
                self.remember(point);
            }
        };
        let mut out = Vec::with_capacity(targets.len());
        for &c in targets {
            let Ok(j) = vars.binary_search(&c) else {
                out.push(false);
                continue;
            };
            if self.meets(c, lo_seen[j], hi_seen[j]) {
                out.push(true);
                continue;
            }
            let hi = match sx.maximize(&[(j, 1.0)]) {
                Some(v) => {
                    record(&sx, &mut lo_seen, &mut hi_seen);
                    v
                }
                None => INF,
            };
            let lo = if self.sensitive[c] && !self.meets(c, lo_seen[j], hi) {
                let lo = sx.maximize(&[(j, -1.0)]).map(|v| -v).unwrap_or(0.0).max(0.0);
                record(&sx, &mut lo_seen, &mut hi_seen);
                lo
            } else {
                lo_seen[j]
            };
            out.push(self.meets(c, lo, hi));
        }
        Some(out)
    }

    fn remember(&self, point: Vec<(u32, f64)>) {
        let mut pool = self.pool.borrow_mut();
        if pool.len() >= POOL {
            pool.remove(0);
        }
        pool.push(point);
    }

    fn all_failures(&self, hidden: &[bool]) -> Vec<Failure> {
        let mut seen = vec![false; self.n];
        let mut out = Vec::new();
        for i in 0..self.n {
            if hidden[i] && !seen[i] {
                let comp = self.component_of(&[i], hidden, &mut seen);
                out.extend(self.failures_in(&comp, hidden, false));
            }
        }
        out.sort_by_key(|f| f.cell);
        out
    }

    /// Cell sets to force hidden so that the failure is repaired (possibly several, possibly
    /// none if it cannot be repaired).
    fn fix(&self, f: &Failure, hidden: &[bool]) -> Vec<Vec<usize>> {
        let p = f.cell;
        let x = self.cells[p].value as f64;
        if f.pinned_zero {
            return self.direction(p, hidden, (1.0, INF)).into_iter().collect();
        }
        let up_needed = (self.width - (x - f.lo)).max(1.0);
        let up_needed = (up_needed - EPS).ceil().max(1.0);
        if let Some(s) = self.direction(p, hidden, (x + up_needed, INF)) {
            return vec![s];
        }
        let mut out = Vec::new();
        if f.hi < x + 1.0 - EPS {
            out.extend(self.direction(p, hidden, (x + 1.0, INF)));
        }
        let down = x.min(self.width - 1.0);
        if down > 0.0 && f.lo > x - down + EPS {
            out.extend(self.direction(p, hidden, (0.0, x - down)));
        }
        out
    }

    /// Cells within `radius` relation hops of `seeds` (cells of rank MAX excluded), sorted.
    fn neighbourhood(&self, seeds: &[usize], radius: usize) -> Vec<usize> {
        let mut inside = vec![false; self.n];
        let mut frontier: Vec<usize> = Vec::new();
        for &s in seeds {
            if !inside[s] && !self.never[s] {
                inside[s] = true;
                frontier.push(s);
            }
        }
        let mut all = frontier.clone();
        let mut rel_done = vec![false; self.rel.len()];
        for _ in 0..radius {
            let mut next = Vec::new();
            for &c in &frontier {
                for &ri in &self.rels_of[c] {
                    if rel_done[ri] {
                        continue;
                    }
                    rel_done[ri] = true;
                    for &(d, _) in &self.rel[ri] {
                        if !inside[d] && !self.never[d] {
                            inside[d] = true;
                            next.push(d);
                        }
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            all.extend(next.iter().copied());
            frontier = next;
        }
        all.sort_unstable();
        all
    }

    /// The cheapest "attacker direction": new values `y` of the cells near `p`, consistent with
    /// every relation, `y >= 0`, `y[p]` within `target`, cells outside the neighbourhood fixed,
    /// minimising the cost-weighted L1 change of the published cells. Returns every cell whose
    /// value changes (hidden ones included), or `None` if no neighbourhood allows it.
    fn direction(&self, p: usize, hidden: &[bool], target: (f64, f64)) -> Option<Vec<usize>> {
        let mut last_len = 0;
        for radius in [2usize, 3, 5, usize::MAX] {
            let local = self.neighbourhood(&[p], radius);
            if local.len() == last_len {
                continue;
            }
            last_len = local.len();
            match self.direction_lp(p, &local, hidden, target) {
                Ok(s) => return Some(s),
                Err(true) => continue, // infeasible: widen
                Err(false) => return None,
            }
        }
        None
    }

    fn direction_lp(
        &self,
        p: usize,
        local: &[usize],
        hidden: &[bool],
        target: (f64, f64),
    ) -> Result<Vec<usize>, bool> {
        #[derive(Clone, Copy)]
        enum V {
            Hidden(microlp::Variable),
            Published(microlp::Variable, Option<microlp::Variable>),
        }
        let mut prob = Problem::new(OptimizationDirection::Minimize);
        let mut vars: Vec<V> = Vec::with_capacity(local.len());
        for &c in local {
            let x = self.cells[c].value as f64;
            if hidden[c] || c == p {
                let bounds = if c == p { target } else { (0.0, INF) };
                vars.push(V::Hidden(prob.add_var(0.0, bounds)));
            } else {
                let cost = self.lp_cost[c];
                let u = prob.add_var(cost, (0.0, INF));
                let w = if x > 0.0 { Some(prob.add_var(cost, (0.0, x))) } else { None };
                vars.push(V::Published(u, w));
            }
        }
        for ri in self.relations_touching(local) {
            let mut terms: Vec<(microlp::Variable, f64)> = Vec::new();
            let mut rhs = 0.0;
            for &(c, a) in &self.rel[ri] {
                let a = a as f64;
                match local.binary_search(&c) {
                    Ok(j) => match vars[j] {
                        V::Hidden(v) => terms.push((v, a)),
                        V::Published(u, w) => {
                            rhs -= a * self.cells[c].value as f64;
                            terms.push((u, a));
                            if let Some(w) = w {
                                terms.push((w, -a));
                            }
                        }
                    },
                    Err(_) => rhs -= a * self.cells[c].value as f64,
                }
            }
            if terms.is_empty() {
                continue;
            }
            prob.add_constraint(terms.as_slice(), ComparisonOp::Eq, rhs);
        }
        let sol = match prob.solve() {
            Ok(o) => match o.solution() {
                Some(s) => s.clone(),
                None => return Err(false),
            },
            Err(microlp::Error::Infeasible) => return Err(true),
            Err(_) => return Err(false),
        };
        let mut support = Vec::new();
        for (j, &c) in local.iter().enumerate() {
            let moved = match vars[j] {
                V::Hidden(v) => (sol.var_value(v) - self.cells[c].value as f64).abs() > EPS,
                V::Published(u, w) => {
                    sol.var_value(u) + w.map_or(0.0, |w| sol.var_value(w)) > EPS
                }
            };
            if moved {
                support.push(c);
            }
        }
        Ok(support)
    }

    /// Whether all guarantees still hold if secondary cell `s` is published.
    fn ok_without(&self, s: usize, hidden: &mut [bool]) -> bool {
        hidden[s] = false;
        let result = self.ok_after_publish(s, hidden);
        hidden[s] = true;
        result
    }

    fn ok_after_publish(&self, s: usize, hidden: &[bool]) -> bool {
        let mut seeds = Vec::new();
        for &ri in &self.rels_of[s] {
            let before = seeds.len();
            for &(d, _) in &self.rel[ri] {
                if hidden[d] {
                    seeds.push(d);
                }
            }
            if seeds.len() == before + 1 {
                // That hidden cell would be alone in this relation: determined.
                return false;
            }
        }
        if seeds.is_empty() {
            return true;
        }
        let mut seen = vec![false; self.n];
        let set = self.component_of(&seeds, hidden, &mut seen);
        // Guarantee 1, linear part.
        let mut e = Echelon::new(set.len(), (0..set.len() as u64).collect());
        for ri in self.relations_touching(&set) {
            let r = &self.rel[ri];
            let row = relation_row_from(r, |c| {
                if hidden[c] {
                    set.binary_search(&c).ok().map(|j| j as u32)
                } else {
                    None
                }
            });
            e.add_row(row);
        }
        if !e.determined(|_| true).is_empty() {
            return false;
        }
        // Guarantee 1 (pinned zeros) and Guarantee 2: known points, a local relaxation, the LP.
        let targets: Vec<usize> = (0..set.len())
            .filter(|&j| self.sensitive[set[j]] || self.cells[set[j]].value == 0)
            .collect();
        let (lo, hi) = self.observed(&set, hidden);
        let open: Vec<usize> = targets
            .iter()
            .filter(|&&j| !self.meets(set[j], lo[j], hi[j]))
            .map(|&j| set[j])
            .collect();
        if open.is_empty() {
            return true;
        }
        let (vars, rels) = self.near(s, hidden);
        // A relaxation (only the relations near s) that fails proves a failure.
        let relaxed_targets: Vec<usize> = vars
            .iter()
            .copied()
            .filter(|&c| self.sensitive[c] || self.cells[c].value == 0)
            .collect();
        match self.local_lp(&vars, &rels, &relaxed_targets, false) {
            Some(ok) if ok.iter().any(|&o| !o) => return false,
            _ => {}
        }
        // A restriction (only the hidden cells near s move, under all their relations) that
        // passes proves a pass.
        let mut vars = vars;
        for &t in &open {
            vars.extend(self.near(t, hidden).0);
        }
        vars.sort_unstable();
        vars.dedup();
        let all_rels = self.relations_touching(&vars);
        if let Some(ok) = self.local_lp(&vars, &all_rels, &open, true) {
            if ok.iter().all(|&o| o) {
                return true;
            }
        }
        self.failures_in(&set, hidden, true).is_empty()
    }

    fn prune(&self, hidden: &mut [bool]) {
        let mut cands: Vec<usize> = (0..self.n)
            .filter(|&i| hidden[i] && !self.sensitive[i])
            .collect();
        cands.sort_by_key(|&i| std::cmp::Reverse(self.cost_pos[i]));
        loop {
            let mut changed = false;
            for &s in &cands {
                if hidden[s] && self.ok_without(s, hidden) {
                    hidden[s] = false;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }
}

/// A sparse exact row from merged relation coefficients, keeping the columns `col_map` maps.
fn relation_row_from(
    r: &[(usize, i64)],
    col_map: impl Fn(usize) -> Option<u32>,
) -> super::linalg::Row {
    let mut row: super::linalg::Row = r
        .iter()
        .filter_map(|&(c, a)| col_map(c).map(|j| (j, super::linalg::Int::S(a))))
        .collect();
    row.sort_by_key(|e| e.0);
    row
}
