-- Maker-checker for leases and projects, rent payments with a business date, cancelled runs and yearly
-- income targets (module distribution; docs/api/distribution.md, branch moneyview).

-- Leases: proposed by one person, approved by another; a rejected proposal frees its package.
alter table dist_lease drop constraint dist_lease_status_check;
alter table dist_lease add constraint dist_lease_status_check
    check (status in ('proposed', 'active', 'converted', 'rejected'));
alter table dist_lease add column approved_by text;
alter table dist_lease add column approved_at timestamptz;
alter table dist_lease add column rejected_by text;
alter table dist_lease add column rejected_at timestamptz;
alter table dist_lease add constraint dist_lease_two_persons check (approved_by is null or approved_by <> created_by);
alter table dist_lease drop constraint dist_lease_package_id_key;
create unique index dist_lease_one_per_package on dist_lease (package_id) where status <> 'rejected';

-- The date the rent arrived (business date), separate from the time it was recorded.
alter table dist_rent_payment add column paid_on date;
update dist_rent_payment set paid_on = (paid_at at time zone 'Asia/Shanghai')::date;
alter table dist_rent_payment alter column paid_on set not null;

-- Projects (and their dividend policy) take effect when a second person approves them. Projects created
-- before this migration were set up without one; they stay usable as approved by 'migration'.
alter table dist_project add column status text not null default 'approved'
    check (status in ('proposed', 'approved'));
alter table dist_project alter column status drop default;
alter table dist_project add column approved_by text;
alter table dist_project add column approved_at timestamptz;
update dist_project set approved_by = 'migration', approved_at = created_at;
alter table dist_project add constraint dist_project_two_persons check (approved_by is null or approved_by <> created_by);

-- Runs that are not posted can be cancelled; a cancelled run is final like a posted one, and a cancelled
-- reversal does not block a new reversal of the same run.
alter table dist_run drop constraint dist_run_status_check;
alter table dist_run add constraint dist_run_status_check
    check (status in ('previewed', 'approved', 'posted', 'cancelled'));
alter table dist_run add column cancelled_by text;
alter table dist_run add column cancelled_at timestamptz;
alter table dist_run drop constraint dist_run_reverses_key;
create unique index dist_run_one_reversal on dist_run (reverses) where reverses is not null and status <> 'cancelled';

create or replace function dist_run_final() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.status in ('posted', 'cancelled') then
        raise exception 'dist_run % is final (% runs are never changed)', old.id, old.status;
    end if;
    return new;
end $$;

-- The yearly income target of a village collective (default 300,000 元 when a year has no row).
create table dist_income_target (
    year       integer primary key check (year between 2000 and 2100),
    target_fen bigint not null check (target_fen > 0),
    set_by     text not null,
    set_at     timestamptz not null
);
