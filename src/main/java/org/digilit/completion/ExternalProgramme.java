package org.digilit.completion;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.digilit.base.Bilingual;

/**
 * A programme or course of another platform, mapped either to one DigiLit course ({@link Kind#COURSE}: completing it
 * there completes that course) or kept as an external programme ({@link Kind#PROGRAMME}) that counts for the DigiLit
 * courses an admin chose, possibly none (then it is recorded and listed, but counts for no rule).
 */
public record ExternalProgramme(
        long id, long platformId, String code, String nameVi, String nameEn, Kind kind, List<String> courseIds) {

    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public enum Kind {
        COURSE,
        PROGRAMME
    }

    public ExternalProgramme {
        courseIds = List.copyOf(courseIds);
        if (kind == Kind.COURSE && courseIds.size() != 1) {
            throw new IllegalArgumentException("A programme mapped to a course names exactly one course");
        }
    }

    public String name(Locale locale) {
        return Bilingual.pick(locale, nameVi, nameEn);
    }
}
