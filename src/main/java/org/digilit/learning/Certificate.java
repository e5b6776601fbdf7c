package org.digilit.learning;

import java.time.Instant;
import java.util.Locale;
import org.digilit.base.Bilingual;
import org.jspecify.annotations.Nullable;

/**
 * A certificate as it shows: who completed which course when, where they belong, its code, and whether and why it was
 * revoked. Exactly what the printed certificate says: no username, no identity number. The names are copied in at
 * issue, so a later rename of the course or the organisation does not change a certificate already given.
 */
public record Certificate(
        String code,
        String courseId,
        String holderName,
        String courseTitleVi,
        String courseTitleEn,
        @Nullable String organisationNameVi,
        @Nullable String organisationNameEn,
        Instant completedAt,
        @Nullable Instant revokedAt,
        @Nullable String revocationReason) {

    /** The longest revocation reason, shared by the service and the admin view. */
    public static final int REASON_MAX_LENGTH = 500;

    public boolean revoked() {
        return revokedAt != null;
    }

    public String courseTitle(Locale locale) {
        return Bilingual.pick(locale, courseTitleVi, courseTitleEn);
    }

    public @Nullable String organisationName(Locale locale) {
        return Bilingual.pick(locale, organisationNameVi, organisationNameEn);
    }
}
