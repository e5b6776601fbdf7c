package org.digilit.session.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.digilit.base.ClientAddress;

/** Shared bits of the session views: the programme's time zone, date formats, the client's address. */
final class Texts {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE dd/MM/yyyy HH:mm").withZone(ZONE);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);
    static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);

    private Texts() {}

    static String client() {
        return ClientAddress.orUnknown();
    }
}
