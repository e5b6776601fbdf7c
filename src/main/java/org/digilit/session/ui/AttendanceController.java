package org.digilit.session.ui;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.imageio.ImageIO;
import org.digilit.course.CatalogueService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.CurrentUser;
import org.digilit.session.AttendanceService;
import org.digilit.session.ClassSession;
import org.digilit.session.PhoneSync;
import org.digilit.session.RosterEntry;
import org.digilit.session.SessionProperties;
import org.digilit.session.SessionRejectedException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The JSON endpoints of the facilitator's phone page ({@code /attendance/index.html}, static files with a service
 * worker): its download (own sessions and rosters only, the server time, and the CSRF token the page sends back on
 * every POST), the idempotent sync, joining at the door while online, and a QR decoder on the server for phones whose
 * browser has no {@code BarcodeDetector}. They use the login's session cookie; an expired login answers 401 (not a
 * redirect to Keycloak) so the page can ask to log in again and keep its queue.
 */
@RestController
class AttendanceController {

    static final String API = "/attendance/api";

    /** The largest camera frame the server decodes. */
    static final int MAX_FRAME_BYTES = 3 * 1024 * 1024;

    record PhoneLearner(
            String username, String fullName, @Nullable String status) {}

    record PhoneSessionView(
            long id,
            String course,
            String organisation,
            String place,
            Instant startsAt,
            Instant endsAt,
            Instant windowFrom,
            Instant windowTo,
            List<PhoneLearner> roster) {}

    record Download(
            Instant serverTime,
            String username,
            String displayName,
            Map<String, String> csrf,
            String lang,
            Map<String, String> texts,
            List<PhoneSessionView> sessions) {}

    record JoinRequest(long sessionId, String text) {}

    record Problem(String error, String message) {}

    private final AttendanceService attendance;
    private final CatalogueService catalogue;
    private final CurrentUser currentUser;
    private final SessionProperties properties;

    AttendanceController(
            AttendanceService attendance,
            CatalogueService catalogue,
            CurrentUser currentUser,
            SessionProperties properties) {
        this.attendance = attendance;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.properties = properties;
    }

    /**
     * The page's "log in again" link: not a file of the page, so the service worker does not answer it from its cache;
     * an expired login goes to Keycloak and comes back here, then to the page (the queue is in IndexedDB).
     */
    @GetMapping({"/attendance", "/attendance/", "/attendance/login"})
    RedirectView page() {
        return new RedirectView("/attendance/index.html");
    }

    @GetMapping(API + "/sessions")
    ResponseEntity<Download> sessions(CsrfToken csrf, Locale locale) {
        var user = currentUser.require();
        var download = attendance.phoneDownload();
        var sessions = download.sessions().stream()
                .map(s -> view(s, download.rosters().getOrDefault(s.id(), List.of()), locale))
                .toList();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Download(
                        download.serverTime(),
                        user.username(),
                        user.displayName(),
                        Map.of(
                                "header",
                                csrf.getHeaderName(),
                                "parameter",
                                csrf.getParameterName(),
                                "token",
                                csrf.getToken()),
                        language(locale),
                        texts(locale),
                        sessions));
    }

    @PostMapping(API + "/sync")
    ResponseEntity<PhoneSync.Result> sync(@RequestBody PhoneSync.Batch batch, HttpServletRequest request) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(attendance.sync(batch, request.getRemoteAddr()));
    }

    @PostMapping(API + "/join")
    ResponseEntity<?> join(@RequestBody JoinRequest join, HttpServletRequest request) {
        return attendance
                .joinAtDoor(join.sessionId(), join.text(), request.getRemoteAddr())
                .<ResponseEntity<?>>map(e -> ResponseEntity.ok(learner(e)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(new Problem("attendance.error.not-found", "No account found")));
    }

    /** Reads a QR code from a camera frame (JPEG or PNG) with ZXing, for browsers without BarcodeDetector. */
    @PostMapping(API + "/decode")
    ResponseEntity<?> decode(@RequestBody byte[] frame) throws IOException {
        currentUser.require();
        if (frame.length == 0 || frame.length > MAX_FRAME_BYTES) {
            return ResponseEntity.badRequest().body(new Problem("attendance.error.frame", "Frame too large or empty"));
        }
        var image = ImageIO.read(new ByteArrayInputStream(frame));
        if (image == null) {
            return ResponseEntity.badRequest().body(new Problem("attendance.error.frame", "Not an image"));
        }
        int width = image.getWidth();
        int height = image.getHeight();
        var pixels = image.getRGB(0, 0, width, height, null, 0, width);
        try {
            var result = new QRCodeReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels))),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return ResponseEntity.ok(Map.of("text", result.getText()));
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(new Problem("attendance.error.no-code", "No QR code found"));
        }
    }

    /** The page speaks Vietnamese unless the browser asks for English. */
    static String language(Locale locale) {
        return locale.getLanguage().equals("en") ? "en" : "vi";
    }

    /** The phone page's texts ({@code attendance.phone.*} of the translations), kept by the page for offline use. */
    static Map<String, String> texts(Locale locale) {
        var bundle = java.util.ResourceBundle.getBundle(
                "vaadin-i18n.translations",
                Locale.forLanguageTag(language(locale)),
                java.util.ResourceBundle.Control.getNoFallbackControl(
                        java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
        var texts = new java.util.TreeMap<String, String>();
        for (var key : bundle.keySet()) {
            if (key.startsWith(PHONE_TEXTS)) {
                texts.put(key.substring(PHONE_TEXTS.length()), bundle.getString(key));
            }
        }
        return texts;
    }

    static final String PHONE_TEXTS = "attendance.phone.";

    private PhoneSessionView view(ClassSession s, List<RosterEntry> roster, Locale locale) {
        var course = catalogue.course(s.courseId()).map(c -> c.title(locale)).orElse(s.courseId());
        return new PhoneSessionView(
                s.id(),
                course,
                s.organisationName(locale),
                s.place(),
                s.startsAt(),
                s.endsAt(),
                s.startsAt().minus(properties.windowBefore()),
                s.endsAt().plus(properties.windowAfter()),
                roster.stream().map(AttendanceController::learner).toList());
    }

    private static PhoneLearner learner(RosterEntry e) {
        return new PhoneLearner(
                e.username(),
                e.fullName(),
                e.status() == null ? null : e.status().name());
    }

    @ExceptionHandler(SessionRejectedException.class)
    ResponseEntity<Problem> rejected(SessionRejectedException e) {
        return ResponseEntity.unprocessableContent().body(new Problem(e.messageKey(), e.messageKey()));
    }

    @ExceptionHandler({OutOfScopeException.class})
    ResponseEntity<Problem> refused(OutOfScopeException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(new Problem("attendance.error.not-yours", "This session is not yours"));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Problem> missing(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new Problem("attendance.error.session", "No such session"));
    }
}
