package org.digilit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.digilit.LocalStackInitializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * With Elasticsearch unreachable (here: a closed port) the app still starts, says clearly what is missing, and health
 * reports Elasticsearch DOWN with a reason while the other servers stay UP. This test has an application context of its
 * own: it runs last (see junit-platform.properties) and closes that context after it.
 */
@Order(Integer.MAX_VALUE)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.elasticsearch.uris=http://127.0.0.1:9", "spring.elasticsearch.connection-timeout=500ms"})
@ContextConfiguration(initializers = LocalStackInitializer.class)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ElasticsearchDownIT {

    @Autowired
    PlatformStatusService status;

    @Autowired
    StartupDiagnostics diagnostics;

    @Test
    void the_app_starts_and_health_names_elasticsearch_down_with_a_reason() {
        var servers = status.check();
        var elasticsearch = servers.stream()
                .filter(s -> s.server().equals("elasticsearch"))
                .findFirst()
                .orElseThrow();
        assertThat(elasticsearch.up()).isFalse();
        assertThat(String.valueOf(elasticsearch.details().get("reason"))).containsIgnoringCase("connect");
        assertThat(servers.stream().filter(s -> !s.server().equals("elasticsearch")))
                .allMatch(PlatformStatusService.ServerStatus::up);
    }

    @Autowired
    org.digilit.course.CourseSearchService search;

    @Autowired
    org.digilit.course.CourseContentService content;

    @Test
    void course_search_answers_from_postgresql_and_says_so() {
        content.loadAll();
        var result = search.search(org.digilit.course.SearchQuery.of("lua dao", "vi"));
        assertThat(result.fallback()).isTrue();
        assertThat(result.courseIds()).contains("online-safety-scams");
        assertThat(search.suggest("lam quen", "vi")).isEmpty();
    }

    @Test
    void start_up_diagnostics_say_what_is_missing_and_what_still_works(CapturedOutput output) {
        diagnostics.reportMissingServers();
        assertThat(output.getOut())
                .contains("elasticsearch is DOWN")
                .contains("course search falls back to PostgreSQL");
    }
}
