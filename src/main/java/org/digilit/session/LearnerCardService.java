package org.digilit.session;

import java.util.List;
import java.util.Optional;
import org.digilit.account.AccountService;
import org.digilit.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learner cards: the signed-in learner's own card (shown on their learning page), and a session's roster printed as
 * cards by those who manage the session.
 */
@Service
public class LearnerCardService {

    /** The learner's card: name, username and the code of its QR. */
    public record LearnerCard(String fullName, String username, String code) {}

    private final LearnerCards cards;
    private final AccountService accounts;
    private final SessionService sessions;
    private final SessionStore store;
    private final CurrentUser currentUser;

    LearnerCardService(
            LearnerCards cards,
            AccountService accounts,
            SessionService sessions,
            SessionStore store,
            CurrentUser currentUser) {
        this.cards = cards;
        this.accounts = accounts;
        this.sessions = sessions;
        this.store = store;
        this.currentUser = currentUser;
    }

    /** The signed-in learner's card. */
    @Transactional(readOnly = true)
    public Optional<LearnerCard> mine() {
        var user = currentUser.require();
        var name = accounts.mine().map(a -> a.fullName()).orElse(user.displayName());
        return Optional.of(new LearnerCard(name, user.username(), cards.code(user.username())));
    }

    /** The learner's own card as a PDF (one card). */
    @Transactional(readOnly = true)
    public byte[] myCardPdf(String title, String hint) {
        var card = mine().orElseThrow();
        return LearnerCardPdf.render(
                List.of(new LearnerCardPdf.Card(card.fullName(), card.username(), card.code())), title, hint);
    }

    /** Cards for every learner on a session's roster (walk-ins have no account, so no card). */
    @Transactional(readOnly = true)
    public byte[] rosterCardsPdf(long sessionId, String title, String hint) {
        sessions.get(sessionId);
        var roster = store.roster(sessionId).stream()
                .filter(e -> !e.username().startsWith("walkin:"))
                .map(e -> new LearnerCardPdf.Card(e.fullName(), e.username(), cards.code(e.username())))
                .toList();
        if (roster.isEmpty()) {
            throw new SessionRejectedException("sessions.error.empty-roster");
        }
        return LearnerCardPdf.render(roster, title, hint);
    }
}
