-- GEP runs (background jobs) and their results per village, year and indicator (issue 3 item 5).
-- A run's results are written in the same transaction that marks it succeeded, replacing the rows
-- of the same (village, year); a failed or cancelled run has no gep_result rows.
create table gep_run (
    id             text primary key,            -- ULID
    status         text not null check (status in ('queued', 'running', 'cancelling', 'succeeded', 'failed', 'cancelled')),
    year           int  not null check (year between 1990 and 2100),
    params_id      text not null,
    inputs_name    text not null,
    scope_code     text not null,               -- county (6) or city (4) whose villages were run
    stage          text,
    done           int  not null default 0,
    total          int  not null default 0,
    created_by     text not null,
    created_at     timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    villages       int,
    total_yuan     numeric(20, 2),
    method_edition text,
    problems       jsonb not null default '[]',
    provenance     jsonb
);
create index gep_run_created on gep_run (created_at desc);

create table gep_result (
    village_code  text not null,
    year          int  not null,
    indicator     text not null,                -- spec id, e.g. water_conservation
    run_id        text not null references gep_run (id),
    service_class text not null check (service_class in ('provisioning', 'regulating', 'cultural')),
    quantity      numeric(24, 3),               -- null when the outputs do not share one unit
    unit          text,
    value_yuan    numeric(20, 2) not null,
    primary key (village_code, year, indicator)
);
create index gep_result_year on gep_result (year, village_code);
create index gep_result_run on gep_result (run_id);
