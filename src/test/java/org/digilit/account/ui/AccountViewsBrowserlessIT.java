package org.digilit.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.RouteNotFoundError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.digilit.IntegrationTest;
import org.digilit.account.AccountFilter;
import org.digilit.account.AccountFixtures;
import org.digilit.account.AccountImportService;
import org.digilit.account.AccountListItem;
import org.digilit.account.AccountService;
import org.digilit.account.AccountSource;
import org.digilit.account.AccountState;
import org.digilit.account.AccountViewTestData;
import org.digilit.account.AccountViewTestData.Person;
import org.digilit.account.RegistrationService;
import org.digilit.audit.AuditService.AuditRecord;
import org.digilit.identity.IdentityNumbers.Gender;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The account views without a browser, on the real stack: the organisation admin's grid, details, verification queue
 * and import wizard within their scope, forged URLs refused, and the public registration and profile pages
 * (the activation page is server-rendered: {@code ActivationPageIT}).
 */
@IntegrationTest
@ViewPackages(packages = "org.digilit")
class AccountViewsBrowserlessIT extends SpringBrowserlessTest {

    private static final String PASSWORD = "Hoc-so-2026-an-toan";
    private static final String MASK = "••••••••";

    @Autowired
    AccountImportService imports;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountFixtures fixtures;

    @Autowired
    OrganisationService organisations;

    @Autowired
    JdbcClient jdbc;

    AccountViewTestData data;

    @BeforeEach
    void province() {
        data = fixtures.viewProvince();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void an_organisation_admin_lists_only_their_districts_accounts_and_finds_a_person_by_a_whole_identity_number() {
        var own = AccountViewTestData.people(3, data.commune1());
        own.addAll(AccountViewTestData.people(2, data.school1()));
        var elsewhere = AccountViewTestData.people(2, data.commune2());
        asPlatformAdmin();
        var ownIds = imported(own);
        imported(elsewhere);
        asOrgAdminOfDistrict1();

        navigate(AccountListView.class);
        var grid = accountsGrid();
        assertThat(fetchAll(grid)).extracting(AccountListItem::id).containsExactlyInAnyOrderElementsOf(ownIds);
        assertThat(test(grid).size()).isEqualTo(own.size());
        assertThat(paragraph(t("accounts.count", own.size()))).isTrue();
        var identityColumn = column(grid, t("accounts.identity"));
        for (int row = 0; row < own.size(); row++) {
            var item = test(grid).getRow(row);
            var person = own.get(ownIds.indexOf(item.id()));
            assertThat(test(grid).getCellText(row, identityColumn))
                    .isEqualTo(MASK + person.identityNumber().substring(8))
                    .doesNotContain(person.identityNumber().substring(0, 8));
        }

        var sought = own.get(1);
        var number = sought.identityNumber();
        test(find(TextField.class).single())
                .setValue(number.substring(0, 3) + " " + number.substring(3, 6) + " " + number.substring(6));
        assertThat(fetchAll(grid)).extracting(AccountListItem::id).containsExactly(ownIds.get(1));
        assertThat(paragraph(t("accounts.count", 1))).isTrue();

        var slips = find(Button.class).withText(t("accounts.print-slips")).single();
        assertThat(slips.isEnabled()).isFalse();
        test(grid).select(0);
        assertThat(slips.isEnabled()).isTrue();
        test(slips).click();
        // Pending people are not in Keycloak: the dialog says so instead of offering a PDF.
        assertThat(find(Paragraph.class)
                        .from(find(Dialog.class).single())
                        .withText(t("slips.none"))
                        .exists())
                .isTrue();
    }

    @Test
    void an_organisation_admin_opening_the_details_of_an_account_in_another_district_is_refused() {
        asPlatformAdmin();
        var other = AccountViewTestData.people(1, data.commune2());
        var otherId = imported(other).getFirst();
        asOrgAdminOfDistrict1();

        UI.getCurrent().navigate("accounts/details/" + otherId);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
        assertThat(find(H1.class).first().getText()).isEqualTo(t("denied.title"));
        assertThat(find(Span.class).withText(other.getFirst().fullName()).exists())
                .isFalse();

        UI.getCurrent().navigate("accounts/details/" + Long.MAX_VALUE);
        assertThat(getCurrentView()).isInstanceOf(RouteNotFoundError.class);
    }

    @Test
    void the_verification_queue_verifies_a_selection_and_rejects_only_with_a_reason() {
        var waiting = AccountViewTestData.people(3, data.commune1());
        asPlatformAdmin();
        var waitingIds = imported(waiting);
        imported(AccountViewTestData.people(1, data.commune2()));
        var alreadyVerified = imported(AccountViewTestData.people(1, data.commune1()));
        accounts.verify(alreadyVerified, null);
        asOrgAdminOfDistrict1();

        navigate(VerificationQueueView.class);
        var grid = accountsGrid();
        assertThat(fetchAll(grid))
                .allSatisfy(item -> assertThat(item.state()).isEqualTo(AccountState.PENDING))
                .extracting(AccountListItem::id)
                .containsExactlyInAnyOrderElementsOf(waitingIds);
        assertThat(paragraph(t("verification.count", 3))).isTrue();

        test(grid).select(0);
        test(grid).select(1);
        var chosen = test(grid).getSelected().stream().map(AccountListItem::id).toList();
        assertThat(chosen).hasSize(2);
        test(find(Button.class).withText(t("verification.verify-selected")).single())
                .click();
        assertThat(chosen).allSatisfy(id -> assertThat(accounts.get(id).state()).isEqualTo(AccountState.VERIFIED));
        assertThat(notifications()).contains(t("verification.verified", 2));
        assertThat(fetchAll(grid)).hasSize(1);
        assertThat(paragraph(t("verification.count", 1))).isTrue();

        var last = test(grid).getRow(0).id();
        test(grid).select(0);
        test(outsideDialogs(t("verification.reject-selected"))).click();
        var dialog = find(Dialog.class).single();
        var reason = find(TextArea.class).from(dialog).single();
        var confirm = insideDialog(dialog, t("verification.reject-selected"));
        test(confirm).click();
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo(t("verification.reason.required"));
        assertThat(accounts.get(last).state()).isEqualTo(AccountState.PENDING);

        test(reason).setValue("Không có trong sổ hộ khẩu của xã");
        test(confirm).click();
        var rejected = accounts.get(last);
        assertThat(rejected.state()).isEqualTo(AccountState.REJECTED);
        assertThat(rejected.stateReason()).isEqualTo("Không có trong sổ hộ khẩu của xã");
        assertThat(notifications()).contains(t("verification.rejected", 1));
        assertThat(fetchAll(grid)).isEmpty();
    }

    @Test
    void an_organisation_admin_deactivates_an_account_with_a_reason_and_reactivates_it() {
        var person = AccountViewTestData.people(1, data.commune1()).getFirst();
        asPlatformAdmin();
        var id = imported(List.of(person)).getFirst();
        accounts.verify(List.of(id), null);
        asOrgAdminOfDistrict1();

        UI.getCurrent().navigate("accounts/details/" + id);
        assertThat(find(H1.class).first().getText()).isEqualTo(person.fullName());
        assertThat(find(Span.class).withClassName("fact-value").all())
                .extracting(Span::getText)
                .contains(MASK + person.identityNumber().substring(8))
                .noneMatch(text -> text.contains(person.identityNumber()));
        test(outsideDialogs(t("accounts.deactivate"))).click();
        var dialog = find(Dialog.class).single();
        test(find(TextArea.class).from(dialog).single()).setValue("Đã chuyển đi tỉnh khác");
        test(insideDialog(dialog, t("accounts.deactivate"))).click();

        var deactivated = accounts.get(id);
        assertThat(deactivated.state()).isEqualTo(AccountState.DEACTIVATED);
        assertThat(deactivated.stateReason()).isEqualTo("Đã chuyển đi tỉnh khác");
        assertThat(notifications()).contains(t("accounts.saved"));
        assertThat(trail()).anySatisfy(record -> {
            assertThat(record.action()).isEqualTo("account.deactivated");
            assertThat(record.details()).contains("Đã chuyển đi tỉnh khác");
            assertThat(record.actor()).isEqualTo("orgadmin-" + data.province());
        });
        var trailGrid = auditGrid();
        var what = column(trailGrid, t("audit.what"));
        assertThat(java.util.stream.IntStream.range(0, test(trailGrid).size())
                        .mapToObj(row -> test(trailGrid).getCellText(row, what)))
                .contains(t("audit.action.account.deactivated"));

        test(find(Button.class).withText(t("accounts.reactivate")).single()).click();
        assertThat(accounts.get(id).state()).isEqualTo(AccountState.VERIFIED);
        assertThat(trail()).extracting(AuditRecord::action).contains("account.reactivated");
        assertThat(find(Button.class).withText(t("accounts.reactivate")).exists())
                .isFalse();
    }

    @Test
    void the_import_page_checks_an_uploaded_file_and_then_applies_it() throws Exception {
        asOrgAdminOfDistrict1();
        navigate(AccountImportView.class);
        assertThat(find(H1.class).first().getText()).isEqualTo(t("people-import.title"));
        assertThat(paragraph(t("people-import.help"))).isTrue();
        var upload = find(Upload.class).single();
        assertThat(upload.getAcceptedFileExtensions()).containsExactlyInAnyOrder(".csv", ".xlsx");
        var apply = find(Button.class).withText(t("import.apply")).single();
        assertThat(apply.isEnabled()).isFalse();

        // The browser refuses other files and files over the limit; the page says which files it takes.
        ComponentUtil.fireEvent(upload, new FileRejectedEvent(upload, "File is too big", "people.ods"));
        assertThat(notifications()).contains(t("people-import.rejected-file"));
        assertThat(t("people-import.rejected-file"))
                .contains(AccountImportService.MAX_FILE_BYTES / 1024 / 1024 + " MB");

        var people = AccountViewTestData.people(3, data.commune1());
        test(upload)
                .upload(
                        "people.csv",
                        "text/csv",
                        AccountViewTestData.csv(people).getBytes(StandardCharsets.UTF_8));
        awaitUi(() -> !summary().isEmpty());
        assertThat(summary()).isEqualTo(t("people-import.ready", 3, 3, 0, 0));
        assertThat(apply.isEnabled()).isTrue();
        assertThat(accounts.count(new AccountFilter(null, null, null, null)))
                .as("a dry run writes nothing")
                .isZero();

        test(apply).click();
        awaitUi(() -> summary().equals(t("people-import.done", 3, 3, 0, 0)));
        assertThat(apply.isEnabled()).isFalse();
        assertThat(notifications()).contains(t("people-import.applied", 3, 0));
        assertThat(find(Anchor.class)
                        .withText(t("people-import.to-queue"))
                        .single()
                        .isVisible())
                .isTrue();
        assertThat(accounts.count(new AccountFilter(null, null, AccountState.PENDING, null)))
                .isEqualTo(3);
    }

    @Test
    void a_file_without_its_header_shows_one_problem_and_no_identity_number_on_screen_or_in_the_report()
            throws Exception {
        asOrgAdminOfDistrict1();
        navigate(AccountImportView.class);
        var people = AccountViewTestData.people(3, data.commune1());
        var csv = AccountViewTestData.csv(people);
        var headerless = csv.substring(csv.indexOf('\n') + 1);
        test(find(Upload.class).single()).upload("people.csv", "text/csv", headerless.getBytes(StandardCharsets.UTF_8));
        awaitUi(() -> !summary().isEmpty());
        assertThat(summary()).isEqualTo(t("import.invalid", 1));
        @SuppressWarnings("unchecked")
        Grid<org.digilit.base.ImportProblem> problems =
                find(Grid.class).withClassName("import-problems").single();
        var shown = fetchAll(problems);
        assertThat(shown).extracting(p -> p.code()).containsExactly("header-missing");
        var described = shown.stream()
                .map(p -> p.row() + " " + p.column() + " "
                        + org.digilit.base.ImportProblemReport.describe(p, this::translate))
                .toList();
        assertThat(described).containsExactly("1  " + t("import.problem.header-missing"));
        var report = org.digilit.base.ImportProblemReport.csv(shown, this::translate);
        var page = UI.getCurrent().getElement().getOuterHTML();
        for (var person : people) {
            assertThat(report).doesNotContain(person.identityNumber());
            assertThat(page).doesNotContain(person.identityNumber());
        }
    }

    @Test
    void the_forgot_password_page_names_the_communes_helpers_without_asking_for_an_identity_number() {
        navigate(ForgotPasswordView.class);
        assertThat(find(H1.class).first().getText()).isEqualTo(t("forgot.title"));
        assertThat(find(TextField.class).all()).isEmpty();
        @SuppressWarnings("unchecked")
        ComboBox<OrganisationSummary> commune = find(ComboBox.class).single();
        var chosen = commune1();
        commune.setValue(chosen);
        var answer = find(Div.class)
                .withClassName("forgot-answer")
                .single()
                .getElement()
                .getOuterHTML();
        assertThat(answer)
                .contains(t("forgot.place.commune", chosen.name(UI.getCurrent().getLocale())));
    }

    private String translate(String key, Object[] arguments) {
        return t(key, arguments);
    }

    @Test
    void a_citizen_registers_on_the_public_page_after_correcting_their_identity_number() throws Exception {
        var commune = commune1();
        TestUsers.signOut();
        navigate(RegistrationView.class);
        var trap = find(TextField.class).withClassName("trap").single();
        assertThat(trap.getElement().getAttribute("aria-hidden")).isEqualTo("true");
        assertThat(trap.getElement().getAttribute("tabindex")).isEqualTo("-1");

        var born = LocalDate.of(1985, 4, 12);
        var number = AccountViewTestData.identityNumber(born, true);
        var identity = textField(t("registration.identity"));
        fillRegistration(number, "Đinh Thị Mai", born, Gender.MALE, commune);
        // A person takes longer than the minimum to fill the form; the view measures from when it was opened.
        Thread.sleep(RegistrationService.MIN_FILL_TIME.plusMillis(300).toMillis());
        test(find(Button.class).withText(t("registration.submit")).single()).click();
        assertThat(identity.isInvalid()).isTrue();
        assertThat(identity.getErrorMessage()).isEqualTo(t("identity.problem.gender-mismatch"));
        assertThat(paragraph(t("registration.invalid"))).isTrue();

        test(find(RadioButtonGroup.class).single()).selectItem(t("gender.FEMALE"));
        test(find(Button.class).withText(t("registration.submit")).single()).click();
        assertThat(find(Paragraph.class)
                        .withClassName("registration-received")
                        .single()
                        .getText())
                .isEqualTo(t("registration.received"));

        asPlatformAdmin();
        var found = accounts.list(new AccountFilter(null, null, null, number), 0, 10);
        assertThat(found).singleElement().satisfies(item -> {
            assertThat(item.fullName()).isEqualTo("Đinh Thị Mai");
            assertThat(item.state()).isEqualTo(AccountState.PENDING);
            assertThat(item.organisationCode()).isEqualTo(data.commune1());
        });
        assertThat(accounts.get(found.getFirst().id()).source()).isEqualTo(AccountSource.SELF_REGISTRATION);
    }

    @Test
    void a_registration_sent_faster_than_a_person_can_fill_the_form_is_answered_alike_and_stores_nothing() {
        var commune = commune1();
        TestUsers.signOut();
        navigate(RegistrationView.class);
        var born = LocalDate.of(1991, 9, 30);
        var number = AccountViewTestData.identityNumber(born, false);
        fillRegistration(number, "Trần Văn Nhanh", born, Gender.MALE, commune);
        test(find(Button.class).withText(t("registration.submit")).single()).click();
        assertThat(find(Paragraph.class)
                        .withClassName("registration-received")
                        .single()
                        .getText())
                .isEqualTo(t("registration.received"));

        asPlatformAdmin();
        assertThat(accounts.count(new AccountFilter(null, null, null, number))).isZero();
    }

    @Test
    void a_citizen_sees_their_own_account_with_the_identity_number_masked() {
        var person = AccountViewTestData.people(1, data.commune1()).getFirst();
        asPlatformAdmin();
        var id = imported(List.of(person)).getFirst();
        var username = accounts.get(id).username();
        TestUsers.signIn(username, null, Role.CITIZEN);

        navigate(ProfileView.class);
        assertThat(find(H1.class).first().getText()).isEqualTo(t("profile.title"));
        assertThat(find(Span.class).withClassName("fact-value").all())
                .extracting(Span::getText)
                .contains(
                        person.fullName(),
                        username,
                        MASK + person.identityNumber().substring(8))
                .noneMatch(text -> text.contains(person.identityNumber().substring(0, 8)));
    }

    @Test
    void a_user_without_an_account_is_told_that_the_administrators_made_it() {
        TestUsers.signIn("no-account-" + data.province(), null, Role.CITIZEN);
        navigate(ProfileView.class);
        assertThat(paragraph(t("profile.none"))).isTrue();
        assertThat(find(Span.class).withClassName("fact-value").exists()).isFalse();
    }

    @Test
    void the_accounts_page_speaks_vietnamese_to_a_vietnamese_user() {
        asOrgAdminOfDistrict1();
        UI.getCurrent().setLocale(Locale.forLanguageTag("vi"));
        navigate(AccountListView.class);
        assertThat(find(H1.class).first().getText()).isEqualTo("Người học và tài khoản");
        assertThat(find(TextField.class).single().getLabel()).isEqualTo("Tìm một người");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private void asOrgAdminOfDistrict1() {
        TestUsers.signIn("orgadmin-" + data.province(), data.district1(), Role.ORG_ADMIN);
    }

    private void asPlatformAdmin() {
        TestUsers.signIn("platform-" + data.province(), null, Role.PLATFORM_ADMIN);
    }

    private List<Long> imported(List<Person> people) {
        return AccountViewTestData.importPeople(imports, accounts, people);
    }

    private OrganisationSummary commune1() {
        asPlatformAdmin();
        try {
            return organisations.findByCode(data.commune1()).orElseThrow();
        } finally {
            TestUsers.signOut();
        }
    }

    @SuppressWarnings("unchecked")
    private Grid<AccountListItem> accountsGrid() {
        return find(Grid.class).withClassName("accounts-grid").single();
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditRecord> auditGrid() {
        return find(Grid.class).withClassName("audit-trail").single();
    }

    /** Every item the grid's (lazy) data provider gives, fetched as the grid would, page by page. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> List<T> fetchAll(Grid<T> grid) {
        DataProvider<T, Object> provider = (DataProvider) grid.getDataProvider();
        return provider.fetch(new Query<>(0, 10_000, List.of(), null, null)).toList();
    }

    /** The position of the column with this header among the grid's columns (as the grid tester counts them). */
    private static int column(Grid<?> grid, String header) {
        var columns = grid.getColumns();
        for (int i = 0; i < columns.size(); i++) {
            if (header.equals(columns.get(i).getHeaderText())) {
                return i;
            }
        }
        throw new AssertionError("No column " + header);
    }

    private List<AuditRecord> trail() {
        return fetchAll(auditGrid());
    }

    private boolean paragraph(String text) {
        return find(Paragraph.class).withText(text).exists();
    }

    private List<String> notifications() {
        return find(Notification.class).all().stream()
                .map(n -> test(n).getText())
                .toList();
    }

    private String summary() {
        return find(Div.class)
                .withClassName("import-summary")
                .single()
                .getElement()
                .getTextRecursively();
    }

    private Button outsideDialogs(String text) {
        return find(Button.class)
                .withText(text)
                .withCondition(button -> button.findAncestor(Dialog.class) == null)
                .single();
    }

    private Button insideDialog(Dialog dialog, String text) {
        return find(Button.class)
                .withText(text)
                .withCondition(button -> button.findAncestor(Dialog.class) == dialog)
                .single();
    }

    private TextField textField(String label) {
        return find(TextField.class)
                .withCondition(field -> label.equals(field.getLabel()))
                .single();
    }

    @SuppressWarnings("unchecked")
    private void fillRegistration(
            String number, String name, LocalDate born, Gender gender, OrganisationSummary commune) {
        test(textField(t("registration.identity"))).setValue(number);
        test(textField(t("registration.name"))).setValue(name);
        test(find(DatePicker.class).single()).setValue(born);
        test(find(RadioButtonGroup.class).single()).selectItem(t("gender." + gender.name()));
        test(textField(t("registration.phone"))).setValue("0912 345 678");
        ComboBox<OrganisationSummary> communes = find(ComboBox.class).single();
        communes.setValue(commune);
    }

    /** Lets the background work of a view reach the UI (its {@code ui.access}) until {@code done}, at most 60 s. */
    private static void awaitUi(BooleanSupplier done) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            roundTrip();
            if (done.getAsBoolean()) {
                return;
            }
            assertThat(System.nanoTime()).as("the view finished in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String t(String key, Object... parameters) {
        return UI.getCurrent().getTranslation(key, parameters);
    }
}
