package org.digilit.course.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.digilit.base.Audience;
import org.digilit.course.CatalogueService;
import org.digilit.course.CourseNavigation;
import org.digilit.course.CourseSearchService;
import org.digilit.course.CourseStart;
import org.digilit.course.SearchQuery;
import org.digilit.course.SearchResult;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The course catalogue and the course pages, for anyone (issue #21, DD015: plain HTML with no script, the second page
 * a citizen opens on a cheap phone). {@code /courses} is a {@code GET} search form: words (diacritics optional, either
 * language), level and audience filters with their counts, results best first with the matching words marked, and the
 * titles that complete the words as links; the PostgreSQL fallback says so; a search that finds nothing offers "did you
 * mean" and the courses most taken by readers of the same audience. The search is in the address ({@code ?q=…}), so it
 * can be shared, reloaded and bookmarked; it is not personal data. {@code /courses/<id>} shows what a course teaches,
 * for whom, how long it takes, and its lessons, which open in the learning feature's viewer (named by path).
 */
@Controller
class CatalogueController {

    static final String PATH = CourseNavigation.CATALOGUE;
    static final List<String> LEVELS = List.of("beginner", "intermediate", "advanced");
    static final int RESULTS = 20;

    private final CourseSearchService search;
    private final CatalogueService catalogue;
    private final CurrentUser currentUser;
    private final CourseStart start;

    CatalogueController(
            CourseSearchService search, CatalogueService catalogue, CurrentUser currentUser, CourseStart start) {
        this.search = search;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.start = start;
    }

    /** A filter choice: its value, its label's translation key, how many results it would hold, and whether it is on. */
    record Choice(String value, String label, @Nullable Long count, boolean checked) {}

    /** A run of a snippet's text, marked when it matched. */
    record Part(String text, boolean hit) {}

    /** One result as the page shows it. */
    record Card(SearchResult.Hit hit, List<Part> snippet) {}

    @GetMapping(PATH)
    String catalogue(
            @RequestParam(name = "q", defaultValue = "") String typed,
            @RequestParam(name = "level", required = false) @Nullable List<String> level,
            @RequestParam(name = "audience", required = false) @Nullable List<String> audience,
            Model model,
            Locale locale) {
        var text = typed.strip();
        if (text.length() > SearchQuery.MAX_TEXT_LENGTH) {
            text = text.substring(0, SearchQuery.MAX_TEXT_LENGTH);
        }
        var levels = known(level, LEVELS);
        var audiences = known(audience, Audience.CODES);
        var language = language(locale);
        var result =
                search.search(new SearchQuery(text, language, levels, audiences, Set.of(), RESULTS), readerAudience());
        var facets = result.facets();
        model.addAttribute("q", text);
        model.addAttribute("levels", choices(LEVELS, "courses.level.", levels, facets.getOrDefault("level", Map.of())));
        model.addAttribute(
                "audiences",
                choices(Audience.CODES, "audience.", audiences, facets.getOrDefault("audiences", Map.of())));
        model.addAttribute("fallback", result.fallback());
        model.addAttribute(
                "cards",
                result.hits().stream()
                        .map(hit -> new Card(hit, snippet(hit.snippet())))
                        .toList());
        model.addAttribute("didYouMean", result.didYouMean().stream().limit(4).toList());
        model.addAttribute("popular", result.popular());
        var suggestions = new ArrayList<String>();
        if (!text.isEmpty()) {
            for (var title : search.suggest(text, language)) {
                if (!title.equalsIgnoreCase(text) && suggestions.size() < 5) {
                    suggestions.add(title);
                }
            }
        }
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("back", PATH);
        return "catalogue";
    }

    @GetMapping(PATH + "/{id}")
    String course(@PathVariable String id, Model model, Locale locale) {
        var course = catalogue.course(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var lessons = catalogue.lessons(id);
        model.addAttribute("course", course);
        model.addAttribute("title", course.title(locale));
        model.addAttribute("summary", course.summary(locale));
        model.addAttribute(
                "audiences",
                course.audiences().stream().sorted().map(a -> "audience." + a).toList());
        model.addAttribute("lessons", lessons);
        model.addAttribute(
                "start",
                lessons.isEmpty()
                        ? PATH
                        : start.firstLesson(id, lessons.getFirst().id()));
        model.addAttribute("back", CourseNavigation.course(id));
        return "course";
    }

    /** The snippet as runs of text, the highlighted ones marked: never HTML from the index. */
    static List<Part> snippet(String marked) {
        var parts = new ArrayList<Part>();
        boolean highlighted = false;
        for (var part : marked.split("[" + SearchResult.MARK_START + SearchResult.MARK_END + "]", -1)) {
            if (!part.isEmpty()) {
                parts.add(new Part(part, highlighted));
            }
            highlighted = !highlighted;
        }
        return parts;
    }

    private static Set<String> known(@Nullable List<String> chosen, List<String> values) {
        var known = new LinkedHashSet<String>();
        if (chosen != null) {
            chosen.stream().filter(values::contains).forEach(known::add);
        }
        return known;
    }

    private static List<Choice> choices(
            List<String> values, String prefix, Set<String> chosen, Map<String, Long> counts) {
        return values.stream()
                .map(value -> new Choice(value, prefix + value, counts.get(value), chosen.contains(value)))
                .toList();
    }

    private static String language(Locale locale) {
        return locale.getLanguage().equals("en") ? "en" : "vi";
    }

    /** The reader's audience, for the courses offered when nothing matched (anyone not signed in reads as a citizen). */
    private String readerAudience() {
        return currentUser
                .get()
                .map(user -> user.has(Role.TEACHER)
                        ? Audience.TEACHER.code()
                        : user.has(Role.OFFICIAL) ? Audience.OFFICIAL.code() : Audience.CITIZEN.code())
                .orElse(Audience.CITIZEN.code());
    }
}
