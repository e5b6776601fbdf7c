-- One completion, many sources (issues #16, #17): a course is completed online, in person (sessions attended and the
-- quiz passed) or on another platform. The completion stays one row in course_progress; its source says where it
-- happened. 'ONLINE' and 'IN_PERSON' are DigiLit's own; an imported completion names its platform as 'EXTERNAL:<code>'.
alter table course_progress add column completion_source text;
update course_progress set completion_source = 'ONLINE' where completed_at is not null;
alter table course_progress add constraint course_progress_completion_source
    check ((completed_at is null) = (completion_source is null)
        and (completion_source is null or completion_source in ('ONLINE', 'IN_PERSON') or completion_source like 'EXTERNAL:%'));
