package org.digilit.device.ui;

import org.digilit.learning.LearnerHomeLink;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.Roles.Role;
import org.springframework.stereotype.Component;

/** The learner's home links to their device requests, for the roles that may ask for a device (issue #18). */
@Component
class MyDeviceRequestsLink implements LearnerHomeLink {

    @Override
    public String path() {
        return "/" + MyDeviceRequestsView.ROUTE;
    }

    @Override
    public String titleKey() {
        return "device.menu.my-requests";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean shownTo(AuthenticatedUser user) {
        return user.has(Role.CITIZEN) || user.has(Role.TEACHER);
    }
}
