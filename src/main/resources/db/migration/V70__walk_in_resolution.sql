-- Walk-ins resolved from the organisation's verification queue (issue #16, owned by the session feature): linked to
-- the account the person got meanwhile (their marks at the door become that learner's), or dismissed with a reason.
alter table session_walk_in
    add column resolved_by       text,
    add column resolution        text check (resolution in ('LINKED', 'DISMISSED')),
    add column resolved_username text,
    add column resolution_reason text check (length(resolution_reason) <= 500);

-- A learner added to a roster from a linked walk-in.
alter table session_learner drop constraint session_learner_joined_check;
alter table session_learner add constraint session_learner_joined_check
    check (joined in ('ENROLLED', 'QR', 'USERNAME', 'IDENTITY_NUMBER', 'WALK_IN'));

create index session_walk_in_waiting on session_walk_in (session_id) where resolved_at is null;
