-- Published read contract of the learning feature (issue #19, DD012): how many learners of each audience have started
-- and completed each course, for other features to read without touching course_progress. The course catalogue uses
-- it to offer the most-taken courses for the reader's audience when a search finds nothing. Columns: course_id,
-- audience (lower case: citizen, teacher, official), learners (started), completions.
create view learning_course_popularity as
select course_id, lower(audience) as audience, count(*) as learners, count(completed_at) as completions
from course_progress
where audience is not null
group by course_id, lower(audience);

comment on view learning_course_popularity is
    'Published by the learning feature: learners and completions per course and audience (read by the course catalogue)';
