package org.digilit.device;

import java.security.SecureRandom;

/** Random public codes without look-alike letters: a device's code, a receipt's, a request's pseudonymous number. */
final class PublicCodes {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PublicCodes() {}

    static String device() {
        return "TB-" + random(4) + "-" + random(4);
    }

    static String receipt() {
        return "BN-" + random(5) + "-" + random(5) + "-" + random(5);
    }

    static String request() {
        return "YC-" + random(6);
    }

    /** A six-digit one-time handover code. */
    static String handoverCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    private static String random(int length) {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
