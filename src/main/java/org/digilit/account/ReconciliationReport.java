package org.digilit.account;

import java.util.List;

/**
 * How the platform's accounts and Keycloak's users differ. Counts per kind of drift, with the first few account ids
 * (or Keycloak ids, for extra users) of each as examples; privileged roles held without the platform's grant (DD008);
 * {@code repaired} says whether repairs were queued.
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
        List<PrivilegedHolding> unexpectedPrivileged,
        long unexpectedPrivilegedCount,
        boolean repaired) {

    public ReconciliationReport {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
        enabledMismatch = List.copyOf(enabledMismatch);
        wrongOrganisation = List.copyOf(wrongOrganisation);
        unexpectedPrivileged = List.copyOf(unexpectedPrivileged);
    }

    public boolean clean() {
        return missingCount + extraCount + enabledMismatchCount + wrongOrganisationCount + unexpectedPrivilegedCount
                == 0;
    }

    /** One line for logs and the command's output. */
    public String summary() {
        return "accounts=" + accountsChecked + " keycloak-users=" + keycloakUsersChecked + " missing=" + missingCount
                + " extra=" + extraCount + " enabled-mismatch=" + enabledMismatchCount + " wrong-organisation="
                + wrongOrganisationCount + " unexpected-privileged=" + unexpectedPrivilegedCount
                + (repaired ? " (repairs queued)" : "");
    }
}
