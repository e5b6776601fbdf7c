package org.digilit.identity;

/** The identity-number scheme of a deployment (a setting: {@code digilit.identity.scheme}). */
public enum IdentityScheme {
    /** Vietnam's 12-digit citizen identification number (CCCD): province code, century and gender, birth year, serial. */
    VIETNAM_CCCD,
    /** India's 12-digit Aadhaar number, with its Verhoeff check digit. */
    AADHAAR,
    /** Any other scheme: 4 to 32 letters and digits. */
    GENERIC
}
