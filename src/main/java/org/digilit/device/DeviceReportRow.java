package org.digilit.device;

/** Device requests of one organisation (the learner's school or commune) in a quarter. */
public record DeviceReportRow(
        long organisationId,
        String code,
        String nameVi,
        String nameEn,
        long requested,
        long approved,
        long handedOver,
        long pending) {

    public String name(java.util.Locale locale) {
        return locale.getLanguage().equals("vi") || nameEn.isBlank() ? nameVi : nameEn;
    }
}
