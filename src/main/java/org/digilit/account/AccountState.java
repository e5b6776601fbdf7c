package org.digilit.account;

/** Where an account stands: waiting for its organisation's check, verified (and so provisioned), rejected, or ended. */
public enum AccountState {
    PENDING,
    VERIFIED,
    REJECTED,
    DEACTIVATED
}
