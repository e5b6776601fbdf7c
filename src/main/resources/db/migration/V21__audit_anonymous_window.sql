-- Issue #14 (DD008): what anonymous callers do that the platform refuses (the registration's bot trap, attempts past a
-- rate limit) is counted, one row per action, bucket (the caller's network: IPv4 /24, IPv6 /48) and hour, instead of
-- one audit row per attempt, so a flood cannot fill the database. Owned by the audit feature (AuditService).
create table audit_anonymous_window (
    action       varchar(64)  not null,
    bucket       varchar(64)  not null,
    window_start timestamptz  not null,
    attempts     bigint       not null,
    first_at     timestamptz  not null,
    last_at      timestamptz  not null,
    primary key (action, bucket, window_start)
);
create index audit_anonymous_window_start_idx on audit_anonymous_window (window_start);
