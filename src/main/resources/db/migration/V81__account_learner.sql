-- The account feature's published read contract (issue #15, DD013): one row per account with what the quarterly report
-- counts and the follow-up list shows (organisation, audience, state, when verified and activated, the name and the
-- identity number's last four digits), plus the blind index by which a device request made by identity number finds
-- its learner. Never the identity number itself, its ciphertext, the date of birth, phone or e-mail.
create view account_learner as
select id, username, full_name, id_last_four, id_blind_index, organisation_id, audience, state, verified_at,
       activated_at
from account;

comment on view account_learner is
    'Published by the account feature: accounts as the report and the device feature read them (DD013)';
