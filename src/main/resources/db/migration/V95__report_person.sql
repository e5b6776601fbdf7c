-- The report's incremental pass (issue #20 item 5, DD020). report_person holds each counted person's contribution to
-- the flows as the last pass saw it: the incremental pass recomputes only the people changed since, subtracts their
-- old rows here from report_fact, report_rollup and the by-source tables, adds their new ones and replaces the rows.
-- The full recompute rebuilds it with the figures.
create table report_person (
    username          text primary key,
    organisation_id   bigint      not null,
    audience          text        not null,
    verified_at       timestamptz not null,
    activated_at      timestamptz,
    first_enrolled_at timestamptz,
    -- When the person completed (their required courses, or with none, their first course), and by which source.
    done_at           timestamptz,
    done_source       text,
    -- When each standing certificate was issued (null: none).
    certificates      timestamptz[]
);

-- changes_from: the oldest transaction still running when the last pass read (pg_snapshot_xmin); the next pass reads
-- the changes at or above it. structure: a digest of the organisation tree, the live required courses and the time
-- zone as the last full recompute saw them; when it differs, the next pass is a full recompute. full_at: when the last
-- full recompute ran; refreshed_at stays the moment the figures were last brought up to date by either pass.
alter table report_refresh
    add column changes_from xid8,
    add column structure text,
    add column full_at timestamptz,
    add column incremental boolean not null default false;
