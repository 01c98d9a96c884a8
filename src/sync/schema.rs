//! The tables of partner sync (migrations/*/2026-11-27-000001_partner_sync).

use crate::db::schema::{case_documents, cases, changes};

diesel::table! {
    /// One row: this instance's id, the origin of its own cases in the change feed.
    instance (id) {
        id -> Text,
    }
}

diesel::table! {
    /// Where a mirrored case was first entered.
    case_origins (case_id) {
        case_id -> Text,
        origin_instance -> Text,
        origin_case_id -> Text,
    }
}

diesel::table! {
    /// The source feed's cursor after the last page `dermreg sync pull` applied.
    sync_cursors (source, registry) {
        source -> Text,
        registry -> Text,
        cursor -> Text,
        updated_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(case_origins, cases);
diesel::allow_tables_to_appear_in_same_query!(case_origins, changes);
diesel::allow_tables_to_appear_in_same_query!(case_origins, case_documents);
