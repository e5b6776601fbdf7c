package org.digilit.account;

import org.springframework.stereotype.Component;

/**
 * The provisioning worker's checkpoint in the integration tests' application: runs the fault a test armed (stop
 * Keycloak, throw as a crash would) after each batch Keycloak answered, until the test clears it.
 */
@Component
class ProvisioningFaults implements ProvisioningCheckpoint {

    private volatile Runnable fault = () -> {};

    void arm(Runnable fault) {
        this.fault = fault;
    }

    void clear() {
        fault = () -> {};
    }

    @Override
    public void afterDirectoryCalls() {
        fault.run();
    }
}
