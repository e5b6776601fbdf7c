package org.digilit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cell-by-cell comparison of the report's tables between two moments (DD020): {@link #keep} copies the four figure
 * tables and {@code report_person} aside; {@link #differences} lists, per table, the rows that are in the copy and not
 * in the table now or the other way round ({@code except} both ways, every column), then drops the copies.
 */
final class ReportAgreement {

    static final List<String> TABLES =
            List.of("report_fact", "report_fact_source", "report_rollup", "report_rollup_source", "report_person");

    private final JdbcClient jdbc;
    private final String name;

    /** {@code name}: a word that keeps these copies apart from another agreement's. */
    ReportAgreement(JdbcClient jdbc, String name) {
        this.jdbc = jdbc;
        this.name = name;
    }

    /** Copies the tables as they are now. */
    ReportAgreement keep() {
        for (var table : TABLES) {
            jdbc.sql("drop table if exists " + copy(table)).update();
            jdbc.sql("create unlogged table " + copy(table) + " as select * from " + table)
                    .update();
        }
        return this;
    }

    /** The rows that differ between the copies and the tables now, at most 5 shown per table; empty: they agree. */
    Map<String, List<String>> differences() {
        var found = new LinkedHashMap<String, List<String>>();
        for (var table : TABLES) {
            var rows = new ArrayList<String>();
            rows.addAll(jdbc.sql("select 'kept only: ' || x::text from (select * from " + copy(table)
                            + " except all select * from " + table + ") x limit 5")
                    .query(String.class)
                    .list());
            rows.addAll(jdbc.sql("select 'now only: ' || x::text from (select * from " + table
                            + " except all select * from " + copy(table) + ") x limit 5")
                    .query(String.class)
                    .list());
            if (!rows.isEmpty()) {
                found.put(table, rows);
            }
            jdbc.sql("drop table " + copy(table)).update();
        }
        return found;
    }

    /** How many rows the tables hold now. */
    long rows() {
        long total = 0;
        for (var table : TABLES) {
            total += jdbc.sql("select count(*) from " + table).query(Long.class).single();
        }
        return total;
    }

    private String copy(String table) {
        return "check_" + name + "_" + table;
    }
}
