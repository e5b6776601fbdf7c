-- Reporting (issue #8). Figures are counted as flows: how many accounts were verified, activated, first enrolled,
-- completed their required courses and got a certificate, per organisation, audience and quarter (in the
-- programme's time zone). A quarter's figure is the sum of the flows up to and including it. A refresh recomputes
-- the flows from the other features' tables in one transaction; readers keep the previous set until it commits.

-- Flows of the people who belong to the organisation itself.
create table report_fact (
    organisation_id bigint  not null,
    audience        text    not null,
    year            integer not null,
    quarter         integer not null,
    accounts        integer not null,
    activated       integer not null,
    enrolled        integer not null,
    completed       integer not null,
    certificates    integer not null,
    primary key (organisation_id, audience, year, quarter)
);

-- The same flows rolled up: each organisation with its whole subtree.
create table report_rollup (
    organisation_id bigint  not null,
    audience        text    not null,
    year            integer not null,
    quarter         integer not null,
    accounts        integer not null,
    activated       integer not null,
    enrolled        integer not null,
    completed       integer not null,
    certificates    integer not null,
    primary key (organisation_id, audience, year, quarter)
);

-- When the flows were last recomputed, and how long it took. One row.
create table report_refresh (
    id           integer primary key check (id = 1),
    refreshed_at timestamptz not null,
    took_ms      bigint      not null
);

-- A closed quarter's official figures. Closing again is a restatement: a new version with its reason; earlier
-- versions stay readable.
create table report_snapshot (
    id        bigint generated always as identity primary key,
    year      integer     not null,
    quarter   integer     not null check (quarter between 1 and 4),
    version   integer     not null,
    taken_at  timestamptz not null,
    taken_by  text        not null,
    reason    text        not null,
    unique (year, quarter, version)
);

-- Every organisation's cumulative figures at the quarter's end, for its subtree and for itself alone, with the
-- headcounts then in force.
create table report_snapshot_row (
    snapshot_id     bigint  not null references report_snapshot (id),
    organisation_id bigint  not null,
    audience        text    not null,
    subtree         boolean not null,
    headcount       integer not null,
    accounts        integer not null,
    activated       integer not null,
    enrolled        integer not null,
    completed       integer not null,
    certificates    integer not null,
    primary key (snapshot_id, organisation_id, audience, subtree)
);
