package org.digilit.organisation;

import org.springframework.security.access.AccessDeniedException;

/** A user asked for an organisation outside their scope. Deliberately says no more than that. */
public class OutOfScopeException extends AccessDeniedException {

    public OutOfScopeException() {
        super("This organisation is outside your scope");
    }
}
