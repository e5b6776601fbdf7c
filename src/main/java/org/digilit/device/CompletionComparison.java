package org.digilit.device;

/**
 * Completion of device recipients against the other learners in the same scope: learners with any course progress,
 * and how many of them completed at least one course. Rates in percent, 0 when there is nobody.
 */
public record CompletionComparison(long recipients, long recipientsCompleted, long others, long othersCompleted) {

    public double recipientRate() {
        return recipients == 0 ? 0 : 100.0 * recipientsCompleted / recipients;
    }

    public double otherRate() {
        return others == 0 ? 0 : 100.0 * othersCompleted / others;
    }
}
