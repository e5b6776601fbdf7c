package org.digilit.base;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The header row of an import file, read against the format's columns (an enum): names in any case, an unnamed
 * column ignored (often a stray trailing separator), and unknown, repeated and missing required columns reported. A
 * first row that names none of the format's columns is data, not a header: one problem says the first row must be the
 * header, and none of its cells is quoted.
 * Every import (organisations, people) reads its header this way.
 */
public final class ImportHeader {

    /**
     * A column of an import format (a constant of an enum): the name its header cell carries, by default the constant's
     * name in lower case, and whether a file must have it, by default yes unless the constant is marked {@link
     * Optional}. One column type for every import.
     */
    public interface Column {

        default String header() {
            return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
        }

        default boolean required() {
            var constant = (Enum<?>) this;
            return !OPTIONAL_COLUMNS.get(constant.getDeclaringClass()).contains(constant.name());
        }
    }

    /** Per column enum, the names of its constants marked {@link Optional} (looked up once per enum). */
    private static final ClassValue<java.util.Set<String>> OPTIONAL_COLUMNS = new ClassValue<>() {
        @Override
        protected java.util.Set<String> computeValue(Class<?> type) {
            var optional = new HashSet<String>();
            for (var field : type.getFields()) {
                if (field.isEnumConstant() && field.isAnnotationPresent(Optional.class)) {
                    optional.add(field.getName());
                }
            }
            return java.util.Set.copyOf(optional);
        }
    };

    /** Marks a column a file may leave out. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Optional {}

    private ImportHeader() {}

    /**
     * Where each known column is in the header row; empty when a required column is missing (the file cannot be
     * read then, and each missing column is reported).
     */
    public static <C extends Enum<C> & Column> Map<C, Integer> read(
            int row, List<String> cells, Class<C> columns, Consumer<ImportProblem> problems) {
        var indexes = new EnumMap<C, Integer>(columns);
        if (!namesAnyColumn(cells, columns)) {
            // A file whose first row is data: one problem, and none of its cells (an identity number, say) echoed.
            problems.accept(ImportProblem.of(row, "", "header-missing"));
            return indexes;
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < cells.size(); i++) {
            var name = TabularFileReader.clean(cells.get(i));
            var key = name.toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            C column = null;
            for (var candidate : columns.getEnumConstants()) {
                if (candidate.header().equals(key)) {
                    column = candidate;
                }
            }
            if (!seen.add(key)) {
                problems.accept(ImportProblem.of(row, name, "duplicate-column"));
            } else if (column == null) {
                problems.accept(ImportProblem.of(row, name, "unknown-column"));
            } else {
                indexes.put(column, i);
            }
        }
        boolean complete = true;
        for (var column : columns.getEnumConstants()) {
            if (column.required() && !indexes.containsKey(column)) {
                problems.accept(ImportProblem.of(row, column.header(), "missing-column"));
                complete = false;
            }
        }
        return complete ? indexes : new EnumMap<>(columns);
    }

    /** Whether any cell of the row is the name of one of the format's columns. */
    private static <C extends Enum<C> & Column> boolean namesAnyColumn(List<String> cells, Class<C> columns) {
        for (var cell : cells) {
            var key = TabularFileReader.clean(cell).toLowerCase(Locale.ROOT);
            for (var candidate : columns.getEnumConstants()) {
                if (candidate.header().equals(key)) {
                    return true;
                }
            }
        }
        return false;
    }
}
