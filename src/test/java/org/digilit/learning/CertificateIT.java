package org.digilit.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digilit.IntegrationTest;
import org.digilit.audit.AuditService;
import org.digilit.course.CatalogueService;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.learning.CertificateVerification.Status;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Certificates on the real PostgreSQL and over the app's real HTTP port: one per completion, even when completions
 * race; the public check (valid, revoked with its reason, unknown) says only what the certificate shows; only a
 * platform admin revokes; the signed credential verifies offline against the published key set, and a tampered one
 * does not; a learner gets only their own certificates.
 */
@IntegrationTest
class CertificateIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the JWK's 32 bytes of x follow. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    @Autowired
    LearningService learning;

    @Autowired
    CertificateService certificates;

    @Autowired
    CourseContentService content;

    @Autowired
    CatalogueService catalogue;

    @Autowired
    OrganisationImportService organisations;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Value("${local.server.port}")
    int port;

    String course;
    String learner;
    String commune;
    final String holder = "Trần Thị Bích Ngọc";

    @BeforeEach
    void courseAndOrganisation() throws Exception {
        var id = UUID.randomUUID().toString().substring(0, 8);
        course = "cert-" + id;
        learner = "learner-" + course;
        var province = "CRT" + id.toUpperCase(Locale.ROOT);
        commune = province + "-C1";
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), course, false);
        TestUsers.signIn("test-admin", null, Role.PLATFORM_ADMIN);
        var csv = """
                code,parent_code,type,name_vi,name_en,expected_citizens,expected_teachers,expected_officials
                %1$s,,PROVINCE,Tỉnh Chứng Nhận,Certificate Province,0,0,1
                %1$s-C1,%1$s,COMMUNE,Xã Phú Mỹ,Phu My Commune,100,0,1
                """.formatted(province);
        organisations.apply(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "province.csv", null);
        signInLearner();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void signInLearner() {
        TestUsers.signInNamed(learner, holder, commune, Role.CITIZEN);
    }

    private Certificate complete() {
        learning.completeLesson(course, "turn-on");
        learning.completeLesson(course, "screen");
        assertThat(learning.submitQuiz(course, Map.of("q1", Set.of("a")))
                        .progress()
                        .completed())
                .isTrue();
        return certificates.mineFor(course).orElseThrow();
    }

    private int stored(String username) {
        return jdbc.sql("select count(*) from certificate where username = :u and course_id = :c")
                .param("u", username)
                .param("c", course)
                .query(Integer.class)
                .single();
    }

    @Test
    void completing_a_course_issues_exactly_one_certificate_with_what_it_shows() {
        learning.completeLesson(course, "turn-on");
        assertThat(certificates.mine()).as("nothing before completion").isEmpty();

        var certificate = complete();

        assertThat(certificate.code()).matches("DL-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
        assertThat(certificate.holderName()).isEqualTo(holder);
        var card = catalogue.course(course).orElseThrow();
        assertThat(certificate.courseTitleVi()).isEqualTo(card.titleVi());
        assertThat(certificate.courseTitleEn()).isEqualTo(card.titleEn());
        assertThat(certificate.organisationNameVi()).isEqualTo("Xã Phú Mỹ");
        assertThat(certificate.organisationNameEn()).isEqualTo("Phu My Commune");
        assertThat(certificate.completedAt())
                .isEqualTo(learning.progress(course).orElseThrow().completedAt());
        assertThat(certificate.revoked()).isFalse();
        var row = jdbc.sql(
                        "select organisation_code, audience, key_id, course_version from certificate where code = :c")
                .param("c", certificate.code())
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getInt(4))
                .single();
        assertThat(row).isEqualTo(commune + "/CITIZEN/local-1/1");

        // Completing again, and issuing again, change nothing.
        learning.completeLesson(course, "turn-on");
        learning.submitQuiz(course, Map.of("q1", Set.of("a")));
        var structure = catalogue.structure(course).orElseThrow();
        var learnerNow = new AuthenticatedUser("test-" + learner, learner, holder, Set.of(Role.CITIZEN), commune);
        transactions.executeWithoutResult(tx -> certificates.issue(learnerNow, structure, certificate.completedAt()));
        assertThat(stored(learner)).isEqualTo(1);
        assertThat(certificates.mine()).singleElement().isEqualTo(certificate);
    }

    @Test
    void racing_completions_issue_one_certificate() throws Exception {
        learning.completeLesson(course, "turn-on");
        learning.completeLesson(course, "screen");
        int racers = 4;
        var barrier = new CyclicBarrier(racers);
        try (var pool = Executors.newFixedThreadPool(racers)) {
            var runs = new CompletableFuture<?>[racers];
            for (int i = 0; i < racers; i++) {
                runs[i] = CompletableFuture.runAsync(
                        () -> {
                            signInLearner();
                            try {
                                barrier.await();
                                learning.submitQuiz(course, Map.of("q1", Set.of("a")));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            } finally {
                                TestUsers.signOut();
                            }
                        },
                        pool);
            }
            CompletableFuture.allOf(runs).join();
        }
        assertThat(stored(learner)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from progress_event where username = :u and course_id = :c"
                                + " and kind = 'COURSE_COMPLETED'")
                        .param("u", learner)
                        .param("c", course)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anyone_checks_a_code_valid_then_revoked_with_its_reason_and_an_unknown_code_is_unknown() {
        var certificate = complete();
        TestUsers.signOut();

        var valid = certificates.verify(certificate.code());
        assertThat(valid.status()).isEqualTo(Status.VALID);
        assertThat(valid.certificate()).isEqualTo(certificate);
        var typed =
                certificate.code().toLowerCase(Locale.ROOT).replace("-", " ").substring(3);
        assertThat(certificates.verify(typed).status()).as("typed loosely").isEqualTo(Status.VALID);

        var unknown = certificates.verify("DL-2222-3333-4444");
        assertThat(unknown.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unknown.certificate()).isNull();
        assertThat(certificates.verify("not a code").status()).isEqualTo(Status.UNKNOWN);

        TestUsers.signIn("cert-admin", null, Role.PLATFORM_ADMIN);
        assertThatThrownBy(() -> certificates.revoke(certificate.code(), "  ", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> certificates.revoke(certificate.code(), "x".repeat(501), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> certificates.revoke("DL-2222-3333-4444", "Issued in error", null))
                .isInstanceOf(NoSuchElementException.class);
        var revoked = certificates.revoke(certificate.code(), "Quiz answers were shared", "10.0.0.7");
        assertThat(revoked.revokedAt()).isNotNull();
        assertThatThrownBy(() -> certificates.revoke(certificate.code(), "Again", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("revoked already");
        TestUsers.signOut();

        var answer = certificates.verify(certificate.code());
        assertThat(answer.status()).isEqualTo(Status.REVOKED);
        assertThat(answer.certificate().revocationReason()).isEqualTo("Quiz answers were shared");
        assertThat(answer.certificate().revokedAt()).isEqualTo(revoked.revokedAt());
        assertThat(answer.certificate().holderName()).isEqualTo(holder);

        var trail = transactions.execute(tx -> audit.trail("certificate", certificate.code(), 10));
        assertThat(trail).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("cert-admin");
            assertThat(entry.action()).isEqualTo("certificate.revoke");
            assertThat(entry.clientAddress()).isEqualTo("10.0.0.7");
            assertThat(entry.details()).contains("Quiz answers were shared");
        });

        signInLearner();
        assertThat(certificates.mine())
                .singleElement()
                .satisfies(c -> assertThat(c.revoked()).isTrue());
        assertThatThrownBy(() -> certificates.pdfForMine(certificate.code(), texts(), Locale.ENGLISH))
                .as("a revoked certificate is no longer handed out")
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void only_a_platform_admin_revokes() {
        var certificate = complete();
        assertThatThrownBy(() -> certificates.revoke(certificate.code(), "I changed my mind", null))
                .as("the holder")
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("cert-orgadmin", commune, Role.ORG_ADMIN);
        assertThatThrownBy(() -> certificates.revoke(certificate.code(), "Not in my commune", null))
                .as("an organisation admin")
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.signOut();
        assertThatThrownBy(() -> certificates.revoke(certificate.code(), "Anonymous", null))
                .as("nobody signed in")
                .isInstanceOf(AccessDeniedException.class);
        assertThat(certificates.verify(certificate.code()).status()).isEqualTo(Status.VALID);
    }

    @Test
    void the_credential_verifies_offline_against_the_published_key_set_and_a_tampered_one_does_not() throws Exception {
        var certificate = complete();
        var mine = certificates.credentialForMine(certificate.code());
        TestUsers.signOut();

        var keys = get("/.well-known/digilit-certificate-keys.json");
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(keys.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/jwk-set+json"));
        var keySet = JWKSet.parse(keys.body());
        var credential = get("/credentials/" + certificate.code() + ".jws");
        assertThat(credential.statusCode()).as("anonymous, by code").isEqualTo(200);
        assertThat(credential.body()).isEqualTo(mine);

        var jws = JWSObject.parse(credential.body());
        assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("EdDSA");
        var jwk = (OctetKeyPair) keySet.getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(jwk.getCurve().getName()).isEqualTo("Ed25519");
        var publicKey = publicKey(jwk);
        assertThat(verifies(publicKey, jws.getSigningInput(), jws.getSignature().decode()))
                .isTrue();

        var payload = jws.getPayload().toJSONObject();
        assertThat(payload.get("id")).isEqualTo(certificates.verificationUrl(certificate.code()));
        assertThat(String.valueOf(payload.get("type"))).contains("VerifiableCredential", "DigiLitCourseCertificate");
        assertThat(payload).containsKeys("issuer", "issuanceDate", "credentialSubject");
        @SuppressWarnings("unchecked")
        var subject = (Map<String, Object>) payload.get("credentialSubject");
        assertThat(subject.get("name")).isEqualTo(holder);
        assertThat(subject.get("completedAt"))
                .isEqualTo(certificate.completedAt().toString());
        assertThat(subject.get("course").toString()).contains(course, certificate.courseTitleVi());
        assertThat(subject.get("organisation").toString()).contains("Xã Phú Mỹ", commune);
        assertThat(jws.getPayload().toString()).doesNotContain(learner);

        // Another name in the payload, the same signature: refused.
        var parts = credential.body().split("\\.");
        var forged = jws.getPayload().toString().replace(holder, "Kẻ Mạo Danh");
        var forgedInput = (parts[0] + "." + Base64URL.encode(forged.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(verifies(publicKey, forgedInput, jws.getSignature().decode()))
                .isFalse();
        // The signature changed by one bit: refused.
        var signature = jws.getSignature().decode();
        var flipped = Arrays.copyOf(signature, signature.length);
        flipped[10] ^= 0x01;
        assertThat(verifies(publicKey, jws.getSigningInput(), flipped)).isFalse();
        assertThat(certificates.signatureValid(credential.body())).isTrue();
        assertThat(certificates.signatureValid(parts[0] + "." + Base64URL.encode(forged) + "." + parts[2]))
                .isFalse();

        assertThat(get("/credentials/DL-2222-3333-4444.jws").statusCode()).isEqualTo(404);
        TestUsers.signIn("cert-admin", null, Role.PLATFORM_ADMIN);
        certificates.revoke(certificate.code(), "Issued in error", null);
        TestUsers.signOut();
        assertThat(get("/credentials/" + certificate.code() + ".jws").statusCode())
                .as("a revoked certificate's credential is gone")
                .isEqualTo(410);
    }

    @Test
    void a_learner_gets_only_their_own_certificate_and_someone_elses_code_is_answered_like_an_unknown_one()
            throws Exception {
        var certificate = complete();
        var pdf = certificates.pdfForMine(certificate.code(), texts(), Locale.forLanguageTag("vi"));
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains(holder, certificate.code(), certificate.courseTitleVi(), "Xã Phú Mỹ");
        }

        TestUsers.signInNamed("other-" + learner, "Lê Văn Khác", commune, Role.CITIZEN);
        assertThat(certificates.mine()).isEmpty();
        assertThat(certificates.mineFor(course)).isEmpty();
        var someoneElses = catchMessage(() -> certificates.pdfForMine(certificate.code(), texts(), Locale.ENGLISH));
        var unknown = catchMessage(() -> certificates.pdfForMine("DL-2222-3333-4444", texts(), Locale.ENGLISH));
        assertThat(someoneElses).isEqualTo(unknown);
        assertThatThrownBy(() -> certificates.credentialForMine(certificate.code()))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage(unknown);
    }

    @Test
    void the_public_answer_holds_only_what_the_certificate_shows() {
        var certificate = complete();
        var answer = certificates.verify(certificate.code());
        assertThat(Arrays.stream(Certificate.class.getRecordComponents()).map(c -> c.getName()))
                .containsExactlyInAnyOrder(
                        "code",
                        "courseId",
                        "holderName",
                        "courseTitleVi",
                        "courseTitleEn",
                        "organisationNameVi",
                        "organisationNameEn",
                        "completedAt",
                        "revokedAt",
                        "revocationReason");
        assertThat(Arrays.stream(CertificateVerification.class.getRecordComponents())
                        .map(c -> c.getName()))
                .containsExactly("status", "code", "certificate");
        assertThat(answer.toString()).doesNotContain(learner).contains(holder);
    }

    private static String catchMessage(Runnable call) {
        try {
            call.run();
        } catch (NoSuchElementException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected not found");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static PublicKey publicKey(OctetKeyPair jwk) throws Exception {
        var x = jwk.getX().decode();
        var der = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + x.length);
        System.arraycopy(x, 0, der, ED25519_SPKI_PREFIX.length, x.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    /** A JOSE verifier's answer: a signature that is no valid point at all fails like a wrong one. */
    private static boolean verifies(PublicKey key, byte[] signingInput, byte[] signature) throws Exception {
        var verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(signingInput);
        try {
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    static CertificateTexts texts() {
        return new CertificateTexts(
                "CERTIFICATE OF COMPLETION",
                "This certifies that",
                "has completed the course",
                "Completed on",
                "Verification code",
                "Check this certificate at",
                "Scan to check",
                "DigiLit",
                DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
    }
}
