package org.digilit.organisation;

import org.digilit.base.Audience;

/**
 * How many people of each audience an organisation is expected to reach: the denominator of coverage rates (a commune's
 * adult population, a school's teachers, an agency's officials).
 */
public record Headcounts(int citizens, int teachers, int officials) {

    public static final Headcounts NONE = new Headcounts(0, 0, 0);

    public Headcounts {
        if (citizens < 0 || teachers < 0 || officials < 0) {
            throw new IllegalArgumentException("Headcounts cannot be negative");
        }
    }

    public int of(Audience audience) {
        return switch (audience) {
            case CITIZEN -> citizens;
            case TEACHER -> teachers;
            case OFFICIAL -> officials;
        };
    }
}
