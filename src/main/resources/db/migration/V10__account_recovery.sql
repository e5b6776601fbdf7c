-- Accounts that survive the field (issue #13, DD007).

-- Codes are looked up by themselves first, then the identity number is compared: the keyed hash no longer mixes in
-- the account id, so it is unique and indexed. Codes printed before this change cannot be found that way; they are
-- dropped (their slips must be printed again). A code either activates an account or resets its password.
delete from activation_code;
alter table activation_code
    add column purpose   text not null default 'ACTIVATION' check (purpose in ('ACTIVATION', 'RESET')),
    add column issued_by text;
alter table activation_code alter column purpose drop default;
create unique index activation_code_hash on activation_code (code_hash);

-- A person an import found in another organisation with a verified account: the platform admin decides whether they
-- move. The rest of the file went in without them.
create table account_move_request (
    id                 bigserial primary key,
    account_id         bigint      not null references account (id),
    to_organisation_id bigint      not null references organisation (id),
    requested_by       text        not null,
    import_id          bigint references account_import (id),
    created_at         timestamptz not null,
    decided_at         timestamptz,
    decided_by         text,
    decision           text check (decision in ('MOVED', 'DECLINED'))
);
create unique index account_move_request_open on account_move_request (account_id, to_organisation_id)
    where decided_at is null;

-- Every check of a people file (dry run or apply): who, which file, how many rows, and how many identity numbers it
-- matched in organisations outside the admin's scope. The daily cap on those matches counts from here.
create table account_import_check (
    id                   bigserial primary key,
    checked_by           text        not null,
    file_name            text        not null,
    rows_read            integer     not null,
    out_of_scope_matches integer     not null,
    applied              boolean     not null,
    capped               boolean     not null,
    checked_at           timestamptz not null
);
create index account_import_check_by on account_import_check (checked_by, checked_at);
create index account_import_check_capped on account_import_check (checked_at) where capped;
