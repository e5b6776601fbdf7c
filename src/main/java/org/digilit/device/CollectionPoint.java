package org.digilit.device;

import java.util.Locale;
import org.digilit.base.Bilingual;
import org.jspecify.annotations.Nullable;

/** An organisation flagged as a collection point (donors drop devices) and/or a storage point (supply is kept). */
public record CollectionPoint(
        long organisationId,
        String code,
        String nameVi,
        String nameEn,
        boolean collection,
        boolean storage,
        @Nullable String address) {

    public String name(Locale locale) {
        return Bilingual.pick(locale, nameVi, nameEn);
    }
}
