package org.digilit.shell.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.digilit.course.CourseNavigation;
import org.digilit.learning.LearningNavigation;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles;
import org.digilit.shell.LanguagePreferenceService;

/**
 * The frame of every page: the brand, the language switch, and either a login button or a logout button; for
 * signed-in users a drawer with their name and the views their roles open (each view declares itself with {@code @Menu}; its title is a
 * translation key). On phones the drawer folds away behind a toggle.
 */
@Layout
@AnonymousAllowed
class MainLayout extends AppLayout {

    static final String LOGIN_URL = "/oauth2/authorization/keycloak";

    private final transient AuthenticationContext authenticationContext;

    MainLayout(
            CurrentUser currentUser,
            AuthenticationContext authenticationContext,
            LanguagePreferenceService languagePreferences) {
        this.authenticationContext = authenticationContext;
        setPrimarySection(Section.NAVBAR);
        var user = currentUser.get();

        var brand = new Anchor("/", "DigiLit");
        // The landing page is served by Spring MVC (LandingController), not by Vaadin's router (DD015).
        brand.setRouterIgnore(true);
        brand.addClassName("brand");
        var spacer = new Div();
        spacer.addClassName("navbar-spacer");
        var language = new LanguageSwitch(languagePreferences);

        if (user.isPresent()) {
            var toggle = new DrawerToggle();
            toggle.setAriaLabel(getTranslation("nav.toggle"));
            addToNavbar(toggle, brand, spacer, language, logoutButton());
            addToDrawer(userName(user.get()), new Scroller(navigation()));
        } else {
            addToNavbar(brand, spacer, language, loginLink());
            setDrawerOpened(false);
        }
    }

    private Component loginLink() {
        var login = new Anchor(LOGIN_URL, getTranslation("action.login"));
        login.setRouterIgnore(true);
        login.addClassName("login-link");
        return login;
    }

    private Component userName(AuthenticatedUser user) {
        var name = new Span(VaadinIcon.USER.create(), new Span(user.displayName()));
        name.addClassName("user-name");
        return name;
    }

    private Component logoutButton() {
        var logout = new Button(getTranslation("action.logout"), click -> authenticationContext.logout());
        logout.setIcon(VaadinIcon.SIGN_OUT.create());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("logout");
        logout.setAriaLabel(getTranslation("action.logout"));
        return logout;
    }

    /** Where the learner's home and the catalogue stand among the views' own menu entries (their {@code @Menu} order). */
    private static final double LEARN_ORDER = 10;

    private static final double CATALOGUE_ORDER = 15;

    /**
     * A server-rendered page (DD015: the learner's home, the course catalogue), not a view: it has no {@code @Menu} of
     * its own, and the browser, not Vaadin's router, opens it.
     */
    private SideNavItem serverPage(String titleKey, String path) {
        var item = new SideNavItem(getTranslation(titleKey), path);
        item.setRouterIgnore(true);
        return item;
    }

    private SideNav navigation() {
        var nav = new SideNav();
        nav.getElement().setAttribute("aria-label", getTranslation("nav.main"));
        var pages = new java.util.ArrayList<java.util.Map.Entry<Double, SideNavItem>>();
        if (authenticationContext.hasAnyRole(Roles.CITIZEN, Roles.TEACHER, Roles.OFFICIAL)) {
            pages.add(java.util.Map.entry(LEARN_ORDER, serverPage("nav.learn", LearningNavigation.HOME)));
        }
        pages.add(java.util.Map.entry(CATALOGUE_ORDER, serverPage("nav.courses", CourseNavigation.CATALOGUE)));
        int next = 0;
        for (var entry : MenuConfiguration.getMenuEntries()) {
            while (next < pages.size()
                    && entry.order() != null
                    && entry.order() > pages.get(next).getKey()) {
                nav.addItem(pages.get(next++).getValue());
            }
            var item = new SideNavItem(getTranslation(entry.title()), entry.path());
            item.setMatchNested(true);
            nav.addItem(item);
        }
        while (next < pages.size()) {
            nav.addItem(pages.get(next++).getValue());
        }
        return nav;
    }
}
