package org.digilit.audit;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records audit events in the caller's transaction, so an audited change and its record commit or roll back together.
 * Details must never carry identity numbers or other personal data beyond what the change itself names.
 */
@Service
public class AuditService {

    /** One audited action: who did it, what, to what, from which client address, and a short description. */
    public record AuditEntry(
            String actor,
            String action,
            String targetType,
            @Nullable String targetId,
            @Nullable String clientAddress,
            @Nullable String details) {}

    /** An audit event as read back, for an account's or an organisation's trail. */
    public record AuditRecord(
            java.time.Instant occurredAt,
            String actor,
            String action,
            @Nullable String clientAddress,
            @Nullable String details) {}

    private final AuditStore store;
    private final Clock clock;

    AuditService(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records many events in one batch (bulk verification, imports), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(java.util.Collection<AuditEntry> entries) {
        var at = java.sql.Timestamp.from(clock.instant());
        store.insertAll(entries, at);
    }

    /** The events about one target, newest first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public java.util.List<AuditRecord> trail(String targetType, String targetId, int limit) {
        return store.trail(targetType, targetId, limit);
    }

    /** The length of a window of anonymous attempts: one row per action, bucket and hour. */
    public static final java.time.Duration ANONYMOUS_WINDOW = java.time.Duration.ofHours(1);

    /** How long counted anonymous attempts are kept. */
    public static final java.time.Duration ANONYMOUS_RETENTION = java.time.Duration.ofDays(90);

    /** A window of counted anonymous attempts, as read back. */
    public record AnonymousWindow(
            String action, String bucket, java.time.Instant windowStart, long attempts, java.time.Instant lastAt) {}

    /**
     * Counts an attempt an anonymous caller made and the platform refused (a bot trap, a rate limit): one row per
     * action, the caller's network (IPv4 /24, IPv6 /48) and hour, its counter raised, instead of a row per attempt (issue
     * #14, DD008). Commits with the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void countAnonymous(String action, @Nullable String clientAddress) {
        var now = clock.instant();
        var start = java.time.Instant.ofEpochSecond(
                now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), ANONYMOUS_WINDOW.toSeconds()));
        store.countAttempt(action, network(clientAddress), start, now);
    }

    /** The counted anonymous attempts of an action, newest window first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public java.util.List<AnonymousWindow> anonymousWindows(String action, int limit) {
        return store.anonymousWindows(action, limit);
    }

    /** Forgets counted anonymous attempts past their retention. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
    @Transactional
    public void forgetOldAnonymousWindows() {
        store.deleteWindowsBefore(clock.instant().minus(ANONYMOUS_RETENTION));
    }

    /** The network a client address belongs to: IPv4 /24, IPv6 /48; {@code unknown} without an address. */
    static String network(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        var literal = address.strip();
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return "unparsable"; // never a host name: getByName would ask DNS
        }
        try {
            var bytes = java.net.InetAddress.getByName(literal).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return java.net.InetAddress.getByAddress(bytes).getHostAddress() + (bytes.length == 4 ? "/24" : "/48");
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return "unparsable";
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        store.insert(entry, java.sql.Timestamp.from(clock.instant()));
    }
}
