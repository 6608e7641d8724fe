-- Transfers of operating rights (流转, V3) with their contract, rent schedule terms and approval path.
create table eledger_approval_path (
    county_code text primary key check (county_code ~ '^\d{6}$'),
    steps       text[] not null check (cardinality(steps) between 1 and 3),  -- of village, town, county
    updated_by  text not null,
    updated_at  timestamptz not null
);

create table eledger_transfer (
    id                   text primary key,        -- ULID
    village_code         text not null,
    resource_id          text not null references eledger_resource (id),
    parent_right_id      text not null,
    transferor_party_id  text not null references eledger_party (id),
    transferee_party_id  text not null references eledger_party (id),
    term_from            date not null,
    term_to              date not null check (term_to > term_from),
    annual_rent_fen      bigint not null check (annual_rent_fen >= 0),
    escalation_bp        int not null default 0 check (escalation_bp between 0 and 10000),  -- basis points
    escalation_every_years int not null default 1 check (escalation_every_years >= 1),
    payment_day          text not null check (payment_day ~ '^\d{2}-\d{2}$'),   -- MM-dd of each rent year
    channel              text not null check (channel in ('online', 'offline')),
    contract_number      text not null,
    status               text not null check (status in ('pending', 'approved', 'rejected')),
    steps                text[] not null,
    step_index           int not null default 0,
    applicant            text not null,
    created_at           timestamptz not null,
    decided_at           timestamptz,
    operating_right_id   text,
    rejection_code       text,
    note                 text not null default ''
);
create index eledger_transfer_village on eledger_transfer (village_code, status);

create table eledger_transfer_task (
    id           bigserial primary key,
    transfer_id  text not null references eledger_transfer (id),
    step         int not null,
    level        text not null check (level in ('village', 'town', 'county')),
    division_code text not null,                 -- the village, town or county that decides this step
    due_on       date not null,
    status       text not null check (status in ('open', 'approved', 'rejected')),
    decided_by   text,
    decided_at   timestamptz,
    note         text not null default '',
    unique (transfer_id, step)
);
create index eledger_transfer_task_open on eledger_transfer_task (division_code) where status = 'open';
