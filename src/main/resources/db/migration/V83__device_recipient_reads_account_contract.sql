-- The device feature's device_recipient (V51) read the account table for a request made by identity number; it now
-- reads the account feature's published contract account_learner (issue #15, DD013). Same columns, same rows.
create or replace view device_recipient as
select coalesce(r.learner_username, a.username) as username,
       r.organisation_id,
       r.number                                 as request_number,
       min(e.occurred_at)                       as handed_over_at
from device_request r
join device d on d.request_id = r.id and d.stage = 'HANDED_OVER'
join device_event e on e.device_id = d.id and e.stage = 'HANDED_OVER'
left join account_learner a on r.learner_username is null and a.id_blind_index = r.learner_blind_index
where coalesce(r.learner_username, a.username) is not null
group by coalesce(r.learner_username, a.username), r.organisation_id, r.number;
