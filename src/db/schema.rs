//! The tables, written once for both backends (see migrations/sqlite and migrations/postgres).

diesel::table! {
    users (id) {
        id -> Text,
        username -> Text,
        password_hash -> Text,
        role -> Text,
        registries -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    revoked_tokens (jti) {
        jti -> Text,
        revoked_at -> Timestamp,
    }
}

diesel::table! {
    rate_limits (key) {
        key -> Text,
        window_start -> Timestamp,
        count -> Integer,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor -> Text,
        action -> Text,
        object_type -> Text,
        object_id -> Nullable<Text>,
        request_id -> Nullable<Text>,
    }
}

diesel::table! {
    idempotency_keys (subject, key) {
        subject -> Text,
        key -> Text,
        request_hash -> Text,
        status -> Integer,
        location -> Nullable<Text>,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    cases (id) {
        id -> Text,
        registry -> Text,
        form_version -> Text,
        submitter -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        withdrawn_at -> Nullable<Timestamp>,
        withdrawal_reason -> Nullable<Text>,
        record_key -> Nullable<Text>,
        confirmed -> Nullable<Bool>,
        diagnosis_basis -> Nullable<Text>,
        diagnosis_period -> Nullable<Text>,
        covid_severity -> Nullable<SmallInt>,
        hospitalised -> Nullable<Bool>,
        icu -> Nullable<Bool>,
        died -> Nullable<Bool>,
        age_years -> Nullable<SmallInt>,
        age_top_coded -> Nullable<Bool>,
        age_band -> Nullable<Text>,
        sex -> Nullable<Text>,
        country -> Nullable<Text>,
        bmi -> Nullable<Double>,
        treatment_category -> Nullable<Text>,
        comorbidity_count -> Nullable<SmallInt>,
        severity_before -> Nullable<Text>,
        flare_after -> Nullable<Text>,
        case_type -> Nullable<Text>,
    }
}

diesel::table! {
    case_documents (case_id) {
        case_id -> Text,
        form -> Text,
        derived -> Text,
    }
}

diesel::table! {
    case_facets (case_id, name, value) {
        case_id -> Text,
        registry -> Text,
        created_at -> Timestamp,
        name -> Text,
        value -> Text,
        detail -> Nullable<Text>,
        covid_severity -> SmallInt,
        hospitalised -> Bool,
        died -> Bool,
    }
}

diesel::table! {
    changes (seq) {
        seq -> BigInt,
        case_id -> Text,
        registry -> Text,
        kind -> Text,
        at -> Timestamp,
        /// Order of the change feed (see src/sync/feed.rs): the writing transaction's id on PostgreSQL, 0 on SQLite.
        txid -> BigInt,
    }
}

diesel::joinable!(case_facets -> cases (case_id));
diesel::joinable!(case_documents -> cases (case_id));
diesel::allow_tables_to_appear_in_same_query!(cases, case_documents, case_facets, changes, releases);

diesel::table! {
    releases (id) {
        id -> Text,
        registry -> Text,
        number -> Integer,
        created_at -> Timestamp,
        cut_off -> Timestamp,
        n -> BigInt,
        k -> Integer,
        etag -> Text,
        document -> Text,
        cells -> Text,
    }
}
