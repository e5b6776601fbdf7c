-- Learning done on other platforms (issue #17), owned by the completion feature. Other platforms and their programmes,
-- each mapped either to one DigiLit course (a completion there counts as that course) or to an external programme that
-- counts for the DigiLit courses an admin chose (none: recorded and listed, but counted nowhere). See DD010.
create table external_platform (
    id              bigint generated always as identity primary key,
    code            text        not null unique check (code ~ '^[A-Z0-9_-]{2,32}$'),
    name_vi         text        not null,
    name_en         text        not null,
    -- The Keycloak client (client-credentials grant) that may push this platform's completions to the feed.
    feed_client_id  text unique,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

create table external_programme (
    id          bigint generated always as identity primary key,
    platform_id bigint      not null references external_platform (id),
    code        text        not null check (code ~ '^[A-Za-z0-9._-]{1,64}$'),
    name_vi     text        not null,
    name_en     text        not null,
    kind        text        not null check (kind in ('COURSE', 'PROGRAMME')),
    -- COURSE: exactly one course; PROGRAMME: the courses (completion rules) it counts for, possibly none.
    course_ids  text[]      not null default '{}',
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (platform_id, code),
    check (kind = 'PROGRAMME' or cardinality(course_ids) = 1)
);

create table completion_import (
    id          bigint generated always as identity primary key,
    file_name   text        not null,
    imported_by text        not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    rows_read   integer     not null default 0,
    matched     integer     not null default 0,
    held        integer     not null default 0,
    unchanged   integer     not null default 0
);

-- Every completion another platform reported, once per programme and person (by the blind index of their identity
-- number; never the number). account_id is null while the row waits in the holding list for the person's account;
-- scope_paths: the organisations the importer administers (null: a platform admin or a feed, everywhere); a held row
-- is matched only to an account inside them.
create table external_completion (
    id                 bigint generated always as identity primary key,
    platform_id        bigint      not null references external_platform (id),
    programme_id       bigint      not null references external_programme (id),
    id_blind_index     bytea       not null,
    id_last_four       text        not null,
    full_name          text        not null,
    completed_on       date        not null,
    certificate_number text,
    score              numeric(6, 2),
    record_id          text,
    scope_paths        text[],
    import_id          bigint references completion_import (id),
    account_id         bigint,
    username           text,
    held_reason        text check (held_reason in ('NO_ACCOUNT', 'ACCOUNT_NOT_USABLE')),
    received_at        timestamptz not null,
    matched_at         timestamptz,
    unique (programme_id, id_blind_index),
    check ((account_id is null) = (held_reason is not null))
);

create unique index external_completion_record on external_completion (platform_id, record_id)
    where record_id is not null;
create index external_completion_held on external_completion (id) where account_id is null;
create index external_completion_learner on external_completion (username) where username is not null;
