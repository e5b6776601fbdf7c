package org.digilit.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Snippets marked on folded text, mapped back to the original. */
class HighlighterTest {

    private static String marked(String snippet) {
        return snippet.replace(SearchResult.MARK_START, '[').replace(SearchResult.MARK_END, ']');
    }

    @Test
    void words_typed_without_diacritics_mark_the_original_words() {
        var text = "Đặt mật khẩu mạnh cho tài khoản của bạn.";
        var snippet = Highlighter.snippet(text, Highlighter.terms("mat khau ", SearchSynonyms.Expansion.NONE), 160);
        assertThat(marked(snippet)).isEqualTo("Đặt [mật] [khẩu] mạnh cho tài khoản của bạn.");
    }

    @Test
    void only_whole_words_are_marked_but_the_last_word_typed_may_be_unfinished() {
        var text = "Tài khoản định danh điện tử";
        assertThat(marked(Highlighter.snippet(text, Set.of("ai"), 160))).isEqualTo(text);
        assertThat(marked(Highlighter.snippet(text, Highlighter.terms("dinh da", SearchSynonyms.Expansion.NONE), 160)))
                .isEqualTo("Tài khoản [định] [danh] điện tử");
    }

    @Test
    void a_phrase_from_the_synonyms_is_marked_as_one() {
        var text = "Dùng Căn cước công dân gắn chip.";
        assertThat(marked(Highlighter.snippet(text, List.of("can cuoc cong dan"), 160)))
                .isEqualTo("Dùng [Căn cước công dân] gắn chip.");
    }

    @Test
    void the_snippet_is_cut_around_the_words_found() {
        var text = "Mở đầu. ".repeat(60) + "Ở đây có mã OTP cần giữ bí mật. " + "Kết thúc. ".repeat(60);
        var snippet = Highlighter.snippet(text, List.of("otp"), 160);
        assertThat(snippet).startsWith("…").endsWith("…").contains(SearchResult.MARK_START + "OTP");
        assertThat(snippet.length()).isLessThanOrEqualTo(164);
    }

    @Test
    void folding_keeps_each_character_where_it_was() {
        var folded = Highlighter.fold("Đồng ý");
        assertThat(folded.text()).isEqualTo("dong y");
        assertThat(folded.origin()).startsWith(0, 1, 2, 3, 4, 5);
    }
}
