package org.digilit.session;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.ProgrammeTime;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;
import org.digilit.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attendance dashboard, Hazari's way: sessions held and attendance rate per day, week or month, for the
 * organisations at the top of the user's scope and, drilled down, for the children of one of them (province →
 * commune → group), weakest first; the same as CSV (audited); and the fraud signals to follow up. For organisation
 * admins (their subtree) and working groups (what they follow): the organisation feature's scope.
 */
@Service
public class AttendanceReportService {

    /** How far back the fraud signals look. */
    static final Duration SIGNAL_LOOKBACK = Duration.ofDays(90);

    private final AttendanceQueries queries;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final SessionProperties properties;
    private final Clock clock;
    private final ProgrammeTime time;

    AttendanceReportService(
            AttendanceQueries queries,
            OrganisationService organisations,
            CurrentUser currentUser,
            AuditService audit,
            SessionProperties properties,
            Clock clock,
            ProgrammeTime time) {
        this.queries = queries;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.time = time;
    }

    /** Today in the programme's time zone. */
    public LocalDate today() {
        return time.day(clock.instant());
    }

    /**
     * One row per organisation (the tops of the user's scope, or the children of {@code parentId}), for sessions held
     * in the period starting {@code periodStart}: weakest rate first, organisations without sessions last.
     */
    @Transactional(readOnly = true)
    public List<AttendanceFigure> figures(@Nullable Long parentId, PeriodUnit unit, LocalDate periodStart) {
        List<OrganisationSummary> rows;
        if (parentId == null) {
            rows = organisations.tops();
        } else {
            organisations.get(parentId); // refused outside scope
            rows = organisations.children(parentId, 0, 5_000);
        }
        var paths = new LinkedHashMap<Long, String>();
        rows.forEach(o -> paths.put(o.id(), o.path()));
        var from = time.startOf(periodStart);
        var to = time.startOf(unit.next(periodStart));
        var now = clock.instant();
        var figures = queries.figures(paths, from, to.isAfter(now) ? now : to);
        var result = new ArrayList<AttendanceFigure>();
        for (var o : rows) {
            var f = figures.getOrDefault(o.id(), new int[3]);
            result.add(
                    new AttendanceFigure(o.id(), o.code(), o.nameVi(), o.nameEn(), o.childCount(), f[0], f[1], f[2]));
        }
        result.sort(Comparator.comparing((AttendanceFigure f) -> f.rate() < 0)
                .thenComparing(AttendanceFigure::rate)
                .thenComparing(AttendanceFigure::code));
        return result;
    }

    /** The totals of the last {@code count} periods up to the one starting {@code periodStart}, oldest first. */
    @Transactional(readOnly = true)
    public List<AttendanceFigure> trend(@Nullable Long parentId, PeriodUnit unit, LocalDate periodStart, int count) {
        var tops = parentId == null ? organisations.tops() : List.of(organisations.get(parentId));
        var paths = new LinkedHashMap<Long, String>();
        tops.forEach(o -> paths.put(o.id(), o.path()));
        var result = new ArrayList<AttendanceFigure>();
        var start = periodStart;
        var now = clock.instant();
        for (int i = 0; i < count; i++) {
            var from = time.startOf(start);
            var to = time.startOf(unit.next(start));
            int held = 0, enrolled = 0, attended = 0;
            for (var f :
                    queries.figures(paths, from, to.isAfter(now) ? now : to).values()) {
                held += f[0];
                enrolled += f[1];
                attended += f[2];
            }
            result.addFirst(new AttendanceFigure(
                    0, start.toString(), start.toString(), start.toString(), 0, held, enrolled, attended));
            start = unit.previous(start);
        }
        return result;
    }

    /** The rows as CSV (UTF-8 with a BOM for Excel): organisation code and name, and the figures. Audited. */
    @Transactional
    public byte[] csv(
            @Nullable Long parentId,
            PeriodUnit unit,
            LocalDate periodStart,
            Locale locale,
            @Nullable String clientAddress) {
        var rows = figures(parentId, unit, periodStart);
        var out = new StringBuilder("\uFEFF");
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(
                    "organisation_code",
                    "organisation_name",
                    "period",
                    "unit",
                    "sessions_held",
                    "enrolled",
                    "attended",
                    "attendance_rate");
            for (var row : rows) {
                printer.printRecord(
                        row.code(),
                        row.name(locale),
                        periodStart,
                        unit.name().toLowerCase(Locale.ROOT),
                        row.sessionsHeld(),
                        row.enrolled(),
                        row.attended(),
                        row.rate() < 0 ? "" : String.format(Locale.ROOT, "%.1f", 100 * row.rate()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var user = currentUser.require();
        audit.record(new AuditEntry(
                user.username(),
                "attendance.export",
                "attendance",
                parentId == null ? "scope" : String.valueOf(parentId),
                clientAddress,
                "csv, " + unit.name().toLowerCase(Locale.ROOT) + " " + periodStart));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Sessions to follow up within the user's scope (last 90 days), newest first. */
    @Transactional(readOnly = true)
    public List<FraudSignal> signals() {
        var scope = organisations.currentScope();
        if (scope.isEmpty()) {
            return List.of();
        }
        var now = clock.instant();
        var since = now.minus(SIGNAL_LOOKBACK);
        var all = new ArrayList<FraudSignal>();
        all.addAll(queries.allPresent(
                scope.sqlCondition(), scope.sqlParameters(), since, now, properties.allPresentMinimum()));
        all.addAll(queries.twoPlaces(scope.sqlCondition(), scope.sqlParameters(), since));
        all.addAll(queries.lateBursts(
                scope.sqlCondition(), scope.sqlParameters(), since, properties.burstSpan(), properties.burstDelay()));
        return AttendanceQueries.newestFirst(all);
    }
}
