//! 95% Wilson score interval and the rate publication rule.

/// The two-sided 95% normal quantile used by the spec.
pub const Z: f64 = 1.959963984540054;

/// 95% Wilson score interval for `x` successes out of `n`, z = 1.959963984540054.
///
/// `n == 0` gives `(0.0, 0.0)` (the table builder never asks for it: such a rate is not
/// publishable). `x > n` is clamped to `n`. The bounds are clamped to `[0, 1]`, and are exactly
/// 0 for `x == 0` and exactly 1 for `x == n`.
pub fn wilson(x: u64, n: u64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 0.0);
    }
    let x = x.min(n);
    let nf = n as f64;
    let p = x as f64 / nf;
    let z2 = Z * Z;
    let denom = 1.0 + z2 / nf;
    let centre = (p + z2 / (2.0 * nf)) / denom;
    let half = Z * (p * (1.0 - p) / nf + z2 / (4.0 * nf * nf)).sqrt() / denom;
    let lo = if x == 0 { 0.0 } else { (centre - half).max(0.0) };
    let hi = if x == n { 1.0 } else { (centre + half).min(1.0) };
    (lo, hi)
}

/// Whether a rate `x / n` (and its interval) may be published: the numerator `x`, the
/// complement `n - x` and the denominator `n` are all published (not hidden) and all `>= k`.
pub fn rate_publishable(
    x: u64,
    n: u64,
    x_hidden: bool,
    n_hidden: bool,
    complement_hidden: bool,
    k: u64,
) -> bool {
    if x_hidden || n_hidden || complement_hidden || x > n {
        return false;
    }
    x >= k && n - x >= k && n >= k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_reference_values() {
        let table: [(u64, u64, f64, f64); 7] = [
            (77, 374, 0.167993, 0.249753),
            (9, 374, 0.012711, 0.045095),
            (26, 442, 0.040456, 0.084794),
            (0, 442, 0.0, 0.008616),
            (1, 10, 0.017876, 0.404150),
            (10, 10, 0.722467, 1.0),
            (3, 7, 0.158220, 0.749542),
        ];
        for (x, n, lo, hi) in table {
            let (l, h) = wilson(x, n);
            assert!((l - lo).abs() < 1e-6, "{x}/{n}: low {l} vs {lo}");
            assert!((h - hi).abs() < 1e-6, "{x}/{n}: high {h} vs {hi}");
        }
        assert_eq!(wilson(0, 442).0, 0.0);
        assert_eq!(wilson(10, 10).1, 1.0);
        assert_eq!(wilson(0, 0), (0.0, 0.0));
    }

    #[test]
    fn rate_rule() {
        assert!(rate_publishable(5, 10, false, false, false, 5));
        assert!(!rate_publishable(4, 10, false, false, false, 5)); // numerator < k
        assert!(!rate_publishable(6, 10, false, false, false, 5)); // complement < k
        assert!(!rate_publishable(5, 10, true, false, false, 5));
        assert!(!rate_publishable(5, 10, false, true, false, 5));
        assert!(!rate_publishable(5, 10, false, false, true, 5));
        assert!(!rate_publishable(11, 10, false, false, false, 5));
        assert!(!rate_publishable(0, 0, false, false, false, 3));
    }
}
