package org.digilit.account.ui;

import org.digilit.learning.LearnerHomeLink;
import org.springframework.stereotype.Component;

/** The learner's home links to the profile. */
@Component
class ProfileLink implements LearnerHomeLink {

    @Override
    public String path() {
        return "/" + ProfileView.ROUTE;
    }

    @Override
    public String titleKey() {
        return "nav.profile";
    }

    @Override
    public int order() {
        return 10;
    }
}
