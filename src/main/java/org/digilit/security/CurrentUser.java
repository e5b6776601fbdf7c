package org.digilit.security;

import java.util.EnumSet;
import java.util.Optional;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Who is signed in, read from the security context of the current request or Vaadin session. */
@Component
public class CurrentUser {

    /** The claim the realm's mapper fills with the person's full name, in the order their language writes it. */
    static final String DISPLAY_NAME_CLAIM = "display_name";

    /** The claim the realm's mapper fills with the account's organisation code. */
    static final String ORGANISATION_CLAIM = "organisation_id";

    CurrentUser() {}

    public Optional<AuthenticatedUser> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(toUser(authentication));
    }

    /** The signed-in user; for views and services that only run for signed-in users. */
    public AuthenticatedUser require() {
        return get().orElseThrow(() -> new IllegalStateException("No user is signed in"));
    }

    static AuthenticatedUser toUser(Authentication authentication) {
        var roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            Role.fromAuthority(String.valueOf(authority.getAuthority())).ifPresent(roles::add);
        }
        if (authentication.getPrincipal() instanceof OidcUser oidc) {
            var username = firstText(oidc.getPreferredUsername(), oidc.getSubject());
            var displayName = firstText(oidc.getClaimAsString(DISPLAY_NAME_CLAIM), oidc.getFullName(), username);
            return new AuthenticatedUser(
                    oidc.getSubject(), username, displayName, roles, oidc.getClaimAsString(ORGANISATION_CLAIM));
        }
        var name = authentication.getName();
        return new AuthenticatedUser(name, name, name, roles, null);
    }

    private static String firstText(@Nullable String... candidates) {
        for (var candidate : candidates) {
            if (StringUtils.hasText(candidate)) {
                return candidate;
            }
        }
        return "";
    }
}
