package org.digilit.report;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Issue #18 in the quarterly report: the people of a line who had received a device by the quarter's end (the device
 * feature's published view {@code device_recipient}) against the others, and how many of each had completed their
 * required courses by then (the same rule as the report's "completed").
 */
public record RecipientComparison(long recipients, long recipientsCompleted, long others, long othersCompleted) {

    public static final RecipientComparison NONE = new RecipientComparison(0, 0, 0, 0);

    public RecipientComparison plus(RecipientComparison other) {
        return new RecipientComparison(
                recipients + other.recipients,
                recipientsCompleted + other.recipientsCompleted,
                others + other.others,
                othersCompleted + other.othersCompleted);
    }

    /** Recipients who completed, in percent of recipients; empty with no recipient. */
    public @Nullable BigDecimal recipientsRate() {
        return Figures.percent(recipientsCompleted, recipients);
    }

    /** The others who completed, in percent of the others. */
    public @Nullable BigDecimal othersRate() {
        return Figures.percent(othersCompleted, others);
    }
}
