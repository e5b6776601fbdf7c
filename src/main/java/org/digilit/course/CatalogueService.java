package org.digilit.course;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.digilit.base.TextFolding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The course catalogue as learners see it, read from PostgreSQL. Its text filter folds diacritics, so "lua dao" finds
 * "lừa đảo"; it is also the fallback when the search index is down.
 */
@Service
public class CatalogueService {

    /** A course as the catalogue shows it. */
    public record CourseCard(
            String id,
            String titleVi,
            String titleEn,
            String summaryVi,
            String summaryEn,
            String level,
            Set<String> audiences,
            List<String> tags,
            int estimatedMinutes,
            int lessons) {

        public String title(Locale locale) {
            return locale.getLanguage().equals("vi") ? titleVi : titleEn;
        }

        public String summary(Locale locale) {
            return locale.getLanguage().equals("vi") ? summaryVi : summaryEn;
        }
    }

    /** A lesson's place in a course, without its text. */
    public record LessonTitle(String id, int position, String titleVi, String titleEn) {

        public String title(Locale locale) {
            return locale.getLanguage().equals("vi") ? titleVi : titleEn;
        }
    }

    private final JdbcClient jdbc;

    CatalogueService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active courses whose title, summary or tags contain every word typed (diacritics optional). */
    @Transactional(readOnly = true)
    public List<CourseCard> catalogue(String text) {
        var words = Arrays.stream(TextFolding.fold(text).split(" "))
                .filter(w -> !w.isBlank())
                .toList();
        return all().stream()
                .filter(card -> {
                    var folded = TextFolding.fold(String.join(
                            " ",
                            card.titleVi(),
                            card.titleEn(),
                            card.summaryVi(),
                            card.summaryEn(),
                            String.join(" ", card.tags())));
                    return words.stream().allMatch(folded::contains);
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<CourseCard> course(String id) {
        return all().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Transactional(readOnly = true)
    public List<LessonTitle> lessons(String courseId) {
        return jdbc.sql("""
                        select id, position, title_vi, title_en from lesson
                        where course_id = :course and active order by position""").param("course", courseId).query(LessonTitle.class).list();
    }

    private List<CourseCard> all() {
        return jdbc.sql("""
                        select c.id, c.title_vi, c.title_en, c.summary_vi, c.summary_en, c.level, c.audiences, c.tags,
                            c.estimated_minutes,
                            (select count(*) from lesson l where l.course_id = c.id and l.active) as lessons
                        from course c where c.active order by c.title_vi""")
                .query((rs, n) -> new CourseCard(
                        rs.getString("id"),
                        rs.getString("title_vi"),
                        rs.getString("title_en"),
                        rs.getString("summary_vi"),
                        rs.getString("summary_en"),
                        rs.getString("level"),
                        Set.of((String[]) rs.getArray("audiences").getArray()),
                        List.of((String[]) rs.getArray("tags").getArray()),
                        rs.getInt("estimated_minutes"),
                        rs.getInt("lessons")))
                .list();
    }
}
