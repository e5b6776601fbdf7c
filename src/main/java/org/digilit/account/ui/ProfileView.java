package org.digilit.account.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.digilit.account.AccountService;
import org.digilit.base.Facts;
import org.digilit.security.Roles;
import org.jspecify.annotations.Nullable;

/** A learner's own profile: the account the platform holds for them, the identity number masked. */
@Route(ProfileView.ROUTE)
@RolesAllowed({Roles.CITIZEN, Roles.TEACHER, Roles.OFFICIAL})
@Menu(title = "nav.profile", order = 11)
class ProfileView extends Main implements HasDynamicTitle {

    static final String ROUTE = "profile";

    ProfileView(AccountService accounts) {
        addClassName("page");
        addClassName("narrow");
        addClassName("profile");
        add(new H1(getTranslation("profile.title")));
        accounts.mine()
                .ifPresentOrElse(
                        account -> {
                            var facts = new Div(
                                    fact("accounts.name", account.fullName()),
                                    fact("accounts.username", account.username()),
                                    fact("accounts.identity", account.maskedIdentityNumber()),
                                    fact("accounts.born", AccountListView.DATE.format(account.dateOfBirth())),
                                    fact("accounts.organisation", account.organisationName(getLocale())),
                                    fact(
                                            "accounts.audience",
                                            getTranslation("audience."
                                                    + account.audience().code())),
                                    fact("accounts.phone", account.phone()),
                                    fact("accounts.email", account.email()));
                            facts.addClassName("facts");
                            add(facts, new Paragraph(getTranslation("profile.corrections")));
                        },
                        () -> add(new Paragraph(getTranslation("profile.none"))));
    }

    private Div fact(String key, @Nullable String value) {
        return Facts.of(getTranslation(key), value);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("profile.title") + " · DigiLit";
    }
}
