package org.digilit.identity;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Validates identity numbers per scheme, after normalising what people type (spaces, dashes and dots removed,
 * full-width digits turned into ASCII). Vietnam's CCCD is checked against the official province codes, and its century
 * and gender digit and birth year against the person's date of birth and gender when they are known.
 */
public final class IdentityNumbers {

    /** A person's gender as recorded with the number: the CCCD encodes it. */
    public enum Gender {
        MALE,
        FEMALE
    }

    /**
     * The 63 province codes that Vietnamese citizen identification numbers start with (the list in force when the
     * numbers were issued; numbers keep their code when provinces merge).
     */
    static final Set<String> VIETNAM_PROVINCE_CODES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
            "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
            "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
            "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
            "094", "095", "096");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.\\u00A0]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern GENERIC = Pattern.compile("[A-Z0-9]{4,32}");

    private IdentityNumbers() {}

    /** Removes separators and turns full-width digits and letters into ASCII. */
    public static String normalise(String typed) {
        var compatible = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        return SEPARATORS.matcher(compatible).replaceAll("").toUpperCase(Locale.ROOT);
    }

    public static IdentityCheck check(IdentityScheme scheme, @Nullable String typed) {
        return check(scheme, typed, null, null);
    }

    /**
     * Checks a number; where the scheme encodes them, the date of birth and gender (when known) must agree with it.
     */
    public static IdentityCheck check(
            IdentityScheme scheme, @Nullable String typed, @Nullable LocalDate dateOfBirth, @Nullable Gender gender) {
        if (typed == null || typed.isBlank()) {
            return IdentityCheck.invalid("empty");
        }
        var number = normalise(typed);
        return switch (scheme) {
            case VIETNAM_CCCD -> checkVietnam(number, dateOfBirth, gender);
            case AADHAAR -> checkAadhaar(number);
            case GENERIC ->
                GENERIC.matcher(number).matches()
                        ? IdentityCheck.valid(new IdentityNumber(scheme, number))
                        : IdentityCheck.invalid("generic-format");
        };
    }

    private static IdentityCheck checkVietnam(String number, @Nullable LocalDate dateOfBirth, @Nullable Gender gender) {
        if (!DIGITS.matcher(number).matches()) {
            return IdentityCheck.invalid("not-digits");
        }
        if (number.length() != 12) {
            return IdentityCheck.invalid("wrong-length");
        }
        if (!VIETNAM_PROVINCE_CODES.contains(number.substring(0, 3))) {
            return IdentityCheck.invalid("unknown-province");
        }
        int centuryGender = number.charAt(3) - '0';
        int century = 1900 + (centuryGender / 2) * 100;
        var encodedGender = centuryGender % 2 == 0 ? Gender.MALE : Gender.FEMALE;
        int birthYear = century + Integer.parseInt(number.substring(4, 6));
        if (dateOfBirth != null && dateOfBirth.getYear() != birthYear) {
            return IdentityCheck.invalid("birth-year-mismatch");
        }
        if (gender != null && gender != encodedGender) {
            return IdentityCheck.invalid("gender-mismatch");
        }
        return IdentityCheck.valid(new IdentityNumber(IdentityScheme.VIETNAM_CCCD, number));
    }

    private static IdentityCheck checkAadhaar(String number) {
        if (!DIGITS.matcher(number).matches()) {
            return IdentityCheck.invalid("not-digits");
        }
        if (number.length() != 12) {
            return IdentityCheck.invalid("wrong-length");
        }
        if (number.charAt(0) == '0' || number.charAt(0) == '1') {
            return IdentityCheck.invalid("aadhaar-first-digit");
        }
        if (!Verhoeff.isValid(number)) {
            return IdentityCheck.invalid("check-digit");
        }
        return IdentityCheck.valid(new IdentityNumber(IdentityScheme.AADHAAR, number));
    }
}
