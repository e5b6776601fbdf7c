package org.digilit.learning;

import java.util.Locale;
import org.digilit.base.Bilingual;
import org.digilit.base.Quarter;

/**
 * A course the signed-in learner is required to take: due by a quarter, assigned on their organisation or one above
 * it (named here, "assigned by Tỉnh Đồng An"). When several levels assign the same course, the earliest due date counts.
 */
public record LearnerAssignment(String courseId, Quarter due, String assignedByVi, String assignedByEn) {

    public String assignedBy(Locale locale) {
        return Bilingual.pick(locale, assignedByVi, assignedByEn);
    }
}
