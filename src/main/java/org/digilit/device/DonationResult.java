package org.digilit.device;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The public page's answer: RECEIVED with the receipt's code, RATE_LIMITED, or INVALID with problems per field
 * (translation keys). A suspected bot is told RECEIVED without a receipt, and nothing is stored.
 */
public record DonationResult(Status status, @Nullable String receiptCode, Map<String, String> problems) {

    public enum Status {
        RECEIVED,
        RATE_LIMITED,
        INVALID
    }

    public DonationResult {
        problems = Map.copyOf(problems);
    }
}
