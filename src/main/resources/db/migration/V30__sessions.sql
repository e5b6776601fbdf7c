-- In-person sessions and offline attendance (issue #16), owned by the session feature (org.digilit.session).
-- A session is one class meeting of an organisation (community group, school, agency): a course or some of its
-- lessons, a place, a time, facilitators, a capacity and an audience. A weekly series shares a series id.
create table class_session (
    id              bigint generated always as identity primary key,
    organisation_id bigint       not null references organisation (id),
    course_id       varchar(64)  not null references course (id),
    lesson_ids      text[]       not null default '{}',
    place           text         not null check (length(place) between 1 and 200),
    starts_at       timestamptz  not null,
    ends_at         timestamptz  not null,
    capacity        integer      not null check (capacity between 1 and 500),
    audience        text         not null check (audience in ('CITIZEN', 'TEACHER', 'OFFICIAL')),
    series_id       uuid,
    closed_at       timestamptz,
    closed_by       text,
    created_by      text         not null,
    created_at      timestamptz  not null,
    check (ends_at > starts_at)
);
create index class_session_organisation on class_session (organisation_id, starts_at);
create index class_session_course on class_session (course_id, organisation_id);

create table session_facilitator (
    session_id bigint not null references class_session (id) on delete cascade,
    username   text   not null,
    primary key (session_id, username)
);
create index session_facilitator_username on session_facilitator (username, session_id);

-- The roster: learners enrolled beforehand, or who joined at the door (card QR, username, identity number).
create table session_learner (
    session_id bigint      not null references class_session (id) on delete cascade,
    username   text        not null,
    full_name  text        not null,
    joined     text        not null check (joined in ('ENROLLED', 'QR', 'USERNAME', 'IDENTITY_NUMBER')),
    added_at   timestamptz not null,
    added_by   text        not null,
    primary key (session_id, username)
);
create index session_learner_username on session_learner (username);

-- People with no account yet, recorded at the door by name and phone: the organisation's admins register them.
create table session_walk_in (
    id          uuid        primary key,
    session_id  bigint      not null references class_session (id) on delete cascade,
    full_name   text        not null,
    phone       text        not null,
    recorded_by text        not null,
    captured_at timestamptz not null,
    received_at timestamptz not null,
    resolved_at timestamptz
);

-- Every mark taken on a phone, as it came: an event with an id made on the phone (a replay inserts nothing). The
-- capture time is the phone's clock corrected by the offset estimated at sync; both are kept with the receipt time.
create table attendance_mark (
    id                uuid        primary key,
    session_id        bigint      not null references class_session (id) on delete cascade,
    learner           text        not null,
    status            text        not null check (status in ('PRESENT', 'ABSENT', 'LATE')),
    method            text        not null check (method in ('MANUAL', 'QR', 'CORRECTION')),
    facilitator       text        not null,
    batch_id          uuid,
    phone_captured_at timestamptz not null,
    clock_offset_ms   bigint      not null default 0,
    captured_at       timestamptz not null,
    received_at       timestamptz not null,
    out_of_window     boolean     not null default false,
    after_close       boolean     not null default false
);
create index attendance_mark_session on attendance_mark (session_id, learner, captured_at);

-- The current attendance per learner and session, derived from the marks in the same transaction.
create table attendance (
    session_id  bigint      not null references class_session (id) on delete cascade,
    learner     text        not null,
    status      text        not null check (status in ('PRESENT', 'ABSENT', 'LATE')),
    method      text        not null,
    mark_id     uuid        not null,
    captured_at timestamptz not null,
    primary key (session_id, learner)
);
create index attendance_learner on attendance (learner, session_id);

-- Batches received (idempotency keys): who sent them, when, how many marks were new.
create table attendance_batch (
    id          uuid        primary key,
    facilitator text        not null,
    received_at timestamptz not null,
    marks       integer     not null,
    new_marks   integer     not null
);

-- After a session is closed, a change is a request that an organisation admin approves or rejects (audited).
create table attendance_correction (
    id           bigint generated always as identity primary key,
    session_id   bigint      not null references class_session (id) on delete cascade,
    learner      text        not null,
    status       text        not null check (status in ('PRESENT', 'ABSENT', 'LATE')),
    reason       text        not null check (length(reason) between 1 and 500),
    requested_by text        not null,
    requested_at timestamptz not null,
    decision     text check (decision in ('APPROVED', 'REJECTED')),
    decided_by   text,
    decided_at   timestamptz
);
create index attendance_correction_open on attendance_correction (session_id) where decision is null;

-- A quiz passed in the room, recorded by the facilitator for a learner who cannot use a phone.
create table session_quiz_pass (
    username    text        not null,
    course_id   varchar(64) not null,
    session_id  bigint      not null references class_session (id) on delete cascade,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    primary key (username, course_id)
);

-- One optional class photo per session: EXIF stripped, size-limited, deleted after the retention period.
create table session_photo (
    session_id   bigint      primary key references class_session (id) on delete cascade,
    content      bytea       not null,
    content_type text        not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null
);
