package org.digilit.account;

import java.time.LocalDate;

/**
 * What one printed activation slip tells a citizen: who the account is for, how to sign in and the one-time code
 * that activates it. The identity number arrives already masked: the full number never reaches a printout.
 */
public record ActivationSlip(
        String fullName,
        String maskedIdentityNumber,
        String username,
        String organisationName,
        String code,
        String activationUrl,
        LocalDate expires) {}
