package org.digilit.completion;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.course.CatalogueService;
import org.digilit.learning.CompletionSourceNames;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of other platforms and their programmes (platform admins change it; everyone who imports reads it).
 * Each programme is mapped to one DigiLit course, or kept as an external programme counting for the courses an admin
 * chose. Every change is audited. Also names the {@code EXTERNAL:<code>} sources for the report and the learner's home.
 */
@Service
public class ExternalPlatformService implements CompletionSourceNames {

    private final PlatformStore store;
    private final CatalogueService catalogue;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    ExternalPlatformService(
            PlatformStore store, CatalogueService catalogue, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** A platform as the registry form sends it. */
    public record PlatformForm(
            @Nullable Long id,
            String code,
            String nameVi,
            String nameEn,
            @Nullable String feedClientId) {}

    /** A programme as the registry form sends it. */
    public record ProgrammeForm(
            long platformId,
            String code,
            String nameVi,
            String nameEn,
            ExternalProgramme.Kind kind,
            List<String> courseIds) {}

    @Transactional(readOnly = true)
    public List<ExternalPlatform> platforms() {
        return store.platforms();
    }

    @Transactional(readOnly = true)
    public List<ExternalProgramme> programmes(long platformId) {
        return store.programmes(platformId);
    }

    /** Adds a platform, or changes one's names and feed client (its code never changes: completions carry it). */
    @Transactional
    public ExternalPlatform save(PlatformForm form) {
        var user = requirePlatformAdmin();
        var code = form.code().strip().toUpperCase(Locale.ROOT);
        if (form.id() == null && !ExternalPlatform.CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("completion.platform.invalid-code");
        }
        var nameVi = name(form.nameVi());
        var nameEn = form.nameEn().strip().isEmpty() ? nameVi : name(form.nameEn());
        var client = form.feedClientId() == null || form.feedClientId().isBlank()
                ? null
                : form.feedClientId().strip();
        if (form.id() == null && store.platformByCode(code).isPresent()) {
            throw new IllegalArgumentException("completion.platform.duplicate-code");
        }
        if (client != null) {
            var other = store.platformByFeedClient(client);
            if (other.isPresent() && (form.id() == null || other.get().id() != form.id())) {
                throw new IllegalArgumentException("completion.platform.duplicate-client");
            }
        }
        long id = store.savePlatform(form.id(), code, nameVi, nameEn, client, clock.instant());
        var saved = store.platform(id).orElseThrow();
        audit.record(new AuditEntry(
                user,
                form.id() == null ? "completion.platform.add" : "completion.platform.change",
                "external-platform",
                saved.code(),
                null,
                "name=" + saved.nameVi() + " feedClient=" + saved.feedClientId()));
        return saved;
    }

    /** Adds or changes a programme of a platform (by its code there), with its mapping. */
    @Transactional
    public ExternalProgramme save(ProgrammeForm form) {
        var user = requirePlatformAdmin();
        var platform = store.platform(form.platformId())
                .orElseThrow(() -> new IllegalArgumentException("completion.programme.unknown-platform"));
        var code = form.code().strip();
        if (!ExternalProgramme.CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("completion.programme.invalid-code");
        }
        var courses = new ArrayList<String>();
        for (var course : form.courseIds()) {
            if (catalogue.course(course).isEmpty()) {
                throw new IllegalArgumentException("completion.programme.unknown-course");
            }
            if (!courses.contains(course)) {
                courses.add(course);
            }
        }
        if (form.kind() == ExternalProgramme.Kind.COURSE && courses.size() != 1) {
            throw new IllegalArgumentException("completion.programme.one-course");
        }
        var nameVi = name(form.nameVi());
        var nameEn = form.nameEn().strip().isEmpty() ? nameVi : name(form.nameEn());
        store.saveProgramme(platform.id(), code, nameVi, nameEn, form.kind(), courses, clock.instant());
        var saved = store.programme(platform.id(), code).orElseThrow();
        audit.record(new AuditEntry(
                user,
                "completion.programme.save",
                "external-programme",
                platform.code() + "/" + saved.code(),
                null,
                saved.kind() + " courses=" + String.join(",", saved.courseIds())));
        return saved;
    }

    /** The platform's name for an {@code EXTERNAL:<code>} source. */
    @Override
    @Transactional(readOnly = true)
    public Optional<String> name(String source, Locale locale) {
        if (!source.startsWith("EXTERNAL:")) {
            return Optional.empty();
        }
        return store.platformByCode(source.substring("EXTERNAL:".length())).map(p -> p.name(locale));
    }

    private static String name(String text) {
        var name = text.strip();
        if (name.isEmpty() || name.length() > ExternalPlatform.NAME_MAX_LENGTH) {
            throw new IllegalArgumentException("completion.invalid-name");
        }
        return name;
    }

    private String requirePlatformAdmin() {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        if (!user.has(Role.PLATFORM_ADMIN)) {
            throw new OutOfScopeException();
        }
        return user.username();
    }
}
