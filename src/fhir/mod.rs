//! FHIR R4 (4.0.1) for partners that are not dermreg: a national registry, a research warehouse or a
//! REDCap project reads the registries as Questionnaires and QuestionnaireResponses, and exports them
//! with the Bulk Data Access IG's async pattern.
//!
//! | what | where |
//! | --- | --- |
//! | each form version as a Questionnaire, each value set as a CodeSystem (pure, from the form definitions) | [`questionnaire`] |
//! | each case as an anonymised QuestionnaireResponse (pure) | [`response`] |
//! | the CapabilityStatement | [`capability`] |
//! | kick-off parameters, manifest, file names (pure) | [`export`] |
//! | export jobs: kick-off, the background run, streaming a file | [`jobs`] |
//! | the job tables | [`store`], [`schema`] |
//! | HTTP, and the one error type answering OperationOutcome | [`handlers`], [`FhirError`], `docs` |

pub mod capability;
pub mod docs;
mod error;
pub mod export;
pub mod handlers;
pub mod jobs;
pub mod questionnaire;
pub mod response;
pub mod schema;
pub mod store;

use actix_web::web;

pub use error::FhirError;

pub const FHIR_VERSION: &str = "4.0.1";
pub const FHIR_JSON: &str = "application/fhir+json";
pub const FHIR_NDJSON: &str = "application/fhir+ndjson";

/// The `/fhir` routes; anything else under `/fhir` is an OperationOutcome too.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/fhir")
            .route("/metadata", web::get().to(handlers::metadata))
            .route("/Questionnaire", web::get().to(handlers::questionnaires))
            .route("/Questionnaire/{id}", web::get().to(handlers::questionnaire))
            .route("/CodeSystem", web::get().to(handlers::code_systems))
            .route("/CodeSystem/{id}", web::get().to(handlers::code_system))
            .route("/QuestionnaireResponse/{id}", web::get().to(handlers::questionnaire_response))
            .service(
                web::resource("/Group/{registry}/$export")
                    .route(web::get().to(handlers::export_get))
                    .route(web::post().to(handlers::export_post)),
            )
            .service(
                web::resource("/bulk-status/{job}")
                    .route(web::get().to(handlers::export_status))
                    .route(web::delete().to(handlers::export_cancel)),
            )
            .route("/bulk-files/{job}/{file}", web::get().to(handlers::export_file))
            .default_service(web::to(handlers::unmatched)),
    );
}
