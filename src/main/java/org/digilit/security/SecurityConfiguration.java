package org.digilit.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Login through Keycloak (OIDC authorization code flow with PKCE, public client), realm roles as authorities, view
 * access by {@code @RolesAllowed} on the server (checked by Vaadin's navigation access control; services use
 * {@code @PreAuthorize}, so views are not wrapped in method-security proxies), and RP-initiated logout that ends the Keycloak session too.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    static final String REGISTRATION_ID = "keycloak";
    static final String LOGIN_URL = "/oauth2/authorization/" + REGISTRATION_ID;
    static final String ATTENDANCE_API = "/attendance/api/**";
    static final String CERTIFICATE_KEY_SET = "/.well-known/digilit-certificate-keys.json";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ClientRegistrationRepository registrations)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/styles/**",
                                "/images/**",
                                "/icons/**",
                                // The lessons' pictures: course content is public, like the catalogue.
                                "/course-images/**")
                        .permitAll()
                        // Certificates (learning.ui.CertificateController): the key set that verifies credentials and
                        // a certificate's credential by its public code, for anyone, offline verifiers included.
                        .requestMatchers(HttpMethod.GET, CERTIFICATE_KEY_SET, "/credentials/*")
                        .permitAll())
                // The offline attendance page's JSON endpoints (session.ui.AttendanceController): an expired login
                // answers 401 instead of a redirect to Keycloak, so the page asks to log in again and keeps its queue.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher(ATTENDANCE_API)))
                .oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(
                                new LocaleAwareAuthorizationRequestResolver(registrations)))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new RealmRoleAuthoritiesMapper())))
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.oauth2LoginPage(LOGIN_URL, "{baseUrl}/"));
        return http.build();
    }

    /**
     * The client registration, with Keycloak's endpoints written out rather than discovered: discovery would make the
     * app's start depend on Keycloak being up. Browsers go to {@code server-url}; the app's own calls go to {@code
     * internal-url} when set (inside a container network).
     */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository(KeycloakProperties keycloak) {
        var issuer = keycloak.issuer();
        var backChannel = keycloak.backChannelRealmUrl();
        var registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(keycloak.webClientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(issuer)
                .authorizationUri(issuer + "/protocol/openid-connect/auth")
                .tokenUri(backChannel + "/protocol/openid-connect/token")
                .jwkSetUri(backChannel + "/protocol/openid-connect/certs")
                .userInfoUri(backChannel + "/protocol/openid-connect/userinfo")
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(
                        Map.of("end_session_endpoint", issuer + "/protocol/openid-connect/logout"))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }
}
