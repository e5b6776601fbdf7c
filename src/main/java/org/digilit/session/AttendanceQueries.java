package org.digilit.session;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Set-based reads of attendance for the dashboard and the fraud signals. Organisations are read through their
 * published query contract ({@code OrganisationScope#sqlCondition} over {@code organisation_directory o}, and its materialised
 * path for subtrees), as the account and report features do.
 */
@Repository
class AttendanceQueries {

    /** Per session: learners on the roster, how many attended. */
    private static final String PER_SESSION = """
            left join lateral (
                select count(*) as enrolled, count(*) filter (where a.status <> 'ABSENT') as attended
                from session_learner l
                left join attendance a on a.session_id = l.session_id and a.learner = l.username
                where l.session_id = s.id) r on true""";

    private final JdbcClient jdbc;

    AttendanceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Figures per given organisation (its whole subtree) for sessions starting in [from, to) and by now. */
    Map<Long, int[]> figures(Map<Long, String> paths, Instant from, Instant to) {
        if (paths.isEmpty()) {
            return Map.of();
        }
        var ids = paths.keySet().toArray(Long[]::new);
        var prefixes = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            prefixes[i] = paths.get(ids[i]);
        }
        var result = new HashMap<Long, int[]>();
        jdbc.sql("""
                        select k.id, count(s.id), coalesce(sum(r.enrolled), 0), coalesce(sum(r.attended), 0)
                        from unnest(cast(:ids as bigint[]), cast(:paths as text[])) as k(id, path)
                        join organisation_directory d on d.path like k.path || '%'
                        join class_session s on s.organisation_id = d.id and s.starts_at >= :from and s.starts_at < :to
                        """ + PER_SESSION + " group by k.id")
                .param("ids", ids)
                .param("paths", prefixes)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> result.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4)}))
                .list();
        return result;
    }

    /** Sessions held in scope since {@code since} where at least {@code minimum} learners were all present. */
    List<FraudSignal> allPresent(
            String scope, Map<String, Object> parameters, Instant since, Instant now, int minimum) {
        return jdbc.sql("""
                        select s.id, o.code, s.place, s.starts_at, r.enrolled from class_session s
                        join organisation_directory o on o.id = s.organisation_id
                        """ + PER_SESSION + """

                        where s.starts_at >= :since and s.ends_at <= :now and r.enrolled >= :minimum
                          and r.attended = r.enrolled and """ + scope + " order by s.starts_at desc limit 500")
                .params(parameters)
                .param("since", Timestamp.from(since))
                .param("now", Timestamp.from(now))
                .param("minimum", minimum)
                .query((rs, n) -> new FraudSignal(
                        FraudSignal.Kind.ALL_PRESENT,
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        String.valueOf(rs.getInt(5))))
                .list();
    }

    /** A learner attending two different sessions whose times overlap. */
    List<FraudSignal> twoPlaces(String scope, Map<String, Object> parameters, Instant since) {
        return jdbc.sql("""
                        select s.id, o.code, s.place, s.starts_at, a.learner, s2.id from attendance a
                        join class_session s on s.id = a.session_id
                        join organisation_directory o on o.id = s.organisation_id
                        join attendance a2 on a2.learner = a.learner and a2.session_id <> a.session_id
                            and a2.status <> 'ABSENT'
                        join class_session s2 on s2.id = a2.session_id and s2.starts_at < s.ends_at
                            and s.starts_at < s2.ends_at
                        where a.status <> 'ABSENT' and s.starts_at >= :since and a.learner not like 'walkin:%'
                          and """ + scope + " order by s.starts_at desc, s.id limit 500")
                .params(parameters)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new FraudSignal(
                        FraudSignal.Kind.TWO_PLACES,
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5) + " / " + rs.getLong(6)))
                .list();
    }

    /** A facilitator's marks of a session all captured within {@code span}, starting {@code delay} after its end. */
    List<FraudSignal> lateBursts(
            String scope, Map<String, Object> parameters, Instant since, Duration span, Duration delay) {
        return jdbc.sql("""
                        select s.id, o.code, s.place, s.starts_at, m.facilitator, count(*) from attendance_mark m
                        join class_session s on s.id = m.session_id
                        join organisation_directory o on o.id = s.organisation_id
                        where m.method <> 'CORRECTION' and s.starts_at >= :since and """ + scope + """

                        group by s.id, o.code, s.place, s.starts_at, s.ends_at, m.facilitator
                        having count(*) >= 3
                           and max(m.captured_at) - min(m.captured_at) <= cast(:span as interval)
                           and min(m.captured_at) > s.ends_at + cast(:delay as interval)
                        order by s.starts_at desc limit 500""")
                .params(parameters)
                .param("since", Timestamp.from(since))
                .param("span", span.toSeconds() + " seconds")
                .param("delay", delay.toSeconds() + " seconds")
                .query((rs, n) -> new FraudSignal(
                        FraudSignal.Kind.LATE_BURST,
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5) + " · " + rs.getInt(6)))
                .list();
    }

    static List<FraudSignal> newestFirst(List<FraudSignal> signals) {
        var sorted = new ArrayList<>(signals);
        sorted.sort(Comparator.comparing(FraudSignal::startsAt).reversed());
        return sorted;
    }
}
