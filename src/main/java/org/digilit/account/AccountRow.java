package org.digilit.account;

import java.time.LocalDate;
import org.digilit.base.Audience;
import org.digilit.identity.IdentityNumber;
import org.digilit.identity.IdentityNumbers;
import org.jspecify.annotations.Nullable;

/**
 * One person as an account file describes them, every value checked and normalised: the row it came from (as a
 * spreadsheet shows it), their validated identity number, name (NFC), date of birth, gender, phone ({@code +} and
 * digits only), e-mail (lower case), the code of the organisation they belong to, their audience, and their staff
 * number. Its {@code toString} shows the identity number masked, as {@link IdentityNumber} does.
 */
public record AccountRow(
        int row,
        IdentityNumber identityNumber,
        String fullName,
        LocalDate dateOfBirth,
        IdentityNumbers.Gender gender,
        String phone,
        @Nullable String email,
        String organisationCode,
        Audience audience,
        @Nullable String staffNumber) {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int STAFF_NUMBER_MAX_LENGTH = 64;
    public static final int PHONE_MIN_DIGITS = 8;
    public static final int PHONE_MAX_DIGITS = 15;
    /** The earliest date of birth accepted: anything earlier is a typing slip. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
}
