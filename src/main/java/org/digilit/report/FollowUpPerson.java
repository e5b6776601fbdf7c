package org.digilit.report;

import org.digilit.base.Audience;

/**
 * A person of an organisation admin's follow-up list: not yet done with their required courses. The identity number
 * appears only masked (its last four characters).
 */
public record FollowUpPerson(
        String username,
        String fullName,
        String maskedIdentityNumber,
        String organisationCode,
        String organisationNameVi,
        Audience audience,
        boolean activated,
        int required,
        int completed) {}
