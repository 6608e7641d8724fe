-- GEP runs as background jobs: whether the run's inputs are illustrative (示意), and a partial index
-- for the runs still waiting or running (the job runner's restart recovery and cancel checks).
alter table gep_run add column illustrative boolean not null default false;
create index gep_run_active on gep_run (status) where status in ('queued', 'running', 'cancelling');
create index gep_run_year on gep_run (year, created_at desc);
