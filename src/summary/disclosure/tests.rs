//! Tests of `protect` and `check`: fixed examples, property tests on random releases, and a
//! timing print for a realistic release.

#![allow(clippy::needless_range_loop)]

use super::*;
use proptest::prelude::*;
use std::collections::HashMap;

// ---------------------------------------------------------------------------------------------
// Building releases

#[derive(Default, Clone)]
struct Release {
    cells: Vec<Cell>,
    relations: Vec<Relation>,
    index: HashMap<String, usize>,
}

impl Release {
    /// Gets or creates a cell (cells with the same key are the same unknown).
    fn cell(&mut self, key: &str, value: u64, rank: u8) -> usize {
        if let Some(&i) = self.index.get(key) {
            assert_eq!(self.cells[i].value, value, "shared cell {key} with two values");
            return i;
        }
        self.cells.push(Cell { key: key.to_string(), value, rank });
        self.index.insert(key.to_string(), self.cells.len() - 1);
        self.cells.len() - 1
    }
    fn rel(&mut self, total: usize, members: Vec<usize>) {
        let sum: u64 = members.iter().map(|&m| self.cells[m].value).sum();
        assert_eq!(self.cells[total].value, sum, "inconsistent relation");
        self.relations.push(Relation { total, members });
    }
    /// A two-way table `name` with row and column margins and a total (keys given so that
    /// tables can share them). Returns the inner cell indices.
    fn table(
        &mut self,
        name: &str,
        counts: &[Vec<u64>],
        row_keys: &[String],
        col_keys: &[String],
        total: usize,
    ) -> Vec<Vec<usize>> {
        let r = counts.len();
        let c = counts[0].len();
        let inner: Vec<Vec<usize>> = (0..r)
            .map(|i| (0..c).map(|j| self.cell(&format!("{name}/{i}/{j}"), counts[i][j], 0)).collect())
            .collect();
        let rows: Vec<usize> = (0..r)
            .map(|i| self.cell(&row_keys[i], counts[i].iter().sum(), 1))
            .collect();
        let cols: Vec<usize> = (0..c)
            .map(|j| self.cell(&col_keys[j], (0..r).map(|i| counts[i][j]).sum(), 1))
            .collect();
        for i in 0..r {
            self.rel(rows[i], inner[i].clone());
        }
        for j in 0..c {
            self.rel(cols[j], (0..r).map(|i| inner[i][j]).collect());
        }
        self.rel(total, rows);
        self.rel(total, cols);
        inner
    }
    fn keys(&self, hidden: &[bool]) -> Vec<String> {
        (0..self.cells.len()).filter(|&i| hidden[i]).map(|i| self.cells[i].key.clone()).collect()
    }
}

fn keys(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}={i}")).collect()
}

const K5: Settings = Settings { k: 5, min_interval_width: 2 };
const K3: Settings = Settings { k: 3, min_interval_width: 2 };

/// Sensitive cells as defined by the spec (for the tests' own assertions).
fn sensitive(cells: &[Cell], k: u64, previous: Option<&Previous>) -> Vec<bool> {
    cells
        .iter()
        .map(|c| {
            (c.value >= 1 && c.value < k)
                || matches!(previous.and_then(|p| p.get(&c.key)), Some(Some(p)) if c.value > *p && c.value - *p < k)
        })
        .collect()
}

/// Everything the tests require of a protection.
fn assert_protected(r: &Release, s: Settings, prev: Option<&Previous>, p: &Protection) {
    let audit = check(&r.cells, &r.relations, &p.hidden, s, prev);
    assert!(audit.no_exact_disclosure, "G1 failed: hidden {:?}", r.keys(&p.hidden));
    assert!(audit.interval_protection, "G2 failed: hidden {:?}", r.keys(&p.hidden));
    assert!(audit.no_differencing, "G3 failed: hidden {:?}", r.keys(&p.hidden));
    assert!(p.audit.passed());
    assert_eq!(p.audit.hidden_cells, p.hidden.iter().filter(|&&h| h).count());
    let sens = sensitive(&r.cells, s.k, prev);
    for (i, c) in r.cells.iter().enumerate() {
        if c.rank == u8::MAX {
            assert!(!p.hidden[i], "rank MAX cell {} hidden", c.key);
        }
        if sens[i] {
            assert!(p.hidden[i], "sensitive cell {} published", c.key);
        }
    }
}

/// Removing any one secondary (non-sensitive) suppression breaks a guarantee.
fn assert_minimal(r: &Release, s: Settings, prev: Option<&Previous>, p: &Protection) {
    let sens = sensitive(&r.cells, s.k, prev);
    for i in 0..r.cells.len() {
        if p.hidden[i] && !sens[i] {
            let mut h = p.hidden.clone();
            h[i] = false;
            let a = check(&r.cells, &r.relations, &h, s, prev);
            assert!(!a.passed(), "secondary {} is not needed (hidden {:?})", r.cells[i].key, r.keys(&p.hidden));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Fixed examples

#[test]
fn single_row_primary_gets_a_secondary() {
    let mut r = Release::default();
    let n = r.cell("n", 26, u8::MAX);
    let m: Vec<usize> = [8u64, 2, 7, 9]
        .iter()
        .enumerate()
        .map(|(i, &v)| r.cell(&format!("row/{i}"), v, 0))
        .collect();
    r.rel(n, m.clone());
    let p = protect(&r.cells, &r.relations, K5, None);
    assert_protected(&r, K5, None, &p);
    assert!(p.hidden[m[1]]);
    assert_eq!(p.audit.hidden_cells, 2, "{:?}", r.keys(&p.hidden));
    // the cheapest secondary: the smallest other count
    assert!(p.hidden[m[2]]);
    assert_eq!(p.audit.primary_cells, 1);
    assert_minimal(&r, K5, None, &p);
    // publishing the primary alone leaks it exactly
    let mut only = vec![false; r.cells.len()];
    only[m[1]] = true;
    let a = check(&r.cells, &r.relations, &only, K5, None);
    assert!(!a.no_exact_disclosure && !a.interval_protection);
}

#[test]
fn secondary_zero_is_not_enough() {
    // [1, 0, 9]: hiding the zero leaves the primary in [0, 1] (width 1 < 2).
    let mut r = Release::default();
    let n = r.cell("n", 10, u8::MAX);
    let m: Vec<usize> = [1u64, 0, 9].iter().enumerate().map(|(i, &v)| r.cell(&format!("c{i}"), v, 0)).collect();
    r.rel(n, m.clone());
    let mut naive = vec![false; 4];
    naive[m[0]] = true;
    naive[m[1]] = true;
    let a = check(&r.cells, &r.relations, &naive, K3, None);
    assert!(a.no_exact_disclosure && !a.interval_protection);
    assert_eq!(a.smallest_interval_width, Some(1.0));
    let p = protect(&r.cells, &r.relations, K3, None);
    assert_protected(&r, K3, None, &p);
    assert!(p.hidden[m[2]] && !p.hidden[m[1]], "{:?}", r.keys(&p.hidden));
    assert_minimal(&r, K3, None, &p);
}

/// A 4x4 table where the naive rule ("hide the next smallest cell in each row and column")
/// leaves two hidden cells in every row and column, and still gives the primaries away: the
/// hidden zeros pin them through x >= 0.
#[test]
fn four_by_four_naive_suppression_leaks() {
    let counts = vec![
        vec![2, 0, 7, 9],
        vec![6, 0, 8, 7],
        vec![9, 8, 3, 0],
        vec![8, 9, 6, 0],
    ];
    let mut r = Release::default();
    let total: u64 = counts.iter().flatten().sum();
    let n = r.cell("n", total, u8::MAX);
    let inner = r.table("t", &counts, &keys("row", 4), &keys("col", 4), n);
    let naive_cells = [(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3)];
    let mut naive = vec![false; r.cells.len()];
    for &(i, j) in &naive_cells {
        naive[inner[i][j]] = true;
    }
    for i in 0..4 {
        assert_eq!((0..4).filter(|&j| naive[inner[i][j]]).count(), 2);
        assert_eq!((0..4).filter(|&j| naive[inner[j][i]]).count(), 2);
    }
    let a = check(&r.cells, &r.relations, &naive, K5, None);
    assert!(!a.no_exact_disclosure, "the naive pattern is recoverable");
    assert!(!a.interval_protection);
    assert_eq!(a.smallest_interval_width, Some(0.0));

    let p = protect(&r.cells, &r.relations, K5, None);
    assert_protected(&r, K5, None, &p);
    let extra = (0..r.cells.len()).filter(|&i| p.hidden[i] && !naive[i]).count();
    assert!(extra >= 1, "at least one more hidden cell than the naive pattern");
    assert_minimal(&r, K5, None, &p);
}

/// A linear leak in a 4x4 table: two hidden cells in a row and in a column, but the hidden
/// pattern has a "bridge", so margins recover the cells exactly.
#[test]
fn four_by_four_linear_leak() {
    let counts = vec![
        vec![2, 11, 7, 9],
        vec![16, 12, 8, 7],
        vec![9, 8, 13, 10],
        vec![8, 9, 6, 14],
    ];
    let mut r = Release::default();
    let total: u64 = counts.iter().flatten().sum();
    let n = r.cell("n", total, u8::MAX);
    let inner = r.table("t", &counts, &keys("row", 4), &keys("col", 4), n);
    // (0,0),(0,3) in row 0; (0,0),(3,0) in column 0; (3,0),(3,3) — the path has no cycle back.
    let mut naive = vec![false; r.cells.len()];
    for &(i, j) in &[(0, 0), (0, 3), (3, 0)] {
        naive[inner[i][j]] = true;
    }
    let a = check(&r.cells, &r.relations, &naive, K3, None);
    assert!(!a.no_exact_disclosure);
    let p = protect(&r.cells, &r.relations, K3, None);
    assert_protected(&r, K3, None, &p);
    assert!(p.audit.hidden_cells >= 4);
    assert_minimal(&r, K3, None, &p);
}

/// Two tables share their total (and a margin): hiding a cycle inside one table is not enough
/// when the shared cells are published, and the suppressor must treat the shared cells as one
/// unknown.
#[test]
fn two_tables_sharing_a_total() {
    let mut r = Release::default();
    // n = hospitalised T + not hospitalised U; T broken down by age x sex and by severity.
    let a = vec![vec![3, 12, 9], vec![14, 11, 10]]; // sex x age, T = 59
    let b = vec![vec![20, 4], vec![25, 10]]; // severity x died, T = 59
    let t_val: u64 = a.iter().flatten().sum();
    assert_eq!(t_val, b.iter().flatten().sum::<u64>());
    let n = r.cell("n", 100, u8::MAX);
    let t = r.cell("hosp=yes", t_val, 2);
    let u = r.cell("hosp=no", 100 - t_val, 2);
    r.rel(n, vec![t, u]);
    r.table("A", &a, &keys("A.sex", 2), &keys("A.age", 3), t);
    r.table("B", &b, &keys("B.sev", 2), &keys("B.died", 2), t);
    let p = protect(&r.cells, &r.relations, K5, None);
    assert_protected(&r, K5, None, &p);
    assert_minimal(&r, K5, None, &p);
    // Hiding the shared total as well as a cycle in A does not leak linearly; hiding it must not
    // be treated as two different unknowns: check sees one cell.
    assert_eq!(r.cells.iter().filter(|c| c.key == "hosp=yes").count(), 1);


    // Linked leak: table A's protection hides its cycle, its margins and the shared total T (and
    // so U); within A alone nothing is determined, but B's published margins give T = 59 and
    // then U = 41.
    let mut h = vec![false; r.cells.len()];
    let a_keys = [
        "A/0/0", "A/0/1", "A/1/0", "A/1/1", "A.sex=0", "A.sex=1", "A.age=0", "A.age=1", "hosp=yes",
        "hosp=no",
    ];
    for key in a_keys.iter().chain(["B/0/0", "B/0/1", "B/1/0", "B/1/1"].iter()) {
        h[r.index[*key]] = true;
    }
    let linked = check(&r.cells, &r.relations, &h, K5, None);
    assert!(!linked.no_exact_disclosure, "T is recovered through table B");
    // The same hidden cells in a release with A alone do not leak.
    let mut only_a = Release::default();
    let n = only_a.cell("n", 100, u8::MAX);
    let t = only_a.cell("hosp=yes", t_val, 2);
    let u = only_a.cell("hosp=no", 100 - t_val, 2);
    only_a.rel(n, vec![t, u]);
    only_a.table("A", &a, &keys("A.sex", 2), &keys("A.age", 3), t);
    let mut h = vec![false; only_a.cells.len()];
    for key in a_keys {
        h[only_a.index[key]] = true;
    }
    assert!(check(&only_a.cells, &only_a.relations, &h, K5, None).no_exact_disclosure);
}

#[test]
fn zero_totals() {
    // A table whose total is zero, a row of zeros in another table, and an empty release.
    let mut r = Release::default();
    let n = r.cell("n", 30, u8::MAX);
    let z = r.cell("sub=a", 0, 2);
    let y = r.cell("sub=b", 30, 2);
    r.rel(n, vec![z, y]);
    r.table("Z", &[vec![0, 0], vec![0, 0]], &keys("Z.r", 2), &keys("Z.c", 2), z);
    r.table("Y", &[vec![0, 0, 0], vec![2, 13, 15]], &keys("Y.r", 2), &keys("Y.c", 3), y);
    let p = protect(&r.cells, &r.relations, K5, None);
    assert_protected(&r, K5, None, &p);
    assert_minimal(&r, K5, None, &p);
    for key in ["Z/0/0", "Z/1/1", "Z.r=0", "sub=a"] {
        assert!(!p.hidden[r.index[key]], "{key} needlessly hidden");
    }

    let mut e = Release::default();
    let n = e.cell("n", 0, u8::MAX);
    let a = e.cell("a", 0, 0);
    let b = e.cell("b", 0, 0);
    e.rel(n, vec![a, b]);
    let p = protect(&e.cells, &e.relations, K5, None);
    assert!(p.hidden.iter().all(|&h| !h));
    assert!(p.audit.passed());
    assert_eq!(p.audit.smallest_interval_width, None);
}

#[test]
fn grand_total_below_k_is_reported() {
    let mut r = Release::default();
    let n = r.cell("n", 3, u8::MAX);
    let a = r.cell("a", 1, 0);
    let b = r.cell("b", 2, 0);
    r.rel(n, vec![a, b]);
    let p = protect(&r.cells, &r.relations, K5, None);
    assert!(!p.hidden[n]);
    assert!(!p.audit.interval_protection);
}

#[test]
fn differencing_with_previous_release() {
    let mut r = Release::default();
    let n = r.cell("n", 60, u8::MAX);
    let m: Vec<usize> = [12u64, 20, 28].iter().enumerate().map(|(i, &v)| r.cell(&format!("c{i}"), v, 0)).collect();
    r.rel(n, m.clone());
    let mut prev: Previous = HashMap::new();
    prev.insert("n".into(), Some(50));
    prev.insert("c0".into(), Some(10)); // +2: differencing
    prev.insert("c1".into(), Some(20)); // +0
    prev.insert("c2".into(), None); // hidden before
    let p = protect(&r.cells, &r.relations, K5, Some(&prev));
    assert_protected(&r, K5, Some(&prev), &p);
    assert!(p.hidden[m[0]]);
    assert_eq!(p.audit.primary_cells, 1);
    assert_minimal(&r, K5, Some(&prev), &p);
    // Publishing c0 would give away the 2 new cases.
    let a = check(&r.cells, &r.relations, &[false; 4], K5, Some(&prev));
    assert!(!a.no_differencing);
    // Without the previous release nothing needs hiding.
    let p = protect(&r.cells, &r.relations, K5, None);
    assert_eq!(p.audit.hidden_cells, 0);
    // A grand total that grew by 1..k-1 cannot be hidden: reported.
    prev.insert("n".into(), Some(58));
    let p = protect(&r.cells, &r.relations, K5, Some(&prev));
    assert!(!p.audit.no_differencing);
}

#[test]
fn width_k_option() {
    let mut r = Release::default();
    let n = r.cell("n", 40, u8::MAX);
    let m: Vec<usize> = [1u64, 2, 3, 14, 20].iter().enumerate().map(|(i, &v)| r.cell(&format!("c{i}"), v, 0)).collect();
    r.rel(n, m);
    let s = Settings { k: 5, min_interval_width: 5 };
    let p = protect(&r.cells, &r.relations, s, None);
    assert_protected(&r, s, None, &p);
    assert!(p.audit.smallest_interval_width.unwrap() >= 5.0);
    assert_minimal(&r, s, None, &p);
}

#[test]
fn deterministic() {
    let (r, s, prev) = random_release(12345);
    let a = protect(&r.cells, &r.relations, s, prev.as_ref());
    let b = protect(&r.cells, &r.relations, s, prev.as_ref());
    assert_eq!(a.hidden, b.hidden);
    assert_eq!(format!("{:?}", a.audit), format!("{:?}", b.audit));
}

// ---------------------------------------------------------------------------------------------
// Random releases: microdata cross-classified by a few dimensions; one-way margins are shared by
// every two-way table that uses the dimension; the grand total n is shared by all.

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// Skewed category: earlier categories are more likely.
    fn skewed(&mut self, n: usize) -> usize {
        let mut c = 0;
        while c + 1 < n && self.below(100) < 45 {
            c += 1;
        }
        c
    }
}

/// Builds the release of `cases` (category per dimension) for the given two-way `tables`.
fn release_of(dims: &[usize], tables: &[(usize, usize)], cases: &[Vec<usize>]) -> Release {
    let mut r = Release::default();
    let n = r.cell("n", cases.len() as u64, u8::MAX);
    let mut margins: Vec<Vec<usize>> = Vec::new();
    for (d, &nc) in dims.iter().enumerate() {
        let m: Vec<usize> = (0..nc)
            .map(|c| {
                let v = cases.iter().filter(|x| x[d] == c).count() as u64;
                r.cell(&format!("m{d}={c}"), v, 1)
            })
            .collect();
        r.rel(n, m.clone());
        margins.push(m);
    }
    for &(a, b) in tables {
        let mut inner = vec![vec![0usize; dims[b]]; dims[a]];
        for i in 0..dims[a] {
            for j in 0..dims[b] {
                let v = cases.iter().filter(|x| x[a] == i && x[b] == j).count() as u64;
                inner[i][j] = r.cell(&format!("t{a}x{b}/{i}/{j}"), v, 0);
            }
        }
        for i in 0..dims[a] {
            r.rel(margins[a][i], inner[i].clone());
        }
        for j in 0..dims[b] {
            r.rel(margins[b][j], (0..dims[a]).map(|i| inner[i][j]).collect());
        }
    }
    r
}

fn random_release(seed: u64) -> (Release, Settings, Option<Previous>) {
    let mut g = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let k = 3 + g.below(3);
    let s = Settings { k, min_interval_width: if g.below(3) == 0 { k } else { 2 } };
    let nd = 2 + g.below(3) as usize;
    let dims: Vec<usize> = (0..nd).map(|_| 2 + g.below(3) as usize).collect();
    let mut tables = Vec::new();
    for a in 0..nd {
        for b in a + 1..nd {
            if tables.is_empty() || g.below(3) > 0 {
                tables.push((a, b));
            }
        }
    }
    let total = k as usize + g.below(45) as usize;
    let cases: Vec<Vec<usize>> = (0..total)
        .map(|_| dims.iter().map(|&nc| g.skewed(nc)).collect())
        .collect();
    let r = release_of(&dims, &tables, &cases);
    // The previous release: the first cases, none of them withdrawn, with n either unchanged or
    // grown by at least k (a grand total that grew by 1..k-1 cannot be protected).
    let prev = match g.below(3) {
        0 => None,
        _ => {
            let m = if g.below(4) == 0 { total } else { g.below((total - k as usize + 1) as u64) as usize };
            let pr = release_of(&dims, &tables, &cases[..m]);
            let pp = protect(&pr.cells, &pr.relations, s, None);
            Some(
                pr.cells
                    .iter()
                    .zip(&pp.hidden)
                    .map(|(c, &h)| (c.key.clone(), if h { None } else { Some(c.value) }))
                    .collect(),
            )
        }
    };
    (r, s, prev)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_releases_are_protected_and_minimal(seed in any::<u64>()) {
        let (r, s, prev) = random_release(seed);
        let p = protect(&r.cells, &r.relations, s, prev.as_ref());
        assert_protected(&r, s, prev.as_ref(), &p);
        assert_minimal(&r, s, prev.as_ref(), &p);
        // the audit is the checker's verdict on the output
        let a = check(&r.cells, &r.relations, &p.hidden, s, prev.as_ref());
        prop_assert_eq!(format!("{:?}", a), format!("{:?}", p.audit));
    }

    /// The two LP engines (suppressor's dense simplex, checker's microlp) agree on ranges.
    #[test]
    fn lp_engines_agree(seed in any::<u64>()) {
        let (r, s, _) = random_release(seed);
        let mut g = Rng(seed | 1);
        let hidden: Vec<bool> = r.cells.iter().map(|c| c.rank != u8::MAX && g.below(3) == 0).collect();
        let _ = s;
        let idx: Vec<usize> = (0..r.cells.len()).filter(|&i| hidden[i]).collect();
        if idx.is_empty() { return Ok(()); }
        let mut rows = Vec::new();
        let mut b = Vec::new();
        let mut mat = Vec::new();
        for rel in &r.relations {
            let mut row = vec![0i64; idx.len()];
            let mut rhs = 0.0;
            let mut add = |c: usize, a: i64| match idx.binary_search(&c) {
                Ok(j) => row[j] += a,
                Err(_) => rhs -= a as f64 * r.cells[c].value as f64,
            };
            add(rel.total, 1);
            for &m in &rel.members { add(m, -1); }
            rows.push(row.iter().enumerate().filter(|e| *e.1 != 0).map(|(j, &a)| (j, a as f64)).collect::<Vec<_>>());
            mat.push(row);
            b.push(rhs);
        }
        let mine = super::lp::ranges(idx.len(), &rows, &b, &(0..idx.len()).collect::<Vec<_>>()).unwrap();
        let theirs = super::check::lp_ranges_for_tests(&mat, &b, idx.len()).unwrap();
        for (x, y) in mine.iter().zip(&theirs) {
            prop_assert!((x.0 - y.0).abs() < 1e-6 && (x.1 - y.1).abs() < 1e-6 || (x.1.is_infinite() && y.1.is_infinite()), "{:?} vs {:?}", x, y);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Timing: a realistic release of about 2,000 cells (printed, not asserted).

/// A registry-like release: ~`cases` cases over skewed dimensions (diagnosis basis, month, country,
/// age band, sex, severity, treatment, drug class, hospitalised, died, comorbidity count,
/// morphology, timing), two-way tables as in the spec, shared margins and n.
fn realistic_release(cases: usize, seed: u64) -> Release {
    let dims = vec![2, 36, 30, 6, 3, 4, 6, 12, 2, 2, 4, 10, 4];
    let names = ["basis", "month", "country", "age", "sex", "sev", "treat", "drug", "hosp", "died", "ncomorb", "morph", "timing"];
    let _ = names;
    let tables: Vec<(usize, usize)> = vec![
        (0, 1),  // basis x month (epidemic curve)
        (3, 4),  // age x sex
        (5, 6),  // severity x treatment
        (5, 7),  // severity x drug class
        (8, 6), (9, 6), (8, 7), (9, 7), // hospitalised / died by treatment and drug class
        (8, 10), // hospitalised by comorbidity count
        (11, 5), (11, 12), // morphology by severity, by timing
        (2, 0), (2, 5), (2, 4), (2, 3), // country tables
        (1, 5), (1, 8), (1, 9), (1, 3), (1, 11), (1, 7), // monthly breakdowns
        (3, 5), (3, 8), (3, 9), (4, 5), (4, 8), (4, 9), (7, 10), (7, 11), (6, 11), (3, 11), (4, 11),
    ];
    let mut g = Rng(seed | 1);
    let data: Vec<Vec<usize>> = (0..cases)
        .map(|_| dims.iter().map(|&nc| if nc > 12 { (g.below(nc as u64) as usize + g.skewed(nc)) % nc } else { g.skewed(nc) }).collect())
        .collect();
    release_of(&dims, &tables, &data)
}

#[test]
#[ignore = "a timing print, not a test: cargo test --release -- --ignored timing"]
fn timing_realistic_release() {
    for &(cases, seed) in &[(3_000usize, 7u64), (1_000_000 / 100, 11)] {
        let r = realistic_release(cases, seed);
        let t0 = std::time::Instant::now();
        let hidden = super::suppress::suppress(&r.cells, &r.relations, K5, None);
        let t1 = t0.elapsed();
        let t0 = std::time::Instant::now();
        let audit = check(&r.cells, &r.relations, &hidden, K5, None);
        let t2 = t0.elapsed();
        eprintln!(
            "timing: {} cells, {} relations, {} cases: suppress {:?}, check {:?}; {:?}",
            r.cells.len(),
            r.relations.len(),
            cases,
            t1,
            t2,
            audit
        );
        assert!(audit.passed());
    }
}

/// Minimality on a realistic release (slow: one full check per secondary cell).
/// `cargo test --release -- --ignored realistic_release_minimal`
#[test]
#[ignore]
fn realistic_release_minimal() {
    let r = realistic_release(10_000, 11);
    let p = protect(&r.cells, &r.relations, K5, None);
    assert_protected(&r, K5, None, &p);
    assert_minimal(&r, K5, None, &p);
}

#[test]
fn inconsistent_input_does_not_panic() {
    let cells = vec![
        Cell { key: "n".into(), value: 10, rank: u8::MAX },
        Cell { key: "a".into(), value: 2, rank: 0 },
        Cell { key: "b".into(), value: 3, rank: 0 },
    ];
    let relations = vec![Relation { total: 0, members: vec![1, 2] }];
    let p = protect(&cells, &relations, K5, None);
    assert!(p.hidden[1] && p.hidden[2] && !p.hidden[0], "{:?} {:?}", p.hidden, p.audit);
    assert!(!p.audit.passed());
}
