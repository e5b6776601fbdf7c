package org.digilit.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the public ledger (device_ledger_entry, append-only). */
@Repository
class LedgerStore {

    private static final String COLUMNS =
            "id, occurred_at, device_code, kind, stage, province_id, commune_id, request_number, statement";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LedgerStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Ids drawn before the entries are signed (the id is part of what is signed). */
    List<Long> nextIds(int count) {
        return jdbc.sql(
                        "select nextval(pg_get_serial_sequence('device_ledger_entry', 'id')) from generate_series(1, :n)")
                .param("n", count)
                .query(Long.class)
                .list();
    }

    void insertAll(List<LedgerEntry> entries) {
        template.batchUpdate(
                "insert into device_ledger_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries,
                1000,
                (ps, e) -> {
                    ps.setLong(1, e.id());
                    ps.setTimestamp(2, Timestamp.from(e.occurredAt()));
                    ps.setString(3, e.deviceCode());
                    ps.setString(4, e.kind().name());
                    ps.setString(5, e.stage().name());
                    ps.setObject(6, e.provinceId());
                    ps.setObject(7, e.communeId());
                    ps.setString(8, e.requestNumber());
                    ps.setString(9, e.statement());
                });
    }

    /**
     * A page, newest first, of a province's or a commune's entries (or all), strictly older than {@code beforeId}
     * when given: keyset paging on (province_id, id) and (commune_id, id), so page 1,000 costs what page 1 does.
     */
    List<LedgerEntry> page(@Nullable Long provinceId, @Nullable Long communeId, @Nullable Long beforeId, int limit) {
        var where = new StringBuilder("true");
        if (communeId != null) {
            where.append(" and commune_id = :commune");
        } else if (provinceId != null) {
            where.append(" and province_id = :province");
        }
        if (beforeId != null) {
            where.append(" and id < :before");
        }
        var sql = jdbc.sql("select " + COLUMNS + " from device_ledger_entry where " + where
                        + " order by id desc limit :limit")
                .param("limit", limit);
        if (communeId != null) {
            sql = sql.param("commune", communeId);
        } else if (provinceId != null) {
            sql = sql.param("province", provinceId);
        }
        if (beforeId != null) {
            sql = sql.param("before", beforeId);
        }
        return sql.query(LedgerStore::map).list();
    }

    LedgerCounts counts(@Nullable Long provinceId, @Nullable Long communeId) {
        var column = communeId != null ? "commune_id" : "province_id";
        var id = communeId != null ? communeId : provinceId;
        var counts = new EnumMap<DeviceStage, Long>(DeviceStage.class);
        var sql = id == null
                ? jdbc.sql("select stage, count(*) as n from device_ledger_entry group by stage")
                : jdbc.sql("select stage, count(*) as n from device_ledger_entry where " + column
                                + " = :id group by stage")
                        .param("id", id);
        sql.query((rs, n) -> counts.put(DeviceStage.valueOf(rs.getString("stage")), rs.getLong("n")))
                .list();
        return new LedgerCounts(counts);
    }

    List<LedgerEntry> timeline(String deviceCode) {
        return jdbc.sql("select " + COLUMNS + " from device_ledger_entry where device_code = :code order by id")
                .param("code", deviceCode)
                .query(LedgerStore::map)
                .list();
    }

    /** The provinces that have ledger entries (a loose index scan: fast on a million rows). */
    List<Long> provinces() {
        return jdbc.sql("""
                        with recursive p as (
                            (select province_id from device_ledger_entry where province_id is not null
                             order by province_id limit 1)
                            union all
                            select (select e.province_id from device_ledger_entry e
                                    where e.province_id > p.province_id order by e.province_id limit 1)
                            from p where p.province_id is not null)
                        select province_id from p where province_id is not null""").query(Long.class).list();
    }

    static LedgerEntry map(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("device_code"),
                DeviceKind.valueOf(rs.getString("kind")),
                DeviceStage.valueOf(rs.getString("stage")),
                rs.getObject("province_id", Long.class),
                rs.getObject("commune_id", Long.class),
                rs.getString("request_number"),
                rs.getString("statement"));
    }
}
