package org.digilit.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.digilit.organisation.OrganisationScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of points, devices, their events, wipe records, handovers and stocktakes (all owned by device). */
@Repository
class DeviceStore {

    static final String DEVICE_COLUMNS = """
            d.id, d.public_code, d.source, d.kind, d.model, d.age_years, d.condition, d.charger, d.serial, d.batch,
            d.point_organisation_id, d.request_id, r.number as request_number, d.stage, d.updated_at""";

    private final JdbcClient jdbc;

    DeviceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Points ------------------------------------------------------------------------------------------------------

    void upsertPoint(
            long organisationId, boolean collection, boolean storage, @Nullable String address, String by, Instant at) {
        jdbc.sql("""
                        insert into device_point (organisation_id, collection, storage, address, flagged_by, flagged_at)
                        values (:id, :collection, :storage, :address, :by, :at)
                        on conflict (organisation_id) do update set collection = excluded.collection,
                            storage = excluded.storage, address = excluded.address, flagged_by = excluded.flagged_by,
                            flagged_at = excluded.flagged_at""")
                .param("id", organisationId)
                .param("collection", collection)
                .param("storage", storage)
                .param("address", address)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Points with their organisations' names, optionally only collection points, within a scope. */
    List<CollectionPoint> points(OrganisationScope scope, boolean collectionOnly) {
        return jdbc.sql("select p.organisation_id, o.code, o.name_vi, o.name_en, p.collection, p.storage, p.address"
                        + " from device_point p join organisation_directory o on o.id = p.organisation_id where "
                        + scope.sqlCondition() + (collectionOnly ? " and p.collection" : "")
                        + " order by o.name_vi, o.code")
                .params(scope.sqlParameters())
                .query((rs, n) -> new CollectionPoint(
                        rs.getLong("organisation_id"),
                        rs.getString("code"),
                        rs.getString("name_vi"),
                        rs.getString("name_en"),
                        rs.getBoolean("collection"),
                        rs.getBoolean("storage"),
                        rs.getString("address")))
                .list();
    }

    Optional<Map<String, Object>> point(long organisationId) {
        return jdbc
                .sql("select * from device_point where organisation_id = :id")
                .param("id", organisationId)
                .query()
                .listOfRows()
                .stream()
                .findFirst();
    }

    // Donations --------------------------------------------------------------------------------------------------

    long insertDonation(
            String receipt,
            String phone,
            @Nullable String name,
            HandoverWay way,
            @Nullable Long point,
            @Nullable Long commune,
            @Nullable String address,
            @Nullable Long requestId,
            String clientAddress,
            Instant at) {
        return jdbc.sql("""
                        insert into device_donation (receipt_code, donor_phone, donor_name, handover_way,
                            point_organisation_id, pickup_commune_id, pickup_address, direct_request_id, client_address,
                            offered_at)
                        values (:receipt, :phone, :name, :way, :point, :commune, :address, :request, :client, :at)
                        returning id""")
                .param("receipt", receipt)
                .param("phone", phone)
                .param("name", name)
                .param("way", way.name())
                .param("point", point)
                .param("commune", commune)
                .param("address", address)
                .param("request", requestId)
                .param("client", clientAddress)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    /** A receipt's devices (the donor's phone is not read). */
    List<Map<String, Object>> receiptRows(String receiptCode) {
        return jdbc.sql("""
                        select n.receipt_code, n.offered_at, n.handover_way,
                            coalesce(n.point_organisation_id, n.pickup_commune_id, r.organisation_id) as place,
                            d.public_code, d.kind, d.stage
                        from device_donation n join device d on d.donation_id = n.id
                        left join device_request r on r.id = n.direct_request_id
                        where n.receipt_code = :code order by d.id""").param("code", receiptCode).query().listOfRows();
    }

    // Devices -----------------------------------------------------------------------------------------------------

    long insertDevice(
            String publicCode,
            String source,
            @Nullable Long donationId,
            @Nullable String serial,
            DeviceKind kind,
            @Nullable String model,
            @Nullable Integer ageYears,
            @Nullable DeviceCondition condition,
            @Nullable Boolean charger,
            @Nullable String batch,
            @Nullable Long pointId,
            @Nullable Long requestId,
            DeviceStage stage,
            Instant at) {
        return jdbc.sql("""
                        insert into device (public_code, source, donation_id, serial, kind, model, age_years, condition,
                            charger, batch, point_organisation_id, received_point_id, request_id, stage, created_at,
                            updated_at)
                        values (:code, :source, :donation, :serial, :kind, :model, :age, :condition, :charger, :batch,
                            :point, :received, :request, :stage, :at, :at)
                        returning id""")
                .param("code", publicCode)
                .param("source", source)
                .param("donation", donationId)
                .param("serial", serial)
                .param("kind", kind.name())
                .param("model", model)
                .param("age", ageYears)
                .param("condition", condition == null ? null : condition.name())
                .param("charger", charger)
                .param("batch", batch)
                .param("point", pointId)
                .param("received", stage == DeviceStage.OFFERED ? null : pointId)
                .param("request", requestId)
                .param("stage", stage.name())
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    Optional<DeviceItem> device(long id, boolean forUpdate) {
        return jdbc.sql("select " + DEVICE_COLUMNS + " from device d left join device_request r on r.id = d.request_id"
                        + " where d.id = :id" + (forUpdate ? " for update of d" : ""))
                .param("id", id)
                .query(DeviceStore::map)
                .optional();
    }

    Optional<DeviceItem> deviceByCode(String code) {
        return jdbc.sql("select " + DEVICE_COLUMNS + " from device d left join device_request r on r.id = d.request_id"
                        + " where d.public_code = :code or d.serial = :code")
                .param("code", code)
                .query(DeviceStore::map)
                .optional();
    }

    /** Devices at a point (or offered to it), most recently changed first. */
    List<DeviceItem> devicesAt(long pointId, int offset, int limit) {
        return jdbc.sql("select " + DEVICE_COLUMNS + " from device d left join device_request r on r.id = d.request_id"
                        + " where d.point_organisation_id = :point order by d.updated_at desc, d.id desc"
                        + " offset :offset limit :limit")
                .param("point", pointId)
                .param("offset", offset)
                .param("limit", limit)
                .query(DeviceStore::map)
                .list();
    }

    void moveTo(long deviceId, DeviceStage stage, @Nullable Long pointId, @Nullable Long requestId, Instant at) {
        jdbc.sql("""
                        update device set stage = :stage, point_organisation_id = coalesce(:point, point_organisation_id),
                            received_point_id = case when :stage = 'RECEIVED' then :point else received_point_id end,
                            request_id = coalesce(:request, request_id), updated_at = :at
                        where id = :id""")
                .param("stage", stage.name())
                .param("point", pointId)
                .param("request", requestId)
                .param("at", Timestamp.from(at))
                .param("id", deviceId)
                .update();
    }

    void releaseRequest(long deviceId, Instant at) {
        jdbc.sql("update device set request_id = null, updated_at = :at where id = :id")
                .param("at", Timestamp.from(at))
                .param("id", deviceId)
                .update();
    }

    long insertEvent(
            long deviceId,
            DeviceStage stage,
            Instant at,
            String actor,
            @Nullable Long pointId,
            @Nullable Long requestId,
            @Nullable String details) {
        return jdbc.sql("""
                        insert into device_event (device_id, stage, occurred_at, actor, point_organisation_id,
                            request_id, details)
                        values (:device, :stage, :at, :actor, :point, :request, :details) returning id""")
                .param("device", deviceId)
                .param("stage", stage.name())
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("point", pointId)
                .param("request", requestId)
                .param("details", details)
                .query(Long.class)
                .single();
    }

    List<DeviceHistoryEvent> history(long deviceId) {
        return jdbc.sql("""
                        select stage, occurred_at, actor, point_organisation_id, details from device_event
                        where device_id = :id order by id""")
                .param("id", deviceId)
                .query((rs, n) -> new DeviceHistoryEvent(
                        DeviceStage.valueOf(rs.getString("stage")),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"),
                        rs.getObject("point_organisation_id", Long.class),
                        rs.getString("details")))
                .list();
    }

    void insertWipe(long eventId, long deviceId, String by, WipeMethod method, @Nullable String note, Instant at) {
        jdbc.sql("""
                        insert into device_wipe (device_event_id, device_id, wiped_by, method, note, wiped_at)
                        values (:event, :device, :by, :method, :note, :at)""")
                .param("event", eventId)
                .param("device", deviceId)
                .param("by", by)
                .param("method", method.name())
                .param("note", note)
                .param("at", Timestamp.from(at))
                .update();
    }

    boolean hasWipeRecord(long deviceId) {
        return jdbc.sql("select exists (select 1 from device_wipe where device_id = :id)")
                .param("id", deviceId)
                .query(Boolean.class)
                .single();
    }

    // Handovers ---------------------------------------------------------------------------------------------------

    void replaceOpenHandover(long deviceId, long requestId, byte[] codeHash, String by, Instant at, Instant expires) {
        jdbc.sql("delete from device_handover where device_id = :device and confirmed_at is null")
                .param("device", deviceId)
                .update();
        jdbc.sql("""
                        insert into device_handover (device_id, request_id, code_hash, issued_by, issued_at, expires_at)
                        values (:device, :request, :hash, :by, :at, :expires)""")
                .param("device", deviceId)
                .param("request", requestId)
                .param("hash", codeHash)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("expires", Timestamp.from(expires))
                .update();
    }

    record OpenHandover(long id, long requestId, byte[] codeHash, Instant expiresAt, int attempts) {}

    Optional<OpenHandover> openHandover(long deviceId) {
        return jdbc.sql("""
                        select id, request_id, code_hash, expires_at, attempts from device_handover
                        where device_id = :device and confirmed_at is null for update""")
                .param("device", deviceId)
                .query((rs, n) -> new OpenHandover(
                        rs.getLong("id"),
                        rs.getLong("request_id"),
                        rs.getBytes("code_hash"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getInt("attempts")))
                .optional();
    }

    void countAttempt(long handoverId) {
        jdbc.sql("update device_handover set attempts = attempts + 1 where id = :id")
                .param("id", handoverId)
                .update();
    }

    void confirmHandover(long handoverId, String confirmedAs, Instant at) {
        jdbc.sql("update device_handover set confirmed_at = :at, confirmed_as = :as where id = :id")
                .param("at", Timestamp.from(at))
                .param("as", confirmedAs)
                .param("id", handoverId)
                .update();
    }

    // Stock -------------------------------------------------------------------------------------------------------

    long insertStocktake(long pointId, String by, Instant at, Collection<Long> deviceIds) {
        var id = jdbc.sql("""
                        insert into device_stocktake (point_organisation_id, taken_by, taken_at)
                        values (:point, :by, :at) returning id""")
                .param("point", pointId)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into device_stocktake_item (stocktake_id, device_id) select :id, unnest(cast(:devices as bigint[]))"
                                + " on conflict do nothing")
                .param("id", id)
                .param("devices", deviceIds.toArray(Long[]::new))
                .update();
        return id;
    }

    /** Counts per current stage of the devices received at a point. */
    Map<String, Long> receivedByStage(long pointId) {
        var result = new java.util.HashMap<String, Long>();
        jdbc.sql("""
                        select d.stage, count(*) as n from device d
                        where d.id in (select e.device_id from device_event e
                                       where e.stage = 'RECEIVED' and e.point_organisation_id = :point)
                        group by d.stage""")
                .param("point", pointId)
                .query((rs, n) -> result.put(rs.getString("stage"), rs.getLong("n")))
                .list();
        return result;
    }

    record Stocktake(long id, Instant takenAt) {}

    Optional<Stocktake> lastStocktake(long pointId) {
        return jdbc.sql("""
                        select id, taken_at from device_stocktake where point_organisation_id = :point
                        order by taken_at desc, id desc limit 1""")
                .param("point", pointId)
                .query((rs, n) -> new Stocktake(
                        rs.getLong("id"), rs.getTimestamp("taken_at").toInstant()))
                .optional();
    }

    /**
     * In-stock devices received at the point that the stocktake did not find and that have not moved since it: the
     * missing ones.
     */
    List<String> missingSince(long pointId, Stocktake stocktake) {
        return jdbc.sql("""
                        select d.public_code from device d
                        where d.id in (select e.device_id from device_event e
                                       where e.stage = 'RECEIVED' and e.point_organisation_id = :point)
                          and d.stage in ('RECEIVED', 'WIPED', 'REPAIRED', 'READY', 'ALLOCATED')
                          and d.updated_at <= :taken
                          and not exists (select 1 from device_stocktake_item i
                                          where i.stocktake_id = :stocktake and i.device_id = d.id)
                        order by d.public_code""")
                .param("point", pointId)
                .param("taken", Timestamp.from(stocktake.takenAt()))
                .param("stocktake", stocktake.id())
                .query(String.class)
                .list();
    }

    static DeviceItem map(ResultSet rs, int row) throws SQLException {
        var condition = rs.getString("condition");
        return new DeviceItem(
                rs.getLong("id"),
                rs.getString("public_code"),
                rs.getString("source"),
                DeviceKind.valueOf(rs.getString("kind")),
                rs.getString("model"),
                rs.getObject("age_years", Integer.class),
                condition == null ? null : DeviceCondition.valueOf(condition),
                rs.getObject("charger", Boolean.class),
                rs.getString("serial"),
                rs.getString("batch"),
                rs.getObject("point_organisation_id", Long.class),
                rs.getObject("request_id", Long.class),
                rs.getString("request_number"),
                DeviceStage.valueOf(rs.getString("stage")),
                rs.getTimestamp("updated_at").toInstant());
    }
}
