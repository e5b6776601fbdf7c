package org.digilit.demo;

import java.util.List;
import java.util.Locale;
import org.digilit.identity.IdentityScheme;
import org.digilit.localstack.DemoUsers;
import org.digilit.organisation.OrganisationRow;

/**
 * Which demo the demo run loads (the setting {@code digilit.demo.region}, or the environment variable {@code
 * DIGILIT_DEMO_REGION}; Vietnam unless it says {@code IN}): the organisation tree, the identity-number scheme its people
 * carry, and the organisations the demo users and the demo's sessions, devices and required courses belong to (DD019).
 */
public enum DemoRegion {
    /** Vietnam's fictional Tỉnh Đồng An, two levels since 1 July 2025 (province, communes), CCCD numbers. */
    VN(
            IdentityScheme.VIETNAM_CCCD,
            DemoProvince.NATURAL_SIZE,
            "P01-C001",
            "P01-C001",
            List.of(
                    "P01-C001",
                    "P01-C002",
                    "P01-C003",
                    "P01-C004",
                    "P01-C005",
                    "P01-C006",
                    "P01-C007",
                    "P01-C008",
                    "P01-C009",
                    "P01-C010",
                    "P01-C011",
                    "P01-C012"),
            "^P01-C\\d+$",
            "^P01-C0(0[2-9]|1[0-9])-G1$",
            "P01-C002-G1",
            "P01-C001-S01",
            "P01-C001",
            "P01-C001-G1"),
    /** India's fictional state of Chandra Pradesh: state, districts, blocks, clusters, schools; Aadhaar numbers. */
    IN(
            IdentityScheme.AADHAAR,
            DemoIndianState.NATURAL_SIZE,
            "CP-D01-B01",
            "CP-D01-B01-GP01",
            List.of("CP-D01-B01"),
            "^CP-D\\d+-B\\d+$",
            "^CP-D01-B0[1-3]-GP0[2-9]-G1$",
            "CP-D01-B01-GP02-G1",
            "CP-D01-B01-C01-S01",
            "CP-D01-B01-GP01",
            "CP-D01-B01-GP02");

    /** The identity-number scheme the region's people carry (the deployment's {@code digilit.identity.scheme}). */
    public final IdentityScheme scheme;
    /** How many organisations the region's demo tree has. */
    public final int naturalSize;
    /** Where the demo organisation admin and the demo device officer work. */
    public final String demoUnit;
    /** The organisation whose people wait, every second one, in the organisation admin's verification queue. */
    public final String waitingUnit;
    /** The organisations whose citizens have the two required courses. */
    public final List<String> courseUnits;
    /** The codes of the organisations the five working groups follow between them (a PostgreSQL regex). */
    public final String followedCodes;
    /** The community groups with in-person classes (a PostgreSQL regex). */
    public final String sessionGroups;
    /** The demo facilitator's community group. */
    public final String facilitatorGroup;
    /** The demo teacher's school. */
    public final String demoSchool;
    /** The collection and storage point of the devices' demo. */
    public final String firstPoint;
    /** The second collection point of the devices' demo. */
    public final String secondPoint;

    DemoRegion(
            IdentityScheme scheme,
            int naturalSize,
            String demoUnit,
            String waitingUnit,
            List<String> courseUnits,
            String followedCodes,
            String sessionGroups,
            String facilitatorGroup,
            String demoSchool,
            String firstPoint,
            String secondPoint) {
        this.scheme = scheme;
        this.naturalSize = naturalSize;
        this.demoUnit = demoUnit;
        this.waitingUnit = waitingUnit;
        this.courseUnits = courseUnits;
        this.followedCodes = followedCodes;
        this.sessionGroups = sessionGroups;
        this.facilitatorGroup = facilitatorGroup;
        this.demoSchool = demoSchool;
        this.firstPoint = firstPoint;
        this.secondPoint = secondPoint;
    }

    /** The region's natural organisation tree, parents first. */
    public List<OrganisationRow> organisations(long seed) {
        return this == IN ? DemoIndianState.generate(seed, 0) : DemoProvince.generate(seed, 0);
    }

    /** Whether {@code code} is one of the organisations or inside one. */
    static boolean within(String code, List<String> units) {
        return units.stream().anyMatch(u -> code.equals(u) || code.startsWith(u + "-"));
    }

    /** The region this run was asked for (see the class comment). */
    public static DemoRegion current() {
        return of(DemoUsers.regionSetting());
    }

    /** {@code IN} (any case) is India; anything else, or nothing, is Vietnam. */
    public static DemoRegion of(String setting) {
        return "IN".equals(setting.strip().toUpperCase(Locale.ROOT)) ? IN : VN;
    }
}
