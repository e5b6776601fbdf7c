package org.digilit.device;

import org.jspecify.annotations.Nullable;

/**
 * What a donor fills in on the public page: who (a phone number, a name or an organisation's name if they wish), the
 * devices (kind, model, age, condition, charger, how many), and how they reach the programme.
 */
public record DonationForm(
        @Nullable String phone,
        @Nullable String donorName,
        @Nullable DeviceKind kind,
        @Nullable String model,
        @Nullable Integer ageYears,
        @Nullable DeviceCondition condition,
        boolean charger,
        int quantity,
        @Nullable HandoverWay way,
        @Nullable Long pointId,
        @Nullable Long pickupCommuneId,
        @Nullable String pickupAddress,
        @Nullable String requestNumber) {

    public static final int MAX_QUANTITY = 50;
    public static final int TEXT_MAX_LENGTH = 200;
}
