package org.digilit.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The reviewed synonyms file and the query readings it gives. */
class SearchSynonymsTest {

    private final SearchSynonyms synonyms = SearchSynonyms.standard();

    @Test
    void the_reviewed_file_reads_into_groups() {
        assertThat(synonyms.groupCount()).isGreaterThan(40);
    }

    @Test
    void every_pair_the_issue_names_works_both_ways() {
        var pairs = List.of(
                List.of("cccd", "căn cước"),
                List.of("căn cước", "định danh"),
                List.of("vneid", "định danh điện tử"),
                List.of("otp", "mã xác thực"),
                List.of("zalo", "nhắn tin"),
                List.of("messenger", "nhắn tin"),
                List.of("zoom", "họp trực tuyến"),
                List.of("google meet", "họp trực tuyến"),
                List.of("qr", "mã qr"),
                List.of("chữ ký số", "digital signature"),
                List.of("app", "ứng dụng"));
        for (var pair : pairs) {
            var a = String.join(" ", SearchSynonyms.words(pair.get(0)));
            var b = String.join(" ", SearchSynonyms.words(pair.get(1)));
            assertThat(synonyms.expand(pair.get(0)).readings())
                    .as(a + " -> " + b)
                    .contains(b);
            assertThat(synonyms.expand(pair.get(1)).readings())
                    .as(b + " -> " + a)
                    .contains(a);
        }
    }

    @Test
    void a_phrase_is_replaced_where_it_stands_and_the_other_words_stay() {
        assertThat(synonyms.expand("CCCD gắn chip").readings()).contains("can cuoc gan chip");
        assertThat(synonyms.expand("cách lấy mã OTP").readings()).contains("cach lay ma xac thuc");
    }

    @Test
    void words_inside_other_words_do_not_count() {
        // "ai" is a group word (AI), but not inside "tai" or "mai".
        assertThat(synonyms.expand("tai mai").readings()).isEmpty();
        assertThat(synonyms.expand("").readings()).isEmpty();
    }

    @Test
    void a_long_query_gives_a_bounded_number_of_readings() {
        assertThat(synonyms.expand("cccd otp zalo zoom qr app email wifi pdf bank momo")
                        .readings())
                .hasSizeLessThanOrEqualTo(SearchSynonyms.MAX_READINGS);
    }

    @Test
    void the_file_format_ignores_comments_and_single_words() {
        var parsed = SearchSynonyms.parse("# a comment\nalone\nA, b c\n");
        assertThat(parsed.groupCount()).isEqualTo(1);
        assertThat(parsed.expand("a").readings()).containsExactly("b c");
    }
}
