-- Early warning of regulating services (MISSION.md E2): rules and the alerts they raise.
-- Rules are versioned (optimistic locking) and never deleted: DELETE through the API disables.
-- An alert is unique per (rule, village, year), so re-evaluating a year never duplicates alerts.
create table gep_warning_rule (
    id            bigint generated always as identity primary key,
    county_code   text check (county_code ~ '^3308[0-9]{2}$'),   -- null = every county (city admin only)
    kind          text not null check (kind in ('yoy-drop', 'below-percentile')),
    measure       text not null check (measure in ('regulatingPerHm2', 'totalPerHm2') or measure ~ '^indicator:[a-z_]+$'),
    threshold_pct numeric(5, 1) check (threshold_pct > 0 and threshold_pct < 100),
    percentile    int check (percentile between 1 and 99),
    severity      text not null check (severity in ('info', 'warning', 'critical')),
    enabled       boolean not null default true,
    version       int not null default 1,
    name_zh       text not null,
    name_en       text not null,
    created_by    text not null,
    created_at    timestamptz not null,
    updated_by    text not null,
    updated_at    timestamptz not null,
    check ((kind = 'yoy-drop') = (threshold_pct is not null)),
    check ((kind = 'below-percentile') = (percentile is not null))
);

create table gep_alert (
    id              bigint generated always as identity primary key,
    rule_id         bigint not null references gep_warning_rule (id),
    village_code    text not null,
    county_code     text not null,
    year            int  not null,
    severity        text not null check (severity in ('info', 'warning', 'critical')),
    measure         text not null,
    value           numeric(20, 2) not null,        -- the village's measure that year, 元/hm²
    reference       numeric(20, 2) not null,        -- previous year's value (yoy-drop) or the percentile
    reference_year  int not null,
    change_pct      numeric(9, 1),                  -- yoy-drop only
    run_id          text,                           -- the run whose results raised it
    status          text not null check (status in ('open', 'acknowledged', 'resolved')),
    created_at      timestamptz not null,
    acknowledged_by text,
    acknowledged_at timestamptz,
    resolved_by     text,
    resolved_at     timestamptz,
    note            text,
    unique (rule_id, village_code, year)
);
create index gep_alert_scope on gep_alert (county_code, year);
create index gep_alert_village on gep_alert (village_code text_pattern_ops);

-- Default rules, city-wide: regulating value per hm² down more than 10 % on the previous year with
-- results → warning; below the county's 10th percentile of regulating value per hm² → info.
insert into gep_warning_rule (county_code, kind, measure, threshold_pct, percentile, severity, name_zh, name_en,
                              created_by, created_at, updated_by, updated_at)
values (null, 'yoy-drop', 'regulatingPerHm2', 10.0, null, 'warning',
        '单位面积调节服务价值同比下降超过 10%', 'Regulating value per hm² down more than 10 % year on year',
        'system', now(), 'system', now()),
       (null, 'below-percentile', 'regulatingPerHm2', null, 10, 'info',
        '单位面积调节服务价值低于本县第 10 百分位', 'Regulating value per hm² below the county''s 10th percentile',
        'system', now(), 'system', now());
