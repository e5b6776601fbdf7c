package org.digilit.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the facilitator's phone sends and gets back when it synchronises (JSON of the phone page). */
public final class PhoneSync {

    private PhoneSync() {}

    /** Most marks one batch may carry. */
    public static final int MAX_MARKS = 500;

    public static final int MAX_WALK_INS = 100;

    /**
     * One mark taken on the phone.
     *
     * @param id made on the phone (UUID): the same mark sent twice is stored once
     * @param learner a username, or {@code walkin:<walk-in id>}
     * @param method {@code MANUAL} (tapped) or {@code QR} (a learner card scanned)
     * @param capturedAt when it was taken, by the phone's clock
     * @param card the scanned card's code, for a learner not on the roster who joined at the door
     */
    public record Mark(
            UUID id,
            long sessionId,
            String learner,
            MarkStatus status,
            String method,
            Instant capturedAt,
            @Nullable String card) {}

    /** A person with no account, recorded at the door. */
    public record WalkIn(UUID id, long sessionId, String fullName, String phone, Instant capturedAt) {}

    /**
     * A batch.
     *
     * @param batchId the idempotency key, made on the phone: a replayed batch changes nothing
     * @param sentAt the phone's clock when it sent the batch: the clock offset is estimated from it
     */
    public record Batch(UUID batchId, Instant sentAt, List<Mark> marks, List<WalkIn> walkIns) {
        public Batch {
            marks = marks == null ? List.of() : List.copyOf(marks);
            walkIns = walkIns == null ? List.of() : List.copyOf(walkIns);
        }
    }

    /**
     * The answer.
     *
     * @param acknowledged every mark and walk-in id of the batch that the server now holds (new or already held): the
     *     phone drops them from its queue
     * @param stored how many marks were new
     * @param flagged ids of marks captured outside their session's window, or after it was closed (kept, flagged)
     * @param clockOffsetMs the server's clock minus the phone's, as estimated at this sync
     */
    public record Result(
            Instant serverTime,
            long clockOffsetMs,
            boolean replay,
            List<UUID> acknowledged,
            int stored,
            List<UUID> flagged) {}
}
