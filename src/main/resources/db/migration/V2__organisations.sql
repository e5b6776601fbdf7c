-- Organisations: the province's tree of districts, communes, schools, agencies, units, institutions and
-- community groups, each with the headcounts that coverage rates are measured against.
create table organisation (
    id                 bigint generated always as identity primary key,
    code               varchar(32)   not null unique,
    parent_id          bigint        references organisation (id),
    type               varchar(32)   not null,
    name_vi            varchar(200)  not null,
    name_en            varchar(200)  not null,
    -- Lower-case, diacritics folded: code, Vietnamese and English names, for "search as people type".
    search_text        varchar(500)  not null,
    expected_citizens  integer       not null default 0 check (expected_citizens >= 0),
    expected_teachers  integer       not null default 0 check (expected_teachers >= 0),
    expected_officials integer       not null default 0 check (expected_officials >= 0),
    -- Materialised path of ids from the root, '/1/7/42/': a subtree is a prefix, so scope checks are one index range.
    path               varchar(1000) not null,
    depth              integer       not null,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    check (parent_id is null or parent_id <> id)
);
create index organisation_parent_idx on organisation (parent_id, name_vi);
create index organisation_path_idx on organisation (path text_pattern_ops);

-- Where each organisation hung in the tree, and when: moving a subtree keeps its history.
create table organisation_parent_history (
    organisation_id bigint       not null references organisation (id),
    parent_id       bigint       references organisation (id),
    valid_from      timestamptz  not null,
    valid_to        timestamptz,
    changed_by      varchar(255) not null
);
create index organisation_parent_history_idx on organisation_parent_history (organisation_id, valid_from);

-- The steering committee's working groups, their members (Keycloak usernames of accounts with the
-- working-group role) and the organisations each follows (a whole subtree, or one organisation).
create table working_group (
    id         bigint generated always as identity primary key,
    code       varchar(32)  not null unique,
    name_vi    varchar(200) not null,
    name_en    varchar(200) not null,
    created_at timestamptz  not null
);
create table working_group_member (
    working_group_id bigint       not null references working_group (id) on delete cascade,
    username         varchar(255) not null,
    primary key (working_group_id, username)
);
create index working_group_member_username_idx on working_group_member (username);
create table working_group_scope (
    working_group_id bigint  not null references working_group (id) on delete cascade,
    organisation_id  bigint  not null references organisation (id),
    include_subtree  boolean not null,
    primary key (working_group_id, organisation_id)
);

-- Quarterly targets: a percentage per metric and audience, set on an organisation (inherited by its
-- subtree unless a descendant has its own) or on a working group.
create table target (
    id               bigint generated always as identity primary key,
    year             integer      not null check (year between 2000 and 2100),
    quarter          integer      not null check (quarter between 1 and 4),
    organisation_id  bigint       references organisation (id),
    working_group_id bigint       references working_group (id) on delete cascade,
    metric           varchar(32)  not null,
    audience         varchar(16)  not null,
    percentage       numeric(5,2) not null check (percentage >= 0 and percentage <= 100),
    updated_at       timestamptz  not null,
    updated_by       varchar(255) not null,
    check ((organisation_id is null) <> (working_group_id is null)),
    unique nulls not distinct (year, quarter, organisation_id, working_group_id, metric, audience)
);

-- Who changed what, when, from where: account changes, imports and report exports.
create table audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz  not null,
    actor          varchar(255) not null,
    action         varchar(64)  not null,
    target_type    varchar(64)  not null,
    target_id      varchar(255),
    client_address varchar(64),
    details        text
);
create index audit_event_target_idx on audit_event (target_type, target_id, occurred_at);
