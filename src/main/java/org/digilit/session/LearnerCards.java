package org.digilit.session;

import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.digilit.identity.IdentityProtector;
import org.springframework.stereotype.Component;

/**
 * The learner card's QR code: {@code DLC1.<username>.<check>}, where the check value is an HMAC of the username
 * under the platform's server key (purpose-separated from the blind index), cut to 10 base-32 characters. It carries
 * no secret and no identity number: it proves only that the platform printed this username, so a typo or a made-up
 * code is refused. The same text is printed under the QR code, for typing when no camera reads it.
 */
@Component
public class LearnerCards implements org.digilit.account.LearnerCardCodes {

    static final String PREFIX = "DLC1.";
    private static final String PURPOSE = "learner-card";
    private static final char[] BASE32 = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CHECK_LENGTH = 10;

    private final IdentityProtector protector;

    LearnerCards(IdentityProtector protector) {
        this.protector = protector;
    }

    /** The card's code for a username. */
    @Override
    public String code(String username) {
        return PREFIX + username + "." + check(username);
    }

    /** The username a card's code names, when its check value is right; empty for anything else. */
    public Optional<String> username(String code) {
        var text = code.strip();
        if (!text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        var rest = text.substring(PREFIX.length());
        int dot = rest.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        var username = rest.substring(0, dot).toLowerCase(Locale.ROOT);
        var given = rest.substring(dot + 1).toUpperCase(Locale.ROOT);
        var expected = check(username);
        return MessageDigest.isEqual(expected.getBytes(), given.getBytes()) ? Optional.of(username) : Optional.empty();
    }

    private String check(String username) {
        var hash = protector.keyedHash(PURPOSE, username.toLowerCase(Locale.ROOT));
        var out = new StringBuilder(CHECK_LENGTH);
        long bits = 0;
        int available = 0;
        int index = 0;
        while (out.length() < CHECK_LENGTH) {
            if (available < 5) {
                bits = (bits << 8) | (hash[index++] & 0xff);
                available += 8;
            }
            int value = (int) ((bits >> (available - 5)) & 31);
            available -= 5;
            out.append(BASE32[value % BASE32.length]);
        }
        return out.toString();
    }
}
