package org.digilit.account;

/**
 * The point in a provisioning batch after Keycloak answered and before the batch commits, where a crash must lose and
 * double nothing. The app defines no bean of it (the worker then does nothing there); integration tests define one that
 * stops Keycloak or throws at that point.
 */
@FunctionalInterface
interface ProvisioningCheckpoint {

    /** Does nothing. */
    ProvisioningCheckpoint NONE = () -> {};

    /** Runs in the worker's thread, inside the batch's transaction, once Keycloak has answered the batch. */
    void afterDirectoryCalls();
}
