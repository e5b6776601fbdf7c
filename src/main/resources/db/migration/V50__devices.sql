-- Devices for learners who have none (issue #18, DD011). Every table here is owned by the device feature
-- (org.digilit.device); other features read device data only through device_recipient (V51), its published view.

-- Organisations flagged as collection points (donors drop devices there) and/or storage points (a programme's
-- purchased devices are kept there). Keyed by the organisation; the organisation feature owns the organisation.
create table device_point (
    organisation_id bigint primary key references organisation (id),
    collection      boolean     not null,
    storage         boolean     not null,
    address         text,
    flagged_by      text        not null,
    flagged_at      timestamptz not null,
    check (collection or storage)
);

-- A request for a device for a learner. The learner is named by their account's username, or by the blind index of
-- their identity number (never the number itself). The public sees only the pseudonymous number.
create table device_request (
    id                  bigint generated always as identity primary key,
    number              varchar(16) not null unique,
    organisation_id     bigint      not null references organisation (id),
    learner_username    text,
    learner_blind_index bytea,
    need                text        not null check (need in ('LAPTOP', 'DESKTOP', 'TABLET', 'SMARTPHONE', 'ANY')),
    reason              text        not null,
    priority            text        not null check (priority in ('NO_DEVICE_AT_HOME', 'POOR_HOUSEHOLD', 'NEAR_POOR_HOUSEHOLD', 'OTHER')),
    status              text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'FULFILLED')),
    requested_by        text        not null,
    requested_at        timestamptz not null,
    decided_by          text,
    decided_at          timestamptz,
    rejection_reason    text,
    check (learner_username is not null or learner_blind_index is not null)
);
create index device_request_organisation on device_request (organisation_id, status);
create index device_request_learner_index on device_request (learner_blind_index);
create index device_request_learner_username on device_request (learner_username);

-- What a donor offered, from the public page (no account): their phone, and how the devices reach the programme.
create table device_donation (
    id                      bigint generated always as identity primary key,
    receipt_code            varchar(32) not null unique,
    donor_phone             text        not null,
    donor_name              text,
    handover_way            text        not null check (handover_way in ('DROP_OFF', 'PICK_UP', 'DIRECT')),
    point_organisation_id   bigint references organisation (id),
    pickup_commune_id       bigint references organisation (id),
    pickup_address          text,
    direct_request_id       bigint references device_request (id),
    client_address          text,
    offered_at              timestamptz not null
);

-- One device, donated or supplied. stage is the current state; device_event holds how it got there.
create table device (
    id                    bigint generated always as identity primary key,
    public_code           varchar(32) not null unique,
    source                text        not null check (source in ('DONATION', 'SUPPLY')),
    donation_id           bigint references device_donation (id),
    serial                text unique,
    kind                  text        not null check (kind in ('LAPTOP', 'DESKTOP', 'TABLET', 'SMARTPHONE')),
    model                 text,
    age_years             integer check (age_years between 0 and 50),
    condition             text check (condition in ('WORKS', 'NEEDS_REPAIR', 'BROKEN')),
    charger               boolean,
    batch                 text,
    point_organisation_id bigint references organisation (id),
    received_point_id     bigint references organisation (id),
    request_id            bigint references device_request (id),
    stage                 text        not null check (stage in ('OFFERED', 'RECEIVED', 'WIPED', 'REPAIRED', 'READY',
                              'ALLOCATED', 'HANDED_OVER', 'DEFECTIVE', 'RECYCLED')),
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index device_point_stage on device (point_organisation_id, stage);
create index device_received_point on device (received_point_id, stage);
create index device_donation_id on device (donation_id);
create index device_request_id on device (request_id);

-- Every transition of a device, append-only (a trigger refuses updates and deletes).
create table device_event (
    id                    bigint generated always as identity primary key,
    device_id             bigint      not null references device (id),
    stage                 text        not null,
    occurred_at           timestamptz not null,
    actor                 text        not null,
    point_organisation_id bigint,
    request_id            bigint,
    details               text
);
create index device_event_device on device_event (device_id, id);

-- The wipe record: who erased the device's data, how, and with what result.
create table device_wipe (
    device_event_id bigint primary key references device_event (id),
    device_id       bigint      not null references device (id),
    wiped_by        text        not null,
    method          text        not null check (method in ('FACTORY_RESET', 'DISK_OVERWRITE', 'DISK_REPLACED', 'NO_STORAGE')),
    note            text,
    wiped_at        timestamptz not null
);

-- A handover in progress: the one-time code the recipient or guardian confirms with (only its hash is kept).
create table device_handover (
    id            bigint generated always as identity primary key,
    device_id     bigint      not null references device (id),
    request_id    bigint      not null references device_request (id),
    code_hash     bytea       not null,
    issued_by     text        not null,
    issued_at     timestamptz not null,
    expires_at    timestamptz not null,
    attempts      integer     not null default 0,
    confirmed_at  timestamptz,
    confirmed_as  text check (confirmed_as in ('RECIPIENT', 'GUARDIAN'))
);
create unique index device_handover_open on device_handover (device_id) where confirmed_at is null;

-- Stocktakes: the devices found on the shelf of a point; in-stock devices not found are shown as missing.
create table device_stocktake (
    id                    bigint generated always as identity primary key,
    point_organisation_id bigint      not null references organisation (id),
    taken_by              text        not null,
    taken_at              timestamptz not null
);
create table device_stocktake_item (
    stocktake_id bigint not null references device_stocktake (id),
    device_id    bigint not null references device (id),
    primary key (stocktake_id, device_id)
);

-- The public ledger: one signed entry per public event, with nothing personal in it (kind, stage, where, when, the
-- pseudonymous request number and the device's public code). statement is a compact JWS (EdDSA, Ed25519) by the
-- certificates' key; anyone verifies it offline with /.well-known/digilit-certificate-keys.json.
create table device_ledger_entry (
    id             bigint generated by default as identity primary key, -- drawn before signing: the id is signed
    occurred_at    timestamptz not null,
    device_code    varchar(32) not null,
    kind           text        not null,
    stage          text        not null,
    province_id    bigint,
    commune_id     bigint,
    request_number varchar(16),
    statement      text        not null
);
-- Keyset pages newest first, per province and per commune; a device's timeline.
create index device_ledger_province on device_ledger_entry (province_id, id desc);
create index device_ledger_commune on device_ledger_entry (commune_id, id desc);
create index device_ledger_device on device_ledger_entry (device_code, id);
create index device_ledger_province_stage on device_ledger_entry (province_id, stage);
create index device_ledger_commune_stage on device_ledger_entry (commune_id, stage);

create function device_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end
$$;
create trigger device_event_append_only before update or delete on device_event
    for each row execute function device_append_only();
create trigger device_ledger_append_only before update or delete on device_ledger_entry
    for each row execute function device_append_only();
create trigger device_wipe_append_only before update or delete on device_wipe
    for each row execute function device_append_only();
