package org.digilit.platform;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where Elasticsearch is, under Spring Boot's usual property names. */
@ConfigurationProperties("spring.elasticsearch")
public record ElasticsearchProperties(
        @DefaultValue("http://localhost:9200") List<String> uris,
        @DefaultValue("2s") Duration connectionTimeout,
        @DefaultValue("10s") Duration socketTimeout) {}
