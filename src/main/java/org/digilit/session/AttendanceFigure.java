package org.digilit.session;

import java.util.Locale;
import org.digilit.base.Bilingual;

/**
 * Attendance of one organisation's subtree in a period: sessions held (started by now), learners on their rosters,
 * and how many of them attended (present or late).
 */
public record AttendanceFigure(
        long organisationId,
        String code,
        String nameVi,
        String nameEn,
        int childCount,
        int sessionsHeld,
        int enrolled,
        int attended) {

    /** Attended per enrolled, 0 to 1; -1 when nobody was enrolled (no rate: not the weakest, listed last). */
    public double rate() {
        return enrolled == 0 ? -1 : (double) attended / enrolled;
    }

    public String name(Locale locale) {
        return Bilingual.pick(locale, nameVi, nameEn);
    }
}
