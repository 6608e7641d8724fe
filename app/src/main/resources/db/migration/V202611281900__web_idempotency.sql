-- Idempotency-Key answers (module web): one row per (actor, key), kept liangshan.web.idempotency-ttl.
create table web_idempotency (
    actor        text        not null,
    idem_key     text        not null,
    method       text        not null,
    path         text        not null,
    request_hash text        not null,                 -- SHA-256 hex of method, path, query, content type, body
    state        text        not null check (state in ('in_progress', 'done')),
    status       integer,
    content_type text,
    location     text,
    body         bytea,                                -- null when the answer held a one-time secret (no-store)
    created_at   timestamptz not null,
    completed_at timestamptz,
    primary key (actor, idem_key)
);
create index web_idempotency_created on web_idempotency (created_at);
