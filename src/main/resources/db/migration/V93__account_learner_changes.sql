-- The account feature publishes which accounts changed, for the report's incremental pass (issue #20 item 5, DD020).
-- changed_xid is the transaction (pg_current_xact_id) that created the account or last changed what the report counts
-- of it: its state, organisation, audience, username, when it was verified or activated. Names, phones, Keycloak ids
-- and the like do not move it, so provisioning a million accounts does not make the report re-read them. A reader keeps
-- the oldest transaction still running when it last read (pg_snapshot_xmin of its snapshot) and next reads the rows
-- with changed_xid at or above it: no clock, and a transaction that commits late is still seen.
alter table account add column changed_xid xid8;
-- Set apart from the add: a volatile default in the add would rewrite every existing row.
alter table account alter column changed_xid set default pg_current_xact_id();

create function account_mark_changed() returns trigger language plpgsql as $$
begin
    new.changed_xid := pg_current_xact_id();
    return new;
end
$$;

create trigger account_changed before update on account for each row
    when (old.state is distinct from new.state
        or old.organisation_id is distinct from new.organisation_id
        or old.audience is distinct from new.audience
        or old.username is distinct from new.username
        or old.verified_at is distinct from new.verified_at
        or old.activated_at is distinct from new.activated_at)
    execute function account_mark_changed();

create index account_changed_xid on account (changed_xid) where changed_xid is not null;

-- The same contract as V81, with the change mark last.
create or replace view account_learner as
select id, username, full_name, id_last_four, id_blind_index, organisation_id, audience, state, verified_at,
       activated_at, changed_xid
from account;

comment on view account_learner is
    'Published by the account feature: accounts as the report and the device feature read them, with the transaction that last changed what the report counts (DD013, DD020)';
