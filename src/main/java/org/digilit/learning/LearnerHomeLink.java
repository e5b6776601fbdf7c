package org.digilit.learning;

import org.digilit.security.AuthenticatedUser;

/**
 * A link another feature puts on the learner's home: the profile, the learner card for in-person classes, a device
 * request. Each feature provides its own as a bean, so learning lists them without naming their addresses.
 */
public interface LearnerHomeLink {

    /** The page's address. */
    String path();

    /** The translation key of the link's text. */
    String titleKey();

    /** Where the link stands among the others: lower first. */
    int order();

    /** Whether this learner sees the link. */
    default boolean shownTo(AuthenticatedUser user) {
        return true;
    }
}
