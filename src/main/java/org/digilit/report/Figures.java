package org.digilit.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's (or a group's) figures at a quarter's end, cumulative: people expected (headcount), verified
 * accounts, activated accounts, people enrolled in at least one course, people who completed their required courses,
 * certificates in force.
 */
public record Figures(long headcount, long accounts, long activated, long enrolled, long completed, long certificates) {

    public static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0);

    public Figures plus(Figures other) {
        return new Figures(
                headcount + other.headcount,
                accounts + other.accounts,
                activated + other.activated,
                enrolled + other.enrolled,
                completed + other.completed,
                certificates + other.certificates);
    }

    public Figures withHeadcount(long headcount) {
        return new Figures(headcount, accounts, activated, enrolled, completed, certificates);
    }

    /** Accounts against headcount, in percent; empty when nobody is expected. */
    public @Nullable BigDecimal coverage() {
        return percent(accounts, headcount);
    }

    /** Activated accounts against accounts. */
    public @Nullable BigDecimal activation() {
        return percent(activated, accounts);
    }

    /** People who completed their required courses against accounts. */
    public @Nullable BigDecimal completionOfAccounts() {
        return percent(completed, accounts);
    }

    /** People who completed their required courses against headcount: what the programme's targets measure. */
    public @Nullable BigDecimal completionOfHeadcount() {
        return percent(completed, headcount);
    }

    /** A rate in percent with one decimal, rounded half up; empty when the denominator is 0. */
    static @Nullable BigDecimal percent(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
