-- One covering index per row dimension of the summary tables (src/summary/tables.rs): each release
-- query then reads a narrow index in group order instead of sorting the whole table.
CREATE INDEX cases_sum_period ON cases (registry, diagnosis_period, confirmed, withdrawn_at, created_at);
CREATE INDEX cases_sum_country ON cases (registry, country, withdrawn_at, created_at);
CREATE INDEX cases_sum_age_sex ON cases (registry, age_band, sex, withdrawn_at, created_at);
CREATE INDEX cases_sum_category ON cases (registry, treatment_category, covid_severity, hospitalised, died, withdrawn_at, created_at);
CREATE INDEX cases_sum_comorbidity ON cases (registry, comorbidity_count, hospitalised, withdrawn_at, created_at);
CREATE INDEX cases_sum_severity_before ON cases (registry, severity_before, covid_severity, withdrawn_at, created_at);
CREATE INDEX cases_sum_flare ON cases (registry, flare_after, withdrawn_at, created_at);
CREATE INDEX cases_sum_form_version ON cases (registry, form_version, withdrawn_at, created_at);
CREATE INDEX case_facets_sum ON case_facets (registry, name, value, detail, covid_severity, hospitalised, died, created_at);
DROP INDEX case_facets_registry_name;
