package org.digilit.completion;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.digilit.identity.IdentityNumber;
import org.jspecify.annotations.Nullable;

/**
 * One completion as a file row or a feed record reports it, checked. {@code row}: the row a person sees (a feed's
 * record position, from 1). {@code recordId}: the platform's own id of the record (feeds; files have none).
 */
record CompletionRow(
        int row,
        String platformCode,
        String programmeCode,
        IdentityNumber identity,
        String fullName,
        LocalDate completedOn,
        @Nullable String certificateNumber,
        @Nullable BigDecimal score,
        @Nullable String recordId) {

    static final int NAME_MAX_LENGTH = 200;
    static final int CERTIFICATE_MAX_LENGTH = 64;
    static final int RECORD_ID_MAX_LENGTH = 128;
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
}
