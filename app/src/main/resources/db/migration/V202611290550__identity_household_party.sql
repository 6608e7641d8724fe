-- A HOUSEHOLD user acts for one e-ledger party (its household). The party lives in module eledger,
-- so this is an id without a foreign key (modules do not share tables); eledger checks it on use.
alter table identity_user add column party_id bigint;
alter table identity_user add constraint identity_user_household_party
    check ((party_id is not null) = (roles = 'HOUSEHOLD'));
