DROP TRIGGER audit_log_no_change ON audit_log;
DROP TABLE idempotency_keys;
DROP TABLE audit_log;
DROP TABLE rate_limits;
DROP TABLE revoked_tokens;
DROP TABLE users;
DROP FUNCTION audit_log_append_only();
