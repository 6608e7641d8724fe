-- Users, API tokens and login failures (module identity).
create table identity_user (
    id                   bigserial   primary key,
    username             text        not null unique,        -- lower case
    display_name         text        not null,
    password_hash        text        not null,               -- bcrypt ($2a$, cost 12); never the password
    roles                text        not null,               -- comma-separated Role names, sorted
    scope_code           text        not null check (scope_code ~ '^3308([0-9]{2}|[0-9]{5}|[0-9]{8})?$'),
    enabled              boolean     not null default true,
    must_change_password boolean     not null default false,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);
create index identity_user_scope on identity_user (scope_code text_pattern_ops);

create table identity_api_token (
    id           bigserial   primary key,
    user_id      bigint      not null references identity_user (id) on delete cascade,
    name         text        not null,
    token_hash   text        not null unique,                -- SHA-256 hex of the token; the token is shown once
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index identity_api_token_user on identity_api_token (user_id);

-- Failed sign-ins per (username, client address), for throttling; rows older than the window are purged.
create table identity_login_failure (
    id         bigserial   primary key,
    username   text        not null,
    client_ip  text        not null,
    at         timestamptz not null
);
create index identity_login_failure_key on identity_login_failure (username, client_ip, at);
