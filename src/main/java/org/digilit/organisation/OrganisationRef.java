package org.digilit.organisation;

import java.util.Locale;
import org.digilit.base.Bilingual;

/** An organisation reduced to what other features need to resolve a code and check scope. */
public record OrganisationRef(long id, String code, String path, OrganisationType type, String nameVi, String nameEn) {

    public String name(Locale locale) {
        return Bilingual.pick(locale, nameVi, nameEn);
    }
}
