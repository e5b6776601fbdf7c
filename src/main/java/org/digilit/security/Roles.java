package org.digilit.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The realm roles of Keycloak, as names for {@code @RolesAllowed} and as an ordered enum: a user with several roles
 * lands on the home of the most responsible one.
 */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String TEACHER = "teacher";
    public static final String OFFICIAL = "official";
    public static final String ORG_ADMIN = "org-admin";
    /** Runs in-person sessions of their organisation: rosters, attendance, walk-ins (issue #16). */
    public static final String FACILITATOR = "facilitator";
    /** Approves device requests and follows device stock for their organisation's subtree (issue #18). */
    public static final String DEVICE_OFFICER = "device-officer";

    public static final String WORKING_GROUP = "working-group";
    public static final String PLATFORM_ADMIN = "platform-admin";

    /** Spring Security's prefix for roles: {@code @RolesAllowed("citizen")} checks the authority ROLE_citizen. */
    static final String AUTHORITY_PREFIX = "ROLE_";

    private Roles() {}

    /** The roles, most responsible first. */
    public enum Role {
        PLATFORM_ADMIN(Roles.PLATFORM_ADMIN),
        WORKING_GROUP(Roles.WORKING_GROUP),
        ORG_ADMIN(Roles.ORG_ADMIN),
        DEVICE_OFFICER(Roles.DEVICE_OFFICER),
        FACILITATOR(Roles.FACILITATOR),
        TEACHER(Roles.TEACHER),
        OFFICIAL(Roles.OFFICIAL),
        CITIZEN(Roles.CITIZEN);

        private final String realmRole;

        Role(String realmRole) {
            this.realmRole = realmRole;
        }

        public String realmRole() {
            return realmRole;
        }

        public String authority() {
            return AUTHORITY_PREFIX + realmRole;
        }

        public static Optional<Role> fromAuthority(String authority) {
            return Arrays.stream(values())
                    .filter(r -> r.authority().equals(authority))
                    .findFirst();
        }
    }
}
