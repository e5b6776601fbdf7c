package org.digilit.completion;

import java.time.Duration;
import java.util.List;
import org.digilit.account.RateLimiter;
import org.digilit.base.ImportProblem;
import org.digilit.organisation.OutOfScopeException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The keyed feed: a platform pushes its completions as JSON with a bearer token of its own Keycloak client
 * (client-credentials grant, realm role {@value FeedSecurityConfiguration#ROLE}; see {@link FeedSecurityConfiguration}).
 * The platform is the one registered with that client id (the token's {@code azp}), never a field of the body. A call
 * is applied whole or not at all (422 with the problems); a record id received before changes nothing, so replaying a
 * call is safe. Each client may call {@code digilit.completion.feed-calls-per-minute} times a minute (429 beyond), with
 * at most {@value #MAX_RECORDS} records a call. The limit is counted by the platform's {@link RateLimiter} in
 * PostgreSQL, so it holds across app instances and restarts.
 */
@RestController
class CompletionFeedController {

    static final String PATH = "/api/completions/feed";
    static final int MAX_RECORDS = 1_000;

    private final CompletionImportService imports;
    private final RateLimiter rateLimiter;
    private final int callsPerMinute;

    CompletionFeedController(
            CompletionImportService imports,
            RateLimiter rateLimiter,
            @Value("${digilit.completion.feed-calls-per-minute:60}") int callsPerMinute) {
        this.imports = imports;
        this.rateLimiter = rateLimiter;
        this.callsPerMinute = callsPerMinute;
    }

    /** The body: the completions, each with the platform's own record id. */
    record FeedCall(@Nullable List<CompletionImportService.FeedRecord> completions) {}

    /** The answer: what the call did, or why nothing was done. */
    record FeedAnswer(int records, int matched, int held, int unchanged, List<Problem> problems) {}

    record Problem(int record, String field, String code) {}

    @PostMapping(PATH)
    ResponseEntity<FeedAnswer> receive(@AuthenticationPrincipal Jwt token, @RequestBody FeedCall call) {
        var client = token.getClaimAsString("azp");
        if (client == null || !allowed(client)) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build();
        }
        var records = call.completions() == null ? List.<CompletionImportService.FeedRecord>of() : call.completions();
        if (records.isEmpty() || records.size() > MAX_RECORDS) {
            return ResponseEntity.unprocessableContent()
                    .body(new FeedAnswer(
                            records.size(), 0, 0, 0, List.of(new Problem(0, "completions", "completion.feed-size"))));
        }
        try {
            var report = imports.receiveFeed(client, records);
            return ResponseEntity.ok(answer(report));
        } catch (CompletionImportRejectedException e) {
            return ResponseEntity.unprocessableContent().body(answer(e.report()));
        } catch (OutOfScopeException e) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
    }

    private static FeedAnswer answer(CompletionImportReport report) {
        return new FeedAnswer(
                report.rows(),
                report.matched(),
                report.held(),
                report.unchanged(),
                report.problems().stream()
                        .map(CompletionFeedController::problem)
                        .toList());
    }

    private static Problem problem(ImportProblem p) {
        return new Problem(p.row(), p.column(), p.code());
    }

    /** A sliding window of a minute per client, shared by every app instance (PostgreSQL). */
    private boolean allowed(String client) {
        return rateLimiter.tryAcquire("completion-feed:" + client, callsPerMinute, Duration.ofMinutes(1));
    }
}
