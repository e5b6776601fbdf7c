package org.digilit.report;

import java.time.Instant;
import org.digilit.base.Quarter;

/** A closed quarter's snapshot: version 1 is the close, later versions are restatements with their reason. */
public record SnapshotInfo(long id, Quarter quarter, int version, Instant takenAt, String takenBy, String reason) {

    public boolean restatement() {
        return version > 1;
    }
}
