package org.digilit.device;

import java.time.Instant;
import java.util.List;

/** A donation's public receipt: when, how, and each device's public code, kind and current stage (no phone number). */
public record DonationReceipt(String code, Instant offeredAt, HandoverWay way, String placeName, List<Device> devices) {

    public record Device(String publicCode, DeviceKind kind, DeviceStage stage) {}

    public DonationReceipt {
        devices = List.copyOf(devices);
    }
}
