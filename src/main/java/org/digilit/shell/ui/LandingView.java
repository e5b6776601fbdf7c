package org.digilit.shell.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.digilit.security.CurrentUser;

/** The public front door: what the programme is, who it is for, how to start, and the way to log in. */
@Route("")
@AnonymousAllowed
class LandingView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CurrentUser currentUser;

    LandingView(CurrentUser currentUser) {
        this.currentUser = currentUser;
        addClassName("landing");

        var hero = new Section();
        hero.addClassName("hero");
        var login = new Anchor(MainLayout.LOGIN_URL, getTranslation("landing.cta"));
        login.setRouterIgnore(true);
        login.addClassName("cta");
        var courses = new Anchor("courses", getTranslation("landing.courses"));
        courses.addClassName("secondary-link");
        // Public account pages of the account feature, named by path (the shell does not reach into its views).
        var register = new Anchor("register", getTranslation("landing.register"));
        register.addClassName("secondary-link");
        var activate = new Anchor("activate", getTranslation("landing.activate"));
        activate.addClassName("secondary-link");
        // Public pages of the device feature (issue #18), named by path likewise.
        var donate = new Anchor("donate", getTranslation("device.landing.donate"));
        donate.addClassName("secondary-link");
        var ledger = new Anchor("ledger", getTranslation("device.landing.ledger"));
        ledger.addClassName("secondary-link");
        hero.add(
                new H1(getTranslation("landing.title")),
                new Paragraph(getTranslation("landing.lead")),
                login,
                activate,
                register,
                courses,
                donate,
                ledger);

        var audiences = new Section();
        audiences.addClassName("card-grid");
        audiences.setAriaLabelledBy("landing-audiences");
        var audiencesTitle = new H2(getTranslation("landing.audiences"));
        audiencesTitle.setId("landing-audiences");
        audiences.add(
                audiencesTitle,
                card("landing.citizens.title", "landing.citizens.text"),
                card("landing.staff.title", "landing.staff.text"),
                card("landing.groups.title", "landing.groups.text"));

        var steps = new Section();
        steps.addClassName("steps");
        var list = new OrderedList(
                new ListItem(getTranslation("landing.step1")),
                new ListItem(getTranslation("landing.step2")),
                new ListItem(getTranslation("landing.step3")));
        steps.add(new H2(getTranslation("landing.how")), list);

        var footer = new Paragraph(getTranslation("landing.footer"));
        footer.addClassName("footnote");
        add(hero, audiences, steps, footer);
    }

    private Component card(String titleKey, String textKey) {
        var card = new Div(new H3(getTranslation(titleKey)), new Paragraph(getTranslation(textKey)));
        card.addClassName("card");
        return card;
    }

    /** A signed-in user has no use for the front door: they go to their home. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo(HomeView.class);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("landing.page-title");
    }
}
