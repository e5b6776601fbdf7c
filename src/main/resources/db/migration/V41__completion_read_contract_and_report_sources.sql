-- The learning feature's published read contract (owner: learning, issue #15): one row per completed course, with its
-- date and source ('ONLINE', 'IN_PERSON', 'EXTERNAL:<platform code>'). Other features (the report) read completions
-- through this view, never through course_progress itself, so learning may change its table behind it.
create view learning_completion as
select username, course_id, completed_at, completion_source
from course_progress
where completed_at is not null;

-- Reporting by source (issue #17): the "completed" flow split by the source of the completion that made the person
-- complete (their last required course; with nothing required, their first completed course). Each person is in
-- exactly one source, so the sources add up to report_fact.completed.
create table report_fact_source (
    organisation_id bigint  not null,
    audience        text    not null,
    year            integer not null,
    quarter         integer not null,
    source          text    not null,
    completed       integer not null,
    primary key (organisation_id, audience, year, quarter, source)
);

create table report_rollup_source (
    organisation_id bigint  not null,
    audience        text    not null,
    year            integer not null,
    quarter         integer not null,
    source          text    not null,
    completed       integer not null,
    primary key (organisation_id, audience, year, quarter, source)
);

-- A snapshot keeps the split beside its rows.
create table report_snapshot_source_row (
    snapshot_id     bigint  not null references report_snapshot (id),
    organisation_id bigint  not null,
    audience        text    not null,
    subtree         boolean not null,
    source          text    not null,
    completed       integer not null,
    primary key (snapshot_id, organisation_id, audience, subtree, source)
);
