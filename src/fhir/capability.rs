//! The CapabilityStatement: what `/fhir` serves, said once for `GET /fhir/metadata`.

use serde_json::{json, Value};

use super::{FHIR_JSON, FHIR_VERSION};

/// The statement; `base` is the service's address as the client reached it.
pub fn statement(base: &str) -> Value {
    let read = |t: &str, search: bool| {
        let mut interactions = vec![json!({"code": "read"})];
        if search {
            interactions.push(json!({"code": "search-type"}));
        }
        json!({"type": t, "interaction": interactions})
    };
    let mut group = read("Group", false);
    group["interaction"] = json!([]);
    group["operation"] = json!([{
        "name": "export",
        "definition": "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export",
        "documentation": "Every case of the registry (the group's id: general, psoriasis or atopic-dermatitis) as QuestionnaireResponses, NDJSON, asynchronously. _since (withdrawn cases in deleted), _type=QuestionnaireResponse, _outputFormat=application/fhir+ndjson.",
    }]);
    let mut questionnaire = read("Questionnaire", true);
    questionnaire["searchParam"] = json!([{"name": "url", "type": "uri"}]);
    json!({
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": "2026-12-05",
        "publisher": "dermreg",
        "kind": "instance",
        "instantiates": ["http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data"],
        "software": {"name": "dermreg", "version": env!("CARGO_PKG_VERSION")},
        "implementation": {"description": "De-identified COVID-19 dermatology case registries", "url": format!("{base}/fhir")},
        "fhirVersion": FHIR_VERSION,
        "format": [FHIR_JSON],
        "rest": [{
            "mode": "server",
            "documentation": "Each registry's form version is a Questionnaire, each case a QuestionnaireResponse (anonymised: no subject, author, name, contact or identifier of a person; authored to the month).",
            "security": {
                "service": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/restful-security-service", "code": "OAuth"}]}],
                "description": "A bearer token (POST /v1/auth/token, or a partner credential): curators and partners of a registry read its cases and export it. The Questionnaires, CodeSystems and this statement are public.",
            },
            "resource": [
                read("CodeSystem", true),
                group,
                questionnaire,
                read("QuestionnaireResponse", false),
            ],
        }],
    })
}
