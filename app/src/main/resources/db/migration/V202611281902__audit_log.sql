-- Audit log (module audit): append-only and hash-chained. See liangshan.app.audit package-info for
-- what the triggers do and do not protect against.
create table audit_log (
    seq           bigint      primary key,          -- 1, 2, 3 … without gaps
    at            timestamptz not null,             -- microsecond precision, as hashed
    actor_id      bigint      not null,             -- identity user id, 0 for system/anonymous
    actor         text        not null,
    roles         text        not null,             -- comma-separated, sorted
    action        text        not null,
    entity_type   text        not null,
    entity_id     text        not null,
    division_code text        not null,
    before_json   jsonb,
    after_json    jsonb,
    request_id    text,
    prev_hash     text        not null,             -- hash of seq - 1; 64 zeros for seq 1
    hash          text        not null              -- SHA-256 hex over the canonical record and prev_hash
);
create index audit_log_entity on audit_log (entity_type, entity_id);
create index audit_log_division on audit_log (division_code text_pattern_ops);
create index audit_log_at on audit_log (at);

-- The chain head: writers lock this row (SELECT … FOR UPDATE), so appends are serialised and the
-- chain stays linear; verify compares it with the last record to find deletions at the end.
create table audit_chain_head (
    id        integer primary key check (id = 1),
    last_seq  bigint  not null,
    last_hash text    not null
);
insert into audit_chain_head (id, last_seq, last_hash) values (1, 0, repeat('0', 64));

create function audit_reject_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit log is append-only: % on % rejected', tg_op, tg_table_name;
end
$$;

create trigger audit_log_append_only
    before update or delete on audit_log
    for each row execute function audit_reject_change();
create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_reject_change();

-- The head only moves forward one record at a time and is never deleted.
create function audit_head_forward_only() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' or new.last_seq <> old.last_seq + 1 then
        raise exception 'audit chain head only advances by one record';
    end if;
    return new;
end
$$;
create trigger audit_head_forward
    before update or delete on audit_chain_head
    for each row execute function audit_head_forward_only();
create trigger audit_head_no_truncate
    before truncate on audit_chain_head
    for each statement execute function audit_reject_change();
