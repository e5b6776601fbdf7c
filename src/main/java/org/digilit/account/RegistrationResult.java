package org.digilit.account;

import java.util.Map;

/**
 * The answer to a self-registration. {@link Status#RECEIVED} is the same whether the person was new, already imported
 * (merged) or already registered: the page never reveals whether an identity number is known. Problems name the
 * field and a translation key, for input that is wrong on its face.
 */
public record RegistrationResult(Status status, Map<String, String> problems) {

    public enum Status {
        RECEIVED,
        INVALID,
        RATE_LIMITED
    }

    public RegistrationResult {
        problems = Map.copyOf(problems);
    }

    static RegistrationResult received() {
        return new RegistrationResult(Status.RECEIVED, Map.of());
    }
}
