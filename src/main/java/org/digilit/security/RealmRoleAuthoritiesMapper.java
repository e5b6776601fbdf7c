package org.digilit.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * Turns the realm roles that Keycloak puts in the {@code roles} claim (the realm's "realm roles" mapper) into Spring
 * authorities {@code ROLE_<role>}. Only the platform's own roles are mapped; Keycloak's built-in ones are dropped.
 */
class RealmRoleAuthoritiesMapper implements GrantedAuthoritiesMapper {

    static final String ROLES_CLAIM = "roles";

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new HashSet<>(authorities);
        for (var authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                List<String> roles = oidc.getIdToken().getClaimAsStringList(ROLES_CLAIM);
                if (roles == null && oidc.getUserInfo() != null) {
                    roles = oidc.getUserInfo().getClaimAsStringList(ROLES_CLAIM);
                }
                if (roles != null) {
                    for (var role : roles) {
                        for (var known : Roles.Role.values()) {
                            if (known.realmRole().equals(role)) {
                                mapped.add(new SimpleGrantedAuthority(known.authority()));
                            }
                        }
                    }
                }
            }
        }
        return mapped;
    }
}
