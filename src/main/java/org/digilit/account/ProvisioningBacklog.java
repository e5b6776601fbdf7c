package org.digilit.account;

import org.jspecify.annotations.Nullable;

/** The provisioning outbox at a glance: accounts waiting for Keycloak, those that failed at least once, the last error. */
public record ProvisioningBacklog(
        long waiting, long failing, @Nullable String lastError) {}
