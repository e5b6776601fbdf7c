package org.digilit.learning;

import java.time.Instant;
import java.util.Locale;
import org.digilit.base.Audience;
import org.digilit.base.Bilingual;
import org.digilit.base.Quarter;

/**
 * A live required-course assignment as its organisation's admins see it: which course, for whom (an audience of an
 * organisation and its whole subtree), due by which quarter, and who assigned it when.
 */
public record Assignment(
        long id,
        long organisationId,
        String organisationCode,
        String organisationNameVi,
        String organisationNameEn,
        Audience audience,
        String courseId,
        Quarter due,
        String assignedBy,
        Instant assignedAt) {

    public String organisationName(Locale locale) {
        return Bilingual.pick(locale, organisationNameVi, organisationNameEn);
    }
}
