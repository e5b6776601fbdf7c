package org.digilit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table (issue #15, DD013): every table and view of the migrations has one owning feature, listed in
 * {@code src/test/resources/table-owners.txt}, and only the owner's SQL names it. Other features read what an owner
 * publishes (a view marked "published"), or call its services. The test reads every string literal and text block in
 * {@code src/main/java} and every view definition in the migrations, so a feature that reaches into another's table
 * fails here even though the module graph (ModularityTest) cannot see SQL.
 */
class TableOwnershipTest {

    private static final Path MAIN_JAVA = Path.of("src/main/java/org/digilit");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path OWNERS = Path.of("src/test/resources/table-owners.txt");

    /** A table named where SQL names tables: after from, join, into, update, table, or a view's "create ... view". */
    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "\\b(?:from|join|into|update|table|exists)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    private static final Pattern CREATED = Pattern.compile(
            "\\bcreate\\s+(?:or\\s+replace\\s+)?(?:table|view|materialized\\s+view)\\s+([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern VIEW_DEFINITION = Pattern.compile(
            "\\bcreate\\s+(?:or\\s+replace\\s+)?view\\s+([a-z_][a-z0-9_]*)\\s+as\\s+(.*?);",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern MIGRATION_VERSION = Pattern.compile("^V(\\d+)__.*\\.sql$");

    record Owner(String feature, boolean published) {}

    @Test
    void every_table_of_the_migrations_has_one_owner() {
        var owners = owners();
        var created = new TreeSet<String>();
        for (var migration : migrations()) {
            Matcher m = CREATED.matcher(withoutSqlComments(read(migration)));
            while (m.find()) {
                created.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        assertThat(owners.keySet())
                .as("table-owners.txt lists every table and view the migrations create, and only those")
                .containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void a_feature_names_only_its_own_tables_and_published_views_in_its_sql() {
        var owners = owners();
        var violations = new ArrayList<String>();
        for (var file : javaSources()) {
            String feature = MAIN_JAVA.relativize(file).getName(0).toString();
            if (feature.endsWith(".java")) {
                feature = "";
            }
            for (var literal : stringLiterals(read(file))) {
                for (var table : tablesNamedIn(literal)) {
                    var owner = owners.get(table);
                    if (owner != null && !owner.feature().equals(feature) && !owner.published()) {
                        violations.add(
                                MAIN_JAVA.relativize(file) + " names " + table + " (owned by " + owner.feature() + ")");
                    }
                }
            }
        }
        assertThat(violations)
                .as("SQL that names another feature's table: read its published view or call its service")
                .isEmpty();
    }

    @Test
    void a_view_reads_only_its_owners_tables_and_published_views() {
        var owners = owners();
        // The latest definition of each view counts (a later migration may redefine it with create or replace).
        var definitions = new LinkedHashMap<String, String>();
        for (var migration : migrations()) {
            Matcher m = VIEW_DEFINITION.matcher(withoutSqlComments(read(migration)));
            while (m.find()) {
                definitions.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
            }
        }
        assertThat(definitions).isNotEmpty();
        var violations = new ArrayList<String>();
        definitions.forEach((view, body) -> {
            var viewOwner = owners.get(view);
            assertThat(viewOwner).as("owner of view " + view).isNotNull();
            for (var table : tablesNamedIn(body)) {
                var owner = owners.get(table);
                if (owner != null && !owner.feature().equals(viewOwner.feature()) && !owner.published()) {
                    violations.add(view + " (" + viewOwner.feature() + ") reads " + table + " (owned by "
                            + owner.feature() + ")");
                }
            }
        });
        assertThat(violations)
                .as("a view is its owner's contract: it reads its owner's tables and others' published views")
                .isEmpty();
    }

    @Test
    void the_scan_finds_sql_in_literals_and_text_blocks_and_skips_comments() {
        var literals = stringLiterals("""
                class A {
                    // "select * from ignored_in_comment"
                    String a = "select x from account a join organisation o on o.id = a.organisation_id";
                    String b = \"""
                            insert into report_fact (a)
                            select 1 from \\"quoted\\" \""";
                    char c = '"';
                    /* "update also_ignored" */
                }
                """);
        var named = new TreeSet<String>();
        literals.forEach(l -> named.addAll(tablesNamedIn(l)));
        assertThat(named).containsExactly("account", "organisation", "report_fact");
    }

    private static Set<String> tablesNamedIn(String sql) {
        var names = new TreeSet<String>();
        Matcher m = TABLE_REFERENCE.matcher(sql);
        while (m.find()) {
            names.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static Map<String, Owner> owners() {
        var owners = new HashMap<String, Owner>();
        for (var line : read(OWNERS).lines().toList()) {
            var text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            var words = text.split("\\s+");
            assertThat(words.length).as("line: " + line).isBetween(2, 3);
            boolean published = words.length == 3;
            if (published) {
                assertThat(words[2]).as("line: " + line).isEqualTo("published");
            }
            assertThat(Files.isDirectory(MAIN_JAVA.resolve(words[1])))
                    .as("owner of " + words[0] + " is a feature package")
                    .isTrue();
            assertThat(owners.put(words[0], new Owner(words[1], published)))
                    .as("one owner for " + words[0])
                    .isNull();
        }
        return owners;
    }

    private static List<Path> migrations() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(p -> MIGRATION_VERSION
                            .matcher(p.getFileName().toString())
                            .matches())
                    .sorted(Comparator.comparingInt(p -> {
                        Matcher m = MIGRATION_VERSION.matcher(p.getFileName().toString());
                        m.matches();
                        return Integer.parseInt(m.group(1));
                    }))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaSources() {
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutSqlComments(String sql) {
        return sql.replaceAll("--[^\n]*", "");
    }

    /**
     * The string literals and text blocks of a Java source, in order, with escapes left as written. Comments and char
     * literals are skipped.
     */
    static List<String> stringLiterals(String source) {
        var literals = new ArrayList<String>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != '\'') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (source.startsWith("\"\"\"", i)) {
                int j = i + 3;
                while (j < n && !source.startsWith("\"\"\"", j)) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                literals.add(source.substring(i + 3, Math.min(j, n)));
                i = j + 3;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && source.charAt(j) != '"' && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                literals.add(source.substring(i + 1, Math.min(j, n)));
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }
}
