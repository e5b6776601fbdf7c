package org.digilit.identity;

/**
 * A normalised, validated identity number. Personal data: its {@code toString} shows only the last four characters,
 * so it cannot leak into a log line or an exception message by accident; the value itself is for the protector only.
 */
public final class IdentityNumber {

    private final IdentityScheme scheme;
    private final String value;

    IdentityNumber(IdentityScheme scheme, String value) {
        this.scheme = scheme;
        this.value = value;
    }

    public IdentityScheme scheme() {
        return scheme;
    }

    /** The last four characters, for display and for telling people apart on screen. */
    public String lastFour() {
        return value.substring(Math.max(0, value.length() - 4));
    }

    /** The masked form for screens: every character but the last four hidden. */
    public String masked() {
        return "•".repeat(Math.max(0, value.length() - 4)) + lastFour();
    }

    /**
     * The masked form of a number known only by its last four characters (as stored beside the encrypted number): a
     * fixed run of dots, so the length gives nothing away either.
     */
    public static String maskLastFour(String lastFour) {
        return "••••••••" + lastFour;
    }

    /** The number itself. Package-private: only this package (the protector) ever needs it in clear. */
    String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityNumber that && scheme == that.scheme && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode() * 31 + scheme.hashCode();
    }

    @Override
    public String toString() {
        return "IdentityNumber[" + masked() + "]";
    }
}
