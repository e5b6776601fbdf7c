package org.digilit.account;

/**
 * The code of a person's learner card ({@code DLC1.<username>.<check>}), for printing the card beside their
 * activation slip (issue #16). The session feature issues cards and implements this port: the slip (account) asks
 * through it, so account does not depend on session, which already depends on account (DD009).
 */
public interface LearnerCardCodes {

    /** The card's code for a username; carries no secret and no identity number. */
    String code(String username);

    /** The printed words of a learner card beside a slip, in the reader's language. */
    record CardTexts(String title, String hint) {}
}
