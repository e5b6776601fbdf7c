-- Accounts tied to identity numbers (issue #5). The number itself is never stored in clear: encrypted (AES-GCM, key id
-- beside it), a keyed hash (blind index) for uniqueness and lookup, the last four characters for display.
create extension if not exists pg_trgm;

create sequence account_username_seq start with 1000001;

create table account_import (
    id          bigserial primary key,
    file_name   text        not null,
    uploaded_by text        not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    rows_read   integer     not null default 0,
    created     integer     not null default 0,
    updated     integer     not null default 0,
    unchanged   integer     not null default 0
);

create table account (
    id              bigserial primary key,
    -- The login name in Keycloak: made by the platform, never derived from the identity number.
    username        text        not null unique default ('dl' || nextval('account_username_seq')),
    id_scheme       text        not null,
    id_key_id       text        not null,
    id_encrypted    bytea       not null,
    id_blind_index  bytea       not null unique,
    id_last_four    text        not null,
    full_name       text        not null,
    search_name     text        not null,
    date_of_birth   date        not null,
    gender          text        not null check (gender in ('MALE', 'FEMALE')),
    phone           text,
    email           text,
    organisation_id bigint      not null references organisation (id),
    audience        text        not null check (audience in ('CITIZEN', 'TEACHER', 'OFFICIAL')),
    staff_number    text,
    state           text        not null check (state in ('PENDING', 'VERIFIED', 'REJECTED', 'DEACTIVATED')),
    source          text        not null check (source in ('IMPORT', 'SELF_REGISTRATION')),
    self_registered boolean     not null default false,
    state_reason    text,
    import_id       bigint references account_import (id),
    keycloak_id     text,
    provisioned_at  timestamptz,
    activated_at    timestamptz,
    verified_at     timestamptz,
    verified_by     text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
) with (fillfactor = 80);

-- Few indexes, none on a column that verification or provisioning changes (state, keycloak_id): those updates stay
-- HOT (in place, no index work), which matters when 300,000 accounts are verified and linked in one afternoon.
-- Pages keep 20 % free room for them.
create index account_organisation on account (organisation_id);
create index account_search_name on account using gin (search_name gin_trgm_ops);

-- Work for Keycloak: one row per account whose Keycloak user must be made to match it. Drained with
-- FOR UPDATE SKIP LOCKED; a row leaves only in the transaction that recorded the result.
create table provisioning_outbox (
    id              bigserial primary key,
    account_id      bigint      not null unique references account (id),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null
);

create index provisioning_outbox_due on provisioning_outbox (next_attempt_at, id);

-- One live activation code per account, kept as a hash; printing a slip again replaces it.
create table activation_code (
    account_id      bigint primary key references account (id),
    code_hash       bytea       not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    failed_attempts integer     not null default 0,
    used_at         timestamptz
);

-- Attempts counted for rate limits (activation, self-registration), per bucket: an identity number's blind index
-- (hex) or a client address, never the number.
create table rate_limit_hit (
    bucket text        not null,
    hit_at timestamptz not null
);

create index rate_limit_hit_bucket on rate_limit_hit (bucket, hit_at);
