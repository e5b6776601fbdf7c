-- The device feature's published read contract (issue #18, DD011): the learners who received a device, one row per
-- learner and request, with the organisation the request was made for and when the device was handed over. The
-- quarterly report may join it on username (course_progress.username) to split completion rates by device recipients
-- and the others. A request made by identity number is resolved to the account with the same blind index (the one
-- place this view reads the account feature's table; it reads only username and id_blind_index).
create view device_recipient as
select coalesce(r.learner_username, a.username) as username,
       r.organisation_id,
       r.number                                 as request_number,
       min(e.occurred_at)                       as handed_over_at
from device_request r
join device d on d.request_id = r.id and d.stage = 'HANDED_OVER'
join device_event e on e.device_id = d.id and e.stage = 'HANDED_OVER'
left join account a on r.learner_username is null and a.id_blind_index = r.learner_blind_index
where coalesce(r.learner_username, a.username) is not null
group by coalesce(r.learner_username, a.username), r.organisation_id, r.number;

-- The device feature's second published read contract: one row per device request with the organisation it was made
-- for (the learner's school or commune) and when it was requested, decided and handed over, so the quarterly report
-- can count requested / approved / handed over / pending per organisation, working group and quarter. Nothing personal.
create view device_request_fact as
select r.id                                                       as request_id,
       r.organisation_id,
       r.status,
       r.priority,
       r.requested_at,
       case when r.status in ('APPROVED', 'FULFILLED') then r.decided_at end as approved_at,
       case when r.status = 'REJECTED' then r.decided_at end                as rejected_at,
       (select min(e.occurred_at) from device d join device_event e on e.device_id = d.id
        where d.request_id = r.id and e.stage = 'HANDED_OVER')             as handed_over_at
from device_request r;
