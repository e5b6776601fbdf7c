package org.digilit.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.digilit.base.Audience;
import org.digilit.security.KeycloakProperties;
import org.digilit.security.ProvisioningTokens;
import org.jboss.resteasy.client.exception.WebApplicationExceptionWrapper;
import org.jspecify.annotations.Nullable;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The account directory on Keycloak's admin API, as the realm's provisioning service account. Users are created with
 * one partial import per call (the fast path measured in DESIGN.md; DD004), and a batch Keycloak refuses is split in
 * halves down to the user at fault, so one bad user never holds back the others. The admin client is built on first
 * use (the app starts while Keycloak is down), shared by all threads over a pool of HTTP connections, and closed on
 * shutdown.
 */
@Component
class KeycloakAccountDirectory implements AccountDirectory {

    static final int CONNECTIONS = 16;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    static final int PAGE_SIZE = 500;

    static final String DISPLAY_NAME = "displayName";
    static final String ORGANISATION = "organisationId";
    static final String AUDIENCE = "audience";
    static final String ACCOUNT_ID = "accountId";

    private static final Logger log = LoggerFactory.getLogger(KeycloakAccountDirectory.class);
    private static final ObjectMapper json = new ObjectMapper();
    private static final int MAX_REASON = 200;

    private final KeycloakProperties properties;
    private final ProvisioningTokens tokens;
    private final Object lock = new Object();
    private volatile @Nullable Keycloak keycloak;
    private boolean closed;
    /** Realm roles by name; the three audience roles are stable for the realm's life. */
    private final Map<String, RoleRepresentation> roles = new ConcurrentHashMap<>();

    KeycloakAccountDirectory(KeycloakProperties properties, ProvisioningTokens tokens) {
        this.properties = properties;
        this.tokens = tokens;
    }

    // ---------------------------------------------------------------- create

    @Override
    public List<CreateResult> create(List<DirectoryUser> users) {
        var results = new CreateResult[users.size()];
        var batch = new ArrayList<Indexed>(users.size());
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < users.size(); i++) {
            var user = users.get(i);
            if (seen.putIfAbsent(user.username(), i) != null) {
                // Keycloak would roll back the whole batch for it (409), and one of the two would get the other's id.
                results[i] = CreateResult.failed(user.username(), "username repeated within the same call");
            } else {
                batch.add(new Indexed(i, user));
            }
        }
        if (!batch.isEmpty()) {
            var started = System.nanoTime();
            importBatch(batch, results);
            if (log.isDebugEnabled()) {
                log.debug(
                        "Keycloak partial import of {} users in {} ms",
                        batch.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
        return List.of(results);
    }

    /** A user and its place in the caller's list. */
    private record Indexed(int index, DirectoryUser user) {}

    private void importBatch(List<Indexed> batch, CreateResult[] results) {
        var request = new PartialImportRepresentation();
        request.setIfResourceExists(PartialImportRepresentation.Policy.SKIP.name());
        request.setUsers(batch.stream().map(i -> toNewUser(i.user())).toList());
        int status;
        String body;
        try (var response = call("partial import", () -> realm().partialImport(request))) {
            status = response.getStatus();
            body = readBody(response);
        }
        if (status == 200) {
            recordImported(batch, results, body);
            return;
        }
        if (isOutage(status)) {
            throw new DirectoryUnavailableException("Keycloak answered the partial import with HTTP " + status);
        }
        var reason = reason(status, body);
        if (batch.size() == 1) {
            var user = batch.getFirst().user();
            log.warn("Keycloak refused to create the user of account {}: {}", user.accountId(), reason);
            results[batch.getFirst().index()] = CreateResult.failed(user.username(), reason);
            return;
        }
        log.info("Keycloak refused a batch of {} users ({}); splitting it", batch.size(), reason);
        int half = batch.size() / 2;
        importBatch(batch.subList(0, half), results);
        importBatch(batch.subList(half, batch.size()), results);
    }

    /**
     * Reads Keycloak's {@code PartialImportResults}: one result per user, {@code action} ADDED or SKIPPED, {@code
     * resourceName} the username as sent and {@code id} the Keycloak id (for SKIPPED too: the id of the user that
     * exists). A user without a result or without an id is looked up by its exact username.
     */
    private void recordImported(List<Indexed> batch, CreateResult[] results, String body) {
        var byName = new HashMap<String, JsonNode>();
        try {
            for (var result : json.readTree(body).path("results")) {
                if ("USER".equals(result.path("resourceType").asText())) {
                    byName.put(result.path("resourceName").asText(), result);
                }
            }
        } catch (java.io.IOException e) {
            log.warn("Keycloak's partial import answer could not be read; looking the users up one by one");
        }
        int added = 0;
        int existing = 0;
        for (var item : batch) {
            var username = item.user().username();
            var result = byName.get(username);
            var action = result == null ? "" : result.path("action").asText();
            var id = result == null ? null : result.path("id").asText(null);
            if (id == null) {
                id = findByUsername(username).map(DirectoryEntry::id).orElse(null);
            }
            if (id == null) {
                results[item.index()] = CreateResult.failed(username, "Keycloak reported no user for this username");
            } else if ("ADDED".equals(action)) {
                results[item.index()] = CreateResult.added(username, id);
                added++;
            } else {
                results[item.index()] = CreateResult.existing(username, id);
                existing++;
            }
        }
        log.debug("Keycloak partial import: {} added, {} existing", added, existing);
    }

    /** The representation a new user is sent as (package-private for the accounts benchmark's bare ceiling). */
    static UserRepresentation toNewUser(DirectoryUser user) {
        var rep = new UserRepresentation();
        rep.setUsername(user.username());
        rep.setEnabled(user.enabled());
        rep.setEmailVerified(false);
        rep.setEmail(user.email());
        rep.setFirstName(user.firstName());
        rep.setLastName(user.lastName());
        rep.setAttributes(attributes(user));
        // Partial import honours realmRoles inside the representation (POST /users ignores them).
        rep.setRealmRoles(List.of(user.realmRole()));
        return rep;
    }

    private static Map<String, List<String>> attributes(DirectoryUser user) {
        return Map.of(
                DISPLAY_NAME, List.of(user.displayName()),
                ORGANISATION, List.of(user.organisationCode()),
                AUDIENCE, List.of(user.audience()),
                ACCOUNT_ID, List.of(Long.toString(user.accountId())));
    }

    // ---------------------------------------------------------------- update

    @Override
    public void disable(String keycloakId) {
        var resource = realm().users().get(keycloakId);
        try {
            var rep = call("read user", resource::toRepresentation);
            if (Boolean.FALSE.equals(rep.isEnabled())) {
                return;
            }
            rep.setEnabled(false);
            call("disable user", () -> {
                resource.update(rep);
                return null;
            });
        } catch (NotFoundException e) {
            log.debug("Keycloak user {} to disable is gone already", keycloakId);
        }
    }

    @Override
    public void update(String keycloakId, DirectoryUser user) {
        var resource = realm().users().get(keycloakId);
        try {
            var rep = call("read user", resource::toRepresentation);
            rep.setFirstName(user.firstName());
            rep.setLastName(user.lastName());
            // An empty email clears it; null would leave the old one.
            rep.setEmail(user.email() == null ? "" : user.email());
            rep.setEnabled(user.enabled());
            var attributes =
                    new HashMap<String, List<String>>(rep.getAttributes() == null ? Map.of() : rep.getAttributes());
            attributes.putAll(attributes(user));
            rep.setAttributes(attributes);
            call("update user", () -> {
                resource.update(rep);
                return null;
            });

            var realmRoles = resource.roles().realmLevel();
            var mapped = call("read role mappings", realmRoles::listAll);
            var stale = mapped.stream()
                    .filter(r -> Audience.isCode(r.getName()))
                    .filter(r -> !r.getName().equals(user.realmRole()))
                    .toList();
            if (!stale.isEmpty()) {
                call("remove roles", () -> {
                    realmRoles.remove(stale);
                    return null;
                });
            }
            if (mapped.stream().noneMatch(r -> r.getName().equals(user.realmRole()))) {
                var role = role(user.realmRole());
                call("add role", () -> {
                    realmRoles.add(List.of(role));
                    return null;
                });
            }
            log.debug("Updated Keycloak user {} of account {}", keycloakId, user.accountId());
        } catch (NotFoundException e) {
            throw new DirectoryUserMissingException(keycloakId);
        } catch (WebApplicationException e) {
            var status = e.getResponse().getStatus();
            throw new DirectoryRejectedException(
                    status, "Keycloak refused to update user " + keycloakId + ": " + reason(status, errorBody(e)));
        }
    }

    private RoleRepresentation role(String name) {
        return roles.computeIfAbsent(
                name, n -> call("read role", () -> realm().roles().get(n).toRepresentation()));
    }

    // ---------------------------------------------------------------- lookups

    @Override
    public Optional<DirectoryEntry> findByUsername(String username) {
        var found = call("search user", () -> realm().users().searchByUsername(username, true));
        return found.stream()
                .filter(u -> username.equalsIgnoreCase(u.getUsername()))
                .findFirst()
                .map(KeycloakAccountDirectory::entry);
    }

    @Override
    public Optional<DirectoryEntry> get(String keycloakId) {
        try {
            return Optional.of(entry(
                    call("read user", () -> realm().users().get(keycloakId).toRepresentation())));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Lists every user by creation time ({@link CreationWindows}): Keycloak (26.6 and later) filters {@code GET /users}
     * by {@code createdAfter}/{@code createdBefore} with its index on (realm, created timestamp), so each request sorts
     * only the users of its window, where a page of the whole realm walks every user before its offset (DD008).
     * A Keycloak that ignores those parameters is listed by offset, as before.
     */
    @Override
    public void forEachUser(Consumer<DirectoryEntry> consumer) {
        if (!listsByCreationTime()) {
            log.warn("Keycloak does not filter users by creation time (26.6 or later does): listing them by offset");
            forEachUserByOffset(consumer);
            return;
        }
        forEachUserByCreation(consumer, PAGE_SIZE);
    }

    /** The listing by creation time with windows of about {@code pageSize} users; returns the requests it made. */
    long forEachUserByCreation(Consumer<DirectoryEntry> consumer, int pageSize) {
        var windows = new CreationWindows(byCreation(), properties.realm(), serviceAccounts(), consumer, pageSize);
        windows.listAll(System.currentTimeMillis());
        log.debug("Listed {} Keycloak users with {} requests", windows.listed, windows.requests);
        return windows.requests;
    }

    /**
     * The ids of the realm's service-account users: a listing filtered by creation time includes them, and their
     * representation does not say so (the listing by offset leaves them out). Read from the clients, so a person's user
     * named like a service account is still listed.
     */
    private Set<String> serviceAccounts() {
        var ids = new java.util.HashSet<String>();
        for (var client : call("list clients", () -> realm().clients().findAll())) {
            if (Boolean.TRUE.equals(client.isServiceAccountsEnabled())) {
                try {
                    ids.add(call(
                                    "read service account",
                                    () -> realm().clients().get(client.getId()).getServiceAccountUser())
                            .getId());
                } catch (NotFoundException | jakarta.ws.rs.BadRequestException e) {
                    log.debug("Client {} has no service-account user", client.getClientId());
                }
            }
        }
        return ids;
    }

    /**
     * Whether Keycloak applies the creation-time filters: an empty window (after 2, before 1) counts no user there,
     * and every user where the parameters are ignored.
     */
    boolean listsByCreationTime() {
        var count = call("count users", () -> byCreation().count(properties.realm(), "2", "1"));
        return count == 0;
    }

    /**
     * The whole realm a page at a time by offset, sorted by username: for each page Keycloak walks, and for its
     * DISTINCT sorts, every user before the offset (SELECT DISTINCT … ORDER BY username OFFSET n), so the pass grows with
     * the square of the users. The fallback for a Keycloak without creation-time filters, and the reconciliation
     * benchmark's baseline.
     */
    void forEachUserByOffset(Consumer<DirectoryEntry> consumer) {
        int first = 0;
        int seen = 0;
        while (true) {
            var from = first;
            var page = call("list users", () -> realm().users().search(null, from, PAGE_SIZE, false));
            for (var user : page) {
                if (user.getServiceAccountClientId() == null) {
                    consumer.accept(entry(user));
                    seen++;
                }
            }
            if (page.size() < PAGE_SIZE) {
                break;
            }
            first += page.size();
        }
        log.debug("Listed {} Keycloak users by offset", seen);
    }

    /**
     * Keycloak's {@code GET /admin/realms/{realm}/users} and {@code /count} with the creation-time filters of Keycloak
     * 26.6 (the admin client 26.0 has no method for them). Both bounds are inclusive milliseconds since 1970; Keycloak
     * reads a value with a '-' as a date, so a bound is never negative.
     */
    @jakarta.ws.rs.Path("/admin/realms/{realm}/users")
    interface UsersByCreation {

        @jakarta.ws.rs.GET
        @jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
        List<UserRepresentation> list(
                @jakarta.ws.rs.PathParam("realm") String realm,
                @jakarta.ws.rs.QueryParam("createdAfter") @Nullable String after,
                @jakarta.ws.rs.QueryParam("createdBefore") String before,
                @jakarta.ws.rs.QueryParam("first") int first,
                @jakarta.ws.rs.QueryParam("max") int max);

        @jakarta.ws.rs.GET
        @jakarta.ws.rs.Path("count")
        @jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
        int count(
                @jakarta.ws.rs.PathParam("realm") String realm,
                @jakarta.ws.rs.QueryParam("createdAfter") @Nullable String after,
                @jakarta.ws.rs.QueryParam("createdBefore") String before);
    }

    private volatile @Nullable UsersByCreation byCreation;

    private UsersByCreation byCreation() {
        var proxy = byCreation;
        if (proxy == null) {
            // RESTEasy defines the proxy class in the thread's context class loader. The interface is package-private,
            // so that loader must be the interface's own: on a web request thread (a platform admin pressing
            // "Compare") it is the embedded Tomcat's loader, and the proxy failed with "non-public interface is not
            // defined by the given loader" (found walking /accounts/keycloak in Chromium, session 9).
            var thread = Thread.currentThread();
            var previous = thread.getContextClassLoader();
            thread.setContextClassLoader(UsersByCreation.class.getClassLoader());
            try {
                proxy = client().proxy(UsersByCreation.class, java.net.URI.create(properties.backChannelServerUrl()));
            } finally {
                thread.setContextClassLoader(previous);
            }
            byCreation = proxy;
        }
        return proxy;
    }

    /**
     * One listing of the realm in windows of creation time that together cover every possible value exactly once:
     * everything at or before 0 (a partial import may set any creation time), then 1 up to an hour from now, then
     * everything later. A window holding more than a page is counted and split into up to 16 equal spans (creation
     * times cluster: an import makes thousands in a minute, then nothing for weeks), so each listing request sorts at
     * most about a page of users; a window that cannot be split (one millisecond, or at or before 0) is paged through
     * by offset within itself. Users created while the listing runs land in the windows still to come; a user seen
     * twice (a page shifted by a concurrent change) is handed over once.
     */
    static final class CreationWindows {

        static final int MAX_PARTS = 16;
        static final long HORIZON_MS = 3_600_000;

        private final UsersByCreation users;
        private final String realm;
        private final Set<String> serviceAccounts;
        private final Consumer<DirectoryEntry> consumer;
        private final int pageSize;
        long listed;
        long requests;

        CreationWindows(
                UsersByCreation users,
                String realm,
                Set<String> serviceAccounts,
                Consumer<DirectoryEntry> consumer,
                int pageSize) {
            this.users = users;
            this.realm = realm;
            this.serviceAccounts = serviceAccounts;
            this.consumer = consumer;
            this.pageSize = pageSize;
        }

        void listAll(long now) {
            window(null, 0);
            window(1L, now + HORIZON_MS);
            window(now + HORIZON_MS + 1, Long.MAX_VALUE);
        }

        /** The users created in [after, before] (no lower bound when {@code after} is null). */
        private void window(@Nullable Long after, long before) {
            var from = after == null ? null : Long.toString(after);
            var to = Long.toString(before);
            requests++;
            int count = call("count users", () -> users.count(realm, from, to));
            if (count == 0) {
                return;
            }
            if (count > pageSize && after != null && before > after) {
                long span = before - after + 1; // after >= 1: no overflow
                int parts = (int) Math.min(Math.min(MAX_PARTS, (count + pageSize - 1) / pageSize), span);
                long step = span / parts;
                long start = after;
                for (int part = 0; part < parts; part++) {
                    long end = part == parts - 1 ? before : start + step - 1;
                    window(start, end);
                    start = end + 1;
                }
                return;
            }
            var seen = new java.util.HashSet<String>();
            int first = 0;
            while (true) {
                var offset = first;
                requests++;
                var page = call("list users", () -> users.list(realm, from, to, offset, pageSize));
                for (var user : page) {
                    if (seen.add(user.getId()) && !serviceAccounts.contains(user.getId())) {
                        consumer.accept(entry(user));
                        listed++;
                    }
                }
                if (page.size() < pageSize) {
                    return;
                }
                first += page.size();
            }
        }
    }

    @Override
    public int countUsers() {
        return call("count users", () -> realm().users().count());
    }

    static DirectoryEntry entry(UserRepresentation user) {
        var attributes = user.getAttributes() == null ? Map.<String, List<String>>of() : user.getAttributes();
        return new DirectoryEntry(
                user.getId(),
                user.getUsername(),
                Boolean.TRUE.equals(user.isEnabled()),
                single(attributes, ORGANISATION),
                single(attributes, AUDIENCE),
                accountId(single(attributes, ACCOUNT_ID)));
    }

    private static @Nullable String single(Map<String, List<String>> attributes, String name) {
        var values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static @Nullable Long accountId(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- privileged roles

    @Override
    public void forEachPrivilegedHolding(Set<String> realmRoles, Consumer<PrivilegedHolding> consumer) {
        var management = managementClient();
        // By id, not by the "service-account-" prefix: a user made by hand may carry that name.
        var serviceAccounts = serviceAccounts();
        var privileged = new java.util.LinkedHashMap<String, RoleRepresentation>();
        for (var role : call("list realm roles", () -> realm().roles().list(false))) {
            if (realmRoles.contains(role.getName())) {
                privileged.put(role.getName(), role);
            }
        }
        var managementRoles = call(
                "list realm-management roles",
                () -> realm().clients().get(management.getId()).roles().list(false));
        for (var role : managementRoles) {
            privileged.put(PrivilegedHolding.CLIENT_ROLE_PREFIX + role.getName(), role);
        }
        for (var entry : privileged.entrySet()) {
            var name = entry.getKey();
            var resource = name.startsWith(PrivilegedHolding.CLIENT_ROLE_PREFIX)
                    ? realm().clients()
                            .get(management.getId())
                            .roles()
                            .get(entry.getValue().getName())
                    : realm().roles().get(name);
            // The role-members endpoint, a page at a time (GET /roles/{role}/users): no call per user.
            int first = 0;
            while (true) {
                var from = first;
                var page = call("list role members", () -> resource.getUserMembers(true, from, PAGE_SIZE));
                for (var user : page) {
                    if (!serviceAccounts.contains(user.getId())) {
                        consumer.accept(new PrivilegedHolding(user.getId(), user.getUsername(), name, null));
                    }
                }
                if (page.size() < PAGE_SIZE) {
                    break;
                }
                first += page.size();
            }
            for (var group : call("list role groups", () -> resource.getRoleGroupMembers(0, PAGE_SIZE))) {
                int start = 0;
                while (true) {
                    var from = start;
                    var members = call(
                            "list group members",
                            () -> realm().groups().group(group.getId()).members(from, PAGE_SIZE, true));
                    for (var user : members) {
                        if (!serviceAccounts.contains(user.getId())) {
                            consumer.accept(new PrivilegedHolding(
                                    user.getId(), user.getUsername(), name, "group:" + group.getPath()));
                        }
                    }
                    if (members.size() < PAGE_SIZE) {
                        break;
                    }
                    start += members.size();
                }
            }
        }
        // A realm role made a composite of a privileged one hands it to all its holders: the platform defines none.
        for (var role : call("list realm roles", () -> realm().roles().list(false))) {
            if (!Boolean.TRUE.equals(role.isComposite()) || privileged.containsKey(role.getName())) {
                continue;
            }
            var composites = call(
                    "list composites", () -> realm().roles().get(role.getName()).getRoleComposites());
            for (var inner : composites) {
                var innerName = Boolean.TRUE.equals(inner.getClientRole())
                                && management.getId().equals(inner.getContainerId())
                        ? PrivilegedHolding.CLIENT_ROLE_PREFIX + inner.getName()
                        : inner.getName();
                if (!Boolean.TRUE.equals(inner.getClientRole()) && !realmRoles.contains(innerName)) {
                    continue;
                }
                if (Boolean.TRUE.equals(inner.getClientRole())
                        && !innerName.startsWith(PrivilegedHolding.CLIENT_ROLE_PREFIX)) {
                    continue;
                }
                consumer.accept(new PrivilegedHolding("", role.getName(), innerName, "composite:" + role.getName()));
            }
        }
    }

    @Override
    public void revoke(PrivilegedHolding holding) {
        var management = managementClient();
        var clientRole = holding.clientRole();
        var roleName =
                clientRole ? holding.role().substring(PrivilegedHolding.CLIENT_ROLE_PREFIX.length()) : holding.role();
        var role = call(
                "read role",
                () -> clientRole
                        ? realm().clients()
                                .get(management.getId())
                                .roles()
                                .get(roleName)
                                .toRepresentation()
                        : realm().roles().get(roleName).toRepresentation());
        try {
            var via = holding.via();
            if (via == null) {
                var mappings = realm().users().get(holding.userId()).roles();
                var scope = clientRole ? mappings.clientLevel(management.getId()) : mappings.realmLevel();
                call("remove role", () -> {
                    scope.remove(List.of(role));
                    return null;
                });
            } else if (via.startsWith("group:")) {
                var path = via.substring("group:".length());
                var group = call("find group", () -> realm().getGroupByPath(path));
                var mappings = realm().groups().group(group.getId()).roles();
                var scope = clientRole ? mappings.clientLevel(management.getId()) : mappings.realmLevel();
                call("remove group role", () -> {
                    scope.remove(List.of(role));
                    return null;
                });
            } else if (via.startsWith("composite:")) {
                var carrier = via.substring("composite:".length());
                call("remove composite", () -> {
                    realm().roles().get(carrier).deleteComposites(List.of(role));
                    return null;
                });
            }
            log.warn("Took {} away ({})", holding.role(), holding.describe());
        } catch (NotFoundException e) {
            log.debug("Holding {} is gone already", holding.describe());
        } catch (DirectoryUnavailableException e) {
            // Keycloak lets only a holder of a realm-management role take it away (403): that needs a realm admin.
            if (e.getCause() instanceof jakarta.ws.rs.ForbiddenException) {
                throw new DirectoryRejectedException(
                        403,
                        "Only a Keycloak realm admin can take " + holding.role() + " away (" + holding.describe()
                                + ")");
            }
            throw e;
        }
    }

    private volatile @Nullable ClientRepresentation managementClient;

    private ClientRepresentation managementClient() {
        var client = managementClient;
        if (client == null) {
            client = call("find realm-management", () -> realm().clients().findByClientId("realm-management"))
                    .getFirst();
            managementClient = client;
        }
        return client;
    }

    // ---------------------------------------------------------------- password

    @Override
    public PasswordOutcome setPassword(String keycloakId, String password) {
        var credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        try {
            call("reset password", () -> {
                realm().users().get(keycloakId).resetPassword(credential);
                return null;
            });
            return PasswordOutcome.ok();
        } catch (NotFoundException e) {
            throw new DirectoryUserMissingException(keycloakId);
        } catch (WebApplicationException e) {
            var status = e.getResponse().getStatus();
            var body = errorBody(e);
            if (status != 400) {
                throw new DirectoryRejectedException(
                        status, "Keycloak refused the password of user " + keycloakId + ": " + reason(status, body));
            }
            // Keycloak 26: {"error":"invalidPasswordMinLengthMessage","error_description":"Invalid password: ..."}
            var problem = messageKey(body);
            log.debug("Keycloak's password policy refused the password of user {}: {}", keycloakId, problem);
            return PasswordOutcome.rejected(problem);
        }
    }

    @Override
    public void logout(String keycloakId) {
        try {
            call("end sessions", () -> {
                realm().users().get(keycloakId).logout();
                return null;
            });
        } catch (NotFoundException e) {
            throw new DirectoryUserMissingException(keycloakId);
        }
    }

    @Override
    public List<StaffContact> contactsWithRole(String realmRole) {
        var contacts = new java.util.ArrayList<StaffContact>();
        int first = 0;
        while (true) {
            int from = first;
            var page = call(
                    "list role members", () -> realm().roles().get(realmRole).getUserMembers(false, from, PAGE_SIZE));
            for (var user : page) {
                var attributes = user.getAttributes() == null ? Map.<String, List<String>>of() : user.getAttributes();
                var organisation = single(attributes, ORGANISATION);
                if (organisation == null || !Boolean.TRUE.equals(user.isEnabled())) {
                    continue;
                }
                var name = single(attributes, DISPLAY_NAME);
                if (name == null) {
                    name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
                                    + (user.getFirstName() == null ? "" : user.getFirstName()))
                            .strip();
                }
                contacts.add(new StaffContact(name.isEmpty() ? user.getUsername() : name, organisation));
            }
            if (page.size() < PAGE_SIZE) {
                return contacts;
            }
            first += page.size();
        }
    }

    /** Keycloak's message key from an error body: {@code error}, else {@code errorMessage}, else a generic key. */
    static String messageKey(String body) {
        try {
            var node = json.readTree(body);
            for (var field : List.of("error", "errorMessage")) {
                var value = node.path(field).asText("");
                if (!value.isBlank()) {
                    return value;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON: fall through
        }
        return "invalidPasswordGenericMessage";
    }

    // ---------------------------------------------------------------- the client

    private RealmResource realm() {
        return client().realm(properties.realm());
    }

    private Keycloak client() {
        var client = keycloak;
        if (client != null) {
            return client;
        }
        synchronized (lock) {
            if (closed) {
                throw new DirectoryUnavailableException("The account directory is shut down");
            }
            if (keycloak == null) {
                keycloak = build();
            }
            return keycloak;
        }
    }

    /**
     * Builds the admin client; this opens no connection, so it works while Keycloak is down. The admin client's own
     * token manager knows only client secrets and passwords, so it gets a placeholder token and a filter that runs
     * after its own puts the provisioning client's real token on every request ({@link ProvisioningTokens}: a JWT
     * signed with the app's key, no shared secret; DD008).
     */
    private Keycloak build() {
        if ("none".equals(tokens.method())) {
            throw new DirectoryUnavailableException("Neither a key (digilit.keycloak.provisioning-client-key) nor a"
                    + " secret is configured for the provisioning client");
        }
        // The builder Keycloak's own provider uses (with its stream reader and Jackson setup), plus a pool and
        // timeouts.
        var http = ResteasyClientClassicProvider.createClientBuilder()
                .connectionPoolSize(CONNECTIONS)
                .maxPooledPerRoute(CONNECTIONS)
                .connectionCheckoutTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .register(JacksonProvider.class, 100)
                .register(new ProvisioningBearer(tokens), Priorities.USER + 1000)
                .build();
        log.info(
                "Keycloak admin client for realm {} at {} as {} ({}, {} connections)",
                properties.realm(),
                properties.backChannelServerUrl(),
                properties.provisioningClientId(),
                tokens.method(),
                CONNECTIONS);
        return KeycloakBuilder.builder()
                .serverUrl(properties.backChannelServerUrl())
                .realm(properties.realm())
                .clientId(properties.provisioningClientId())
                .authorization("replaced-by-ProvisioningBearer")
                .resteasyClient(http)
                .build();
    }

    /** Puts the provisioning client's current token on each admin-API request; forgets it when Keycloak says 401. */
    static final class ProvisioningBearer implements ClientRequestFilter, ClientResponseFilter {

        private final ProvisioningTokens tokens;

        ProvisioningBearer(ProvisioningTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public void filter(ClientRequestContext request) {
            String token;
            try {
                token = tokens.accessToken();
            } catch (ProvisioningTokens.TokenRefusedException e) {
                throw new DirectoryUnavailableException(e.getMessage(), e);
            } catch (UncheckedIOException e) {
                throw new ProcessingException(e.getCause());
            }
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }

        @Override
        public void filter(ClientRequestContext request, ClientResponseContext response) {
            if (response.getStatus() == 401) {
                tokens.invalidate();
            }
        }
    }

    @PreDestroy
    void close() {
        synchronized (lock) {
            closed = true;
            var client = keycloak;
            keycloak = null;
            if (client != null) {
                client.close();
            }
        }
    }

    // ---------------------------------------------------------------- errors

    /**
     * Runs one admin-API call. Connection failures, time-outs, gateway errors, throttling and a refused provisioning
     * client become {@link DirectoryUnavailableException}; other HTTP errors reach the caller as they are.
     */
    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            throw new DirectoryUnavailableException("Keycloak could not be reached (" + what + "): " + describe(e), e);
        } catch (WebApplicationException e) {
            var status = e.getResponse().getStatus();
            if (isOutage(status)) {
                throw new DirectoryUnavailableException("Keycloak answered " + what + " with HTTP " + status, e);
            }
            throw e;
        }
    }

    /**
     * Statuses that say nothing about the users of a call: Keycloak (or the proxy before it) is down or busy, or does
     * not accept the provisioning client (a wrong secret or missing roles concern every user alike).
     */
    static boolean isOutage(int status) {
        return status == 401 || status == 403 || status == 429 || status == 502 || status == 503 || status == 504;
    }

    private static String describe(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String readBody(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The body of an error answer (RESTEasy hands out a sanitised response without it; the original keeps it). */
    private static String errorBody(WebApplicationException e) {
        return readBody(WebApplicationExceptionWrapper.unwrap(e).getResponse());
    }

    /**
     * A short reason for a refusal: the HTTP status and Keycloak's error text ({@code errorMessage}, {@code error},
     * {@code error_description}), with anything shaped like an email address masked and the length capped.
     */
    static String reason(int status, String body) {
        var text = body.strip();
        try {
            var node = json.readTree(text);
            if (node != null && node.isObject()) {
                var parts = new ArrayList<String>();
                for (var field : List.of("errorMessage", "error", "error_description")) {
                    var value = node.path(field).asText("");
                    if (!value.isBlank() && !parts.contains(value)) {
                        parts.add(value);
                    }
                }
                text = String.join(": ", parts);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON: keep the text
        }
        text = text.replaceAll("[^\\s'\"<>@]+@[^\\s'\"<>]+", "<email>").replaceAll("\\s+", " ");
        if (text.length() > MAX_REASON) {
            text = text.substring(0, MAX_REASON) + "…";
        }
        return "HTTP " + status + (text.isEmpty() ? "" : " " + text);
    }
}
