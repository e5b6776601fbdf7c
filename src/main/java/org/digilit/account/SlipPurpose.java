package org.digilit.account;

/** What a one-time code on a slip does: activate a new account, or set a new password for an activated one. */
public enum SlipPurpose {
    ACTIVATION,
    RESET
}
