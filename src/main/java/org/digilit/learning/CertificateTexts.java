package org.digilit.learning;

import java.time.format.DateTimeFormatter;

/**
 * The words printed on a certificate, in the reader's language. The caller fills them from the translation files, so
 * the PDF renderer holds no user-facing text of its own. {@code dateFormat} carries the time zone the date is read in.
 */
public record CertificateTexts(
        String title,
        String presentedTo,
        String hasCompleted,
        String completedOn,
        String codeLabel,
        String checkAt,
        String scanHint,
        String issuer,
        DateTimeFormatter dateFormat) {}
