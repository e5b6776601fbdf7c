package org.digilit.device;

/** A supply file with problems was not applied; nothing was written. */
public class DeviceImportRejectedException extends RuntimeException {

    private final transient DeviceImportReport report;

    public DeviceImportRejectedException(DeviceImportReport report) {
        super("The supply file has " + report.problems().size() + " problems and was not applied");
        this.report = report;
    }

    public DeviceImportReport report() {
        return report;
    }
}
