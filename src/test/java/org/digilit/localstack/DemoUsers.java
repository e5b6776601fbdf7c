package org.digilit.localstack;

import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** One demo user per role, created in the local stack's Keycloak if absent. Their password is in the README. */
public final class DemoUsers {

    public static final String PASSWORD = "Digilit-Demo-2026";

    /** A demo user: login name, the name the platform shows, the realm role and the audience it learns as. */
    public record DemoUser(String username, String displayName, String role, String audience, String organisation) {}

    /**
     * The Vietnamese demo's users (the default, and what tests use): the organisation admin and the device officer work
     * in ward P01-C001 (two-level local government, DD019).
     */
    public static final List<DemoUser> ALL = List.of(
            new DemoUser("citizen.demo", "Nguyễn Thị Lan", "citizen", "citizen", "P01-C001"),
            new DemoUser("teacher.demo", "Trần Văn Minh", "teacher", "teacher", "P01-C001-S01"),
            new DemoUser("facilitator.demo", "Vũ Thị Mai", "facilitator", "citizen", "P01-C002-G1"),
            new DemoUser("orgadmin.demo", "Lê Thị Hoa", "org-admin", "official", "P01-C001"),
            new DemoUser("workinggroup.demo", "Phạm Quốc Bảo", "working-group", "official", "P01"),
            new DemoUser("deviceofficer.demo", "Vũ Thị Mai", "device-officer", "official", "P01-C001"),
            new DemoUser("admin.demo", "Hoàng Đức Anh", "platform-admin", "official", "P01"));

    /**
     * The Indian demo's users ({@code digilit.demo.region=IN}): the organisation admin and the device officer work in
     * block CP-D01-B01 (its block resource centre), the teacher in a school of its first cluster.
     */
    public static final List<DemoUser> INDIA = List.of(
            new DemoUser("citizen.demo", "Sunita Devi", "citizen", "citizen", "CP-D01-B01-GP01"),
            new DemoUser("teacher.demo", "Ramesh Kumar Yadav", "teacher", "teacher", "CP-D01-B01-C01-S01"),
            new DemoUser("facilitator.demo", "Kavita Sharma", "facilitator", "citizen", "CP-D01-B01-GP02-G1"),
            new DemoUser("orgadmin.demo", "Anil Kumar Verma", "org-admin", "official", "CP-D01-B01"),
            new DemoUser("workinggroup.demo", "Priya Mishra", "working-group", "official", "CP"),
            new DemoUser("deviceofficer.demo", "Kavita Sharma", "device-officer", "official", "CP-D01-B01"),
            new DemoUser("admin.demo", "Vikas Gupta", "platform-admin", "official", "CP"));

    /** The setting that picks the demo: {@code IN} for the Indian state, anything else for the Vietnamese province. */
    public static final String REGION_PROPERTY = "digilit.demo.region";

    /** The demo region asked for: the system property {@value #REGION_PROPERTY}, else DIGILIT_DEMO_REGION, else VN. */
    public static String regionSetting() {
        var property = System.getProperty(REGION_PROPERTY);
        if (property != null && !property.isBlank()) {
            return property.strip();
        }
        var environment = System.getenv("DIGILIT_DEMO_REGION");
        return environment == null || environment.isBlank() ? "VN" : environment.strip();
    }

    /** Whether this run loads the Indian demo. */
    public static boolean india() {
        return "IN".equalsIgnoreCase(regionSetting());
    }

    /** The demo users of the run: the Indian ones for the dev run of the Indian demo, else the Vietnamese ones. */
    static List<DemoUser> of(LocalStack stack) {
        return stack.mode() == LocalStack.Mode.DEV && india() ? INDIA : ALL;
    }

    private DemoUsers() {}

    public static DemoUser withRole(String role) {
        return ALL.stream()
                .filter(u -> u.role().equals(role))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo user has the role " + role));
    }

    /** An admin client logged in to the master realm of the local stack's Keycloak (for tests and seeding). */
    public static Keycloak adminClient(LocalStack stack) {
        return KeycloakBuilder.builder()
                .serverUrl(stack.keycloakUrl())
                .realm("master")
                .clientId("admin-cli")
                .username(LocalStack.KEYCLOAK_ADMIN)
                .password(LocalStack.KEYCLOAK_ADMIN_PASSWORD)
                .build();
    }

    /**
     * Points the web client at this run's app address. The realm is imported once per data folder, so a kept folder
     * (dev, benchmarks) still names the address of the run that created it.
     */
    static void pointWebClientAt(LocalStack stack) {
        try (var keycloak = adminClient(stack)) {
            var clients = keycloak.realm(LocalStack.REALM).clients();
            var client = clients.findByClientId("digilit-web").getFirst();
            var app = stack.appUrl();
            var redirect = List.of(app + "/login/oauth2/code/keycloak");
            if (redirect.equals(client.getRedirectUris())) {
                return;
            }
            client.setRedirectUris(redirect);
            client.setWebOrigins(List.of(app));
            client.setRootUrl(app);
            client.setBaseUrl(app + "/");
            var attributes = new java.util.HashMap<>(client.getAttributes());
            attributes.put("post.logout.redirect.uris", app + "/");
            client.setAttributes(attributes);
            clients.get(client.getId()).update(client);
        }
    }

    /**
     * Records in the platform that it grants the demo users their roles, so reconciliation does not report (or strip)
     * them as privileged roles nobody granted (DD008). Idempotent; runs once the app is up.
     */
    public static void recordGrants(org.springframework.context.ApplicationContext context) {
        var reconciliation = context.getBean(org.digilit.account.ReconciliationService.class);
        org.digilit.security.TestUsers.signIn("local-stack", null, org.digilit.security.Roles.Role.PLATFORM_ADMIN);
        try {
            for (var demo : india() ? INDIA : ALL) {
                reconciliation.grant(demo.username(), demo.role(), "local-stack");
            }
        } finally {
            org.digilit.security.TestUsers.signOut();
        }
    }

    /**
     * Brings a realm imported by an earlier run (kept dev or benchmark data: Keycloak imports a realm only once) in line
     * with the realm file's hardening (DD008): the provisioning client signs JWTs with the local key instead of a
     * secret, login and admin events are kept 90 days, the password policy has the blocklist, admin-cli has no password
     * grant, and the web client takes back-channel logouts at this run's address.
     */
    static void upgradeRealm(LocalStack stack) {
        var file = readRealmFile();
        try (var keycloak = adminClient(stack)) {
            var realm = keycloak.realm(LocalStack.REALM);
            var rep = realm.toRepresentation();
            var policy = file.path("passwordPolicy").asText();
            if (!"digilit".equals(rep.getLoginTheme())) { // a realm imported before the login theme (DD014)
                rep.setLoginTheme(file.path("loginTheme").asText());
                realm.update(rep);
                rep = realm.toRepresentation();
            }
            if (!policy.equals(rep.getPasswordPolicy())
                    || !Boolean.TRUE.equals(rep.isEventsEnabled())
                    || !Boolean.TRUE.equals(rep.isAdminEventsEnabled())) {
                rep.setPasswordPolicy(policy);
                rep.setEventsEnabled(true);
                rep.setEventsExpiration(file.path("eventsExpiration").asLong());
                rep.setAdminEventsEnabled(true);
                rep.setAdminEventsDetailsEnabled(false);
                var attributes = new java.util.HashMap<>(
                        rep.getAttributes() == null ? Map.<String, String>of() : rep.getAttributes());
                attributes.put(
                        "adminEventsExpiration",
                        file.path("attributes").path("adminEventsExpiration").asText());
                rep.setAttributes(attributes);
                realm.update(rep);
            }
            var clients = realm.clients();
            var provisioning = clients.findByClientId("digilit-provisioning").getFirst();
            var provisioningAttributes = new java.util.HashMap<>(provisioning.getAttributes());
            if (!"client-jwt".equals(provisioning.getClientAuthenticatorType())
                    || !LocalStack.PROVISIONING_PUBLIC_KEY.equals(
                            provisioningAttributes.get("jwt.credential.public.key"))) {
                provisioning.setClientAuthenticatorType("client-jwt");
                provisioning.setSecret(null);
                provisioningAttributes.put("jwt.credential.public.key", LocalStack.PROVISIONING_PUBLIC_KEY);
                provisioningAttributes.put("jwt.credential.kid", "digilit-provisioning");
                provisioningAttributes.put("token.endpoint.auth.signing.alg", "RS256");
                provisioning.setAttributes(provisioningAttributes);
                clients.get(provisioning.getId()).update(provisioning);
            }
            // Reconciliation lists who holds realm-management's roles: the service account may view clients.
            var management = clients.findByClientId("realm-management").getFirst();
            var serviceAccount = clients.get(provisioning.getId()).getServiceAccountUser();
            var mapped = realm.users().get(serviceAccount.getId()).roles().clientLevel(management.getId());
            if (mapped.listAll().stream().noneMatch(r -> r.getName().equals("view-clients"))) {
                mapped.add(List.of(clients.get(management.getId())
                        .roles()
                        .get("view-clients")
                        .toRepresentation()));
            }
            var adminCli = clients.findByClientId("admin-cli").getFirst();
            if (Boolean.TRUE.equals(adminCli.isDirectAccessGrantsEnabled())) {
                adminCli.setDirectAccessGrantsEnabled(false);
                clients.get(adminCli.getId()).update(adminCli);
            }
            var web = clients.findByClientId("digilit-web").getFirst();
            var backChannel = stack.appUrl() + "/logout/connect/back-channel/keycloak";
            var webAttributes = new java.util.HashMap<>(web.getAttributes());
            if (!backChannel.equals(webAttributes.get("backchannel.logout.url"))
                    || Boolean.TRUE.equals(web.isFrontchannelLogout())) {
                webAttributes.put("backchannel.logout.url", backChannel);
                webAttributes.put("backchannel.logout.session.required", "true");
                web.setAttributes(webAttributes);
                web.setFrontchannelLogout(false);
                clients.get(web.getId()).update(web);
            }
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readRealmFile() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(java.nio.file.Path.of("keycloak-realm/digilit-realm.json")
                            .toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void ensure(LocalStack stack) {
        try (var keycloak = adminClient(stack)) {
            var realm = keycloak.realm(LocalStack.REALM);
            for (var demo : of(stack)) {
                var existing = realm.users().searchByUsername(demo.username(), true);
                if (!existing.isEmpty()) {
                    // Data kept from an earlier run: bring its organisation up to date, leave the rest.
                    var user = existing.getFirst();
                    var attributes = new java.util.HashMap<>(
                            user.getAttributes() == null ? Map.<String, List<String>>of() : user.getAttributes());
                    if (!List.of(demo.organisation()).equals(attributes.get("organisationId"))) {
                        attributes.put("organisationId", List.of(demo.organisation()));
                        user.setAttributes(attributes);
                        realm.users().get(user.getId()).update(user);
                    }
                    continue;
                }
                var names = demo.displayName().split(" ", 2);
                var user = new UserRepresentation();
                user.setUsername(demo.username());
                user.setEnabled(true);
                user.setEmail(demo.username() + "@demo.digilit.invalid");
                user.setEmailVerified(true);
                user.setLastName(names[0]);
                user.setFirstName(names[1]);
                user.setAttributes(Map.of(
                        "displayName", List.of(demo.displayName()),
                        "organisationId", List.of(demo.organisation()),
                        "audience", List.of(demo.audience())));
                user.setCredentials(List.of(demoPassword()));
                create(realm, user, demo.role());
            }
        }
    }

    /** The demo password as a Keycloak credential that need not be changed. */
    public static CredentialRepresentation demoPassword() {
        var password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        return password;
    }

    /** Creates the user in the realm with one realm role; the user's Keycloak id. */
    public static String create(
            org.keycloak.admin.client.resource.RealmResource realm, UserRepresentation user, String role) {
        try (var response = realm.users().create(user)) {
            var id = CreatedResponseUtil.getCreatedId(response);
            realm.users()
                    .get(id)
                    .roles()
                    .realmLevel()
                    .add(List.of(realm.roles().get(role).toRepresentation()));
            return id;
        }
    }
}
