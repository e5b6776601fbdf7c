package org.digilit.learning;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A certificate's public verification code, {@code DL-XXXX-XXXX-XXXX}: twelve characters drawn by {@link SecureRandom}
 * from an alphabet without the look-alikes 0/O, 1/I/L (31 characters, about 59 bits), so nobody can guess a valid
 * code and anybody can copy one from paper. Not personal data: it may appear in addresses and QR codes.
 */
public record CertificateCode(String value) {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 12;
    static final String PREFIX = "DL";

    private static final SecureRandom RANDOM = new SecureRandom();

    public CertificateCode {
        if (!value.matches(PREFIX + "(-[" + ALPHABET + "]{4}){3}")) {
            throw new IllegalArgumentException("Not a certificate code: " + value);
        }
    }

    /** A fresh random code. */
    static CertificateCode random() {
        var chars = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            chars.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return grouped(chars.toString());
    }

    /**
     * The code a person typed or scanned, however written: any case, with or without the {@code DL} prefix, dashes or
     * spaces. Empty when it cannot be a code.
     */
    public static Optional<CertificateCode> parse(String typed) {
        var chars = typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (chars.length() == LENGTH + PREFIX.length() && chars.startsWith(PREFIX)) {
            chars = chars.substring(PREFIX.length());
        }
        if (chars.length() != LENGTH || !chars.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(grouped(chars));
    }

    private static CertificateCode grouped(String chars) {
        return new CertificateCode(
                PREFIX + "-" + chars.substring(0, 4) + "-" + chars.substring(4, 8) + "-" + chars.substring(8, 12));
    }

    @Override
    public String toString() {
        return value;
    }
}
