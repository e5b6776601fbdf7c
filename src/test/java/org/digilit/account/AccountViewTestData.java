package org.digilit.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.digilit.organisation.OrganisationImportService;

/**
 * Lets the account views' browserless tests (in {@code account.ui}) use this package's test data: a province of their
 * own, people with valid identity numbers no other test uses, and those people imported.
 */
public final class AccountViewTestData {

    /** One person of a people file. */
    public record Person(
            String identityNumber,
            String fullName,
            LocalDate born,
            String gender,
            String phone,
            String organisationCode,
            String audience) {

        AccountTestData.Person row() {
            return new AccountTestData.Person(
                    identityNumber, fullName, born, gender, phone, organisationCode, audience);
        }
    }

    private final AccountTestData data;

    /** Imports a province with codes of its own (leaves the test signed out). */
    public AccountViewTestData(OrganisationImportService organisationImports) {
        data = new AccountTestData().importProvince(organisationImports);
    }

    public String province() {
        return data.province;
    }

    /** District 1: commune 1 and its school. */
    public String district1() {
        return data.district1();
    }

    public String commune1() {
        return data.commune1();
    }

    /** In district 2, outside district 1. */
    public String commune2() {
        return data.commune2();
    }

    public String school1() {
        return data.school1();
    }

    /** {@code count} citizens of {@code organisation}. */
    public static List<Person> people(int count, String organisation) {
        return AccountTestData.people(count, organisation, "citizen").stream()
                .map(p -> new Person(
                        p.identityNumber(), p.fullName(), p.born(), p.gender(), p.phone(), p.org(), p.audience()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /** A valid identity number for someone born on {@code born}, unique in this run. */
    public static String identityNumber(LocalDate born, boolean female) {
        return AccountTestData.cccd(born, female ? "female" : "male");
    }

    /** The people as a CSV people file. */
    public static String csv(List<Person> people) {
        var lines = new ArrayList<String>();
        lines.add(AccountTestData.HEADER);
        people.forEach(p -> lines.add(p.row().csv()));
        return String.join("\n", lines) + "\n";
    }

    /**
     * Imports the people as the signed-in user (they wait, pending) and returns their account ids in the people's
     * order.
     */
    public static List<Long> importPeople(AccountImportService imports, AccountService accounts, List<Person> people) {
        var file = AccountTestData.file(csv(people));
        try {
            imports.apply(file, "people.csv", AccountTestData.progress(file), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return people.stream()
                .map(p -> accounts.list(new AccountFilter(null, null, null, p.identityNumber()), 0, 1)
                        .getFirst()
                        .id())
                .toList();
    }
}
