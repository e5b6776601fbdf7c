package org.digilit.report.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.junit.jupiter.api.Test;

/** The dashboard's address: read back what it wrote, citizens unless told otherwise, anything else refused. */
class DashboardQueryTest {

    private static Map<String, List<String>> parameters(String... pairs) {
        var result = new java.util.HashMap<String, List<String>>();
        for (int i = 0; i < pairs.length; i += 2) {
            result.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return result;
    }

    @Test
    void an_address_is_read_back_as_it_was_written() {
        var query = DashboardQuery.parse(parameters("quarter", "2026-Q3", "audience", "teacher", "org", "42"));

        assertThat(query).isEqualTo(new DashboardQuery(new Quarter(2026, 3), Audience.TEACHER, null, 42L, false));
        assertThat(query.href("dashboard")).isEqualTo("dashboard?quarter=2026-Q3&audience=teacher&org=42");
        assertThat(DashboardQuery.parse(parameters("quarter", "2026-Q3", "audience", "teacher", "org", "42")))
                .isEqualTo(query);
    }

    @Test
    void citizens_are_the_default_and_all_means_everyone() {
        assertThat(DashboardQuery.parse(Map.of())).isEqualTo(DashboardQuery.empty());
        assertThat(DashboardQuery.parse(parameters("audience", "all")).audience())
                .isNull();
        assertThat(DashboardQuery.empty().withAudience(null).toParameters()).containsEntry("audience", "all");
    }

    @Test
    void drilling_down_leaves_the_group_and_keeps_quarter_and_audience() {
        var inGroup = DashboardQuery.parse(parameters("quarter", "2025-Q4", "group", "7"));

        var drilled = inGroup.withOrganisation(12);

        assertThat(drilled.toParameters())
                .containsExactly(
                        Map.entry("quarter", "2025-Q4"), Map.entry("audience", "citizen"), Map.entry("org", "12"));
        assertThat(inGroup.withTree().toParameters())
                .containsEntry("view", "tree")
                .doesNotContainKey("group");
    }

    @Test
    void what_the_dashboard_does_not_understand_is_refused() {
        for (var bad : List.of(
                parameters("quarter", "2026-Q5"),
                parameters("quarter", "Q3-2026"),
                parameters("audience", "robots"),
                parameters("org", "abc"),
                parameters("org", "-4"),
                parameters("group", "1", "group", "2"),
                parameters("view", "list"))) {
            assertThatThrownBy(() -> DashboardQuery.parse(bad))
                    .as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
