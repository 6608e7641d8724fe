-- Module credits (eco credits, 生态积分): the persistence of the pure registry core liangshan.ledger.credits.
-- Balances are NOT here: they live in the money module's ledger (ECO_CREDIT and CNY accounts).
--   credit_policy        versioned policies (multiplier, matching, stacking, buffer, revenue-share rule)
--   credit_party         eco-credit account holders (village collectives, cooperatives, enterprises, pools)
--   credit_party_member  users (enterprises) acting for a party
--   credit_pool          county reserve pools and their published price
--   credit_project       the restoration reserve library (储备库): proposals, review, estimate
--   credit_release       release proposals (maker) and approvals (checker)
--   credit_development   development projects, their Δ regulating value and obligation
--   credit_command       every registry command and its first answer (idempotency, replay source)
--   credit_history       the registry's hash chain of applied commands (append-only)
--   credit_register      the public register (公示), one row per issuance, transfer, sale, retirement

create table credit_policy (
    version            text primary key,
    multiplier         numeric(12, 6) not null check (multiplier > 0),
    same_county        boolean not null,
    match_service_type boolean not null,
    stacking           text not null check (stacking in ('NONE', 'WITH_CARBON_SINK', 'ALL')),
    buffer_bp          integer not null check (buffer_bp between 0 and 10000),
    rule_version       text not null,
    village_bp         integer not null check (village_bp >= 0),
    households_bp      integer not null check (households_bp >= 0),
    operator_bp        integer not null check (operator_bp >= 0),
    funds_bp           integer not null check (funds_bp >= 0),
    created_by         text not null,
    created_at         timestamptz not null,
    check (village_bp + households_bp + operator_bp + funds_bp = 10000)
);

create table credit_party (
    id            text primary key,
    name          text not null,
    type          text not null check (type in ('village_collective', 'cooperative', 'enterprise', 'county_pool')),
    county_code   text not null check (county_code ~ '^\d{6}$'),
    division_code text not null check (division_code ~ '^(\d{6}|\d{9}|\d{12})$'),
    created_by    text not null,
    created_at    timestamptz not null
);
create index credit_party_division on credit_party (division_code text_pattern_ops);
create unique index credit_party_one_pool on credit_party (county_code) where type = 'county_pool';

create table credit_party_member (
    party_id text not null references credit_party (id),
    username text not null,
    primary key (party_id, username)
);

create table credit_pool (
    county_code          text primary key,
    party_id             text not null unique references credit_party (id),
    price_fen_per_credit bigint not null check (price_fen_per_credit >= 0)
);

create table credit_project (
    id             text primary key,
    name           text not null,
    kind           text not null check (kind in ('GOVERNMENT', 'VILLAGE', 'ENTERPRISE')),
    county_code    text not null,
    division_code  text not null,
    owner_party    text not null references credit_party (id),
    sponsor        text not null,
    cost_fen       bigint not null check (cost_fen >= 0),
    footprint      text not null,                  -- GeoJSON as given (EPSG:4490)
    footprint_wkb  bytea not null,                 -- JTS WKB in EPSG:4549 (metres), for the overlap check
    min_x          double precision not null,      -- bbox of footprint_wkb (metres, not money)
    min_y          double precision not null,
    max_x          double precision not null,
    max_y          double precision not null,
    area_m2        numeric(16, 2) not null,
    change         jsonb not null,
    period_from    date not null,
    period_to      date not null check (period_to >= period_from),
    service_type   text,
    carbon_sink    boolean not null,
    milestones     jsonb not null,
    status         text not null check (status in ('proposed', 'rejected', 'approved', 'estimated')),
    policy_version text not null references credit_policy (version),
    proposed_by    text not null,
    proposed_at    timestamptz not null,
    reviewed_by    text,
    reviewed_at    timestamptz,
    review_note    text,
    batch_id       text unique,
    estimate       jsonb
);
create index credit_project_division on credit_project (division_code text_pattern_ops);
create index credit_project_bbox on credit_project (min_x, max_x) where status in ('approved', 'estimated');

create table credit_release (
    id             text primary key,
    project_id     text not null references credit_project (id),
    milestone_code text not null,
    maker          text not null,
    checker        text check (checker is null or checker <> maker),
    proposed_at    timestamptz not null,
    approved_at    timestamptz
);
create index credit_release_project on credit_release (project_id);

create table credit_development (
    id               text primary key,
    name             text not null,
    county_code      text not null,
    division_code    text not null,
    developer_party  text not null references credit_party (id),
    footprint        text not null,
    change           jsonb not null,
    delta_fen        bigint not null,
    obligation_id    text unique,
    policy_version   text not null references credit_policy (version),
    price_set_id     text not null,
    provenance       jsonb not null,
    created_by       text not null,
    created_at       timestamptz not null
);
create index credit_development_division on credit_development (division_code text_pattern_ops);

create table credit_command (
    seq        bigint generated always as identity unique,
    request_id uuid primary key,
    kind       text not null,
    command    jsonb not null,
    code       text not null,
    ledger_code text,
    units      bigint not null,
    actor      text not null,
    at         timestamptz not null
);

create table credit_history (
    sequence      bigint primary key,
    at            timestamptz not null,
    request_id    uuid not null unique references credit_command (request_id),
    kind          text not null,
    payload       text not null,
    movements     jsonb not null,
    previous_hash char(64) not null,
    hash          char(64) not null unique
);

create table credit_register (
    id                   bigint generated always as identity primary key,
    kind                 text not null check (kind in ('ISSUANCE', 'TRANSFER', 'SALE', 'POOL_SALE', 'RETIREMENT', 'CANCELLATION')),
    request_id           uuid not null references credit_history (request_id),
    at                   timestamptz not null,
    county_code          text not null,
    from_party           text,
    to_party             text,
    units                bigint not null check (units > 0),
    serials              text[] not null,
    price_fen_per_credit bigint not null check (price_fen_per_credit >= 0),
    amount_fen           bigint not null check (amount_fen >= 0),
    shares               jsonb not null,
    obligation_id        text,
    beneficiary          text,
    reason               text
);
create index credit_register_kind on credit_register (kind, county_code, id);

-- History, commands and the register are append-only: corrections are compensating commands.
create function credit_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'P0001';
end $$;
create trigger credit_history_append_only before update or delete on credit_history
    for each row execute function credit_append_only();
create trigger credit_command_append_only before update or delete on credit_command
    for each row execute function credit_append_only();
create trigger credit_register_append_only before update or delete on credit_register
    for each row execute function credit_append_only();
