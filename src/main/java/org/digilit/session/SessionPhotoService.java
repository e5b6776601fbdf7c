package org.digilit.session;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One optional class photo per session (e-Shikshakosh photographs the class; DigiLit keeps the photo as a record of
 * the session, never to recognise faces: DD009). The picture is decoded and written again as a fresh JPEG, which
 * drops every metadata block (EXIF: GPS position, phone model, time), scaled to at most 1600 px; it is refused above
 * the size limit; only the organisation's admins see it; it is deleted after the retention period.
 */
@Service
public class SessionPhotoService {

    static final int MAX_SIDE = 1600;
    private static final Logger LOG = LoggerFactory.getLogger(SessionPhotoService.class);

    private final SessionService sessions;
    private final SessionStore store;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final SessionProperties properties;
    private final Clock clock;

    SessionPhotoService(
            SessionService sessions,
            SessionStore store,
            CurrentUser currentUser,
            AuditService audit,
            SessionProperties properties,
            Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores (replaces) the session's photo, re-encoded without metadata. */
    @Transactional
    public void upload(long sessionId, byte[] picture, @Nullable String clientAddress) {
        var user = currentUser.require();
        sessions.get(sessionId);
        if (picture.length == 0 || picture.length > properties.photoMaxBytes()) {
            throw new SessionRejectedException("sessions.photo.too-large");
        }
        var clean = stripped(picture);
        store.savePhoto(sessionId, clean, user.username(), Timestamp.from(clock.instant()));
        audit.record(new AuditEntry(
                user.username(),
                "session.photo",
                "session",
                String.valueOf(sessionId),
                clientAddress,
                clean.length + " bytes"));
    }

    /** The photo, for the admins of the session's organisation only. */
    @Transactional(readOnly = true)
    public Optional<byte[]> photo(long sessionId) {
        var user = currentUser.require();
        if (!sessions.mayApprove(user, store.organisationPath(sessionId).orElseThrow())) {
            return Optional.empty();
        }
        return store.photo(sessionId);
    }

    /** Deletes photos older than the retention period; runs daily. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT1M")
    @Transactional
    public int deleteExpired() {
        int deleted =
                store.deletePhotosUploadedBefore(Timestamp.from(clock.instant().minus(properties.photoRetention())));
        if (deleted > 0) {
            LOG.info("Deleted {} class photos past their retention period", deleted);
        }
        return deleted;
    }

    /** Decodes and re-encodes as JPEG (no metadata survives), scaled down to {@link #MAX_SIDE}. */
    static byte[] stripped(byte[] picture) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(picture));
            if (image == null) {
                throw new SessionRejectedException("sessions.photo.not-a-picture");
            }
            double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
            int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
            var rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            var graphics = rgb.createGraphics();
            graphics.setRenderingHint(
                    java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, java.awt.Color.WHITE, null);
            graphics.dispose();
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var params = writer.getDefaultWriteParam();
            params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            params.setCompressionQuality(0.8f);
            var out = new ByteArrayOutputStream();
            try (var stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(rgb, null, null), params);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new SessionRejectedException("sessions.photo.not-a-picture");
        }
    }
}
