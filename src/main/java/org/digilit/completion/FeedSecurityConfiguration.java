package org.digilit.completion;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.digilit.security.KeycloakProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The keyed completion feed ({@value CompletionFeedController#PATH}) is for machines, not people: its own filter
 * chain, ahead of the Vaadin login chain and for that path only, accepts nothing but a bearer token, a JWT signed by
 * the realm (its keys from the realm's JWK set, fetched when first needed so the app starts without Keycloak), issued
 * by the realm's issuer, and carrying the realm role {@value #ROLE}. Stateless, no session, no CSRF (no cookies).
 */
@Configuration(proxyBeanMethods = false)
class FeedSecurityConfiguration {

    /** The realm role a platform's feed client needs (given to its service account). */
    static final String ROLE = "completion-feed";

    @Bean
    @Order(1)
    SecurityFilterChain completionFeedChain(HttpSecurity http, KeycloakProperties keycloak) throws Exception {
        var decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.backChannelRealmUrl() + "/protocol/openid-connect/certs")
                .build();
        decoder.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(keycloak.issuer())));
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> realmRoles(jwt.getClaimAsMap("realm_access")));
        converter.setPrincipalClaimName("azp");
        http.securityMatcher(CompletionFeedController.PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ROLE))
                .oauth2ResourceServer(
                        server -> server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    static Collection<GrantedAuthority> realmRoles(@org.jspecify.annotations.Nullable Map<String, Object> realmAccess) {
        if (realmAccess == null || !(realmAccess.get("roles") instanceof List<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
