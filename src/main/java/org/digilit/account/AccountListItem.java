package org.digilit.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.digilit.base.Audience;
import org.digilit.base.Bilingual;
import org.jspecify.annotations.Nullable;

/** One row of the accounts grid: no identity number beyond its masked form. */
public record AccountListItem(
        long id,
        String username,
        String fullName,
        String maskedIdentityNumber,
        LocalDate dateOfBirth,
        Audience audience,
        AccountState state,
        String organisationCode,
        String organisationNameVi,
        String organisationNameEn,
        boolean provisioned,
        @Nullable Instant activatedAt) {

    public String organisationName(Locale locale) {
        return Bilingual.pick(locale, organisationNameVi, organisationNameEn);
    }
}
