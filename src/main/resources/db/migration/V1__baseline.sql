-- Baseline schema of DigiLit. Later features add their own migrations.

-- Each signed-in user's choices that must follow them across devices (the language, to begin with).
-- Keyed by Keycloak's stable user id (the OIDC subject), never by a name or an identity number.
create table user_preference (
    user_subject varchar(64)  primary key,
    locale       varchar(16)  not null,
    updated_at   timestamptz  not null
);
