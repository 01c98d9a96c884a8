//! Exact sparse Gaussian elimination used by the suppressor (not by the checker).
//!
//! Numbers are integers that stay in `i64` and move to `BigInt` only on overflow; rows are kept
//! fraction-free and divided by their content (gcd of entries) after every combination, so the
//! relation matrices of a release (entries 0/±1) stay small.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// An exact integer: `i64` fast path, `BigInt` on overflow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Int {
    S(i64),
    B(BigInt),
}

impl Int {
    fn big(&self) -> BigInt {
        match self {
            Int::S(v) => BigInt::from(*v),
            Int::B(b) => b.clone(),
        }
    }
    fn from_big(b: BigInt) -> Int {
        match b.to_i64() {
            Some(v) => Int::S(v),
            None => Int::B(b),
        }
    }
    pub(crate) fn is_zero(&self) -> bool {
        match self {
            Int::S(v) => *v == 0,
            Int::B(b) => b.is_zero(),
        }
    }
    fn mul(&self, o: &Int) -> Int {
        if let (Int::S(a), Int::S(b)) = (self, o) {
            if let Some(v) = a.checked_mul(*b) {
                return Int::S(v);
            }
        }
        Int::from_big(self.big() * o.big())
    }
    fn sub(&self, o: &Int) -> Int {
        if let (Int::S(a), Int::S(b)) = (self, o) {
            if let Some(v) = a.checked_sub(*b) {
                return Int::S(v);
            }
        }
        Int::from_big(self.big() - o.big())
    }
    fn neg(&self) -> Int {
        if let Int::S(a) = self {
            if let Some(v) = a.checked_neg() {
                return Int::S(v);
            }
        }
        Int::from_big(-self.big())
    }
    fn abs(&self) -> Int {
        match self {
            Int::S(v) if *v >= 0 => self.clone(),
            Int::B(b) if !b.is_negative() => self.clone(),
            _ => self.neg(),
        }
    }
    /// gcd of |a| and |b| (>= 0).
    fn gcd(a: &Int, b: &Int) -> Int {
        if let (Int::S(x), Int::S(y)) = (a, b) {
            let (mut x, mut y) = (x.unsigned_abs(), y.unsigned_abs());
            while y != 0 {
                let t = x % y;
                x = y;
                y = t;
            }
            return match i64::try_from(x) {
                Ok(v) => Int::S(v),
                Err(_) => Int::B(BigInt::from(x)),
            };
        }
        let (mut x, mut y) = (a.big().abs(), b.big().abs());
        while !y.is_zero() {
            let t = &x % &y;
            x = y;
            y = t;
        }
        Int::from_big(x)
    }
    fn div_exact(&self, d: &Int) -> Int {
        if let (Int::S(a), Int::S(b)) = (self, d) {
            if let Some(v) = a.checked_div(*b) {
                return Int::S(v);
            }
        }
        Int::from_big(self.big() / d.big())
    }
    fn is_one(&self) -> bool {
        matches!(self, Int::S(1))
    }
}

/// A sparse row: `(column, coefficient)` sorted by column, no zero coefficients.
pub(crate) type Row = Vec<(u32, Int)>;

pub(crate) fn row_get(r: &Row, col: u32) -> Option<&Int> {
    r.binary_search_by_key(&col, |e| e.0).ok().map(|i| &r[i].1)
}

/// Divides a row by the gcd of its entries.
fn normalise(r: &mut Row) {
    if r.is_empty() {
        return;
    }
    let mut g = r[0].1.abs();
    for (_, v) in r.iter().skip(1) {
        if g.is_one() {
            return;
        }
        g = Int::gcd(&g, v);
    }
    if g.is_one() || g.is_zero() {
        return;
    }
    for e in r.iter_mut() {
        e.1 = e.1.div_exact(&g);
    }
}

/// `a*s - b*r`, normalised.
pub(crate) fn combine(a: &Int, s: &Row, b: &Int, r: &Row) -> Row {
    let mut out: Row = Vec::with_capacity(s.len() + r.len());
    let (mut i, mut j) = (0, 0);
    while i < s.len() || j < r.len() {
        if j >= r.len() || (i < s.len() && s[i].0 < r[j].0) {
            out.push((s[i].0, a.mul(&s[i].1)));
            i += 1;
        } else if i >= s.len() || r[j].0 < s[i].0 {
            out.push((r[j].0, b.mul(&r[j].1).neg()));
            j += 1;
        } else {
            let v = a.mul(&s[i].1).sub(&b.mul(&r[j].1));
            if !v.is_zero() {
                out.push((s[i].0, v));
            }
            i += 1;
            j += 1;
        }
    }
    normalise(&mut out);
    out
}

const NONE: u32 = u32::MAX;

/// A basis of a row space kept "reduced on pivots": every row has a pivot column (its column of
/// smallest key), and a pivot column occurs in no other row. Then a column `h` is determined
/// (its unit vector lies in the row space) iff some row is `{h}` alone.
pub(crate) struct Echelon {
    rows: Vec<Option<Row>>,
    pivot: Vec<u32>,
    /// Per column: the row whose pivot it is, or NONE.
    row_of: Vec<u32>,
    /// Per column: rows that may contain it (stale entries are filtered on use).
    col_rows: Vec<Vec<u32>>,
    /// Per column: ordering key (smaller = earlier pivot).
    pub(crate) key: Vec<u64>,
}

impl Echelon {
    pub(crate) fn new(ncols: usize, key: Vec<u64>) -> Echelon {
        debug_assert_eq!(key.len(), ncols);
        Echelon {
            rows: Vec::new(),
            pivot: Vec::new(),
            row_of: vec![NONE; ncols],
            col_rows: vec![Vec::new(); ncols],
            key,
        }
    }

    fn min_key_col(&self, r: &Row) -> u32 {
        let mut best = r[0].0;
        for &(c, _) in r.iter().skip(1) {
            if self.key[c as usize] < self.key[best as usize] {
                best = c;
            }
        }
        best
    }

    /// Live rows containing `col` (deduplicated; compacts the occurrence list).
    fn rows_with(&mut self, col: u32) -> Vec<u32> {
        let mut list = std::mem::take(&mut self.col_rows[col as usize]);
        list.sort_unstable();
        list.dedup();
        list.retain(|&ri| match &self.rows[ri as usize] {
            Some(r) => row_get(r, col).is_some(),
            None => false,
        });
        self.col_rows[col as usize] = list.clone();
        list
    }

    fn register(&mut self, ri: u32, old: Option<&Row>, new: &Row) {
        for &(c, _) in new {
            let had = old.map(|o| row_get(o, c).is_some()).unwrap_or(false);
            if !had {
                self.col_rows[c as usize].push(ri);
            }
        }
    }

    /// Replaces row `ri` by `new`.
    fn set_row(&mut self, ri: u32, new: Row) {
        let old = self.rows[ri as usize].take();
        self.register(ri, old.as_ref(), &new);
        self.rows[ri as usize] = Some(new);
    }

    /// Eliminates column `q` from every live row except `except`, using `by` (which has `q`).
    /// Returns the new rows (not yet stored) as `(row index, row)`.
    fn eliminate_preview(&mut self, q: u32, by: &Row, except: u32) -> Vec<(u32, Row)> {
        let a = row_get(by, q).expect("pivot entry").clone();
        let mut out = Vec::new();
        for ri in self.rows_with(q) {
            if ri == except {
                continue;
            }
            let s = self.rows[ri as usize].as_ref().unwrap();
            let b = row_get(s, q).unwrap().clone();
            out.push((ri, combine(&a, s, &b, by)));
        }
        out
    }

    /// Adds a row of the relation system (reduces it against the basis first).
    pub(crate) fn add_row(&mut self, mut r: Row) {
        let pivcols: Vec<u32> = r
            .iter()
            .map(|e| e.0)
            .filter(|&c| self.row_of[c as usize] != NONE)
            .collect();
        for c in pivcols {
            let pr = self.rows[self.row_of[c as usize] as usize].as_ref().unwrap();
            let b = row_get(&r, c).unwrap().clone();
            let a = row_get(pr, c).unwrap().clone();
            r = combine(&a, &r, &b, pr);
        }
        if r.is_empty() {
            return;
        }
        let q = self.min_key_col(&r);
        let ri = self.rows.len() as u32;
        self.rows.push(None);
        self.pivot.push(q);
        let updates = self.eliminate_preview(q, &r, ri);
        for (si, s) in updates {
            self.set_row(si, s);
        }
        self.set_row(ri, r);
        self.row_of[q as usize] = ri;
    }

    /// Columns `h` with `is_watched(h)` whose unit vector lies in the row space.
    pub(crate) fn determined(&self, is_watched: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut out = Vec::new();
        for r in self.rows.iter().flatten() {
            if r.len() == 1 && is_watched(r[0].0 as usize) {
                out.push(r[0].0 as usize);
            }
        }
        out.sort_unstable();
        out
    }

    /// Deletes column `c` (its value becomes published), provided `c` has the smallest key of
    /// all columns still present. If `allow_reject` and the deletion would make a column with
    /// `is_hidden` determined, nothing is deleted and `false` is returned; the caller then
    /// marks `c` hidden and calls [`Echelon::rekey_hidden`].
    pub(crate) fn publish(
        &mut self,
        c: u32,
        allow_reject: bool,
        is_hidden: impl Fn(u32) -> bool,
    ) -> bool {
        let ri = self.row_of[c as usize];
        if ri == NONE {
            // By the key invariant c occurs in no row: publishing it tells nothing new.
            return true;
        }
        let r = self.rows[ri as usize].as_ref().unwrap();
        let rp: Row = r.iter().filter(|e| e.0 != c).cloned().collect();
        if rp.is_empty() {
            // c was already determined by what is published.
            self.rows[ri as usize] = None;
            self.row_of[c as usize] = NONE;
            return true;
        }
        let q = self.min_key_col(&rp);
        let updates = self.eliminate_preview(q, &rp, ri);
        let single_hidden = |row: &Row| row.len() == 1 && is_hidden(row[0].0);
        if allow_reject && (single_hidden(&rp) || updates.iter().any(|(_, s)| single_hidden(s))) {
            return false;
        }
        for (si, s) in updates {
            self.set_row(si, s);
        }
        self.set_row(ri, rp);
        self.pivot[ri as usize] = q;
        self.row_of[q as usize] = ri;
        self.row_of[c as usize] = NONE;
        true
    }

    /// After a rejected [`Echelon::publish`] of `c`: `c` gets `new_key` (larger than every other
    /// key), and its row is re-pivoted on its next column.
    pub(crate) fn rekey_hidden(&mut self, c: u32, new_key: u64) {
        self.key[c as usize] = new_key;
        let ri = self.row_of[c as usize];
        if ri == NONE {
            return;
        }
        let r = self.rows[ri as usize].clone().unwrap();
        let q = self.min_key_col(&r);
        if q == c {
            return;
        }
        let updates = self.eliminate_preview(q, &r, ri);
        for (si, s) in updates {
            self.set_row(si, s);
        }
        self.pivot[ri as usize] = q;
        self.row_of[q as usize] = ri;
        self.row_of[c as usize] = NONE;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_fallback() {
        let a = Int::S(i64::MAX);
        let b = a.mul(&Int::S(4));
        assert!(matches!(b, Int::B(_)));
        assert_eq!(b.div_exact(&Int::S(4)), Int::S(i64::MAX));
        assert_eq!(Int::gcd(&Int::S(12), &Int::S(-18)), Int::S(6));
        assert_eq!(Int::gcd(&b, &Int::S(6)), Int::S(2));
    }

    #[test]
    fn determined_singleton() {
        // rows: x0 + x1 = ., x1 = . -> both determined
        let mut e = Echelon::new(3, vec![0, 1, 2]);
        e.add_row(vec![(0, Int::S(1)), (1, Int::S(1))]);
        e.add_row(vec![(1, Int::S(1))]);
        e.add_row(vec![(1, Int::S(1)), (2, Int::S(-1))]);
        assert_eq!(e.determined(|_| true), vec![0, 1, 2]);
        let mut e = Echelon::new(3, vec![0, 1, 2]);
        e.add_row(vec![(0, Int::S(1)), (1, Int::S(1)), (2, Int::S(1))]);
        e.add_row(vec![(1, Int::S(1)), (2, Int::S(1))]);
        assert_eq!(e.determined(|_| true), vec![0]);
    }
}
