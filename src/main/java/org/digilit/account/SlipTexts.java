package org.digilit.account;

import java.time.format.DateTimeFormatter;

/**
 * The words printed on activation slips, in the reader's language. The caller fills them from the translation files,
 * so the PDF renderer holds no user-facing text of its own.
 */
public record SlipTexts(
        String title,
        String nameLabel,
        String identityLabel,
        String usernameLabel,
        String codeLabel,
        String expiresLabel,
        String instructions,
        String scanHint,
        DateTimeFormatter dateFormat) {}
