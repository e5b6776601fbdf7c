package org.digilit.organisation;

import org.digilit.base.Bilingual;
import org.jspecify.annotations.Nullable;

/** An organisation as services hand it out. {@code path} is the materialised path of ids, {@code /1/7/42/}. */
public record OrganisationSummary(
        long id,
        String code,
        @Nullable Long parentId,
        OrganisationType type,
        String nameVi,
        String nameEn,
        Headcounts headcounts,
        String path,
        int depth,
        int childCount) {

    public String name(java.util.Locale locale) {
        return Bilingual.pick(locale, nameVi, nameEn);
    }
}
