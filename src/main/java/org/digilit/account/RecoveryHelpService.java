package org.digilit.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.digilit.organisation.OrganisationRef;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationType;
import org.digilit.security.KeycloakProperties;
import org.digilit.security.Roles;
import org.springframework.stereotype.Service;

/**
 * What the public "forgot password" page tells a person (DD007): for the commune they name, its community
 * digital-technology groups and the people who can print them a reset slip (the organisation admins of the commune
 * and the levels above it, the facilitators of its groups). It never takes an identity number, so it cannot say
 * whether one is registered. The staff lists come from Keycloak and are kept for a few minutes.
 */
@Service
public class RecoveryHelpService {

    /** How long the lists of admins and facilitators are kept before Keycloak is asked again. */
    static final Duration CONTACTS_KEPT = Duration.ofMinutes(5);

    /** What the page shows for one commune. */
    public record Help(
            OrganisationRef commune,
            List<OrganisationRef> groups,
            List<StaffContact> admins,
            List<StaffContact> facilitators) {}

    private record Contacts(Instant fetched, List<StaffContact> people) {}

    private final OrganisationService organisations;
    private final AccountDirectory directory;
    private final AccountProperties properties;
    private final KeycloakProperties keycloak;
    private final Clock clock;
    private final Map<String, Contacts> contacts = new ConcurrentHashMap<>();

    RecoveryHelpService(
            OrganisationService organisations,
            AccountDirectory directory,
            AccountProperties properties,
            KeycloakProperties keycloak,
            Clock clock) {
        this.organisations = organisations;
        this.directory = directory;
        this.properties = properties;
        this.keycloak = keycloak;
        this.clock = clock;
    }

    /** Help for a commune; empty when the id is not a commune. Staff lists are empty while Keycloak is unreachable. */
    public Optional<Help> forCommune(long communeId) {
        var commune = organisations.reference(communeId).orElse(null);
        if (commune == null || commune.type() != OrganisationType.COMMUNE) {
            return Optional.empty();
        }
        var lineage = new HashSet<String>();
        organisations.lineageOf(commune.code()).forEach(o -> lineage.add(o.code()));
        var groups = organisations.childrenOf(commune.id(), OrganisationType.COMMUNITY_GROUP);
        var groupCodes = new HashSet<String>();
        groups.forEach(g -> groupCodes.add(g.code()));
        groupCodes.add(commune.code());
        var admins = contacts(Roles.ORG_ADMIN).stream()
                .filter(c -> lineage.contains(c.organisationCode()))
                .sorted(java.util.Comparator.comparing(StaffContact::displayName))
                .limit(20)
                .toList();
        var facilitators = contacts(Roles.FACILITATOR).stream()
                .filter(c -> groupCodes.contains(c.organisationCode()))
                .sorted(java.util.Comparator.comparing(StaffContact::displayName))
                .limit(20)
                .toList();
        return Optional.of(new Help(commune, groups, admins, facilitators));
    }

    /**
     * Keycloak's own reset-by-email page, when the deployment turned it on ({@code digilit.accounts.email-reset});
     * empty otherwise.
     */
    public Optional<String> emailResetAddress() {
        if (!properties.emailReset()) {
            return Optional.empty();
        }
        return Optional.of(keycloak.issuer() + "/login-actions/reset-credentials?client_id=" + keycloak.webClientId());
    }

    private List<StaffContact> contacts(String role) {
        var now = clock.instant();
        var kept = contacts.get(role);
        if (kept != null && kept.fetched().plus(CONTACTS_KEPT).isAfter(now)) {
            return kept.people();
        }
        try {
            var fresh = new Contacts(now, List.copyOf(directory.contactsWithRole(role)));
            contacts.put(role, fresh);
            return fresh.people();
        } catch (DirectoryUnavailableException e) {
            return kept == null ? List.of() : kept.people();
        }
    }
}
