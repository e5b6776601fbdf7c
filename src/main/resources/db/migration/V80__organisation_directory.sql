-- The organisation feature's published read contract (issue #15, DD013): one row per organisation with its place in
-- the tree (materialised path '/1/7/42/', depth), its names and the headcounts that coverage rates are measured
-- against. Features that list their own rows per organisation (accounts, sessions, devices, assignments, the report)
-- join this view, never the organisation table, and restrict it with OrganisationScope#sqlCondition over it. The
-- search text, timestamps and parent history stay private to the organisation feature.
create view organisation_directory as
select id, code, parent_id, type, name_vi, name_en, path, depth,
       expected_citizens, expected_teachers, expected_officials
from organisation;

comment on view organisation_directory is
    'Published by the organisation feature: the tree of organisations, names and headcounts (DD013)';
