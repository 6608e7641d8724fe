-- e-ledger session 4: ending a right early flags the rights derived from it (rights-and-money.md,
-- registry rule 6 "revoking a parent flags its children"), and registry records imported from a
-- reconciliation report.

-- One open question per derived right (or restriction) that outlives a parent ended early: the
-- village must end it, or resolve the flag with a note. Flags are never deleted; resolving sets
-- resolved_at/by once.
create table eledger_right_flag (
    id              bigserial primary key,
    right_id        text not null,                 -- the derived right (or restriction) flagged
    resource_id     text not null references eledger_resource (id),
    village_code    text not null,
    kind            text not null,                 -- the flagged right's kind
    parent_right_id text not null,                 -- the right that was ended (an ancestor)
    parent_ended_on date not null,                 -- its new end (exclusive, like valid_to)
    code            text not null,                 -- eledger.flag.parent-ended
    reason          text not null,                 -- revoked | terminated | surrendered
    raised_by       text not null,
    raised_at       timestamptz not null,
    resolved_by     text,
    resolved_at     timestamptz,
    resolution      text
);
create index eledger_right_flag_open on eledger_right_flag (resource_id) where resolved_at is null;
create index eledger_right_flag_village on eledger_right_flag (village_code, raised_at);
create index eledger_right_flag_right on eledger_right_flag (right_id) where resolved_at is null;

-- A reconciliation's "missing here" records may be imported once (all or nothing).
alter table eledger_registry_reconciliation add column imported_at timestamptz;
alter table eledger_registry_reconciliation add column imported_by text;
