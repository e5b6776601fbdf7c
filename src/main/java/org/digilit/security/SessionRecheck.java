package org.digilit.security;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Rights changed in Keycloak reach open sessions (issue #14, DD008): before each navigation to a view that needs a
 * role ({@code @RolesAllowed}), the user's state in Keycloak is checked ({@link KeycloakUserState}, cached briefly). A
 * user deleted or disabled in Keycloak is signed out; a realm role taken away in Keycloak is taken out of the session's
 * authorities (so services refuse too) and the view is refused when it needed that role. Roles added in Keycloak are
 * not added to an open session: they come with the next login. When Keycloak cannot be asked the session keeps what it
 * has (a residual risk, bounded by the back-channel logout and the session's idle timeout).
 */
@Component
class SessionRecheck implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(SessionRecheck.class);

    private final KeycloakUserState users;
    private final KeycloakProperties keycloak;

    SessionRecheck(KeycloakUserState users, KeycloakProperties keycloak) {
        this.users = users;
        this.keycloak = keycloak;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::recheck));
    }

    void recheck(BeforeEnterEvent event) {
        var allowed = event.getNavigationTarget().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            return;
        }
        var context = SecurityContextHolder.getContext();
        if (!(context.getAuthentication() instanceof OAuth2AuthenticationToken token)
                || !(token.getPrincipal() instanceof OidcUser user)) {
            return;
        }
        if (user.getIssuer() == null
                || !keycloak.issuer().equals(user.getIssuer().toString())) {
            return; // not signed in through this realm (a test's user, say): nothing Keycloak could say about it
        }
        var state = users.get(user.getSubject()).orElse(null);
        if (state == null) {
            return; // Keycloak cannot be asked: keep the session as it is
        }
        if (!state.exists() || !state.enabled()) {
            log.info(
                    "User {} is {} in Keycloak: ending the session",
                    user.getPreferredUsername(),
                    state.exists() ? "disabled" : "gone");
            SecurityContextHolder.clearContext();
            var session = VaadinSession.getCurrent();
            event.rerouteToError(AccessDeniedException.class);
            if (session != null) {
                event.getUI().getPage().setLocation("/");
                session.getSession().invalidate();
            }
            return;
        }
        List<GrantedAuthority> kept = new ArrayList<>();
        boolean changed = false;
        for (var authority : token.getAuthorities()) {
            var role = Roles.Role.fromAuthority(String.valueOf(authority.getAuthority()));
            if (role.isPresent() && !state.realmRoles().contains(role.get().realmRole())) {
                changed = true;
            } else {
                kept.add(authority);
            }
        }
        if (changed) {
            log.info(
                    "Realm roles of {} were taken away in Keycloak: the session loses them",
                    user.getPreferredUsername());
            var reduced = new OAuth2AuthenticationToken(user, kept, token.getAuthorizedClientRegistrationId());
            reduced.setDetails(token.getDetails());
            var updated = SecurityContextHolder.createEmptyContext();
            updated.setAuthentication(reduced);
            SecurityContextHolder.setContext(updated);
            var session = VaadinSession.getCurrent();
            if (session != null) {
                session.getSession()
                        .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, updated);
            }
        }
        var authorities = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(a -> String.valueOf(a.getAuthority()))
                .toList();
        boolean permitted =
                Arrays.stream(allowed.value()).anyMatch(role -> authorities.contains(Roles.AUTHORITY_PREFIX + role));
        if (!permitted) {
            event.rerouteToError(AccessDeniedException.class);
        }
    }
}
