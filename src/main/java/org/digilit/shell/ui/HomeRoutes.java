package org.digilit.shell.ui;

import java.util.Map;
import java.util.Optional;
import org.digilit.device.DeviceNavigation;
import org.digilit.learning.LearningNavigation;
import org.digilit.organisation.OrganisationNavigation;
import org.digilit.platform.PlatformNavigation;
import org.digilit.report.ReportNavigation;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.Roles.Role;
import org.digilit.session.SessionNavigation;

/**
 * Where each role lands after login: each feature's home page, as its navigation class names it (whereabouts DD007),
 * so the shell does not reach into those features' UI packages (a browserless test opens each one).
 */
final class HomeRoutes {

    static final String LEARNER_HOME = LearningNavigation.HOME.substring(1);
    static final String ORGANISATION_HOME = OrganisationNavigation.HOME;
    static final String WORKING_GROUP_HOME = ReportNavigation.DASHBOARD;
    static final String PLATFORM_ADMIN_HOME = PlatformNavigation.STATUS;
    /** In-person sessions: the facilitator's schedule and the link to the phone page. */
    static final String FACILITATOR_HOME = SessionNavigation.SESSIONS;
    /** Devices: the officer's stock and requests. */
    static final String DEVICE_OFFICER_HOME = DeviceNavigation.STOCK;

    private static final Map<Role, String> HOMES = Map.of(
            Role.PLATFORM_ADMIN, PLATFORM_ADMIN_HOME,
            Role.WORKING_GROUP, WORKING_GROUP_HOME,
            Role.ORG_ADMIN, ORGANISATION_HOME,
            Role.DEVICE_OFFICER, DEVICE_OFFICER_HOME,
            Role.FACILITATOR, FACILITATOR_HOME,
            Role.TEACHER, LEARNER_HOME,
            Role.OFFICIAL, LEARNER_HOME,
            Role.CITIZEN, LEARNER_HOME);

    private HomeRoutes() {}

    /**
     * Where a signed-in user's "my page" link and the landing page send them: a learner straight to their
     * server-rendered home ({@code /learn}, DD015: no Vaadin client on the way), anyone else to {@code /home}, which
     * forwards to their role's view.
     */
    static String homePath(AuthenticatedUser user) {
        return homeOf(user).filter(LEARNER_HOME::equals).map(home -> "/" + home).orElse("/home");
    }

    /** The home of the user's most responsible role; empty for a user who has none of the platform's roles. */
    static Optional<String> homeOf(AuthenticatedUser user) {
        return user.primaryRole().map(HOMES::get);
    }
}
