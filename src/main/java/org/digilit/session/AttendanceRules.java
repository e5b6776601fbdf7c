package org.digilit.session;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which mark stands for a learner in a session (pure rules, unit-tested):
 *
 * <ul>
 *   <li>an approved correction beats everything (the latest one);
 *   <li>otherwise the latest mark captured wins (capture time corrected by the phone's clock offset; ties broken by id);
 *   <li>except that a QR scan beats a manual "absent": a learner whose card was scanned was there, whatever another
 *       facilitator tapped later.
 * </ul>
 */
final class AttendanceRules {

    private AttendanceRules() {}

    record Mark(UUID id, MarkStatus status, String method, Instant capturedAt) {}

    private static final Comparator<Mark> LATEST =
            Comparator.comparing(Mark::capturedAt).thenComparing(Mark::id);

    static Optional<Mark> winner(List<Mark> marks) {
        var corrections =
                marks.stream().filter(m -> m.method().equals("CORRECTION")).max(LATEST);
        if (corrections.isPresent()) {
            return corrections;
        }
        var latest = marks.stream().max(LATEST);
        if (latest.isPresent()
                && latest.get().status() == MarkStatus.ABSENT
                && latest.get().method().equals("MANUAL")) {
            var scanned = marks.stream()
                    .filter(m -> m.method().equals("QR") && m.status().attended())
                    .max(LATEST);
            if (scanned.isPresent()) {
                return scanned;
            }
        }
        return latest;
    }

    /** Whether a mark's capture time lies outside its session's window (kept and flagged, never dropped). */
    static boolean outOfWindow(
            Instant capturedAt, Instant startsAt, Instant endsAt, java.time.Duration before, java.time.Duration after) {
        return capturedAt.isBefore(startsAt.minus(before)) || capturedAt.isAfter(endsAt.plus(after));
    }
}
