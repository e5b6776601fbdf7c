package org.digilit.device;

import org.digilit.base.Bilingual;

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
        return Bilingual.pick(locale, nameVi, nameEn);
    }
}
