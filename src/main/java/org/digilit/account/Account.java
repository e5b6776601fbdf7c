package org.digilit.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.digilit.base.Audience;
import org.digilit.base.Bilingual;
import org.digilit.identity.IdentityNumbers.Gender;
import org.jspecify.annotations.Nullable;

/** An account as its details page shows it. The identity number appears only masked (last four characters). */
public record Account(
        long id,
        String username,
        String maskedIdentityNumber,
        String fullName,
        LocalDate dateOfBirth,
        Gender gender,
        @Nullable String phone,
        @Nullable String email,
        long organisationId,
        String organisationCode,
        String organisationNameVi,
        String organisationNameEn,
        Audience audience,
        @Nullable String staffNumber,
        AccountState state,
        @Nullable String stateReason,
        AccountSource source,
        boolean selfRegistered,
        @Nullable String keycloakId,
        @Nullable Instant provisionedAt,
        @Nullable Instant activatedAt,
        @Nullable Instant verifiedAt,
        @Nullable String verifiedBy,
        Instant createdAt,
        Instant updatedAt) {

    public String organisationName(Locale locale) {
        return Bilingual.pick(locale, organisationNameVi, organisationNameEn);
    }
}
