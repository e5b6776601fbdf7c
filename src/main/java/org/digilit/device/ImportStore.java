package org.digilit.device;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the supply import: serials already known, and batch inserts of devices and their RECEIVED events. */
@Repository
class ImportStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    List<Long> storagePoints() {
        return jdbc.sql("select organisation_id from device_point where storage")
                .query(Long.class)
                .list();
    }

    record Known(
            String kind,
            @Nullable String model,
            @Nullable String batch,
            @Nullable Long point) {

        boolean sameAs(DeviceImportService.Row row) {
            return kind.equals(row.kind().name())
                    && Objects.equals(model, row.model())
                    && Objects.equals(batch, row.batch())
                    && Objects.equals(point, row.point().id());
        }
    }

    Map<String, Known> existing(List<String> serials) {
        var result = new HashMap<String, Known>();
        jdbc.sql("select serial, kind, model, batch, received_point_id from device where serial = any (:serials)")
                .param("serials", serials.toArray(String[]::new))
                .query((rs, n) -> result.put(
                        rs.getString("serial"),
                        new Known(
                                rs.getString("kind"),
                                rs.getString("model"),
                                rs.getString("batch"),
                                rs.getObject("received_point_id", Long.class))))
                .list();
        return result;
    }

    /** Inserts the devices, received at their points, and their RECEIVED events; returns their public codes. */
    List<String> insertSupply(List<DeviceImportService.Row> rows, String by, Instant at) {
        var codes = new ArrayList<String>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            codes.add(PublicCodes.device());
        }
        var when = Timestamp.from(at);
        var ids = jdbc.sql("select nextval(pg_get_serial_sequence('device', 'id')) from generate_series(1, :n)")
                .param("n", rows.size())
                .query(Long.class)
                .list();
        template.batchUpdate("""
                insert into device (id, public_code, source, serial, kind, model, batch, point_organisation_id,
                    received_point_id, stage, created_at, updated_at)
                overriding system value
                values (?, ?, 'SUPPLY', ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?)""", indexes(rows.size()), 1000, (ps, i) -> {
            var row = rows.get(i);
            ps.setLong(1, ids.get(i));
            ps.setString(2, codes.get(i));
            ps.setString(3, row.serial());
            ps.setString(4, row.kind().name());
            ps.setString(5, row.model());
            ps.setString(6, row.batch());
            ps.setLong(7, row.point().id());
            ps.setLong(8, row.point().id());
            ps.setTimestamp(9, when);
            ps.setTimestamp(10, when);
        });
        template.batchUpdate("""
                insert into device_event (device_id, stage, occurred_at, actor, point_organisation_id, details)
                values (?, 'RECEIVED', ?, ?, ?, 'supply import')""", indexes(rows.size()), 1000, (ps, i) -> {
            ps.setLong(1, ids.get(i));
            ps.setTimestamp(2, when);
            ps.setString(3, by);
            ps.setLong(4, rows.get(i).point().id());
        });
        return codes;
    }

    private static List<Integer> indexes(int size) {
        return java.util.stream.IntStream.range(0, size).boxed().toList();
    }
}
