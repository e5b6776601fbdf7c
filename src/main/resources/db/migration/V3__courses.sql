-- Courses loaded from course-content/: PostgreSQL holds them (the search index is rebuilt from here).
-- Ids are the authors' stable ids; a lesson or question removed from the content is kept, inactive,
-- so that learners' history still points at something.
create table course (
    id                varchar(64)  primary key,
    version           integer      not null,
    content_hash      varchar(64)  not null,
    level             varchar(16)  not null,
    audiences         text[]       not null,
    tags              text[]       not null,
    estimated_minutes integer      not null check (estimated_minutes > 0),
    pass_mark         integer      not null check (pass_mark between 0 and 100),
    title_vi          varchar(300) not null,
    title_en          varchar(300) not null,
    summary_vi        text         not null,
    summary_en        text         not null,
    active            boolean      not null default true,
    loaded_at         timestamptz  not null
);

create table lesson (
    course_id varchar(64)  not null references course (id),
    id        varchar(64)  not null,
    position  integer      not null,
    title_vi  varchar(300) not null,
    title_en  varchar(300) not null,
    body_vi   text         not null,
    body_en   text         not null,
    active    boolean      not null default true,
    primary key (course_id, id)
);

create table quiz_question (
    course_id varchar(64) not null references course (id),
    id        varchar(64) not null,
    position  integer     not null,
    multiple  boolean     not null,
    text_vi   text        not null,
    text_en   text        not null,
    -- [{"id":"a","correct":true,"text":{"vi":..,"en":..},"explanation":{"vi":..,"en":..}}, ...]
    answers   jsonb       not null,
    active    boolean     not null default true,
    primary key (course_id, id)
);

-- Courses whose content changed and must be (re)indexed for search; drained by the indexer.
create table search_outbox (
    id          bigint generated always as identity primary key,
    course_id   varchar(64) not null,
    enqueued_at timestamptz not null,
    attempts    integer     not null default 0,
    last_error  text
);
