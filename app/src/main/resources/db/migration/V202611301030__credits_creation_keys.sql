-- Retry-safe creation of restoration proposals and development projects (issue 6, creditsreg): the
-- registry request id derived from the caller and its Idempotency-Key, and the SHA-256 of the request
-- body. The same key again with the same body answers the stored project (same id, nothing new stored);
-- with another body it is refused (422 idempotency.key-reused). Rows made before this migration have none.
alter table credit_project add column request_id uuid unique, add column request_hash char(64);
alter table credit_development add column request_id uuid unique, add column request_hash char(64);
