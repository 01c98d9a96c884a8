DROP TABLE idempotency_keys;
DROP TABLE audit_log;
DROP TABLE rate_limits;
DROP TABLE revoked_tokens;
DROP TABLE users;
