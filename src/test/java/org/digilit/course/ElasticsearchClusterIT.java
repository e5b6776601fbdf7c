package org.digilit.course;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.http.HttpHost;
import org.digilit.localstack.LocalStack;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The course index on a two-node Elasticsearch cluster (the local stack's cluster setting, on loopback): the index gets
 * a replica, and when one node dies, searching and indexing go on through the other, with no PostgreSQL fallback. The
 * app's client is built as the app builds it, with both nodes' addresses.
 */
class ElasticsearchClusterIT {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchClusterIT.class);

    private static LocalStack cluster;
    private static RestClient restClient;
    private static ElasticsearchClient client;
    private static ElasticsearchCourseIndex index;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalStack.startElasticsearchCluster(2);
        restClient = RestClient.builder(cluster.elasticsearchUrls().stream()
                        .map(HttpHost::create)
                        .toArray(HttpHost[]::new))
                .setRequestConfigCallback(
                        config -> config.setConnectTimeout(2_000).setSocketTimeout(10_000))
                .build();
        client = new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
        index = new ElasticsearchCourseIndex(client);
        index.ensureIndex();
        index.bulk(List.of(
                lesson("p1", "Mật khẩu mạnh", "Một mật khẩu mạnh có ít nhất 12 ký tự và không dùng lại."),
                lesson("p2", "Nhận biết tin nhắn lừa đảo", "Kẻ gian giả danh ngân hàng để lấy mã OTP."),
                lesson("p3", "Cài đặt VNeID", "Tải ứng dụng VNeID từ kho ứng dụng chính thức.")));
        client.indices().refresh(r -> r.index(ElasticsearchCourseIndex.INDEX));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (restClient != null) {
            restClient.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void the_index_has_a_replica_and_search_goes_on_when_a_node_dies() throws Exception {
        var health = client.cluster()
                .health(h -> h.index(ElasticsearchCourseIndex.INDEX)
                        .waitForStatus(HealthStatus.Green)
                        .timeout(t -> t.time("120s")));
        assertThat(health.status()).isEqualTo(HealthStatus.Green);
        assertThat(health.numberOfNodes()).isEqualTo(2);
        assertThat(health.activeShards()).as("the primary and its replica").isEqualTo(2);

        var before = index.search(query("mat khau"));
        assertThat(before.hits()).isNotEmpty();
        assertThat(before.hits().getFirst().title()).isEqualTo("Mật khẩu mạnh");

        // In a cluster of two, only one node votes; losing the other keeps a master (three nodes survive either loss).
        var master = client.cat().master().valueBody().getFirst().node();
        var victim = master.equals("local-1") ? "local-2" : "local-1";
        cluster.killElasticsearchNode(victim);
        log.info("Killed Elasticsearch node {} (master {})", victim, master);

        var killed = System.nanoTime();
        var after = index.search(query("mat khau"));
        var firstSearch = Duration.ofNanos(System.nanoTime() - killed);
        assertThat(after.hits()).isNotEmpty();
        assertThat(after.hits().getFirst().title()).isEqualTo("Mật khẩu mạnh");
        for (int i = 0; i < 10; i++) {
            assertThat(index.search(query("lừa đảo")).hits())
                    .extracting(SearchResult.Hit::title)
                    .contains("Nhận biết tin nhắn lừa đảo");
        }
        log.info("First search after the node died took {} ms", firstSearch.toMillis());

        // Writes go on too: the surviving copy is (or becomes) the primary.
        index.bulk(List.of(lesson("p4", "Sao lưu ảnh", "Sao lưu ảnh lên đám mây để không mất khi hỏng máy.")));
        client.indices().refresh(r -> r.index(ElasticsearchCourseIndex.INDEX));
        assertThat(index.search(query("sao luu")).hits())
                .extracting(SearchResult.Hit::title)
                .contains("Sao lưu ảnh");
        var degraded = client.cluster().health(h -> h.index(ElasticsearchCourseIndex.INDEX));
        assertThat(degraded.numberOfNodes()).isEqualTo(1);
        assertThat(degraded.status()).as("the replica has nowhere to go").isNotEqualTo(HealthStatus.Red);
    }

    private static SearchQuery query(String text) {
        return new SearchQuery(text, "vi", Set.of(), Set.of(), Set.of(), 10);
    }

    private static CourseSearchIndex.Document lesson(String id, String title, String body) {
        return new CourseSearchIndex.Document(
                "cluster-" + id + "-vi",
                "lesson",
                "cluster-test",
                id,
                "vi",
                title,
                "Khóa thử cụm",
                body,
                "beginner",
                List.of("citizen"),
                List.of());
    }
}
