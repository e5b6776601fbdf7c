package org.digilit.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Login through Keycloak (OIDC authorization code flow with PKCE, public client), realm roles as authorities, view
 * access by {@code @RolesAllowed} on the server (checked by Vaadin's navigation access control; services use
 * {@code @PreAuthorize}, so views are not wrapped in method-security proxies), and RP-initiated logout that ends the Keycloak session too.
 *
 * <p>Hardening (issue #14, docs/decisions/DD008): each block below is marked {@code [#14 §n]} with the finding it
 * answers, so other changes to this class merge around them.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    static final String REGISTRATION_ID = "keycloak";
    static final String LOGIN_URL = "/oauth2/authorization/" + REGISTRATION_ID;
    static final String ATTENDANCE_API = "/attendance/api/**";
    static final String CERTIFICATE_KEY_SET = "/.well-known/digilit-certificate-keys.json";

    /** [#21] The server-rendered public pages (DD015), open to anyone. */
    static final String[] PUBLIC_PAGES = {
        "/", "/language", "/verify", "/verify/*", "/activate", "/courses", "/courses/*"
    };

    /** [#21] The learner's home, server-rendered (DD015). */
    static final String LEARNER_HOME = "/learn";

    /** [#21] The learner's other server-rendered pages: lessons and their "done" posts, quizzes, own certificates. */
    static final String[] LEARNER_PAGES = {
        "/learn/*/lesson/*", "/learn/*/lesson/*/done", "/learn/*/quiz", "/learn/certificates/*"
    };

    /** [#14 §3] The health group with every detail: platform admins, or anyone on the (internal) management port. */
    static final String HEALTH_DETAILS = "/actuator/health/details";

    /**
     * [#14 §7] Content-Security-Policy of the app's pages, as strict as Vaadin Flow allows:
     *
     * <ul>
     *   <li>{@code script-src 'unsafe-inline' 'unsafe-eval'}: Flow's bootstrap page has inline scripts, and the client
     *       runs the server's {@code executeJs} and element property bindings through {@code new Function(...)}; no
     *       other origin may serve script;
     *   <li>{@code style-src 'unsafe-inline'}: Lumo and the components set inline styles;
     *   <li>{@code img-src data: blob:}: icons as data URIs, QR codes and upload previews;
     *   <li>{@code connect-src 'self'}: Flow's UIDL and upload requests, and room for same-origin JSON endpoints (the
     *       offline page's REST API); {@code worker-src 'self'}: a service worker served from a static path of the app;
     *   <li>{@code form-action} adds Keycloak: logout posts to the app, which redirects to Keycloak's end-session page,
     *       and browsers check form targets' redirects too;
     *   <li>{@code frame-ancestors 'none'}, {@code object-src 'none'}, {@code base-uri 'self'}.
     * </ul>
     */
    static String contentSecurityPolicy(String keycloakOrigin) {
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "worker-src 'self'",
                "manifest-src 'self'",
                "frame-src 'none'",
                "frame-ancestors 'none'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self' " + keycloakOrigin);
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            KeycloakProperties keycloak,
            @Value("${management.server.port:}") String managementServerPort,
            @Value("${digilit.security.https:false}") boolean https)
            throws Exception {
        // [#14 §3] Requests that arrive on the management port (only when management.server.port is set; keep that
        // port off public networks): health with details, for monitoring inside the deployment.
        int managementPort = managementServerPort.isBlank() ? -1 : Integer.parseInt(managementServerPort.strip());
        RequestMatcher onManagementPort = request -> managementPort > 0 && request.getLocalPort() == managementPort;
        http.authorizeHttpRequests(requests -> requests.requestMatchers(onManagementPort)
                        .permitAll()
                        // The error page of a request that was already authorised (or answered) on its way in: a
                        // missing file is a 404 for anyone, not a login redirect. It shows the status, never details.
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR)
                        .permitAll()
                        // [#14 §3] Anyone gets the status only (show-details=when-authorized: platform admins see
                        // details); the details group is for platform admins.
                        .requestMatchers(HEALTH_DETAILS)
                        .hasRole(Roles.PLATFORM_ADMIN)
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers(
                                "/styles/**",
                                "/images/**",
                                "/icons/**",
                                // The lessons' pictures: course content is public, like the catalogue.
                                "/course-images/**",
                                // The attendance page's QR decoder (a public library file), cached by its service
                                // worker.
                                "/webjars/html5-qrcode/**")
                        .permitAll()
                        // Certificates (learning.ui.CertificateController): the key set that verifies credentials and
                        // a certificate's credential by its public code, for anyone, offline verifiers included.
                        .requestMatchers(HttpMethod.GET, CERTIFICATE_KEY_SET, "/credentials/*")
                        .permitAll()
                        // [#21] The server-rendered public pages (DD015): the landing page, its language links, the
                        // certificate check, the activation page, the catalogue and the course pages, answered by
                        // Spring MVC controllers rather than
                        // Vaadin views.
                        .requestMatchers(HttpMethod.GET, PUBLIC_PAGES)
                        .permitAll()
                        // The activation form posts back to its page (with the CSRF token of the page it came from).
                        .requestMatchers(HttpMethod.POST, "/activate")
                        .permitAll()
                        // [#21] The learner's server-rendered pages (DD015): their home for learners' roles; a lesson,
                        // its "done" post, a quiz and one's own certificate downloads for anyone signed in (staff learn
                        // too). The services check again; "done" and the quiz's answers post with the page's CSRF
                        // token.
                        .requestMatchers(HttpMethod.GET, LEARNER_HOME)
                        .hasAnyRole(Roles.CITIZEN, Roles.TEACHER, Roles.OFFICIAL)
                        .requestMatchers(LEARNER_PAGES)
                        .authenticated()
                        // The facilitator's offline phone page (static files) and its JSON endpoints: for anyone logged
                        // in; the session feature checks per facilitator and session what each may read and send.
                        // Without this rule Vaadin's configurer refuses every path that is not a view (403).
                        .requestMatchers("/attendance", "/attendance/**")
                        .authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(
                                new LocaleAwareAuthorizationRequestResolver(registrations)))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new RealmRoleAuthoritiesMapper())))
                // [#14 §2] OIDC back-channel logout: Keycloak posts a logout token to
                // /logout/connect/back-channel/keycloak when a user's Keycloak session ends (logout elsewhere, an admin
                // signing the user out, a disabled user); the sessions of that Keycloak session end here too. The
                // endpoint takes no CSRF token (Keycloak's signed logout token is the proof).
                .oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()))
                // [#14 §7] Headers: CSP (see contentSecurityPolicy), no framing, no referrer to other origins, and HSTS
                // when the platform is served over HTTPS (digilit.security.https; also makes the session cookie
                // Secure, see application.properties).
                .headers(headers -> {
                    headers.contentSecurityPolicy(
                            csp -> csp.policyDirectives(contentSecurityPolicy(origin(keycloak.serverUrl()))));
                    headers.frameOptions(frame -> frame.deny());
                    headers.referrerPolicy(
                            referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
                    if (https) {
                        // Behind a TLS-terminating proxy the request itself may be plain HTTP: send HSTS on every
                        // answer (forwarded headers are trusted, see server.forward-headers-strategy).
                        headers.httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                                .maxAgeInSeconds(31_536_000)
                                .includeSubDomains(true));
                    } else {
                        headers.httpStrictTransportSecurity(hsts -> hsts.disable());
                    }
                })
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.oauth2LoginPage(LOGIN_URL, "{baseUrl}/"))
                // Added last on purpose, see AttendanceApiEntryPoint.
                .with(new AttendanceApiEntryPoint(), Customizer.withDefaults());
        return http.build();
    }

    /**
     * The offline attendance page's JSON endpoints (session.ui.AttendanceController): an expired login answers 401
     * instead of a redirect to Keycloak, so the page asks to log in again and keeps its queue.
     *
     * <p>Spring Security uses the FIRST registered entry point as the default for requests no entry point's matcher
     * prefers. Registering this one in the {@code exceptionHandling} customizer made it first (the login's is only
     * registered when the configurers initialise), so every non-browser request to a protected path got 401 instead
     * of the redirect to Keycloak. A configurer added after {@code oauth2Login} and Vaadin's registers it during its
     * own initialisation, after the login's: the login stays the default, and only {@code /attendance/api/**} answers
     * 401.
     */
    static final class AttendanceApiEntryPoint extends AbstractHttpConfigurer<AttendanceApiEntryPoint, HttpSecurity> {
        @Override
        public void init(HttpSecurity http) {
            @SuppressWarnings("unchecked")
            ExceptionHandlingConfigurer<HttpSecurity> exceptions =
                    http.getConfigurer(ExceptionHandlingConfigurer.class);
            exceptions.defaultAuthenticationEntryPointFor(
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                    PathPatternRequestMatcher.withDefaults().matcher(ATTENDANCE_API));
        }
    }

    /** scheme://host[:port] of a URL. */
    static String origin(String url) {
        var uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
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
