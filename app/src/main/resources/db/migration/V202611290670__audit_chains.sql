-- Audit log (module audit): from one hash chain to 16 parallel chains (docs/decisions/audit-chains.md).
-- One chain head locked by every writer until commit serialised all writers of the platform. Now a writer
-- locks any free head (SELECT … FOR UPDATE SKIP LOCKED), so up to 16 transactions append at once; each
-- chain is linear and gapless by itself, and each record names its chain and its predecessor's seq.
--
-- Existing records stay as written: chain and prev_seq NULL mean chain 1 with predecessor seq - 1, hashed
-- in the first format (AuditHash). Chain 1's head continues the existing chain.

alter table audit_log add column chain integer check (chain between 1 and 16);
alter table audit_log add column prev_seq bigint check (prev_seq >= 0 and prev_seq < seq);
alter table audit_log add constraint audit_log_chain_complete check ((chain is null) = (prev_seq is null));

-- seq stays unique and increasing within each chain (it is taken while the chain head is locked); across
-- chains it orders records by when they were appended. A rolled-back append leaves a hole in the sequence,
-- never in a chain: chains are linked by prev_seq, not by seq + 1.
create sequence audit_log_seq;
select setval('audit_log_seq', coalesce((select max(seq) from audit_log), 0) + 1, false);

-- records: how many records the chain holds (verification compares it with what it finds).
drop trigger audit_head_forward on audit_chain_head;
alter table audit_chain_head add column records bigint;
update audit_chain_head set records = last_seq;
alter table audit_chain_head alter column records set not null;
alter table audit_chain_head drop constraint audit_chain_head_id_check;
alter table audit_chain_head add constraint audit_chain_head_id_check check (id between 1 and 16);
insert into audit_chain_head (id, last_seq, last_hash, records)
select id, 0, repeat('0', 64), 0 from generate_series(2, 16) as id;

-- A head only moves forward by one record at a time, is never deleted, and no head is added.
create or replace function audit_head_forward_only() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' or new.id <> old.id or new.records <> old.records + 1 or new.last_seq <= old.last_seq then
        raise exception 'audit chain head only advances by one record';
    end if;
    return new;
end
$$;
create trigger audit_head_forward
    before update or delete on audit_chain_head
    for each row execute function audit_head_forward_only();
create function audit_head_fixed() returns trigger language plpgsql as $$
begin
    raise exception 'audit chain heads are fixed: % rejected', tg_op;
end
$$;
create trigger audit_head_no_insert
    before insert on audit_chain_head
    for each row execute function audit_head_fixed();
