//! The tables of FHIR Bulk Data export (migrations/*/2026-12-05-000001_fhir_export).

use crate::db::schema::{case_documents, cases, changes};

diesel::table! {
    export_jobs (id) {
        id -> Text,
        registry -> Text,
        requester -> Text,
        request -> Text,
        since -> Nullable<Timestamp>,
        transaction_time -> Timestamp,
        cursor_txid -> Nullable<BigInt>,
        cursor_seq -> Nullable<BigInt>,
        status -> Text,
        progress -> BigInt,
        heartbeat -> Timestamp,
        created_at -> Timestamp,
    }
}

diesel::table! {
    export_members (job_id, kind, case_id) {
        job_id -> Text,
        kind -> Text,
        case_id -> Text,
    }
}

diesel::table! {
    export_files (job_id, kind, number) {
        job_id -> Text,
        kind -> Text,
        number -> Integer,
        after_id -> Text,
        last_id -> Text,
        count -> BigInt,
    }
}

diesel::allow_tables_to_appear_in_same_query!(export_members, cases);
diesel::allow_tables_to_appear_in_same_query!(export_members, case_documents);
diesel::allow_tables_to_appear_in_same_query!(export_jobs, changes);
