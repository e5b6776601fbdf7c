package org.digilit.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import java.util.Locale;
import org.digilit.IntegrationTest;
import org.digilit.base.Languages;
import org.digilit.shell.LanguagePreferenceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The shell without a browser: each role's routing to its home, refusals, language. The public landing page is plain
 * HTML from LandingController (DD015): PublicPagesIT and FirstVisitE2EIT test it.
 */
@IntegrationTest
@ViewPackages(packages = "org.digilit")
class ShellBrowserlessIT extends SpringBrowserlessTest {

    @Autowired
    LanguagePreferenceService languagePreferences;

    @Autowired
    org.digilit.security.CurrentUser currentUser;

    @Test
    @WithMockUser(username = "citizen-subject", roles = "citizen")
    void a_citizen_lands_on_the_learner_home() {
        // The learner's home is server-rendered (DD015): the landing page and "my page" link there directly, and
        // the home view sends the browser there (LearnerPagesIT greets them by name).
        assertThat(HomeRoutes.homePath(currentUser.require())).isEqualTo("/learn");
        assertThat(HomeRoutes.homeOf(currentUser.require())).contains(HomeRoutes.LEARNER_HOME);
    }

    @Test
    @WithMockUser(roles = "teacher")
    void a_teacher_lands_on_the_learner_home() {
        assertThat(HomeRoutes.homePath(currentUser.require())).isEqualTo("/learn");
    }

    @Test
    @WithMockUser(roles = "working-group")
    void staff_are_sent_to_their_home_view() {
        assertThat(HomeRoutes.homePath(currentUser.require())).isEqualTo("/home");
    }

    @Test
    @WithMockUser(roles = "org-admin")
    void an_organisation_admin_lands_on_the_organisation_home() {
        assertThat(homePathFor()).isEqualTo(HomeRoutes.ORGANISATION_HOME);
    }

    @Test
    @WithMockUser(roles = "working-group")
    void a_working_group_member_lands_on_the_dashboard() {
        assertThat(homePathFor()).isEqualTo(HomeRoutes.WORKING_GROUP_HOME);
    }

    @Test
    @WithMockUser(roles = {"citizen", "platform-admin"})
    void a_user_with_several_roles_lands_on_the_most_responsible_ones_home() {
        assertThat(homePathFor()).isEqualTo(HomeRoutes.PLATFORM_ADMIN_HOME);
    }

    @Test
    @WithMockUser(roles = "citizen")
    void a_citizen_opening_an_admin_page_is_refused() {
        UI.getCurrent().navigate(HomeRoutes.PLATFORM_ADMIN_HOME);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(find(H1.class).first().getText()).isEqualTo(getTranslation("denied.title"));
        UI.getCurrent().navigate(HomeRoutes.WORKING_GROUP_HOME);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
        UI.getCurrent().navigate(HomeRoutes.ORGANISATION_HOME);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    @Test
    @WithMockUser(username = "no-role-user")
    void a_user_without_a_platform_role_is_told_whom_to_ask() {
        navigate(HomeView.class);
        assertThat(currentPath()).isEqualTo("home");
        assertThat(find(H1.class).first().getText()).isEqualTo(getTranslation("home.no-role.title"));
    }

    @Test
    @WithMockUser(username = "language-chooser", roles = "citizen")
    void the_language_choice_is_kept_for_the_user() {
        UI.getCurrent().navigate(HomeView.class);
        var current = find(LanguageSwitch.class).single().getValue();
        var other = current.equals(Languages.VIETNAMESE) ? Locale.ENGLISH : Languages.VIETNAMESE;
        test(find(LanguageSwitch.class).single()).selectItem(getTranslation("language." + other.getLanguage()));
        assertThat(languagePreferences.chosenByCurrentUser()).contains(other);
        test(find(LanguageSwitch.class).single()).selectItem(getTranslation("language." + current.getLanguage()));
        assertThat(languagePreferences.chosenByCurrentUser()).contains(current);
    }

    private String homePathFor() {
        UI.getCurrent().navigate(HomeView.class);
        return currentPath();
    }

    private static String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    private static String getTranslation(String key) {
        return UI.getCurrent().getTranslation(key);
    }
}
