-- Learning (issue #7): enrolments, an append-only log of progress events, and the current state per learner and
-- course kept beside it for fast reads. Learners are keyed by their login name (citizens' accounts and staff alike).
create table enrolment (
    username    text        not null,
    course_id   varchar(64) not null references course (id),
    source      text        not null check (source in ('SELF', 'ASSIGNED')),
    enrolled_at timestamptz not null,
    primary key (username, course_id)
);

create table progress_event (
    id             bigint generated always as identity primary key,
    username       text        not null,
    course_id      varchar(64) not null,
    course_version integer     not null,
    kind           text        not null check (kind in ('LESSON_COMPLETED', 'QUIZ_ATTEMPT', 'COURSE_COMPLETED')),
    lesson_id      varchar(64),
    score          integer,
    passed         boolean,
    occurred_at    timestamptz not null
);

create index progress_event_learner on progress_event (username, course_id, id);

-- The current state, derived from the events in the same transaction. completed_at is set once and never moves.
create table course_progress (
    username          text        not null,
    course_id         varchar(64) not null references course (id),
    lessons_done      text[]      not null default '{}',
    last_lesson_id    varchar(64),
    quiz_attempts     integer     not null default 0,
    quiz_best_score   integer,
    quiz_passed       boolean     not null default false,
    last_attempt_at   timestamptz,
    completed_at      timestamptz,
    completed_version integer,
    organisation_code text,
    audience          text,
    updated_at        timestamptz not null,
    primary key (username, course_id)
) with (fillfactor = 80);
