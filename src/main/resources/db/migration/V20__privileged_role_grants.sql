-- Issue #14 (DD008): the privileged roles the platform knows it granted. Reconciliation reports (and on repair takes
-- away) every holding of a platform role or a realm-management role in Keycloak that is not listed here, unless it is
-- the audience role (citizen, teacher, official) the platform itself gave a provisioned account. Owned by the account
-- feature (PrivilegedGrantStore).
create table privileged_role_grant (
    username   varchar(255) not null,
    role       varchar(128) not null,
    granted_by varchar(255) not null,
    granted_at timestamptz  not null,
    primary key (username, role)
);
