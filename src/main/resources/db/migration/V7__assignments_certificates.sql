-- Required courses (issue #7): an organisation's admin assigns a course to an audience of their organisation (all
-- teachers of a school, all citizens of a commune), with the quarter it is due. It applies to the people of that
-- organisation and of its whole subtree. Withdrawn assignments are kept (reports of past quarters still name them).
create table course_assignment (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    audience        text        not null check (audience in ('CITIZEN', 'TEACHER', 'OFFICIAL')),
    course_id       varchar(64) not null references course (id),
    due_year        integer     not null check (due_year between 2000 and 2100),
    due_quarter     integer     not null check (due_quarter between 1 and 4),
    assigned_by     text        not null,
    assigned_at     timestamptz not null,
    withdrawn_by    text,
    withdrawn_at    timestamptz
);
-- One live assignment of a course per organisation and audience.
create unique index course_assignment_live on course_assignment (organisation_id, audience, course_id)
    where withdrawn_at is null;

-- Certificates (issue #7): one per learner and course, issued when the course is completed. The verification code is
-- public (printed, in the QR code); the signed credential is kept exactly as issued so it verifies byte for byte.
-- What a certificate shows is copied in at issue: a later rename does not change a certificate already given.
create table certificate (
    id                   bigint generated always as identity primary key,
    code                 varchar(32)  not null unique,
    username             text         not null,
    course_id            varchar(64)  not null references course (id),
    course_version       integer      not null,
    holder_name          text         not null,
    course_title_vi      varchar(300) not null,
    course_title_en      varchar(300) not null,
    organisation_code    text,
    organisation_name_vi text,
    organisation_name_en text,
    audience             text         not null,
    completed_at         timestamptz  not null,
    issued_at            timestamptz  not null,
    key_id               text         not null,
    credential           text         not null,
    revoked_at           timestamptz,
    revoked_by           text,
    revocation_reason    text,
    unique (username, course_id)
);
