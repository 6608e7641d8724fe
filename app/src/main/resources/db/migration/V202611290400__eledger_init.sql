-- Village e-ledger (issue 4): idle resources (V1), parties and bitemporal rights (V2), transfers (V3).
-- The eledger module owns these tables; village codes refer to divisions by value only (no join).
create extension if not exists btree_gist;

create table eledger_resource (
    id            text primary key,                 -- ULID
    village_code  text not null check (village_code ~ '^\d{12}$'),
    name          text not null,
    type          text not null check (type in ('mountain', 'water', 'forest', 'farmland', 'lake', 'grassland', 'house', 'mine')),
    subtype       text not null,
    use_status    text not null check (use_status in ('idle', 'semi_idle', 'low_efficiency', 'in_use')),
    condition     text not null default '',
    directions    text[] not null default '{}',    -- suitable development directions (tags)
    geometry_kind text not null check (geometry_kind in ('polygon', 'point')),
    geometry_wkb  bytea not null,                   -- EPSG:4549 metres, 1 cm grid
    area_m2       numeric(14, 2) not null check (area_m2 >= 0),  -- planar area in EPSG:4549; 0 for points
    declared_area_m2 numeric(14, 2),                -- stated area of a point resource (e.g. a house floor area)
    min_lon       double precision not null,        -- lon/lat envelope for map windows
    min_lat       double precision not null,
    max_lon       double precision not null,
    max_lat       double precision not null,
    version       int not null default 1,
    retired       boolean not null default false,
    created_by    text not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index eledger_resource_village on eledger_resource (village_code) where not retired;
create index eledger_resource_type on eledger_resource (village_code, type, use_status) where not retired;

create table eledger_party (
    id            text primary key,                 -- ULID
    village_code  text not null check (village_code ~ '^\d{12}$'),
    kind          text not null check (kind in ('household', 'collective', 'cooperative', 'enterprise', 'person')),
    name          text not null,
    id_number     text,                             -- 身份证号 / 统一社会信用代码
    members       jsonb not null default '[]',      -- household members [{name, relation}]
    created_by    text not null,
    created_at    timestamptz not null,
    version       int not null default 1
);
create index eledger_party_village on eledger_party (village_code, kind);

-- One row per (right or restriction, state, valid period, record period). Valid time is a date range
-- [valid_from, valid_to) (null valid_to = open); record time is [recorded_at, superseded_at) (null
-- superseded_at = still recorded). Rows are never updated except to set superseded_at once.
create table eledger_right_version (
    row_id        bigserial primary key,
    right_id      text not null,                    -- ULID of the right across its versions
    resource_id   text not null references eledger_resource (id),
    village_code  text not null,
    category      text not null check (category in ('right', 'restriction')),
    kind          text not null check (kind in ('ownership', 'contract', 'operating', 'homestead_eligibility',
                                                'homestead_use', 'forest', 'construction_land_use',
                                                'lease', 'pledge', 'mortgage')),
    parent_right_id text,
    rank          int,                              -- mortgage/pledge rank, unique per resource
    valid_from    date not null,
    valid_to      date,
    recorded_at   timestamptz not null,
    superseded_at timestamptz,
    holders       jsonb not null,                   -- [{partyId, numerator, denominator}]
    source        jsonb not null,                   -- {kind, number, issuer, issuedOn, scanSha256}
    note          text not null default '',
    recorded_by   text not null,
    check (valid_to is null or valid_to > valid_from),
    check (superseded_at is null or superseded_at >= recorded_at)
);
create index eledger_right_version_right on eledger_right_version (right_id) where superseded_at is null;
create index eledger_right_version_resource on eledger_right_version (resource_id);
create index eledger_right_version_village on eledger_right_version (village_code) where superseded_at is null;
-- No two currently recorded rights of the same primary kind and the same parent overlap in valid
-- time on one resource (one collective ownership, one contract, one operating right per hop of the
-- chain household -> collective -> cooperative at a time). This also serialises concurrent transfers
-- of the same parcel and period: the second insert waits for the first, then fails.
alter table eledger_right_version add constraint eledger_right_no_overlap
    exclude using gist (resource_id with =, kind with =, (coalesce(parent_right_id, '')) with =,
                        daterange(valid_from, coalesce(valid_to, 'infinity'::date)) with &&)
    where (superseded_at is null and kind in ('ownership', 'contract', 'operating'));
alter table eledger_right_version add constraint eledger_restriction_rank_unique
    exclude using gist (resource_id with =, rank with =,
                        daterange(valid_from, coalesce(valid_to, 'infinity'::date)) with &&)
    where (superseded_at is null and rank is not null);
