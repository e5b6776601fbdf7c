package org.digilit.organisation;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One organisation as an import file (or the demo generator) describes it: its stable code, its parent's code (none for
 * the province at the root), type, names in Vietnamese and English, and expected headcounts.
 */
public record OrganisationRow(
        String code,
        @Nullable String parentCode,
        OrganisationType type,
        String nameVi,
        String nameEn,
        Headcounts headcounts) {

    public static final int CODE_MAX_LENGTH = 32;
    public static final int NAME_MAX_LENGTH = 200;

    /** Codes: letters, digits, dot, dash and underscore; 1 to 32 characters, starting with a letter or digit. */
    public static final Pattern CODE_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    public OrganisationRow {
        if (!CODE_PATTERN.matcher(code).matches()) {
            throw new IllegalArgumentException("Invalid organisation code");
        }
        if (parentCode != null && !CODE_PATTERN.matcher(parentCode).matches()) {
            throw new IllegalArgumentException("Invalid parent code");
        }
        if (nameVi.isBlank() || nameVi.length() > NAME_MAX_LENGTH || nameEn.length() > NAME_MAX_LENGTH) {
            throw new IllegalArgumentException("Invalid organisation name");
        }
    }
}
