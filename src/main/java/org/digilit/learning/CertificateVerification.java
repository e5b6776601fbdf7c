package org.digilit.learning;

import org.jspecify.annotations.Nullable;

/**
 * The public answer about a verification code: valid, revoked (the certificate says when and why), or unknown (no
 * certificate, and nothing else). Anyone may ask; the answer holds only what the printed certificate shows.
 */
public record CertificateVerification(
        Status status, String code, @Nullable Certificate certificate) {

    public enum Status {
        VALID,
        REVOKED,
        UNKNOWN
    }

    static CertificateVerification unknown(String code) {
        return new CertificateVerification(Status.UNKNOWN, code, null);
    }

    static CertificateVerification of(Certificate certificate) {
        return new CertificateVerification(
                certificate.revoked() ? Status.REVOKED : Status.VALID, certificate.code(), certificate);
    }
}
