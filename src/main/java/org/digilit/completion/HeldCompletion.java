package org.digilit.completion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.digilit.base.Bilingual;

/**
 * A completion waiting in the holding list for its person's account: who (name and masked identity number only),
 * where, what, when, and why it waits ({@code NO_ACCOUNT}).
 */
public record HeldCompletion(
        long id,
        String fullName,
        String maskedIdentityNumber,
        String platformCode,
        String platformNameVi,
        String platformNameEn,
        String programmeCode,
        LocalDate completedOn,
        String reason,
        Instant receivedAt) {

    public String platformName(Locale locale) {
        return Bilingual.pick(locale, platformNameVi, platformNameEn);
    }
}
