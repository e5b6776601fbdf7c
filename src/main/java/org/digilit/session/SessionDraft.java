package org.digilit.session;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.digilit.base.Audience;

/**
 * What an organisation admin or a facilitator fills in to schedule a session, or a weekly series of {@code weeks}
 * sessions at the same time of the week.
 */
public record SessionDraft(
        long organisationId,
        String courseId,
        Set<String> lessonIds,
        String place,
        Instant startsAt,
        Instant endsAt,
        int capacity,
        Audience audience,
        List<String> facilitators,
        int weeks) {

    public static final int PLACE_MAX_LENGTH = 200;
    public static final int CAPACITY_MAX = 500;
    public static final int WEEKS_MAX = 26;

    public SessionDraft {
        lessonIds = Set.copyOf(lessonIds);
        facilitators = List.copyOf(facilitators);
    }
}
