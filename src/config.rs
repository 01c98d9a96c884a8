//! Settings: defaults, then `DERMREG_*` environment variables. A bad value stops start-up with one
//! line naming the variable (never its value: it may be a secret).

use std::path::PathBuf;
use std::time::Duration;

use crate::registry::{DiagnosisPrecision, FreeTextPolicy};

#[derive(Debug, Clone)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub database_url: String,
    pub bind: String,
    /// HS256 secret for tokens this service issues; `None` = generated into the data dir on first start.
    pub jwt_secret: Option<String>,
    /// PEM public key of an external identity provider (RS256 or ES256), with the issuer it signs as.
    pub jwt_public_key_file: Option<PathBuf>,
    pub jwt_external_issuer: Option<String>,
    pub jwt_issuer: String,
    pub jwt_audience: String,
    pub login_token_ttl: Duration,
    /// HMAC key for submitters' record keys; `None` = generated into the data dir on first start.
    pub record_key_secret: Option<String>,
    pub log: String,
    pub log_format: LogFormat,
    pub diagnosis_precision: DiagnosisPrecision,
    /// Free text scrubbed and stored, or not stored at all.
    pub free_text: FreeTextPolicy,
    /// Small-cell threshold of the open-access summaries (never below 3).
    pub suppression_k: u64,
    pub pool_size: u32,
    /// Requests per minute allowed per token (0 = unlimited).
    pub rate_limit_per_minute: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Json,
    Pretty,
}

/// A configuration problem: which variable and what is expected of it.
#[derive(Debug, thiserror::Error)]
#[error("configuration: {variable} {expected}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub expected: &'static str,
}

impl Settings {
    /// Reads the process environment.
    pub fn from_env() -> Result<Settings, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Settings for a given data directory with every default (used by tests and tools).
    pub fn for_data_dir(data_dir: PathBuf) -> Settings {
        Self::from_lookup(|name| (name == "DERMREG_DATA_DIR").then(|| data_dir.display().to_string()))
            .expect("defaults are valid")
    }

    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Settings, ConfigError> {
        let var = |name: &str| get(name).filter(|v| !v.trim().is_empty());
        let data_dir = PathBuf::from(var("DERMREG_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let database_url = var("DERMREG_DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("dermreg.db").display()));
        if crate::db::Backend::of_url(&database_url).is_none() {
            return Err(ConfigError {
                variable: "DERMREG_DATABASE_URL",
                expected: "must start with postgres://, postgresql:// or sqlite://",
            });
        }
        let bind = var("DERMREG_BIND").unwrap_or_else(|| "127.0.0.1:8080".into());
        if bind.parse::<std::net::SocketAddr>().is_err() {
            return Err(ConfigError { variable: "DERMREG_BIND", expected: "must be an address like 127.0.0.1:8080" });
        }
        let jwt_secret = var("DERMREG_JWT_SECRET");
        if jwt_secret.as_ref().is_some_and(|s| s.len() < 32) {
            return Err(ConfigError { variable: "DERMREG_JWT_SECRET", expected: "must be at least 32 characters" });
        }
        let record_key_secret = var("DERMREG_RECORD_KEY_SECRET");
        if record_key_secret.as_ref().is_some_and(|s| s.len() < 32) {
            return Err(ConfigError {
                variable: "DERMREG_RECORD_KEY_SECRET",
                expected: "must be at least 32 characters",
            });
        }
        let jwt_public_key_file = var("DERMREG_JWT_PUBLIC_KEY_FILE").map(PathBuf::from);
        if jwt_public_key_file.as_ref().is_some_and(|p| !p.is_file()) {
            return Err(ConfigError {
                variable: "DERMREG_JWT_PUBLIC_KEY_FILE",
                expected: "must name a readable PEM file",
            });
        }
        let jwt_external_issuer = var("DERMREG_JWT_EXTERNAL_ISSUER");
        if jwt_public_key_file.is_some() && jwt_external_issuer.is_none() {
            return Err(ConfigError {
                variable: "DERMREG_JWT_EXTERNAL_ISSUER",
                expected: "is required with DERMREG_JWT_PUBLIC_KEY_FILE (the identity provider's issuer)",
            });
        }
        let login_token_ttl = match var("DERMREG_LOGIN_TOKEN_TTL") {
            None => Duration::from_secs(8 * 3600),
            Some(v) => parse_duration(&v).ok_or(ConfigError {
                variable: "DERMREG_LOGIN_TOKEN_TTL",
                expected: "must be a duration like 30m, 8h or 1d",
            })?,
        };
        let log_format = match var("DERMREG_LOG_FORMAT").as_deref() {
            None | Some("json") => LogFormat::Json,
            Some("pretty") => LogFormat::Pretty,
            Some(_) => return Err(ConfigError { variable: "DERMREG_LOG_FORMAT", expected: "must be json or pretty" }),
        };
        let log = var("DERMREG_LOG").unwrap_or_else(|| "info".into());
        if tracing_subscriber::EnvFilter::try_new(&log).is_err() {
            return Err(ConfigError { variable: "DERMREG_LOG", expected: "must be a tracing filter like info or dermreg=debug" });
        }
        let diagnosis_precision = match var("DERMREG_DIAGNOSIS_PRECISION").as_deref() {
            None | Some("month") => DiagnosisPrecision::Month,
            Some("year") => DiagnosisPrecision::Year,
            Some(_) => {
                return Err(ConfigError { variable: "DERMREG_DIAGNOSIS_PRECISION", expected: "must be month or year" })
            }
        };
        let free_text = match var("DERMREG_FREE_TEXT").as_deref() {
            None | Some("scrub") => FreeTextPolicy::Scrub,
            Some("drop") => FreeTextPolicy::Drop,
            Some(_) => return Err(ConfigError { variable: "DERMREG_FREE_TEXT", expected: "must be scrub or drop" }),
        };
        let suppression_k = match var("DERMREG_SUPPRESSION_K") {
            None => 5,
            Some(v) => v.parse().ok().filter(|k| *k >= 3).ok_or(ConfigError {
                variable: "DERMREG_SUPPRESSION_K",
                expected: "must be a whole number of at least 3",
            })?,
        };
        let pool_size = match var("DERMREG_POOL_SIZE") {
            None => 16,
            Some(v) => v.parse().ok().filter(|n| (1..=512).contains(n)).ok_or(ConfigError {
                variable: "DERMREG_POOL_SIZE",
                expected: "must be a whole number from 1 to 512",
            })?,
        };
        let rate_limit_per_minute = match var("DERMREG_RATE_LIMIT_PER_MINUTE") {
            None => 6000,
            Some(v) => v.parse().map_err(|_| ConfigError {
                variable: "DERMREG_RATE_LIMIT_PER_MINUTE",
                expected: "must be a whole number (0 = unlimited)",
            })?,
        };
        Ok(Settings {
            data_dir,
            database_url,
            bind,
            jwt_secret,
            jwt_public_key_file,
            jwt_external_issuer,
            jwt_issuer: var("DERMREG_JWT_ISSUER").unwrap_or_else(|| "dermreg".into()),
            jwt_audience: var("DERMREG_JWT_AUDIENCE").unwrap_or_else(|| "dermreg".into()),
            login_token_ttl,
            record_key_secret,
            log,
            log_format,
            diagnosis_precision,
            free_text,
            suppression_k,
            pool_size,
            rate_limit_per_minute,
        })
    }
}

/// `30s`, `15m`, `8h`, `30d` -> a duration.
pub fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let (number, unit) = text.split_at(text.find(|c: char| !c.is_ascii_digit())?);
    let n: u64 = number.parse().ok()?;
    let seconds = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return None,
    };
    if n == 0 {
        return None;
    }
    Some(Duration::from_secs(n.checked_mul(seconds)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(pairs: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let pairs: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Settings::from_lookup(|name| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    #[test]
    fn defaults_are_sqlite_in_data_dir() {
        let s = with(&[]).unwrap();
        assert_eq!(s.database_url, "sqlite://./data/dermreg.db");
        assert_eq!(s.bind, "127.0.0.1:8080");
        assert_eq!(s.suppression_k, 5);
    }

    #[test]
    fn bad_values_name_the_variable_not_the_value() {
        for (name, value) in [
            ("DERMREG_BIND", "nowhere"),
            ("DERMREG_DATABASE_URL", "mysql://x"),
            ("DERMREG_JWT_SECRET", "short-secret-value"),
            ("DERMREG_SUPPRESSION_K", "2"),
            ("DERMREG_LOGIN_TOKEN_TTL", "forever"),
            ("DERMREG_DIAGNOSIS_PRECISION", "day"),
            ("DERMREG_FREE_TEXT", "keep"),
        ] {
            let err = with(&[(name, value)]).unwrap_err().to_string();
            assert!(err.contains(name), "{err}");
            assert!(!err.contains(value), "{err}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30d"), Some(Duration::from_secs(30 * 86_400)));
        assert_eq!(parse_duration("15m"), Some(Duration::from_secs(900)));
        assert_eq!(parse_duration("0h"), None);
        assert_eq!(parse_duration("h"), None);
        assert_eq!(parse_duration("12"), None);
    }
}
