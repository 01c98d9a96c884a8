//! Prometheus text metrics: request counts and latency histograms per route template and status.
//! Labels are route templates (`/v1/cases/{id}`), never concrete paths or values.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Duration;

const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

#[derive(Default)]
struct Series {
    count: u64,
    sum: f64,
    buckets: [u64; BUCKETS.len()],
}

#[derive(Default)]
pub struct Metrics {
    series: Mutex<BTreeMap<(&'static str, String, u16), Series>>,
}

impl Metrics {
    pub fn observe(&self, method: &'static str, route: &str, status: u16, elapsed: Duration) {
        let seconds = elapsed.as_secs_f64();
        let mut series = self.series.lock().unwrap_or_else(|p| p.into_inner());
        let s = series.entry((method, route.to_owned(), status)).or_default();
        s.count += 1;
        s.sum += seconds;
        for (i, upper) in BUCKETS.iter().enumerate() {
            if seconds <= *upper {
                s.buckets[i] += 1;
            }
        }
    }

    pub fn render(&self) -> String {
        let series = self.series.lock().unwrap_or_else(|p| p.into_inner());
        let mut out = String::with_capacity(4096);
        out.push_str("# HELP dermreg_http_requests_total HTTP requests by route template and status.\n");
        out.push_str("# TYPE dermreg_http_requests_total counter\n");
        for ((method, route, status), s) in series.iter() {
            let _ = writeln!(
                out,
                "dermreg_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {}",
                s.count
            );
        }
        out.push_str("# HELP dermreg_http_request_duration_seconds Request latency.\n");
        out.push_str("# TYPE dermreg_http_request_duration_seconds histogram\n");
        for ((method, route, status), s) in series.iter() {
            let labels = format!("method=\"{method}\",route=\"{route}\",status=\"{status}\"");
            for (upper, n) in BUCKETS.iter().zip(s.buckets.iter()) {
                let _ = writeln!(out, "dermreg_http_request_duration_seconds_bucket{{{labels},le=\"{upper}\"}} {n}");
            }
            let _ = writeln!(out, "dermreg_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}", s.count);
            let _ = writeln!(out, "dermreg_http_request_duration_seconds_sum{{{labels}}} {}", s.sum);
            let _ = writeln!(out, "dermreg_http_request_duration_seconds_count{{{labels}}} {}", s.count);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn renders_counts_and_buckets() {
        let m = super::Metrics::default();
        m.observe("GET", "/health/live", 200, std::time::Duration::from_millis(3));
        m.observe("GET", "/health/live", 200, std::time::Duration::from_millis(30));
        let text = m.render();
        assert!(text.contains(r#"dermreg_http_requests_total{method="GET",route="/health/live",status="200"} 2"#));
        assert!(text.contains(r#"route="/health/live",status="200",le="0.005"} 1"#));
        assert!(text.contains(r#"route="/health/live",status="200",le="+Inf"} 2"#));
    }
}
