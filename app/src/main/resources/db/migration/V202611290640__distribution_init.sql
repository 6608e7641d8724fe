-- Leases of eco asset packages to the cooperative, projects with cap tables and dividends, village
-- shareholder registers and distribution runs (module distribution). Money amounts are bigint fen;
-- the money itself moves in the ledger (module money) under the transfer ids stored here.
-- Ids of other modules (packages, parties) are kept without foreign keys: modules do not share tables.

create table dist_lease (
    id                          text primary key,                 -- ULID
    package_id                  text not null unique,             -- eledger package (one lease per package)
    village_code                text not null check (village_code ~ '^\d{12}$'),
    county_code                 text not null check (county_code ~ '^\d{6}$'),
    lessee_party_id             text not null,
    contract_number             text not null,
    term_from                   date not null,
    term_to                     date not null check (term_to > term_from),
    annual_rent_fen             bigint not null check (annual_rent_fen > 0),
    escalation_bp               integer not null check (escalation_bp between 0 and 10000),
    escalation_every_years      integer not null check (escalation_every_years >= 1),
    payment_day                 text not null check (payment_day ~ '^\d\d-\d\d$'),
    option_valuation_fen        bigint check (option_valuation_fen > 0),
    option_price_per_share_fen  bigint check (option_price_per_share_fen > 0),
    status                      text not null check (status in ('active', 'converted')),
    created_by                  text not null,
    created_at                  timestamptz not null,
    check ((option_valuation_fen is null) = (option_price_per_share_fen is null))
);
create index dist_lease_village on dist_lease (village_code text_pattern_ops);

create table dist_rent_payment (
    id          text primary key,
    lease_id    text not null references dist_lease (id),
    year        integer not null,
    due_on      date not null,
    amount_fen  bigint not null check (amount_fen > 0),
    transfer_id uuid not null unique,
    paid_by     text not null,
    paid_at     timestamptz not null,
    unique (lease_id, year)
);

create table dist_project (
    id                      text primary key,
    name                    text not null,
    county_code             text not null check (county_code ~ '^\d{6}$'),
    policy_kind             text not null check (policy_kind in ('guaranteed', 'profit', 'max')),
    minimum_per_share_fen   bigint,
    minimum_per_period_fen  bigint,
    profit_share_pct        numeric(5, 2),
    created_by              text not null,
    created_at              timestamptz not null
);
create index dist_project_county on dist_project (county_code);

-- Cap table: who holds how many shares of a project; an option conversion adds a village's entry.
create table dist_cap_entry (
    id            text primary key,
    project_id    text not null references dist_project (id),
    holder_kind   text not null check (holder_kind in ('village', 'investor')),
    holder_id     text not null,                   -- village code or party id
    shares        bigint not null check (shares > 0),
    source        text not null check (source in ('option', 'investment')),
    lease_id      text unique references dist_lease (id),
    valuation_fen bigint,
    residual_fen  bigint check (residual_fen >= 0),
    recorded_by   text not null,
    recorded_at   timestamptz not null,
    check ((source = 'option') = (lease_id is not null))
);
create index dist_cap_entry_project on dist_cap_entry (project_id);

create table dist_dividend (
    id          text primary key,
    project_id  text not null references dist_project (id),
    period      text not null,
    profit_fen  bigint not null,
    total_fen   bigint not null check (total_fen >= 0),
    status      text not null check (status in ('declared', 'paid')),
    declared_by text not null,
    declared_at timestamptz not null,
    paid_by     text,
    paid_at     timestamptz,
    unique (project_id, period)
);

create table dist_dividend_line (
    dividend_id    text not null references dist_dividend (id),
    line_no        integer not null,
    holder_kind    text not null,
    holder_id      text not null,
    village_code   text,                            -- for village holders (scope, statements)
    shares         bigint not null,
    guaranteed_fen bigint not null,
    profit_fen     bigint not null,
    amount_fen     bigint not null check (amount_fen >= 0),
    transfer_id    uuid,                            -- null when the amount is 0
    primary key (dividend_id, line_no)
);
create index dist_dividend_line_village on dist_dividend_line (village_code) where village_code is not null;

create table dist_register (
    village_code text primary key check (village_code ~ '^\d{12}$'),
    version      integer not null,
    updated_by   text not null,
    updated_at   timestamptz not null
);

create table dist_register_household (
    village_code text not null references dist_register (village_code),
    party_id     text not null,
    name         text not null,
    shares       bigint not null check (shares >= 0),
    low_income   boolean not null,
    primary key (village_code, party_id)
);

create table dist_run (
    id                    text primary key,
    village_code          text not null check (village_code ~ '^\d{12}$'),
    kind                  text not null check (kind in ('distribution', 'reversal')),
    reverses              text unique references dist_run (id),   -- a run is reversed at most once
    period                text not null,
    amount_fen            bigint not null check (amount_fen > 0),
    retention_pct         numeric(5, 2) not null,
    retention_cap_fen     bigint,
    retention_fen         bigint not null check (retention_fen >= 0),
    distributed_fen       bigint not null check (distributed_fen >= 0),
    priority_minimum_fen  bigint,
    priority_weight_pct   numeric(7, 2),
    sources               jsonb not null default '[]',
    status                text not null check (status in ('previewed', 'approved', 'posted')),
    households            integer not null,
    register_version      integer not null,
    prepared_by           text not null,
    prepared_at           timestamptz not null,
    approved_by           text,
    approved_at           timestamptz,
    posted_by             text,
    posted_at             timestamptz,
    note                  text,
    retention_transfer_id uuid,
    check (retention_fen + distributed_fen = amount_fen),
    check (approved_by is null or approved_by <> prepared_by),
    check ((kind = 'reversal') = (reverses is not null))
);
create index dist_run_village on dist_run (village_code text_pattern_ops, prepared_at);

create table dist_run_line (
    run_id       text not null references dist_run (id),
    line_no      integer not null,
    party_id     text not null,
    shares       bigint not null check (shares >= 0),
    low_income   boolean not null,
    priority_fen bigint not null check (priority_fen >= 0),
    amount_fen   bigint not null check (amount_fen >= 0),
    transfer_id  uuid,                            -- null when the amount is 0 (nothing posted)
    primary key (run_id, line_no)
);
create index dist_run_line_party on dist_run_line (party_id);

-- A posted run is final: its row and lines never change again, and nothing of a run is ever deleted.
create function dist_run_final() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.status = 'posted' then
        raise exception 'dist_run % is final (posted runs are corrected by a reversing run)', old.id;
    end if;
    return new;
end $$;
create trigger dist_run_final before update or delete on dist_run
    for each row execute function dist_run_final();

create function dist_run_line_final() returns trigger language plpgsql as $$
begin
    raise exception 'dist_run_line rows are written once';
end $$;
create trigger dist_run_line_final before update or delete on dist_run_line
    for each row execute function dist_run_line_final();
