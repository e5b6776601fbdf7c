package org.digilit.course;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.digilit.base.Audience;
import org.digilit.course.CourseDefinition.Answer;
import org.digilit.course.CourseDefinition.Lesson;
import org.digilit.course.CourseDefinition.Question;
import org.digilit.course.CourseDefinition.Text;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates one course folder. Collects every problem it can find (file and line) instead of stopping at the
 * first; a course with any problem yields no definition, so it is never half-loaded.
 */
final class CourseContentReader {

    /** What reading a course folder gave: the course, or the problems that keep it out. */
    record Result(@Nullable CourseDefinition course, List<ContentProblem> problems) {}

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");
    private static final Pattern LESSON_FILE = Pattern.compile("(\\d{2})-([a-z0-9-]+)\\.(vi|en)\\.md");
    private static final Set<String> LEVELS = Set.of("beginner", "intermediate", "advanced");
    private static final long MAX_FILE_BYTES = 512 * 1024;

    private final Path root;
    private final Path folder;
    private final List<ContentProblem> problems = new ArrayList<>();

    private CourseContentReader(Path root, Path folder) {
        this.root = root;
        this.folder = folder;
    }

    static Result read(Path root, Path folder) {
        return new CourseContentReader(root, folder).read();
    }

    private Result read() {
        var courseFile = folder.resolve("course.yaml");
        var course = yaml(courseFile);
        var quiz = yaml(folder.resolve("quiz.yaml"));
        var lessons = lessons();
        if (course == null) {
            return new Result(null, problems);
        }
        var file = name(courseFile);
        var id = text(file, course, "id");
        if (id != null && !id.equals(folder.getFileName().toString())) {
            problem(file, course, "the id '" + id + "' must be the folder's name '" + folder.getFileName() + "'");
        } else if (id != null && !ID.matcher(id).matches()) {
            problem(file, course, "the id must be lower-case letters, digits and dashes (3 to 64)");
        }
        var version = integer(file, course, "version", 1, 10_000);
        var level = text(file, course, "level");
        if (level != null && !LEVELS.contains(level)) {
            problem(file, child(course, "level"), "level must be one of " + LEVELS);
        }
        var audiences = new HashSet<>(strings(file, course, "audiences"));
        if (audiences.isEmpty() || !Audience.CODES.containsAll(audiences)) {
            problem(file, course, "audiences must list one or more of " + Audience.CODES);
        }
        var tags = strings(file, course, "tags");
        var minutes = integer(file, course, "estimatedMinutes", 1, 10_000);
        var passMark = integer(file, course, "passMark", 0, 100);
        var title = translated(file, course, "title");
        var summary = translated(file, course, "summary");
        var questions = quiz == null ? List.<Question>of() : questions(name(folder.resolve("quiz.yaml")), quiz);
        if (!problems.isEmpty() || id == null || level == null || title == null || summary == null) {
            return new Result(null, problems);
        }
        return new Result(
                new CourseDefinition(
                        id, version, level, audiences, tags, minutes, passMark, title, summary, lessons, questions,
                        hash()),
                problems);
    }

    // ---------------------------------------------------------------- lessons

    private List<Lesson> lessons() {
        var dir = folder.resolve("lessons");
        if (!Files.isDirectory(dir)) {
            problems.add(new ContentProblem(name(dir), 0, "the lessons folder is missing"));
            return List.of();
        }
        record Part(String file, int order, String title, String body) {}
        var byId = new TreeMap<String, Map<String, Part>>();
        try (Stream<Path> files = Files.list(dir)) {
            for (var path : files.sorted().toList()) {
                var fileName = path.getFileName().toString();
                var file = name(path);
                var matcher = LESSON_FILE.matcher(fileName);
                if (!matcher.matches()) {
                    if (fileName.endsWith(".md")) {
                        problems.add(
                                new ContentProblem(file, 0, "a lesson file is named NN-lesson-id.vi.md or .en.md"));
                    }
                    continue;
                }
                var content = readText(path);
                if (content == null) {
                    continue;
                }
                if (!content.startsWith("---\n")) {
                    problems.add(new ContentProblem(file, 1, "a lesson starts with front matter between --- lines"));
                    continue;
                }
                int end = content.indexOf("\n---", 4);
                if (end < 0) {
                    problems.add(new ContentProblem(file, 1, "the front matter has no closing --- line"));
                    continue;
                }
                // A leading blank line keeps YAML line numbers equal to the file's: the front matter starts on line 2.
                var front = parse(file, "\n" + content.substring(4, end));
                if (front == null) {
                    continue;
                }
                var id = text(file, front, "id");
                var title = text(file, front, "title");
                var order = integer(file, front, "order", 1, 999);
                int bodyStart = Math.min(content.length(), content.indexOf('\n', end + 1) + 1);
                var body = content.substring(bodyStart);
                images(
                        file,
                        (int) content.substring(0, bodyStart)
                                .chars()
                                .filter(c -> c == '\n')
                                .count(),
                        body);
                if (id == null || title == null) {
                    continue;
                }
                if (!id.equals(matcher.group(2))) {
                    problem(file, front, "the id '" + id + "' must match the file name's '" + matcher.group(2) + "'");
                }
                if (body.isBlank()) {
                    problems.add(new ContentProblem(file, 1, "the lesson has no text"));
                }
                var language = matcher.group(3);
                var previous = byId.computeIfAbsent(id, k -> new HashMap<>())
                        .put(language, new Part(file, order, title, body));
                if (previous != null) {
                    problems.add(new ContentProblem(
                            file, 1, "duplicate lesson id '" + id + "' (also " + previous.file() + ")"));
                }
            }
        } catch (IOException e) {
            problems.add(new ContentProblem(name(dir), 0, "cannot read the lessons folder"));
        }
        var lessons = new ArrayList<Lesson>();
        var orders = new HashMap<Integer, String>();
        for (var entry : byId.entrySet()) {
            var vi = entry.getValue().get("vi");
            var en = entry.getValue().get("en");
            if (vi == null || en == null) {
                var present = vi != null ? vi : en;
                problems.add(new ContentProblem(
                        present.file(),
                        1,
                        "missing translation: lesson '" + entry.getKey() + "' has no "
                                + (vi == null ? "Vietnamese (.vi.md)" : "English (.en.md)") + " file"));
                continue;
            }
            if (vi.order() != en.order()) {
                problems.add(new ContentProblem(
                        en.file(),
                        1,
                        "order " + en.order() + " differs from the Vietnamese" + " file's " + vi.order()));
            }
            var other = orders.put(vi.order(), entry.getKey());
            if (other != null) {
                problems.add(
                        new ContentProblem(vi.file(), 1, "order " + vi.order() + " is also lesson '" + other + "'s"));
            }
            lessons.add(new Lesson(
                    entry.getKey(), vi.order(), new Text(vi.title(), en.title()), new Text(vi.body(), en.body())));
        }
        if (byId.isEmpty()) {
            problems.add(new ContentProblem(name(dir), 0, "a course needs at least one lesson"));
        }
        lessons.sort(Comparator.comparingInt(Lesson::order));
        return lessons;
    }

    // ---------------------------------------------------------------- pictures

    private static final org.commonmark.parser.Parser MARKDOWN = org.commonmark.parser.Parser.builder()
            .includeSourceSpans(org.commonmark.parser.IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    /**
     * Every picture of a lesson needs a text for those who cannot see it, and is either a web address or a file of
     * the course's images folder that the platform serves ({@link CourseImageService}): a plain name, PNG, JPEG or
     * WebP, at most 200 KB, whose bytes are what its name says.
     */
    private void images(String file, int linesBefore, String body) {
        MARKDOWN.parse(body).accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Image image) {
                var spans = image.getSourceSpans();
                int line = linesBefore
                        + 1
                        + (spans.isEmpty() ? 0 : spans.getFirst().getLineIndex());
                var alt = new StringBuilder();
                for (var child = image.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof org.commonmark.node.Text text) {
                        alt.append(text.getLiteral());
                    }
                }
                if (alt.toString().isBlank()) {
                    problems.add(new ContentProblem(
                            file, line, "a picture needs a text saying what it shows: ![what it shows](images/…)"));
                }
                image(file, line, image.getDestination());
            }
        });
    }

    private void image(String file, int line, String destination) {
        if (destination.startsWith("https://") || destination.startsWith("http://")) {
            return;
        }
        var matcher = CourseImageService.REFERENCE.matcher(destination);
        if (!matcher.matches()) {
            problems.add(new ContentProblem(
                    file,
                    line,
                    "a picture is a file of the course's images folder (images/name.png) or a web address"));
            return;
        }
        var name = matcher.group(1);
        if (!CourseImageService.FILE_NAME.matcher(name).matches()) {
            problems.add(new ContentProblem(
                    file,
                    line,
                    "the picture's file name '" + name + "' must be lower-case letters, digits, - and _, ending in"
                            + " .png, .jpg, .webp or .svg"));
            return;
        }
        var path = folder.resolve("images").resolve(name);
        try {
            if (!Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                problems.add(new ContentProblem(file, line, "the picture images/" + name + " is missing"));
            } else if (Files.size(path) > CourseImageService.MAX_IMAGE_BYTES) {
                problems.add(new ContentProblem(
                        file,
                        line,
                        "the picture images/" + name + " is larger than 200 KB: make it smaller for phones"));
            } else {
                var type = CourseImageService.contentType(name);
                if (type == null || !CourseImageService.looksLike(type, Files.readAllBytes(path))) {
                    problems.add(new ContentProblem(
                            file,
                            line,
                            name.endsWith(".svg")
                                    ? "images/" + name + " is not a plain SVG drawing (only shapes and text: no"
                                            + " script, links, styles or entities)"
                                    : "images/" + name + " is not the kind of picture its name says"));
                }
            }
        } catch (IOException e) {
            problems.add(new ContentProblem(file, line, "the picture images/" + name + " cannot be read"));
        }
    }

    // ---------------------------------------------------------------- quiz

    private List<Question> questions(String file, MappingNode quiz) {
        var list = child(quiz, "questions");
        if (!(list instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problem(file, quiz, "a quiz needs a list of questions");
            return List.of();
        }
        var questions = new ArrayList<Question>();
        var ids = new HashSet<String>();
        for (var node : sequence.getValue()) {
            if (!(node instanceof MappingNode question)) {
                problem(file, node, "a question is a mapping with id, type, text and answers");
                continue;
            }
            var id = text(file, question, "id");
            if (id != null && !ids.add(id)) {
                problem(file, question, "duplicate question id '" + id + "'");
            }
            var type = text(file, question, "type");
            if (type != null && !type.equals("single") && !type.equals("multiple")) {
                problem(file, child(question, "type"), "type must be single or multiple");
            }
            var text = translated(file, question, "text");
            var answers = answers(file, question);
            long correct = answers.stream().filter(Answer::correct).count();
            if (!answers.isEmpty() && correct == 0) {
                problem(file, question, "question '" + id + "' has no correct answer");
            } else if ("single".equals(type) && correct > 1) {
                problem(
                        file,
                        question,
                        "question '" + id + "' is single choice but has " + correct + " correct answers");
            }
            if (id != null && type != null && text != null) {
                questions.add(new Question(id, type.equals("multiple"), text, answers));
            }
        }
        return questions;
    }

    private List<Answer> answers(String file, MappingNode question) {
        var list = child(question, "answers");
        if (!(list instanceof SequenceNode sequence) || sequence.getValue().size() < 2) {
            problem(file, question, "a question needs at least two answers");
            return List.of();
        }
        var answers = new ArrayList<Answer>();
        var ids = new HashSet<String>();
        for (var node : sequence.getValue()) {
            if (!(node instanceof MappingNode answer)) {
                problem(file, node, "an answer is a mapping with id, correct, text and explanation");
                continue;
            }
            var id = text(file, answer, "id");
            if (id != null && !ids.add(id)) {
                problem(file, answer, "duplicate answer id '" + id + "'");
            }
            var correct = text(file, answer, "correct");
            if (correct != null && !correct.equals("true") && !correct.equals("false")) {
                problem(file, child(answer, "correct"), "correct must be true or false");
            }
            var text = translated(file, answer, "text");
            var explanation = translated(file, answer, "explanation");
            if (id != null && correct != null && text != null && explanation != null) {
                answers.add(new Answer(id, correct.equals("true"), text, explanation));
            }
        }
        return answers;
    }

    // ---------------------------------------------------------------- YAML with line numbers

    private @Nullable MappingNode yaml(Path path) {
        var file = name(path);
        if (!Files.isRegularFile(path)) {
            problems.add(new ContentProblem(file, 0, "the file is missing"));
            return null;
        }
        var content = readText(path);
        return content == null ? null : parse(file, content);
    }

    private @Nullable MappingNode parse(String file, String content) {
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            var node = new Yaml(options).compose(new java.io.StringReader(content));
            if (node instanceof MappingNode mapping) {
                return mapping;
            }
            problems.add(new ContentProblem(file, 1, "expected a YAML mapping (key: value lines)"));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            problems.add(
                    new ContentProblem(file, mark == null ? 0 : mark.getLine() + 1, "broken YAML: " + e.getProblem()));
        } catch (RuntimeException e) {
            problems.add(new ContentProblem(file, 0, "broken YAML: " + e.getMessage()));
        }
        return null;
    }

    private @Nullable Node child(MappingNode mapping, String key) {
        for (var tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar
                    && scalar.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private @Nullable String text(String file, MappingNode mapping, String key) {
        var node = child(mapping, key);
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            problem(file, node == null ? mapping : node, "'" + key + "' is missing or empty");
            return null;
        }
        return scalar.getValue().strip();
    }

    private int integer(String file, MappingNode mapping, String key, int min, int max) {
        var value = text(file, mapping, key);
        if (value == null) {
            return min;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                problem(file, child(mapping, key), "'" + key + "' must be from " + min + " to " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            problem(file, child(mapping, key), "'" + key + "' must be a whole number");
            return min;
        }
    }

    private List<String> strings(String file, MappingNode mapping, String key) {
        var node = child(mapping, key);
        if (!(node instanceof SequenceNode sequence)) {
            problem(file, node == null ? mapping : node, "'" + key + "' must be a list");
            return List.of();
        }
        var values = new ArrayList<String>();
        for (var item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                values.add(scalar.getValue().strip());
            } else {
                problem(file, item, "'" + key + "' must list words");
            }
        }
        return values;
    }

    /** A field with a Vietnamese and an English text: a missing language is a missing translation. */
    private @Nullable Text translated(String file, MappingNode mapping, String key) {
        var node = child(mapping, key);
        if (!(node instanceof MappingNode languages)) {
            problem(file, node == null ? mapping : node, "'" + key + "' needs vi: and en: texts");
            return null;
        }
        var vi = child(languages, "vi");
        var en = child(languages, "en");
        if (!(vi instanceof ScalarNode v) || v.getValue().isBlank()) {
            problem(file, languages, "missing translation: '" + key + "' has no Vietnamese (vi) text");
            return null;
        }
        if (!(en instanceof ScalarNode e) || e.getValue().isBlank()) {
            problem(file, languages, "missing translation: '" + key + "' has no English (en) text");
            return null;
        }
        return new Text(v.getValue().strip(), e.getValue().strip());
    }

    private void problem(String file, Node node, String message) {
        problems.add(new ContentProblem(file, node.getStartMark().getLine() + 1, message));
    }

    private @Nullable String readText(Path path) {
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                problems.add(new ContentProblem(name(path), 0, "the file is larger than 512 KB"));
                return null;
            }
            var bytes = Files.readAllBytes(path);
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString()
                    .replace("\r\n", "\n");
        } catch (CharacterCodingException e) {
            problems.add(new ContentProblem(name(path), 0, "the file is not UTF-8 text"));
        } catch (IOException e) {
            problems.add(new ContentProblem(name(path), 0, "the file cannot be read"));
        }
        return null;
    }

    /** A hash of every file of the course (paths and bytes), so an unchanged course is not written again. */
    private String hash() {
        try (Stream<Path> files = Files.walk(folder)) {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var path : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(folder.relativize(path).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(path));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash " + folder, e);
        }
    }

    private String name(Path path) {
        return root.relativize(path).toString();
    }
}
