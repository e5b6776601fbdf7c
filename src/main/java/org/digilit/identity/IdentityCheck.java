package org.digilit.identity;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking an identity number: valid (with the normalised number), or the reason it is not, as a problem
 * code the UI translates ({@code identity.problem.<code>}). The reason never contains the number.
 */
public record IdentityCheck(
        @Nullable IdentityNumber number, @Nullable String problem) {

    static IdentityCheck valid(IdentityNumber number) {
        return new IdentityCheck(number, null);
    }

    static IdentityCheck invalid(String problem) {
        return new IdentityCheck(null, problem);
    }

    public boolean isValid() {
        return number != null;
    }

    public Optional<IdentityNumber> validNumber() {
        return Optional.ofNullable(number);
    }
}
