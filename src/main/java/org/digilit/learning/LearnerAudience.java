package org.digilit.learning;

import org.digilit.base.Audience;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.Roles.Role;

/**
 * The audience a learner learns as, read from their realm role: teachers and officials count for their institution,
 * everyone else as a citizen. One rule for progress rows (reports count by it) and for which assignments reach them.
 */
final class LearnerAudience {

    private LearnerAudience() {}

    static Audience of(AuthenticatedUser learner) {
        if (learner.has(Role.TEACHER)) {
            return Audience.TEACHER;
        }
        if (learner.has(Role.OFFICIAL)) {
            return Audience.OFFICIAL;
        }
        return Audience.CITIZEN;
    }
}
