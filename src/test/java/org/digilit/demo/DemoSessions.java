package org.digilit.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.digilit.base.Audience;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.digilit.session.AttendanceService;
import org.digilit.session.MarkStatus;
import org.digilit.session.PhoneSync;
import org.digilit.session.SessionDraft;
import org.digilit.session.SessionService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In-person classes for the demo (issue #16): in twelve community groups (of communes P01-C002 to P01-C019; in the
 * Indian demo, of the gram panchayats of blocks CP-D01-B01 to CP-D01-B03), a five-week
 * Saturday series of "Smartphone basics" that began four weeks ago, with the commune's citizens enrolled and their
 * attendance taken through the real sync (rates differing from group to group, so the dashboard has weak units;
 * one group always fully present and one marked in a burst the next night, so the fraud list has entries), quizzes
 * passed in class for the most regular learners (in-person completions), and a session starting in an hour for
 * {@code facilitator.demo}, whose phone page then shows a roster.
 */
final class DemoSessions {

    static final String FACILITATOR = "facilitator.demo";
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String COURSE = "smartphone-basics";

    private static final String[] WALK_INS = {"Lò Văn Páo", "Hà Thị Lan", "Vàng A Dình"};
    private static final String[] INDIAN_WALK_INS = {"Bhagwati Devi", "Hiralal Ahirwar", "Shakuntala Bai"};

    private DemoSessions() {}

    static int load(DemoRegion region, JdbcClient jdbc, SessionService sessions, AttendanceService attendance) {
        boolean india = region == DemoRegion.IN;
        var walkInNames = india ? INDIAN_WALK_INS : WALK_INS;
        var groups = jdbc.sql("""
                        select o.id, o.code from organisation o where o.type = 'COMMUNITY_GROUP'
                          and o.code ~ :groups order by o.code = :demo desc, o.code limit 12""")
                .param("groups", region.sessionGroups)
                .param("demo", region.facilitatorGroup)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list();
        var random = new Random(16);
        var firstSaturday = LocalDate.now(ZONE)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY))
                .minusWeeks(3);
        int marks = 0;
        for (int g = 0; g < groups.size(); g++) {
            long groupId = (Long) groups.get(g)[0];
            var code = (String) groups.get(g)[1];
            var facilitator = g == 0 ? FACILITATOR : "facilitator." + code.toLowerCase();
            TestUsers.signIn(facilitator, code, Role.FACILITATOR);
            try {
                var start =
                        firstSaturday.atTime(LocalTime.of(8, 0)).atZone(ZONE).toInstant();
                var ids = sessions.schedule(draft(india, groupId, g, start, facilitator, 5), null);
                if (g == 0) {
                    var soon = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
                    ids = new ArrayList<>(ids);
                    ids.addAll(sessions.schedule(draft(india, groupId, g, soon, facilitator, 1), null));
                }
                var learners = sessions.candidates(ids.getFirst(), null).stream()
                        .limit(12)
                        .map(a -> a.username())
                        .toList();
                if (learners.isEmpty()) {
                    continue;
                }
                for (var id : ids) {
                    sessions.enrol(id, learners, null);
                }
                // Weaker and stronger groups: each learner comes with the group's own probability.
                double rate = g == 1 ? 1.0 : 0.45 + 0.5 * random.nextDouble();
                var attendedAll = new java.util.HashMap<String, Integer>();
                for (var id : ids) {
                    var session = sessions.get(id);
                    if (session.startsAt().isAfter(Instant.now())) {
                        continue;
                    }
                    var batch = new ArrayList<PhoneSync.Mark>();
                    boolean burst = g == 2 && id.equals(ids.getLast());
                    for (int l = 0; l < learners.size(); l++) {
                        boolean came = random.nextDouble() < rate;
                        var status = !came
                                ? MarkStatus.ABSENT
                                : random.nextDouble() < 0.1 ? MarkStatus.LATE : MarkStatus.PRESENT;
                        var at = burst
                                ? session.endsAt().plus(Duration.ofHours(14)).plusSeconds(l)
                                : session.startsAt().plus(Duration.ofMinutes(5 + l));
                        batch.add(
                                new PhoneSync.Mark(UUID.randomUUID(), id, learners.get(l), status, "MANUAL", at, null));
                        if (came) {
                            attendedAll.merge(learners.get(l), 1, Integer::sum);
                        }
                    }
                    // At the first class of three groups, one person came without an account: a walk-in, waiting in
                    // the organisation's verification queue (/accounts/verification) to be registered and linked.
                    var walkIns = new ArrayList<PhoneSync.WalkIn>();
                    if (g < walkInNames.length && id.equals(ids.getFirst())) {
                        var walkIn = new PhoneSync.WalkIn(
                                UUID.randomUUID(),
                                id,
                                walkInNames[g],
                                india ? "98765 4321" + g : "0912 345 67" + g,
                                session.startsAt().plus(Duration.ofMinutes(10)));
                        walkIns.add(walkIn);
                        batch.add(new PhoneSync.Mark(
                                UUID.randomUUID(),
                                id,
                                "walkin:" + walkIn.id(),
                                MarkStatus.PRESENT,
                                "MANUAL",
                                walkIn.capturedAt(),
                                null));
                    }
                    attendance.sync(new PhoneSync.Batch(UUID.randomUUID(), Instant.now(), batch, walkIns), null);
                    marks += batch.size();
                }
                // The most regular learners passed the quiz in class: they complete the course in person.
                for (var entry : attendedAll.entrySet()) {
                    if (entry.getValue() >= 4) {
                        attendance.recordQuizPassed(ids.get(3), entry.getKey(), null);
                    }
                }
            } finally {
                TestUsers.signOut();
            }
        }
        return marks;
    }

    private static SessionDraft draft(
            boolean india, long groupId, int g, Instant start, String facilitator, int weeks) {
        String place;
        if (india) {
            place = g % 2 == 0 ? "Panchayat Bhawan" : "Common Service Centre";
        } else {
            place = g % 2 == 0 ? "Nhà văn hóa thôn " + (g + 1) : "Điểm bưu điện văn hóa xã";
        }
        return new SessionDraft(
                groupId,
                COURSE,
                Set.of(),
                place,
                start,
                start.plus(Duration.ofHours(2)),
                30,
                Audience.CITIZEN,
                List.of(facilitator),
                weeks);
    }
}
