package org.digilit.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares the platform's provisioned accounts with Keycloak's users and reports the drift: accounts whose user is
 * missing, users carrying an account id the platform does not know (extra), enabled state that disagrees, and users
 * in the wrong organisation. Repair queues the accounts for the provisioning worker (which re-creates or updates
 * them) and disables extra users; it never deletes anything in Keycloak.
 */
@Service
public class ReconciliationService {

    private static final int EXAMPLES = 20;

    private final JdbcClient jdbc;
    private final AccountDirectory directory;
    private final ProvisioningOutbox outbox;
    private final AuditService audit;

    ReconciliationService(JdbcClient jdbc, AccountDirectory directory, ProvisioningOutbox outbox, AuditService audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** What waits for Keycloak right now. */
    @PreAuthorize("hasRole('platform-admin')")
    public ProvisioningBacklog backlog() {
        return outbox.backlog();
    }

    private record Known(long id, String keycloakId, String state, String organisationCode) {}

    @PreAuthorize("hasRole('platform-admin')")
    @Transactional
    public ReconciliationReport reconcile(boolean repair, String actor, @Nullable String clientAddress) {
        return reconcile(repair, actor, clientAddress, EXAMPLES);
    }

    /** As {@link #reconcile(boolean, String, String)}, with as many examples of each drift as asked for. */
    @PreAuthorize("hasRole('platform-admin')")
    @Transactional
    ReconciliationReport reconcile(boolean repair, String actor, @Nullable String clientAddress, int examples) {
        var byKeycloakId = new HashMap<String, Known>();
        jdbc.sql("""
                        select a.id, a.keycloak_id, a.state, o.code from account a join organisation o
                        on o.id = a.organisation_id where a.keycloak_id is not null""")
                .query((rs, n) -> new Known(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list()
                .forEach(k -> byKeycloakId.put(k.keycloakId(), k));
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
                .map(Known::id)
                .sorted()
                .toList();
        if (repair) {
            var queue = new ArrayList<Long>(missing);
            queue.addAll(enabledMismatch);
            queue.addAll(wrongOrganisation);
            // The outbox row first, then the account: the order the provisioning worker locks them in.
            outbox.enqueue(new HashSet<>(queue));
            if (!missing.isEmpty()) {
                jdbc.sql("update account set keycloak_id = null where id = any (:ids)")
                        .param("ids", missing.toArray(Long[]::new))
                        .update();
            }
            for (var user : extra) {
                directory.disable(user.id());
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
