-- The double-entry ledger (module money, rules in the pure module ledger). Amounts are bigint counts of
-- the asset's smallest unit (fen for CNY), never numeric or floating point.
--   ledger_account   definition of an account; immutable except closing (closed false → true)
--   ledger_balance   the four balances of an account; the only rows whose amounts change
--   ledger_transfer  append-only journal: applied transfers and remembered STATE rejections
--   ledger_pending   status of each applied pending transfer; leaves PENDING exactly once
--   money_account    the division an account belongs to (data scope) and its display name

create table ledger_account (
    id          uuid        primary key,
    seq         bigint      generated always as identity unique,   -- opening order
    asset_code  text        not null,
    asset_scale integer     not null check (asset_scale between 0 and 18),
    owner       text        not null,
    purpose     text        not null,
    flags       text        not null,                              -- sorted AccountFlag names except CLOSED, comma-separated
    closed      boolean     not null default false,
    opened_at   timestamptz not null
);

create table ledger_balance (
    account_id      uuid    primary key references ledger_account (id),
    debits_pending  bigint  not null check (debits_pending >= 0),
    debits_posted   bigint  not null check (debits_posted >= 0),
    credits_pending bigint  not null check (credits_pending >= 0),
    credits_posted  bigint  not null check (credits_posted >= 0),
    -- Copies of the account's limit flags, so that the database itself refuses an overdraft even if
    -- the engine had a bug (belt and braces; the engine answers EXCEEDS_CREDITS / EXCEEDS_DEBITS first).
    no_overdraft    boolean not null,
    no_credit_excess boolean not null,
    constraint ledger_balance_no_overdraft
        check (not no_overdraft or debits_pending + debits_posted <= credits_posted),
    constraint ledger_balance_no_credit_excess
        check (not no_credit_excess or credits_pending + credits_posted <= debits_posted)
);

create table ledger_transfer (
    id                uuid        primary key,
    seq               bigint      generated always as identity unique,  -- application order
    result            text        not null,              -- OK, or the STATE ResultCode remembered for a retry
    request           text        not null,              -- the request as sent, canonical JSON (idempotency)
    debit_account_id  uuid        references ledger_account (id),
    credit_account_id uuid        references ledger_account (id),
    amount            bigint      check (amount > 0),
    asset_code        text,
    asset_scale       integer,
    code              text,
    refs              text,                               -- references, canonical JSON object
    flags             text,                               -- sorted TransferFlag names, comma-separated
    pending_id        uuid,                               -- post/void: the pending transfer it resolves
    reverses          uuid,                               -- reversal: the transfer it corrects
    expires_at        timestamptz,
    at                timestamptz not null,
    constraint ledger_transfer_applied_complete check (
        (result = 'OK') = (debit_account_id is not null and credit_account_id is not null and amount is not null
                           and asset_code is not null and asset_scale is not null and code is not null
                           and refs is not null and flags is not null)),
    constraint ledger_transfer_two_accounts check (debit_account_id <> credit_account_id)
);
-- A pending transfer is resolved at most once, a transfer reversed at most once: enforced by the database.
create unique index ledger_transfer_pending_once on ledger_transfer (pending_id) where pending_id is not null;
create unique index ledger_transfer_reversed_once on ledger_transfer (reverses) where reverses is not null;
create index ledger_transfer_debit on ledger_transfer (debit_account_id, seq) where debit_account_id is not null;
create index ledger_transfer_credit on ledger_transfer (credit_account_id, seq) where credit_account_id is not null;

create table ledger_pending (
    transfer_id uuid        primary key references ledger_transfer (id),
    status      text        not null check (status in ('PENDING', 'POSTED', 'VOIDED', 'EXPIRED')),
    expires_at  timestamptz
);
create index ledger_pending_due on ledger_pending (expires_at, transfer_id) where status = 'PENDING';

create table money_account (
    account_id    uuid primary key references ledger_account (id),
    division_code text not null check (division_code ~ '^(\d{4}|\d{6}|\d{9}|\d{12})$'),
    name          text not null
);
create index money_account_division on money_account (division_code text_pattern_ops);

-- Append-only journal: no UPDATE, no DELETE, ever. Corrections are reversing transfers.
create function ledger_transfer_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'ledger_transfer is append-only (% refused)', tg_op using errcode = 'P0001';
end $$;
create trigger ledger_transfer_immutable before update or delete on ledger_transfer
    for each row execute function ledger_transfer_immutable();

-- An account's definition never changes; the only update allowed closes it.
create function ledger_account_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and not old.closed and new.closed
       and (new.id, new.seq, new.asset_code, new.asset_scale, new.owner, new.purpose, new.flags, new.opened_at)
           = (old.id, old.seq, old.asset_code, old.asset_scale, old.owner, old.purpose, old.flags, old.opened_at) then
        return new;
    end if;
    raise exception 'ledger_account is immutable except closing (% refused)', tg_op using errcode = 'P0001';
end $$;
create trigger ledger_account_immutable before update or delete on ledger_account
    for each row execute function ledger_account_immutable();

-- A pending status leaves PENDING exactly once; rows are never deleted.
create function ledger_pending_once() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.status = 'PENDING' and new.status <> 'PENDING'
       and new.transfer_id = old.transfer_id and new.expires_at is not distinct from old.expires_at then
        return new;
    end if;
    raise exception 'ledger_pending resolves once (% refused)', tg_op using errcode = 'P0001';
end $$;
create trigger ledger_pending_once before update or delete on ledger_pending
    for each row execute function ledger_pending_once();

create function ledger_balance_kept() returns trigger language plpgsql as $$
begin
    raise exception 'ledger_balance rows are never deleted' using errcode = 'P0001';
end $$;
create trigger ledger_balance_kept before delete on ledger_balance
    for each row execute function ledger_balance_kept();
