-- Flyway migration naming: V<yyyyMMddHHmm>__<module>_<what>.sql so that modules never collide.
-- Each module owns the tables it creates; no cross-module joins (STYLE.md §11).

-- Facts about this installation (instance id, first-start time, demo data loaded ...).
create table platform_setting (
    key        text primary key,
    value      text not null,
    updated_at timestamptz not null default now()
);
