package org.digilit.account.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An audit entry's details ({@code key=value} pairs, written for machines) in the reader's words: "Kết quả: Không
 * thành công · Lý do: Nhập sai số định danh cá nhân" rather than {@code result=INVALID reason=wrong-number} (DD014).
 * Keys and values it does not know are shown as written, so nothing recorded is hidden.
 */
final class AuditDetailsText {

    /** Detail keys with a label in the translation files ({@code audit.detail.<key>}). */
    static final Set<String> KEYS = Set.of(
            "import",
            "from",
            "to",
            "changed",
            "reason",
            "result",
            "commune",
            "name-matches",
            "birth-date-matches",
            "role",
            "username",
            "asked-by",
            "file",
            "rows",
            "created",
            "updated",
            "moved");

    /** Values with words of their own ({@code audit.value.<key>.<value>}); other values are shown as recorded. */
    static final Set<String> VALUES = Set.of(
            "result.ACTIVATED",
            "result.PASSWORD_RESET",
            "result.INVALID",
            "result.RATE_LIMITED",
            "result.PASSWORD_REJECTED",
            "result.UNAVAILABLE",
            "reason.locked",
            "reason.wrong-number",
            "reason.invalid-number",
            "reason.used",
            "reason.expired",
            "reason.not-verified",
            "name-matches.true",
            "name-matches.false",
            "birth-date-matches.true",
            "birth-date-matches.false");

    /** Columns of a people file, named in the translation files as {@code people-import.column.<column>}. */
    private static final Set<String> COLUMNS = Set.of(
            "full_name", "date_of_birth", "gender", "phone", "email", "organisation_code", "audience", "staff_number");

    /** A key starts the text or follows a space; its value runs to the next key (a free-text reason may hold spaces). */
    private static final Pattern KEY = Pattern.compile("(?:^|\\s)([a-z][a-z-]*)=");

    private static final Pattern MOVE = Pattern.compile("organisation\\((.*)->(.*)\\)");

    private AuditDetailsText() {}

    static String of(@Nullable String details, Function<String, String> translation) {
        if (details == null || details.isBlank()) {
            return "";
        }
        var matcher = KEY.matcher(details);
        var starts = new ArrayList<int[]>(); // {key start, key end, value start}
        while (matcher.find()) {
            starts.add(new int[] {matcher.start(1), matcher.end(1), matcher.end()});
        }
        if (starts.isEmpty()) {
            return details;
        }
        var parts = new ArrayList<String>();
        for (int i = 0; i < starts.size(); i++) {
            var at = starts.get(i);
            String key = details.substring(at[0], at[1]);
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : details.length();
            String value = details.substring(at[2], end).strip();
            String label = KEYS.contains(key) ? translation.apply("audit.detail." + key) : key;
            parts.add(label + ": " + value(key, value, translation));
        }
        return String.join(" · ", parts);
    }

    private static String value(String key, String value, Function<String, String> translation) {
        if (VALUES.contains(key + "." + value)) {
            return translation.apply("audit.value." + key + "." + value);
        }
        if (key.equals("changed")) {
            List<String> changed = new ArrayList<>();
            for (String column : value.split(",")) {
                var move = MOVE.matcher(column);
                if (move.matches()) {
                    changed.add(translation.apply("audit.detail.moved") + " (" + move.group(1) + " → " + move.group(2)
                            + ")");
                } else if (COLUMNS.contains(column)) {
                    changed.add(translation.apply("people-import.column." + column));
                } else {
                    changed.add(column);
                }
            }
            return String.join(", ", changed);
        }
        return value;
    }
}
