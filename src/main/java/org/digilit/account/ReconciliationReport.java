package org.digilit.account;

import java.util.List;

/**
 * How the platform's accounts and Keycloak's users differ. Counts per kind of drift, with the first few account ids
 * (or Keycloak ids, for extra users) of each as examples; {@code repaired} says whether repairs were queued.
 */
public record ReconciliationReport(
        long accountsChecked,
        long keycloakUsersChecked,
        List<Long> missing,
        List<String> extra,
        List<Long> enabledMismatch,
        List<Long> wrongOrganisation,
        long missingCount,
        long extraCount,
        long enabledMismatchCount,
        long wrongOrganisationCount,
        boolean repaired) {

    public ReconciliationReport {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
        enabledMismatch = List.copyOf(enabledMismatch);
        wrongOrganisation = List.copyOf(wrongOrganisation);
    }

    public boolean clean() {
        return missingCount + extraCount + enabledMismatchCount + wrongOrganisationCount == 0;
    }

    /** One line for logs and the command's output. */
    public String summary() {
        return "accounts=" + accountsChecked + " keycloak-users=" + keycloakUsersChecked + " missing=" + missingCount
                + " extra=" + extraCount + " enabled-mismatch=" + enabledMismatchCount + " wrong-organisation="
                + wrongOrganisationCount + (repaired ? " (repairs queued)" : "");
    }
}
