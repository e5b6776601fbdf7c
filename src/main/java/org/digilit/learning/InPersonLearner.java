package org.digilit.learning;

import org.digilit.base.Audience;
import org.jspecify.annotations.Nullable;

/**
 * A learner who completes a course in person (issue #16): not the signed-in user, but the one a facilitator's session
 * counted. Their name is printed on the certificate; organisation and audience go on the progress row like online.
 */
public record InPersonLearner(
        String username, String displayName, @Nullable String organisationCode, Audience audience) {}
