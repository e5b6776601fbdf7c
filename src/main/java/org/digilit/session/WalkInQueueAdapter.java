package org.digilit.session;

import java.util.List;
import java.util.UUID;
import org.digilit.account.WalkInQueue;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The session feature's side of {@link WalkInQueue}: the account feature's verification queue lists the walk-ins
 * recorded at class doors and resolves them through here, reading nothing of this feature's tables itself.
 */
@Component
class WalkInQueueAdapter implements WalkInQueue {

    private final SessionService sessions;
    private final AttendanceService attendance;

    WalkInQueueAdapter(SessionService sessions, AttendanceService attendance) {
        this.sessions = sessions;
        this.attendance = attendance;
    }

    @Override
    public List<Waiting> waiting(int limit) {
        return sessions.walkIns(limit).stream()
                .map(w -> new Waiting(
                        w.id(),
                        w.fullName(),
                        w.phone(),
                        w.organisationCode(),
                        w.place(),
                        w.sessionStartsAt(),
                        w.recordedBy()))
                .toList();
    }

    @Override
    public String link(UUID walkInId, String usernameOrIdentityNumber, @Nullable String clientAddress) {
        try {
            return attendance.linkWalkIn(walkInId, usernameOrIdentityNumber, clientAddress);
        } catch (SessionRejectedException e) {
            throw new Refused(e.messageKey());
        }
    }

    @Override
    public void dismiss(UUID walkInId, String reason, @Nullable String clientAddress) {
        try {
            attendance.dismissWalkIn(walkInId, reason, clientAddress);
        } catch (SessionRejectedException e) {
            throw new Refused(e.messageKey());
        }
    }
}
