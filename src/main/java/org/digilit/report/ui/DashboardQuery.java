package org.digilit.report.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.jspecify.annotations.Nullable;

/**
 * What the dashboard shows, as it stands in its address so that a report can be bookmarked and shared:
 * {@code ?quarter=2026-Q3&audience=citizen&org=42}, or {@code group=7} for a working group's report, or
 * {@code view=tree} for the top of the organisation tree when the user would otherwise land on their group. The
 * audience is citizens unless the address says otherwise ({@code all}: everyone). Nothing here is trusted: the
 * service checks the organisation or group against the user's scope.
 *
 * @param quarter the quarter, or empty for the current one
 * @param audience the audience, or empty for everyone
 */
record DashboardQuery(
        @Nullable Quarter quarter,
        @Nullable Audience audience,
        @Nullable Long group,
        @Nullable Long organisation,
        boolean tree) {

    static final String QUARTER = "quarter";
    static final String AUDIENCE = "audience";
    static final String GROUP = "group";
    static final String ORGANISATION = "org";
    static final String VIEW = "view";
    static final String TREE = "tree";
    static final String EVERYONE = "all";

    private static final Pattern QUARTER_TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    static DashboardQuery empty() {
        return new DashboardQuery(null, Audience.CITIZEN, null, null, false);
    }

    /**
     * Reads the address's parameters.
     *
     * @throws IllegalArgumentException when one of them is not something the dashboard understands
     */
    static DashboardQuery parse(Map<String, List<String>> parameters) {
        Quarter quarter = null;
        var quarterText = single(parameters, QUARTER);
        if (quarterText != null) {
            var matcher = QUARTER_TEXT.matcher(quarterText);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("Not a quarter: " + quarterText);
            }
            quarter = new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        }
        Audience audience = Audience.CITIZEN;
        var audienceText = single(parameters, AUDIENCE);
        if (audienceText != null) {
            audience = audienceText.equals(EVERYONE)
                    ? null
                    : Audience.fromCode(audienceText)
                            .orElseThrow(() -> new IllegalArgumentException("Not an audience: " + audienceText));
        }
        var view = single(parameters, VIEW);
        if (view != null && !view.equals(TREE)) {
            throw new IllegalArgumentException("Not a view: " + view);
        }
        return new DashboardQuery(
                quarter, audience, id(single(parameters, GROUP)), id(single(parameters, ORGANISATION)), view != null);
    }

    private static @Nullable String single(Map<String, List<String>> parameters, String name) {
        var values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException("More than one " + name);
        }
        return values.getFirst();
    }

    private static @Nullable Long id(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            var id = Long.parseLong(text);
            if (id <= 0) {
                throw new IllegalArgumentException("Not an id: " + text);
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an id: " + text, e);
        }
    }

    /** The address's parameters, in a stable order. */
    Map<String, String> toParameters() {
        var result = new LinkedHashMap<String, String>();
        if (quarter != null) {
            result.put(QUARTER, quarter.toString());
        }
        result.put(AUDIENCE, audience == null ? EVERYONE : audience.code());
        if (group != null) {
            result.put(GROUP, String.valueOf(group));
        }
        if (organisation != null) {
            result.put(ORGANISATION, String.valueOf(organisation));
        }
        if (tree && group == null && organisation == null) {
            result.put(VIEW, TREE);
        }
        return result;
    }

    /** The address, relative to the app: {@code dashboard?quarter=…}. */
    String href(String route) {
        var query = new StringBuilder();
        toParameters()
                .forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return route + query;
    }

    DashboardQuery withQuarter(Quarter quarter) {
        return new DashboardQuery(quarter, audience, group, organisation, tree);
    }

    DashboardQuery withAudience(@Nullable Audience audience) {
        return new DashboardQuery(quarter, audience, group, organisation, tree);
    }

    /** An organisation of the tree (drilling down, or a breadcrumb). */
    DashboardQuery withOrganisation(long id) {
        return new DashboardQuery(quarter, audience, null, id, false);
    }

    /** The top of the user's part of the tree. */
    DashboardQuery withTree() {
        return new DashboardQuery(quarter, audience, null, null, true);
    }

    DashboardQuery withGroup(long id) {
        return new DashboardQuery(quarter, audience, id, null, false);
    }
}
