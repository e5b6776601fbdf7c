package org.digilit.shell.ui;

import org.digilit.security.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every server-rendered page's frame needs (DD015): whether the reader is signed in, so the navbar offers their
 * home instead of the login.
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
}
