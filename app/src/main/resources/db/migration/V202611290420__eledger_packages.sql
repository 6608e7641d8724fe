-- Eco asset packages (生态资产包): resources whose operating rights are secured for a term, bundled
-- for the cooperative. status: draft -> title_checked -> offered -> leased.
create table eledger_package (
    id            text primary key,                 -- ULID
    village_code  text not null check (village_code ~ '^\d{12}$'),
    name          text not null,
    term_from     date not null,
    term_to       date not null check (term_to > term_from),
    status        text not null check (status in ('draft', 'title_checked', 'offered', 'leased')),
    lessee_party_id text references eledger_party (id),
    version       int not null default 1,
    created_by    text not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index eledger_package_village on eledger_package (village_code, status);

create table eledger_package_item (
    package_id  text not null references eledger_package (id),
    resource_id text not null references eledger_resource (id),
    primary key (package_id, resource_id)
);
create index eledger_package_item_resource on eledger_package_item (resource_id);
