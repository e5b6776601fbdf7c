package org.digilit.learning;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.digilit.base.Bilingual;
import org.jspecify.annotations.Nullable;

/**
 * What the signed-in learner completed on other platforms, for their home page. Learning defines this port; the
 * completion feature (which imports those completions) implements it, so learning does not depend on it.
 */
public interface CompletionsElsewhere {

    /** The signed-in learner's imported completions, newest first. */
    List<Line> mine();

    /** One imported completion: where, what, when, and the DigiLit courses it counts as. */
    record Line(
            String platformNameVi,
            String platformNameEn,
            String programmeNameVi,
            String programmeNameEn,
            LocalDate completedOn,
            @Nullable String certificateNumber,
            List<String> countsForCourseIds) {

        public Line {
            countsForCourseIds = List.copyOf(countsForCourseIds);
        }

        public String platformName(Locale locale) {
            return Bilingual.pick(locale, platformNameVi, platformNameEn);
        }

        public String programmeName(Locale locale) {
            return Bilingual.pick(locale, programmeNameVi, programmeNameEn);
        }
    }
}
