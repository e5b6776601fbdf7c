package org.digilit.session;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.digilit.base.Audience;
import org.digilit.base.Bilingual;
import org.jspecify.annotations.Nullable;

/** One in-person class meeting of an organisation. */
public record ClassSession(
        long id,
        long organisationId,
        String organisationCode,
        String organisationNameVi,
        String organisationNameEn,
        String courseId,
        List<String> lessonIds,
        String place,
        Instant startsAt,
        Instant endsAt,
        int capacity,
        Audience audience,
        @Nullable UUID seriesId,
        @Nullable Instant closedAt,
        List<String> facilitators,
        int enrolled,
        int attended) {

    public ClassSession {
        lessonIds = List.copyOf(lessonIds);
        facilitators = List.copyOf(facilitators);
    }

    public boolean closed() {
        return closedAt != null;
    }

    public String organisationName(Locale locale) {
        return Bilingual.pick(locale, organisationNameVi, organisationNameEn);
    }
}
