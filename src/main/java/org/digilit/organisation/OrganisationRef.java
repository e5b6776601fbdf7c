package org.digilit.organisation;

import java.util.Locale;

/** An organisation reduced to what other features need to resolve a code and check scope. */
public record OrganisationRef(long id, String code, String path, OrganisationType type, String nameVi, String nameEn) {

    public String name(Locale locale) {
        return locale.getLanguage().equals("vi") || nameEn.isBlank() ? nameVi : nameEn;
    }
}
