package org.digilit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.digilit.account.AccountFilter;
import org.digilit.account.AccountImportService;
import org.digilit.account.AccountService;
import org.digilit.account.ActivationResult;
import org.digilit.account.ActivationService;
import org.digilit.account.ImportProgress;
import org.digilit.organisation.OrganisationImportService;
import org.springframework.stereotype.Component;

/**
 * What the walks set up through the services before a browser opens: organisations, and citizens imported, verified,
 * provisioned in Keycloak and (where a walk logs in) activated. The caller signs in as the platform admin around the
 * calls ({@code TestUsers}).
 */
@Component
class WalkSetup {

    /** The demo organisation admin's province (see {@code DemoUsers}), with its ward P01-C001. */
    static final String PROVINCE = """
            code,parent_code,type,name_vi,name_en,expected_citizens
            P01,,PROVINCE,Tỉnh Đồng An,Dong An Province,0
            P01-C001,P01,COMMUNE,Xã Đông Hòa,Dong Hoa Commune,3000
            """;

    private static final String PEOPLE_HEADER =
            "identity_number,full_name,date_of_birth,gender,phone,organisation_code,audience\n";

    private final OrganisationImportService organisationImports;
    private final AccountImportService imports;
    private final AccountService accounts;
    private final ActivationService activation;

    WalkSetup(
            OrganisationImportService organisationImports,
            AccountImportService imports,
            AccountService accounts,
            ActivationService activation) {
        this.organisationImports = organisationImports;
        this.imports = imports;
        this.accounts = accounts;
        this.activation = activation;
    }

    /** Imports an organisations file given as its text. */
    void organisations(String csv) throws IOException {
        organisationImports.apply(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "setup.csv", null);
    }

    /**
     * Imports people, each a row of a people file ({@code number,name,born,gender,phone,organisation,audience}), and
     * verifies them: their account ids, in the rows' order.
     */
    List<Long> verifiedPeople(String... rows) throws IOException {
        var file = Files.createTempFile("people-", ".csv");
        Files.writeString(file, PEOPLE_HEADER + String.join("\n", rows) + "\n");
        imports.apply(file, "people.csv", new ImportProgress(Files.size(file)), null);
        var ids = Arrays.stream(rows)
                .map(row -> accounts.list(new AccountFilter(null, null, null, row.split(",")[0]), 0, 1)
                        .getFirst()
                        .id())
                .toList();
        accounts.verify(ids, null);
        return ids;
    }

    /** Waits until the provisioning worker has made the account's Keycloak user; fails after {@code within}. */
    void awaitKeycloakUser(long accountId, Duration within) throws InterruptedException {
        var deadline = System.nanoTime() + within.toNanos();
        while (accounts.get(accountId).keycloakId() == null) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Prints the provisioned account's slip and activates it with the password, as its person would. */
    void activate(long accountId, String number, String password) {
        var slip = activation.issueSlips(List.of(accountId), Locale.forLanguageTag("vi"), "127.0.0.1");
        var result = activation.activate(number, slip.getFirst().code(), password, "127.0.0.1");
        assertThat(result.status()).isEqualTo(ActivationResult.Status.ACTIVATED);
    }
}
