package org.digilit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.digilit.identity.IdentityNumbers.Gender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityNumbersTest {

    @ParameterizedTest(name = "{0} is a valid CCCD")
    @CsvSource({
        "001090012345", // Hà Nội, man born 1990
        "079301234567", // Hồ Chí Minh City, woman born 2001
        "'001 090 012 345'", // typed with spaces
        "001-090-012-345", // typed with dashes
        "０７９３０１２３４５６７", // full-width digits from a phone keyboard
        "096199000001" // Cà Mau, woman born 1990
    })
    void valid_vietnamese_numbers_pass_after_normalising(String typed) {
        var check = IdentityNumbers.check(IdentityScheme.VIETNAM_CCCD, typed);
        assertThat(check.isValid()).as(check.problem()).isTrue();
        assertThat(check.number().value()).matches("[0-9]{12}");
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
        "'', empty",
        "00109001234, wrong-length",
        "0010900123456, wrong-length",
        "00109001234A, not-digits",
        "003090012345, unknown-province", // 003 is not a province code
        "099090012345, unknown-province",
        "000090012345, unknown-province"
    })
    void invalid_vietnamese_numbers_are_refused_with_the_reason(String typed, String reason) {
        var check = IdentityNumbers.check(IdentityScheme.VIETNAM_CCCD, typed);
        assertThat(check.isValid()).isFalse();
        assertThat(check.problem()).isEqualTo(reason);
    }

    @Test
    void the_cccd_must_agree_with_the_date_of_birth_and_gender() {
        var man1990 = "001090012345";
        assertThat(IdentityNumbers.check(IdentityScheme.VIETNAM_CCCD, man1990, LocalDate.of(1990, 5, 1), Gender.MALE)
                        .isValid())
                .isTrue();
        assertThat(IdentityNumbers.check(IdentityScheme.VIETNAM_CCCD, man1990, LocalDate.of(1991, 5, 1), Gender.MALE)
                        .problem())
                .isEqualTo("birth-year-mismatch");
        assertThat(IdentityNumbers.check(IdentityScheme.VIETNAM_CCCD, man1990, LocalDate.of(1990, 5, 1), Gender.FEMALE)
                        .problem())
                .isEqualTo("gender-mismatch");
        // Born in 2090 would need century digit 2: the same digits with 0 mean 1990.
        assertThat(IdentityNumbers.check(IdentityScheme.VIETNAM_CCCD, man1990, LocalDate.of(2090, 1, 1), null)
                        .problem())
                .isEqualTo("birth-year-mismatch");
        var woman2001 = "079301234567";
        assertThat(IdentityNumbers.check(
                                IdentityScheme.VIETNAM_CCCD, woman2001, LocalDate.of(2001, 12, 31), Gender.FEMALE)
                        .isValid())
                .isTrue();
    }

    @Test
    void aadhaar_numbers_need_twelve_digits_a_valid_first_digit_and_the_verhoeff_check_digit() {
        var base = "23456789012";
        var valid = base + Verhoeff.checkDigit(base);
        assertThat(IdentityNumbers.check(IdentityScheme.AADHAAR, valid).isValid())
                .isTrue();
        assertThat(IdentityNumbers.check(
                                IdentityScheme.AADHAAR,
                                valid.substring(0, 4) + " " + valid.substring(4, 8) + " " + valid.substring(8))
                        .isValid())
                .isTrue();
        var wrongCheck = base + ((Verhoeff.checkDigit(base) + 1) % 10);
        assertThat(IdentityNumbers.check(IdentityScheme.AADHAAR, wrongCheck).problem())
                .isEqualTo("check-digit");
        var swapped = valid.charAt(1) + "" + valid.charAt(0) + valid.substring(2);
        assertThat(IdentityNumbers.check(IdentityScheme.AADHAAR, swapped).isValid())
                .isFalse();
        var startsWithOne = "1" + valid.substring(1);
        assertThat(IdentityNumbers.check(IdentityScheme.AADHAAR, startsWithOne).problem())
                .isEqualTo("aadhaar-first-digit");
        assertThat(IdentityNumbers.check(IdentityScheme.AADHAAR, "2345").problem())
                .isEqualTo("wrong-length");
    }

    @Test
    void verhoeff_catches_every_single_digit_error() {
        var base = "98765432109";
        var valid = base + Verhoeff.checkDigit(base);
        assertThat(Verhoeff.isValid(valid)).isTrue();
        for (int position = 0; position < valid.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position)) {
                    continue;
                }
                var wrong = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertThat(Verhoeff.isValid(wrong)).as(wrong).isFalse();
            }
        }
    }

    @Test
    void generic_numbers_are_letters_and_digits() {
        assertThat(IdentityNumbers.check(IdentityScheme.GENERIC, "ab-1234").isValid())
                .isTrue();
        assertThat(IdentityNumbers.check(IdentityScheme.GENERIC, "a1").problem())
                .isEqualTo("generic-format");
        assertThat(IdentityNumbers.check(IdentityScheme.GENERIC, "abc_123!").problem())
                .isEqualTo("generic-format");
    }

    @Test
    void an_identity_number_never_prints_itself() {
        var number = IdentityNumbers.check(IdentityScheme.VIETNAM_CCCD, "001090012345")
                .number();
        assertThat(number.toString()).doesNotContain("001090012345").endsWith("2345]");
        assertThat(number.masked()).isEqualTo("••••••••2345");
        assertThat(String.valueOf(IdentityNumbers.check(IdentityScheme.VIETNAM_CCCD, "001090012345")))
                .doesNotContain("00109001");
    }
}
