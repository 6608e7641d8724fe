-- The village page's as-of query (RightStore.asOf / countAsOf) filters one village over every recorded
-- row (superseded ones too, for past record dates) and orders by resource, category, kind and right.
-- The partial index eledger_right_version_village (current rows only) cannot serve it: without this
-- index PostgreSQL scanned the resource index or the whole table (1.2 s per page at 300,000 rows, see
-- docs/notes/eledgerdemo.md); with it a page is an ordered index range scan of one village.
create index eledger_right_version_village_asof
    on eledger_right_version (village_code, resource_id, category, kind, right_id);
