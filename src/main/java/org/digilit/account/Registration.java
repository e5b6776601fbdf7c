package org.digilit.account;

import java.time.LocalDate;
import org.digilit.identity.IdentityNumbers.Gender;
import org.jspecify.annotations.Nullable;

/** What a citizen types on the public self-registration page. */
public record Registration(
        String identityNumber,
        String fullName,
        @Nullable LocalDate dateOfBirth,
        @Nullable Gender gender,
        @Nullable String phone,
        @Nullable Long communeId) {}
