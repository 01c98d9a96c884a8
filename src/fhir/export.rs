//! Bulk Data export, the pure part: reading a kick-off request, the manifest, file names and the
//! NDJSON lines of deleted resources (HL7 FHIR Bulk Data Access IG, async pattern).

use chrono::NaiveDateTime;
use serde_json::{json, Value};

use super::store::{File, Job};
use super::FhirError;
use crate::http::rfc3339;
use crate::registry::Registry;

/// Resources per file at most.
pub const FILE_MAX: i64 = 50_000;
/// The only resource type a registry exports.
pub const RESOURCE: &str = "QuestionnaireResponse";
pub const OUTPUT: &str = "output";
pub const DELETED: &str = "deleted";
const OUTPUT_FORMATS: &[&str] = &["application/fhir+ndjson", "application/ndjson", "ndjson"];

/// What a kick-off asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub since: Option<NaiveDateTime>,
    /// `_type` was given (it can only name QuestionnaireResponse).
    pub typed: bool,
}

impl ExportRequest {
    /// From the query string's pairs (a GET, or a POST without a body).
    pub fn from_query(pairs: &[(String, String)]) -> Result<ExportRequest, FhirError> {
        let mut req = ExportRequest { since: None, typed: false };
        for (name, value) in pairs {
            req.take(name, value)?;
        }
        Ok(req)
    }

    /// From a POST's `Parameters` resource: `_since` as valueInstant, `_type` and `_outputFormat` as
    /// valueString, nothing else (the body is read as strictly as the contract declares it).
    pub fn from_parameters(body: &Value) -> Result<ExportRequest, FhirError> {
        const NOT_PARAMETERS: &str = "The body must be a FHIR Parameters resource.";
        const BAD_PARAMETER: &str = "Each parameter is _since with valueInstant, or _type or _outputFormat with valueString.";
        if body["resourceType"] != "Parameters" {
            return Err(FhirError::Invalid(NOT_PARAMETERS));
        }
        let mut req = ExportRequest { since: None, typed: false };
        let parameters = match body.get("parameter") {
            None | Some(Value::Null) => return Ok(req),
            Some(Value::Array(p)) => p,
            Some(_) => return Err(FhirError::Invalid(NOT_PARAMETERS)),
        };
        for p in parameters {
            let entry = p.as_object().filter(|o| o.len() == 2).ok_or(FhirError::Invalid(BAD_PARAMETER))?;
            let name = entry.get("name").and_then(Value::as_str).ok_or(FhirError::Invalid(BAD_PARAMETER))?;
            let value_key = if name == "_since" { "valueInstant" } else { "valueString" };
            let value = entry.get(value_key).and_then(Value::as_str).ok_or(FhirError::Invalid(BAD_PARAMETER))?;
            if !["_since", "_type", "_outputFormat"].contains(&name) {
                return Err(FhirError::NotSupported("Only _since, _type and _outputFormat are supported."));
            }
            req.take(name, value)?;
        }
        Ok(req)
    }

    fn take(&mut self, name: &str, value: &str) -> Result<(), FhirError> {
        match name {
            "_since" => self.since = Some(parse_instant(value)?),
            "_type" => {
                if value.split(',').any(|t| t.trim() != RESOURCE) {
                    return Err(FhirError::NotSupported("_type can only be QuestionnaireResponse: a registry exports nothing else."));
                }
                self.typed = true;
            }
            "_outputFormat" if !OUTPUT_FORMATS.contains(&value) => {
                return Err(FhirError::NotSupported("_outputFormat can only be application/fhir+ndjson."))
            }
            "_outputFormat" => {}
            "_elements" | "_typeFilter" | "patient" | "includeAssociatedData" | "organizeOutputBy" | "_until" => {
                return Err(FhirError::NotSupported("Only _since, _type and _outputFormat are supported."))
            }
            // Other parameters (a cache buster, ...) are not the export's.
            _ => {}
        }
        Ok(())
    }

    /// The kick-off request as the manifest repeats it, rebuilt from what was understood (never the
    /// client's own text).
    pub fn request_path(&self, registry: Registry) -> String {
        let mut query = Vec::new();
        if let Some(since) = &self.since {
            query.push(format!("_since={}", rfc3339::format(since)));
        }
        if self.typed {
            query.push(format!("_type={RESOURCE}"));
        }
        let path = format!("/fhir/Group/{}/$export", registry.id());
        if query.is_empty() {
            path
        } else {
            format!("{path}?{}", query.join("&"))
        }
    }
}

/// A FHIR instant (RFC 3339 with a zone), in UTC to the microsecond as times are stored.
pub fn parse_instant(text: &str) -> Result<NaiveDateTime, FhirError> {
    let t = chrono::DateTime::parse_from_rfc3339(text)
        .map_err(|_| FhirError::Invalid("_since must be a FHIR instant, e.g. 2026-01-31T12:00:00Z."))?
        .naive_utc();
    use chrono::Timelike;
    Ok(t.with_nanosecond(t.nanosecond() / 1_000 * 1_000).unwrap_or(t))
}

pub fn file_name(kind: &str, number: i32) -> String {
    format!("{kind}-{number}.ndjson")
}

/// `output-3.ndjson` -> (`output`, 3).
pub fn parse_file_name(name: &str) -> Option<(&'static str, i32)> {
    let (kind, rest) = name.strip_suffix(".ndjson")?.split_once('-')?;
    let kind = [OUTPUT, DELETED].into_iter().find(|k| *k == kind)?;
    let number: i32 = rest.parse().ok().filter(|n| *n >= 1)?;
    (number.to_string() == rest).then_some((kind, number))
}

/// How `count` members split into files of at most [`FILE_MAX`]: each file's number, the offset of its
/// last member and its size.
pub fn split(count: i64) -> Vec<(i32, i64, i64)> {
    (0..(count + FILE_MAX - 1) / FILE_MAX)
        .map(|k| {
            let size = FILE_MAX.min(count - k * FILE_MAX);
            (k as i32 + 1, k * FILE_MAX + size - 1, size)
        })
        .collect()
}

/// The completed job's manifest; `base` is the service's address as the client reached it.
pub fn manifest(base: &str, job: &Job, files: &[File]) -> Value {
    let entries = |kind: &str, resource: &str| -> Vec<Value> {
        files
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| {
                json!({
                    "type": resource,
                    "url": format!("{base}/fhir/bulk-files/{}/{}", job.id, file_name(&f.kind, f.number)),
                    "count": f.count,
                })
            })
            .collect()
    };
    json!({
        "transactionTime": rfc3339::format(&job.transaction_time),
        "request": format!("{base}{}", job.request),
        "requiresAccessToken": true,
        "output": entries(OUTPUT, RESOURCE),
        "deleted": entries(DELETED, "Bundle"),
        "error": [],
    })
}

/// A withdrawn case in the `deleted` file: a transaction Bundle with one DELETE.
pub fn deleted_bundle(case_id: &str) -> Value {
    json!({
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [{"request": {"method": "DELETE", "url": format!("{RESOURCE}/{case_id}")}}],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn a_kick_off_reads_since_type_and_format_and_refuses_the_rest() {
        let r = ExportRequest::from_query(&pairs(&[("_since", "2026-03-01T10:00:00.123456789+01:00"), ("_type", "QuestionnaireResponse")])).unwrap();
        assert_eq!(rfc3339::format(&r.since.unwrap()), "2026-03-01T09:00:00.123456Z");
        assert_eq!(r.request_path(Registry::Psoriasis), "/fhir/Group/psoriasis/$export?_since=2026-03-01T09:00:00.123456Z&_type=QuestionnaireResponse");
        for bad in [("_since", "yesterday"), ("_type", "Patient"), ("_outputFormat", "text/csv"), ("_typeFilter", "x")] {
            assert!(ExportRequest::from_query(&pairs(&[bad])).is_err(), "{bad:?}");
        }
        let p = json!({"resourceType": "Parameters", "parameter": [{"name": "_since", "valueInstant": "2026-03-01T09:00:00Z"}]});
        assert!(ExportRequest::from_parameters(&p).unwrap().since.is_some());
        for bad in [
            json!([{"name": "_since", "valueString": "2026-03-01T09:00:00Z"}]),
            json!([{"name": "_since", "valueInstant": "2026-03-01T09:00:00Z", "id": "x"}]),
            json!([{"name": "patient", "valueString": "x"}]),
            json!({"name": "_type"}),
        ] {
            assert!(ExportRequest::from_parameters(&json!({"resourceType": "Parameters", "parameter": bad})).is_err(), "{bad}");
        }
        assert!(ExportRequest::from_parameters(&json!({"resourceType": "Patient"})).is_err());
    }

    #[test]
    fn files_hold_at_most_fifty_thousand_and_names_round_trip() {
        assert!(split(0).is_empty());
        assert_eq!(split(1), vec![(1, 0, 1)]);
        assert_eq!(split(100_001), vec![(1, 49_999, 50_000), (2, 99_999, 50_000), (3, 100_000, 1)]);
        assert_eq!(parse_file_name(&file_name(DELETED, 12)), Some((DELETED, 12)));
        for bad in ["output-0.ndjson", "output-01.ndjson", "other-1.ndjson", "output-1.json", "output-x.ndjson"] {
            assert_eq!(parse_file_name(bad), None, "{bad}");
        }
    }
}
