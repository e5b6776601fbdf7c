package org.digilit.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * Signs a user in for a service-level test, with the same claims Keycloak's tokens carry (subject, username, display
 * name, organisation, realm roles), so scope rules are tested as they run in production.
 */
public final class TestUsers {

    private TestUsers() {}

    public static void signIn(String username, @Nullable String organisationCode, Roles.Role... roles) {
        signInNamed(username, username, organisationCode, roles);
    }

    /** Signs a user in whose display name differs from their username (what a certificate prints). */
    public static void signInNamed(
            String username, String displayName, @Nullable String organisationCode, Roles.Role... roles) {
        SecurityContextHolder.getContext()
                .setAuthentication(authentication(username, displayName, organisationCode, roles));
    }

    /**
     * The authentication a Keycloak login gives this user, for a request of a test that goes through the security
     * filters (MockMvc's {@code authentication(...)}).
     */
    public static OAuth2AuthenticationToken authentication(
            String username, String displayName, @Nullable String organisationCode, Roles.Role... roles) {
        var claims = new HashMap<String, Object>();
        claims.put("sub", "test-" + username);
        claims.put("preferred_username", username);
        claims.put(CurrentUser.DISPLAY_NAME_CLAIM, displayName);
        claims.put(
                RealmRoleAuthoritiesMapper.ROLES_CLAIM,
                Arrays.stream(roles).map(Roles.Role::realmRole).toList());
        if (organisationCode != null) {
            claims.put(CurrentUser.ORGANISATION_CLAIM, organisationCode);
        }
        var token = new OidcIdToken("test-token", Instant.now(), Instant.now().plusSeconds(600), claims);
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (var role : roles) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        var user = new DefaultOidcUser(authorities, token, "preferred_username");
        return new OAuth2AuthenticationToken(user, authorities, "keycloak");
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
