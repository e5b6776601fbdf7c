package org.digilit.learning;

import java.time.Instant;
import java.util.Locale;
import org.digilit.organisation.Audience;
import org.digilit.organisation.Quarter;

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
        return locale.getLanguage().equals("vi") || organisationNameEn.isBlank()
                ? organisationNameVi
                : organisationNameEn;
    }
}
