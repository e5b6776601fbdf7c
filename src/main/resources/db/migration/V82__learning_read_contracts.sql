-- The learning feature's published read contracts beside learning_completion and learning_course_popularity (issue
-- #15, DD013), for the report's set-based pass and the device report, so neither reads learning's tables.

-- The live required courses: one row per organisation, audience and course assigned and not withdrawn. A person's
-- required courses are those of their organisation and every ancestor.
create view learning_required_course as
select organisation_id, audience, course_id
from course_assignment
where withdrawn_at is null;

comment on view learning_required_course is
    'Published by the learning feature: live course assignments per organisation and audience (DD013)';

-- When each learner first enrolled in any course.
create view learning_first_enrolment as
select username, min(enrolled_at) as first_enrolled_at
from enrolment
group by username;

comment on view learning_first_enrolment is
    'Published by the learning feature: each learner''s first enrolment (DD013)';

-- Certificates that stand (not revoked): who, which course, when issued.
create view learning_certificate as
select username, course_id, issued_at
from certificate
where revoked_at is null;

comment on view learning_certificate is
    'Published by the learning feature: certificates not revoked (DD013)';

-- Every learner's state in every course they started: the organisation and audience recorded with it, and when they
-- completed it (null while not).
create view learning_progress as
select username, course_id, organisation_code, audience, completed_at
from course_progress;

comment on view learning_progress is
    'Published by the learning feature: started courses per learner with organisation code and completion (DD013)';
