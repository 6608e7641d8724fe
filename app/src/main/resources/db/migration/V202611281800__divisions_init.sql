-- Administrative divisions of Quzhou (NBS 2023 statistical division codes) and their boundaries.
-- Owned by the divisions module; filled on first start from the shipped files (DivisionsInitializer).

create table division (
    code        varchar(12) primary key check (code ~ '^([0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'),
    name        text not null,
    level       text not null check (level in ('city', 'county', 'town', 'village')),
    -- village-level units only: 'village' (村民委员会) or 'community' (居民委员会 and similar)
    kind        text check (kind in ('village', 'community')),
    -- null for the city, whose province (33) is outside this data
    parent_code varchar(12) references division (code),
    check ((level = 'village') = (kind is not null)),
    check ((level = 'city') = (parent_code is null))
);
create index division_parent_idx on division (parent_code);

create table division_boundary (
    code          varchar(12) primary key references division (code),
    -- Polygon or MultiPolygon as WKB, EPSG:4549 (CGCS2000 3-degree Gauss-Kruger CM 120E), metres,
    -- coordinates on a 1 cm grid (decision 0003)
    geometry_wkb  bytea not null,
    -- planar area of the geometry in EPSG:4549, m²
    area_m2       double precision not null check (area_m2 > 0),
    source        text not null check (source in ('generated', 'imported')),
    -- generated boundaries are illustrative (示意) and must be shown as such
    illustrative  boolean not null,
    -- where the geometry came from (file, generator version and seed, importing user)
    provenance    text not null,
    updated_at    timestamptz not null,
    check (source = 'generated' or not illustrative)
);
