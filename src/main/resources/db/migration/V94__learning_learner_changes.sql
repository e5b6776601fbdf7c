-- The learning feature publishes which learners' completions, enrolments and certificates changed, for the report's
-- incremental pass (issue #20 item 5, DD020). Each table gets changed_xid: the transaction (pg_current_xact_id) that
-- wrote what the report counts of the row. A lesson step that completes nothing does not move it.
alter table course_progress add column changed_xid xid8;
alter table enrolment add column changed_xid xid8;
alter table certificate add column changed_xid xid8;
-- Enrolments and certificates count from the moment they exist; set apart from the add so no row is rewritten.
alter table enrolment alter column changed_xid set default pg_current_xact_id();
alter table certificate alter column changed_xid set default pg_current_xact_id();

create function learning_mark_changed() returns trigger language plpgsql as $$
begin
    new.changed_xid := pg_current_xact_id();
    return new;
end
$$;

-- A course state counts once completed (an imported completion may arrive completed).
create trigger course_progress_completed before insert on course_progress for each row
    when (new.completed_at is not null)
    execute function learning_mark_changed();
create trigger course_progress_changed before update on course_progress for each row
    when (old.completed_at is distinct from new.completed_at
        or old.completion_source is distinct from new.completion_source)
    execute function learning_mark_changed();
create trigger enrolment_changed before update on enrolment for each row
    when (old.enrolled_at is distinct from new.enrolled_at)
    execute function learning_mark_changed();
create trigger certificate_changed before update on certificate for each row
    when (old.issued_at is distinct from new.issued_at or old.revoked_at is distinct from new.revoked_at)
    execute function learning_mark_changed();

create index course_progress_changed_xid on course_progress (changed_xid) where changed_xid is not null;
create index enrolment_changed_xid on enrolment (changed_xid) where changed_xid is not null;
create index certificate_changed_xid on certificate (changed_xid) where changed_xid is not null;

-- Which learner a transaction changed: one row per changed course state, enrolment or certificate. A reader asks for
-- changed_xid at or above the oldest transaction that was still running when it last read (see V93).
create view learning_learner_change as
select username, changed_xid from course_progress where changed_xid is not null
union all
select username, changed_xid from enrolment where changed_xid is not null
union all
select username, changed_xid from certificate where changed_xid is not null;

comment on view learning_learner_change is
    'Published by the learning feature: the learners whose completions, enrolments or certificates a transaction changed (DD020)';
