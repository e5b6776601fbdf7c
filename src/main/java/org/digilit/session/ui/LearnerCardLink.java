package org.digilit.session.ui;

import org.digilit.learning.LearnerHomeLink;
import org.springframework.stereotype.Component;

/** The learner's home links to the learner card shown at in-person classes (issue #16). */
@Component
class LearnerCardLink implements LearnerHomeLink {

    @Override
    public String path() {
        return "/" + LearnerCardView.ROUTE;
    }

    @Override
    public String titleKey() {
        return "cards.link";
    }

    @Override
    public int order() {
        return 20;
    }
}
