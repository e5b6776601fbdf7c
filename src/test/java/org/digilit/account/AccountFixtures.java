package org.digilit.account;

import java.io.IOException;
import java.util.List;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OrganisationService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.springframework.stereotype.Component;

/**
 * A test bean for the account tests' set-up: a province of the test's own, organisations' ids, and people files
 * imported, so that each test autowires one bean instead of the same services.
 */
@Component
public class AccountFixtures {

    private final OrganisationImportService organisationImports;
    private final OrganisationService organisations;
    private final AccountImportService imports;

    AccountFixtures(
            OrganisationImportService organisationImports,
            OrganisationService organisations,
            AccountImportService imports) {
        this.organisationImports = organisationImports;
        this.organisations = organisations;
        this.imports = imports;
    }

    /** A new province ({@link AccountTestData}), imported as a platform admin (leaves the test signed out). */
    AccountTestData province() {
        return new AccountTestData().importProvince(organisationImports);
    }

    /** A new province for the views' tests ({@link AccountViewTestData}). */
    public AccountViewTestData viewProvince() {
        return new AccountViewTestData(organisationImports);
    }

    /** An organisation's id by its code, looked up as a platform admin (leaves the test signed out). */
    long organisationId(String code) {
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        try {
            return organisations.findByCode(code).orElseThrow().id();
        } finally {
            TestUsers.signOut();
        }
    }

    /** Imports the people as a people file, as whoever the test is signed in as. */
    void importPeople(List<AccountTestData.Person> people) throws IOException {
        var file = AccountTestData.file(people);
        imports.apply(file, "people.csv", AccountTestData.progress(file), null);
    }
}
