package org.digilit.account;

/** How an account came into the platform. */
public enum AccountSource {
    IMPORT,
    SELF_REGISTRATION
}
