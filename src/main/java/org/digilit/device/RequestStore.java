package org.digilit.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.digilit.organisation.OrganisationScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of device requests (device_request). */
@Repository
class RequestStore {

    static final String COLUMNS = """
            r.id, r.number, r.organisation_id, r.learner_username, r.learner_blind_index is not null as by_identity,
            r.need, r.reason, r.priority, r.status, r.requested_by, r.requested_at, r.decided_by, r.decided_at,
            r.rejection_reason""";

    /** Most urgent first: no device at home, then poor households, then near-poor, then the rest; oldest first. */
    static final String ORDER = """
             order by case r.priority when 'NO_DEVICE_AT_HOME' then 0 when 'POOR_HOUSEHOLD' then 1
                 when 'NEAR_POOR_HOUSEHOLD' then 2 else 3 end, r.requested_at, r.id""";

    private final JdbcClient jdbc;

    RequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            String number,
            long organisationId,
            @Nullable String username,
            byte @Nullable [] blindIndex,
            String need,
            String reason,
            RequestPriority priority,
            String by,
            Instant at) {
        return jdbc.sql("""
                        insert into device_request (number, organisation_id, learner_username, learner_blind_index, need,
                            reason, priority, status, requested_by, requested_at)
                        values (:number, :org, :username, :bi, :need, :reason, :priority, 'PENDING', :by, :at)
                        on conflict (number) do nothing returning id""")
                .param("number", number)
                .param("org", organisationId)
                .param("username", username)
                .param("bi", blindIndex)
                .param("need", need)
                .param("reason", reason)
                .param("priority", priority.name())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    /** Whether the learner already has a request that is pending, approved or being fulfilled. */
    boolean hasOpenRequest(@Nullable String username, byte @Nullable [] blindIndex) {
        return jdbc.sql("""
                        select exists (select 1 from device_request where status in ('PENDING', 'APPROVED')
                            and (learner_username = :username or learner_blind_index = :bi))""")
                .param("username", username)
                .param("bi", blindIndex)
                .query(Boolean.class)
                .single();
    }

    Optional<DeviceRequest> get(long id, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from device_request r where r.id = :id"
                        + (forUpdate ? " for update" : ""))
                .param("id", id)
                .query(RequestStore::map)
                .optional();
    }

    Optional<DeviceRequest> byNumber(String number) {
        return jdbc.sql("select " + COLUMNS + " from device_request r where r.number = :number")
                .param("number", number)
                .query(RequestStore::map)
                .optional();
    }

    void decide(
            long id,
            RequestStatus status,
            @Nullable RequestPriority priority,
            String by,
            Instant at,
            @Nullable String reason) {
        jdbc.sql("""
                        update device_request set status = :status, priority = coalesce(:priority, priority),
                            decided_by = :by, decided_at = :at, rejection_reason = :reason
                        where id = :id""")
                .param("status", status.name())
                .param("priority", priority == null ? null : priority.name())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("reason", reason)
                .param("id", id)
                .update();
    }

    void setStatus(long id, RequestStatus status) {
        jdbc.sql("update device_request set status = :status where id = :id")
                .param("status", status.name())
                .param("id", id)
                .update();
    }

    /** Requests of organisations in scope, optionally of one status, most urgent first. */
    List<DeviceRequest> list(OrganisationScope scope, @Nullable RequestStatus status, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from device_request r join organisation_directory o on o.id = r.organisation_id"
                        + " where " + scope.sqlCondition() + (status == null ? "" : " and r.status = :status")
                        + " " + ORDER + " offset :offset limit :limit")
                .params(scope.sqlParameters())
                .param("status", status == null ? "" : status.name())
                .param("offset", offset)
                .param("limit", limit)
                .query(RequestStore::map)
                .list();
    }

    List<DeviceRequest> requestedBy(String username) {
        return jdbc.sql("select " + COLUMNS
                        + " from device_request r where r.requested_by = :u or r.learner_username = :u"
                        + " order by r.requested_at desc limit 200")
                .param("u", username)
                .query(RequestStore::map)
                .list();
    }

    /** Approved requests still waiting for a device (the public list donors may give to directly). */
    List<DeviceRequest> approvedWaiting(int limit) {
        return jdbc.sql("select " + COLUMNS + " from device_request r where r.status = 'APPROVED'"
                        + " and not exists (select 1 from device d where d.request_id = r.id) " + ORDER
                        + " limit :limit")
                .param("limit", limit)
                .query(RequestStore::map)
                .list();
    }

    /** The device allocated to or handed over for a request, if any. */
    Optional<Long> deviceOf(long requestId) {
        return jdbc.sql("select id from device where request_id = :id and stage in ('ALLOCATED', 'HANDED_OVER')"
                        + " order by id limit 1")
                .param("id", requestId)
                .query(Long.class)
                .optional();
    }

    static DeviceRequest map(ResultSet rs, int row) throws SQLException {
        var decidedAt = rs.getTimestamp("decided_at");
        return new DeviceRequest(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getLong("organisation_id"),
                rs.getString("learner_username"),
                rs.getBoolean("by_identity"),
                rs.getString("need"),
                rs.getString("reason"),
                RequestPriority.valueOf(rs.getString("priority")),
                RequestStatus.valueOf(rs.getString("status")),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("rejection_reason"));
    }
}
