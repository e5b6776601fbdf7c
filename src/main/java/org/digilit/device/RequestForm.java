package org.digilit.device;

import org.jspecify.annotations.Nullable;

/**
 * What a parent, teacher or organisation admin types to request a device: the learner (their platform username, or
 * their identity number), the learner's school or commune, what they need and why.
 */
public record RequestForm(
        @Nullable String learnerUsername,
        @Nullable String identityNumber,
        @Nullable Long organisationId,
        @Nullable String need,
        @Nullable String reason,
        @Nullable RequestPriority priority) {

    @Override
    public String toString() {
        return "RequestForm[organisationId=" + organisationId + ", need=" + need + "]"; // no identity number in logs
    }
}
