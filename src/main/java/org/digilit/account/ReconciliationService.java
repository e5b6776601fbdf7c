package org.digilit.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.security.Roles;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares the platform's provisioned accounts with Keycloak's users and reports the drift: accounts whose user is
 * missing, users carrying an account id the platform does not know (extra), enabled state that disagrees, and users
 * in the wrong organisation. Repair queues the accounts for the provisioning worker (which re-creates or updates
 * them) and disables extra users; it never deletes anything in Keycloak.
 *
 * <p>It also lists every holding of a privileged role (a staff role of {@link Roles}, {@link #PRIVILEGED_ROLES}, or any
 * realm-management role) that the platform did not grant: not recorded in {@code privileged_role_grant} (a
 * platform admin accepted it). A leaked provisioning credential can create such
 * users (partial import needs manage-realm); this is how they become visible, and repair takes the roles away
 * (DD008). The list is read with Keycloak's role-members endpoints, a page at a time, not with a call per user.
 */
@Service
public class ReconciliationService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReconciliationService.class);

    private static final int EXAMPLES = 20;

    private final AccountStore store;
    private final AccountDirectory directory;
    private final ProvisioningOutbox outbox;
    private final AuditService audit;
    private final PrivilegedGrantStore grants;
    private final java.time.Clock clock;

    ReconciliationService(
            AccountStore store,
            AccountDirectory directory,
            ProvisioningOutbox outbox,
            AuditService audit,
            PrivilegedGrantStore grants,
            java.time.Clock clock) {
        this.store = store;
        this.directory = directory;
        this.outbox = outbox;
        this.audit = audit;
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * The platform's staff roles: every holding is privileged unless the platform granted it, and each is read from
     * Keycloak's role-members endpoint. The learner roles (citizen, teacher, official) are not: they open only
     * learning, nearly every user holds one (Keycloak pages a role's members by offset, sorting them all for each page:
     * at 300,000 citizens one pass took more than ten minutes), and a user with no account, whatever their roles, is
     * already reported as extra by the account pass (DD008).
     */
    static final Set<String> PRIVILEGED_ROLES = java.util.Arrays.stream(Roles.Role.values())
            .filter(role -> role != Roles.Role.CITIZEN && role != Roles.Role.TEACHER && role != Roles.Role.OFFICIAL)
            .map(Roles.Role::realmRole)
            .collect(Collectors.toUnmodifiableSet());

    /** Records that the platform grants {@code role} to {@code username} (demo users, a deployment's first admins). */
    @PreAuthorize("hasRole('platform-admin')")
    @Transactional
    public void grant(String username, String role, String actor) {
        if (grants.grant(username, role, actor, clock.instant())) {
            audit.record(new AuditEntry(
                    actor, "account.privileged-role-granted", "keycloak-username", username, null, "role=" + role));
        }
    }

    /**
     * Records that the platform grants these holdings (a platform admin checked them: staff roles are given in
     * Keycloak's console), so reconciliation stops reporting them. A role held through a composite cannot be accepted.
     */
    @PreAuthorize("hasRole('platform-admin')")
    @Transactional
    public int accept(List<PrivilegedHolding> holdings, String actor, @Nullable String clientAddress) {
        var entries = new ArrayList<AuditEntry>();
        for (var holding : holdings) {
            if (holding.userId().isEmpty()) {
                continue;
            }
            if (grants.grant(holding.username(), holding.role(), actor, clock.instant())) {
                entries.add(new AuditEntry(
                        actor,
                        "account.privileged-role-accepted",
                        "keycloak-user",
                        holding.userId(),
                        clientAddress,
                        "username=" + holding.username() + " role=" + holding.role()));
            }
        }
        audit.recordAll(entries);
        return entries.size();
    }

    /** What waits for Keycloak right now. */
    @PreAuthorize("hasRole('platform-admin')")
    public ProvisioningBacklog backlog() {
        return outbox.backlog();
    }

    @PreAuthorize("hasRole('platform-admin')")
    @Transactional
    public ReconciliationReport reconcile(boolean repair, String actor, @Nullable String clientAddress) {
        return reconcile(repair, actor, clientAddress, EXAMPLES);
    }

    /** As {@link #reconcile(boolean, String, String)}, with as many examples of each drift as asked for. */
    @PreAuthorize("hasRole('platform-admin')")
    @Transactional
    public ReconciliationReport reconcile(boolean repair, String actor, @Nullable String clientAddress, int examples) {
        var byKeycloakId = new HashMap<String, AccountStore.Provisioned>();
        store.provisioned().forEach(k -> byKeycloakId.put(k.keycloakId(), k));
        var seen = new HashSet<String>();
        var extra = new ArrayList<DirectoryEntry>();
        var enabledMismatch = new ArrayList<Long>();
        var wrongOrganisation = new ArrayList<Long>();
        var users = new long[1];
        directory.forEachUser(entry -> {
            users[0]++;
            var known = byKeycloakId.get(entry.id());
            if (known == null) {
                if (entry.accountId() != null) {
                    extra.add(entry);
                }
                return;
            }
            seen.add(entry.id());
            boolean shouldBeEnabled = known.state().equals(AccountState.VERIFIED.name());
            if (entry.enabled() != shouldBeEnabled) {
                enabledMismatch.add(known.id());
            }
            if (!Objects.equals(entry.organisationCode(), known.organisationCode())) {
                wrongOrganisation.add(known.id());
            }
        });
        var missing = byKeycloakId.values().stream()
                .filter(k -> !seen.contains(k.keycloakId()))
                .map(AccountStore.Provisioned::id)
                .sorted()
                .toList();
        var granted = grants.all();
        var unexpected = new ArrayList<PrivilegedHolding>();
        directory.forEachPrivilegedHolding(PRIVILEGED_ROLES, holding -> {
            if (granted.contains(PrivilegedGrantStore.key(holding.username(), holding.role()))) {
                return;
            }
            unexpected.add(holding);
        });
        if (repair) {
            var revoked = new ArrayList<AuditEntry>();
            for (var holding : unexpected) {
                if (holding.username().equalsIgnoreCase(actor)) {
                    continue; // never lock out the admin who repairs; the report still lists it
                }
                try {
                    directory.revoke(holding);
                } catch (DirectoryRejectedException e) {
                    // realm-management roles can be taken away only by a realm admin: the report keeps listing them
                    revoked.add(new AuditEntry(
                            actor,
                            "account.privileged-role-revoke-refused",
                            holding.userId().isEmpty() ? "keycloak-role" : "keycloak-user",
                            holding.userId().isEmpty() ? holding.username() : holding.userId(),
                            clientAddress,
                            "username=" + holding.username() + " role=" + holding.role()));
                    continue;
                }
                revoked.add(new AuditEntry(
                        actor,
                        "account.privileged-role-revoked",
                        holding.userId().isEmpty() ? "keycloak-role" : "keycloak-user",
                        holding.userId().isEmpty() ? holding.username() : holding.userId(),
                        clientAddress,
                        "username=" + holding.username() + " role=" + holding.role()
                                + (holding.via() == null ? "" : " via=" + holding.via())));
            }
            audit.recordAll(revoked);
            var queue = new ArrayList<Long>(missing);
            queue.addAll(enabledMismatch);
            queue.addAll(wrongOrganisation);
            // The outbox row first, then the account: the order the provisioning worker locks them in.
            outbox.enqueue(new HashSet<>(queue));
            if (!missing.isEmpty()) {
                store.forgetKeycloakUsers(missing);
            }
            for (var user : extra) {
                try {
                    directory.disable(user.id());
                } catch (RuntimeException e) {
                    // Keycloak refuses the provisioning client some users (one holding realm-management roles, for
                    // one): that user stays listed, the rest of the repair goes on, and the refusal is in the trail.
                    log.warn("Reconciliation could not disable Keycloak user {}: {}", user.id(), e.toString());
                    audit.record(new AuditEntry(
                            actor,
                            "account.reconciliation-disable-refused",
                            "keycloak-user",
                            user.id(),
                            clientAddress,
                            e.getClass().getSimpleName()));
                }
            }
        }
        var report = new ReconciliationReport(
                byKeycloakId.size(),
                users[0],
                first(missing, examples),
                first(extra.stream().map(DirectoryEntry::id).toList(), examples),
                first(enabledMismatch, examples),
                first(wrongOrganisation, examples),
                missing.size(),
                extra.size(),
                enabledMismatch.size(),
                wrongOrganisation.size(),
                first(unexpected, examples),
                unexpected.size(),
                repair);
        audit.record(new AuditEntry(
                actor,
                repair ? "account.reconciliation-repair" : "account.reconciliation",
                "keycloak",
                null,
                clientAddress,
                report.summary()));
        return report;
    }

    private static <T> List<T> first(List<T> list, int examples) {
        return list.subList(0, Math.min(examples, list.size()));
    }
}
