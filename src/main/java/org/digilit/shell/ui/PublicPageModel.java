package org.digilit.shell.ui;

import org.digilit.security.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every server-rendered page's frame needs (DD015): whether the reader is signed in, so the navbar offers their
 * home instead of the login, and where that home is.
 */
@ControllerAdvice
class PublicPageModel {

    private final CurrentUser currentUser;

    PublicPageModel(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @ModelAttribute("signedIn")
    boolean signedIn() {
        return currentUser.get().isPresent();
    }

    /** Where the signed-in reader's "my page" link leads (HomeRoutes#homePath). */
    @ModelAttribute("homePath")
    String homePath() {
        return currentUser.get().map(HomeRoutes::homePath).orElse("/home");
    }
}
