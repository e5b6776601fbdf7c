package org.digilit.account;

import org.jspecify.annotations.Nullable;

/**
 * A Keycloak user as the directory finds it: its Keycloak id and the attributes the platform reconciles by. The
 * attributes are absent on users the platform did not create (service accounts, users made by hand).
 */
public record DirectoryEntry(
        String id,
        String username,
        boolean enabled,
        @Nullable String organisationCode,
        @Nullable String audience,
        @Nullable Long accountId) {}
