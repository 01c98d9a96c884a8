//! Prometheus metrics: request counts and latency histograms per route template and status, kept and
//! written out (OpenMetrics text) by the `prometheus-client` crate. Labels are route templates
//! (`/v1/cases/{id}`), never concrete paths or values.

use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

/// The exposition's media type (`GET /metrics`).
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Labels {
    method: &'static str,
    route: String,
    status: u16,
}

type Latency = Family<Labels, Histogram, fn() -> Histogram>;

pub struct Metrics {
    registry: Registry,
    requests: Family<Labels, Counter>,
    latency: Latency,
}

impl Default for Metrics {
    fn default() -> Self {
        let requests = Family::<Labels, Counter>::default();
        let latency: Latency = Family::new_with_constructor(|| Histogram::new(BUCKETS));
        let mut registry = Registry::default();
        registry.register("dermreg_http_requests", "HTTP requests by route template and status", requests.clone());
        registry.register("dermreg_http_request_duration_seconds", "Request latency", latency.clone());
        Metrics { registry, requests, latency }
    }
}

impl Metrics {
    pub fn observe(&self, method: &'static str, route: &str, status: u16, elapsed: Duration) {
        let labels = Labels { method, route: route.to_owned(), status };
        self.requests.get_or_create(&labels).inc();
        self.latency.get_or_create(&labels).observe(elapsed.as_secs_f64());
    }

    pub fn render(&self) -> String {
        let mut out = String::with_capacity(4096);
        prometheus_client::encoding::text::encode(&mut out, &self.registry).expect("writing to a String");
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
        assert!(text.contains(r#"dermreg_http_requests_total{method="GET",route="/health/live",status="200"} 2"#), "{text}");
        assert!(text.contains(r#"_bucket{le="0.005",method="GET",route="/health/live",status="200"} 1"#), "{text}");
        assert!(text.contains(r#"_bucket{le="+Inf",method="GET",route="/health/live",status="200"} 2"#), "{text}");
        assert!(text.ends_with("# EOF\n"));
    }
}
