package org.digilit.learning;

import java.util.Locale;
import java.util.Optional;

/**
 * Names a completion source for people: learning names its own ({@code ONLINE}, {@code IN_PERSON}) through
 * translations; a feature that writes {@code EXTERNAL:<code>} completions names its platforms through this port.
 */
public interface CompletionSourceNames {

    String ONLINE = "ONLINE";
    String IN_PERSON = "IN_PERSON";

    /** The platform's name for an {@code EXTERNAL:<code>} source, empty when unknown to this implementation. */
    Optional<String> name(String source, Locale locale);
}
