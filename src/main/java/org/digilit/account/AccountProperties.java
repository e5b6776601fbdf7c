package org.digilit.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the accounts' recovery and imports (DD007).
 *
 * @param emailReset whether the "forgot password" page also offers Keycloak's own reset-by-email flow: off by default
 *     (the local stack has no mail server); a deployment that turns it on also sets the realm's SMTP server and
 *     "Forgot password" ({@code resetPasswordAllowed}) in Keycloak
 * @param outOfScopeMatchesPerDay how many identity numbers of people in organisations outside an admin's scope the
 *     admin's people files may match in one day (dry runs and applies together); past it, checks are refused and the
 *     platform admins are told
 */
@ConfigurationProperties("digilit.accounts")
public record AccountProperties(
        @DefaultValue("false") boolean emailReset,
        @DefaultValue("50") int outOfScopeMatchesPerDay) {

    public AccountProperties {
        if (outOfScopeMatchesPerDay < 0) {
            throw new IllegalArgumentException("digilit.accounts.out-of-scope-matches-per-day must not be negative");
        }
    }
}
