package org.digilit.learning;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.PlatformAddress;
import org.digilit.course.CatalogueService;
import org.digilit.course.CourseStructure;
import org.digilit.organisation.OrganisationRef;
import org.digilit.organisation.OrganisationService;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Certificates of completion: issued once per learner and course in the transaction that completes the course, with a
 * public verification code and a signed credential (a JWS whose payload is a credential document shaped like a W3C
 * Verifiable Credential; see {@link CertificateSigner}). The learner gets their own certificates (PDF, credential);
 * anyone may check a code and learns only what the certificate shows; a platform admin may revoke one, with a reason,
 * audited. The SQL is in {@link CertificateStore}.
 */
@Service
public class CertificateService {

    /** Where the public verification page lives; {@code /verify/<code>} checks one code. */
    public static final String VERIFY_PATH = "/verify";

    /** Where the key set is published (permitted for anonymous callers in the security configuration). */
    public static final String KEY_SET_PATH = "/.well-known/digilit-certificate-keys.json";

    /** Where a certificate's credential may be fetched by its code: {@code /credentials/<code>.jws}. */
    public static final String CREDENTIAL_PATH = "/credentials";

    /** A fresh random code collides with an existing one about once in 10^17 issues; a few retries are plenty. */
    private static final int CODE_ATTEMPTS = 5;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CertificateStore store;
    private final CatalogueService catalogue;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final CertificateSigner signer;
    private final PlatformAddress address;
    private final Clock clock;

    CertificateService(
            CertificateStore store,
            CatalogueService catalogue,
            OrganisationService organisations,
            CurrentUser currentUser,
            AuditService audit,
            CertificateSigner signer,
            PlatformAddress address,
            Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.audit = audit;
        this.signer = signer;
        this.address = address;
        this.clock = clock;
    }

    /**
     * Issues the learner's certificate for a course they have just completed, in the completing transaction. Once per
     * learner and course: when one exists already, nothing changes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void issue(AuthenticatedUser learner, CourseStructure structure, Instant completedAt) {
        var course = catalogue
                .course(structure.courseId())
                .orElseThrow(() -> new NoSuchElementException("No such course: " + structure.courseId()));
        // The learner's own organisation (organisations are not personal data: no scope).
        var organisation = Optional.ofNullable(learner.organisationCode())
                .flatMap(organisations::referenceByCode)
                .orElse(null);
        var issuedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            var code = CertificateCode.random().value();
            var credential = signer.sign(
                    credential(code, learner.displayName(), structure, course, organisation, completedAt, issuedAt));
            int inserted = store.insertIfAbsent(new CertificateStore.NewCertificate(
                    code,
                    learner.username(),
                    structure.courseId(),
                    structure.version(),
                    learner.displayName(),
                    course.titleVi(),
                    course.titleEn(),
                    organisation == null ? learner.organisationCode() : organisation.code(),
                    organisation == null ? null : organisation.nameVi(),
                    organisation == null ? null : organisation.nameEn(),
                    LearningService.audience(learner),
                    completedAt,
                    issuedAt,
                    signer.keyId(),
                    credential));
            if (inserted == 1 || store.exists(learner.username(), structure.courseId())) {
                return;
            }
        }
        throw new IllegalStateException("No free certificate code after " + CODE_ATTEMPTS + " attempts");
    }

    /** The signed-in learner's certificates, newest first. */
    @Transactional(readOnly = true)
    public List<Certificate> mine() {
        return store.ofHolder(currentUser.require().username());
    }

    /** The signed-in learner's certificate for one course, if they have one. */
    @Transactional(readOnly = true)
    public Optional<Certificate> mineFor(String courseId) {
        return store.ofHolder(currentUser.require().username(), courseId);
    }

    /**
     * The PDF of one of the signed-in learner's certificates. Someone else's code is answered exactly like an unknown
     * one, so that nobody learns whose codes exist.
     *
     * @throws NoSuchElementException for an unknown code, someone else's certificate or a revoked one
     */
    @Transactional(readOnly = true)
    public byte[] pdfForMine(String code, CertificateTexts texts, Locale locale) {
        var certificate = owned(code);
        return CertificatePdf.render(certificate, verificationUrl(certificate.code()), texts, locale);
    }

    /**
     * The signed credential (compact JWS) of one of the signed-in learner's certificates.
     *
     * @throws NoSuchElementException for an unknown code, someone else's certificate or a revoked one
     */
    @Transactional(readOnly = true)
    public String credentialForMine(String code) {
        var certificate = owned(code);
        return store.credential(certificate.code());
    }

    /** Checks a code as anyone may: valid, revoked (when, why) or unknown, with only what the certificate shows. */
    @Transactional(readOnly = true)
    public CertificateVerification verify(String typed) {
        var code = CertificateCode.parse(typed);
        if (code.isEmpty()) {
            return CertificateVerification.unknown(typed.strip());
        }
        return find(code.get().value())
                .map(CertificateVerification::of)
                .orElseGet(() -> CertificateVerification.unknown(code.get().value()));
    }

    /** The credential of a valid certificate, for anyone who has its code (it says what the certificate says). */
    @Transactional(readOnly = true)
    public Optional<String> publicCredential(String typed) {
        return CertificateCode.parse(typed).flatMap(code -> store.validCredential(code.value()));
    }

    /** The JWK Set of the keys that sign (and signed) credentials. */
    public String keySet() {
        return signer.keySet();
    }

    /**
     * Signs a public statement of another feature (a device ledger entry, issue #18) with the certificates' Ed25519
     * key, as a compact JWS verifiable offline with the key set at {@link #KEY_SET_PATH}. The payload must carry nothing
     * personal: it is published.
     */
    public String signStatement(byte[] payload) {
        return signer.sign(payload);
    }

    /** Whether a compact JWS (a certificate's credential or a signed statement) verifies with a published key. */
    public boolean verifyStatement(String jws) {
        return signer.verify(jws);
    }

    /** Whether a credential's signature checks out against the published keys (for the admin's and tests' eyes). */
    public boolean signatureValid(String credential) {
        return signer.verify(credential);
    }

    /** The public address that checks a code: printed, in the QR code, and the credential's id. */
    public String verificationUrl(String code) {
        return address.resolve(VERIFY_PATH + "/" + code);
    }

    /**
     * Revokes a certificate (platform admins only), with the reason the verification page will show; audited.
     *
     * @throws AccessDeniedException for anyone but a platform admin
     * @throws IllegalArgumentException without a reason, or with one longer than {@link Certificate#REASON_MAX_LENGTH}
     * @throws NoSuchElementException for an unknown code
     * @throws IllegalStateException when the certificate was revoked already
     */
    @Transactional
    public Certificate revoke(String typed, String reason, @Nullable String clientAddress) {
        var admin = currentUser.get().orElseThrow(() -> new AccessDeniedException("Only a platform admin may revoke"));
        if (!admin.has(Role.PLATFORM_ADMIN)) {
            throw new AccessDeniedException("Only a platform admin may revoke certificates");
        }
        var why = reason.strip();
        if (why.isEmpty()) {
            throw new IllegalArgumentException("A revocation needs a reason");
        }
        if (why.length() > Certificate.REASON_MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "A revocation reason has at most " + Certificate.REASON_MAX_LENGTH + " characters");
        }
        var code = CertificateCode.parse(typed)
                .orElseThrow(() -> new NoSuchElementException("No such certificate"))
                .value();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int changed = store.revoke(code, admin.username(), why, now);
        var certificate = find(code).orElseThrow(() -> new NoSuchElementException("No such certificate"));
        if (changed == 0) {
            throw new IllegalStateException("Certificate " + code + " was revoked already, at "
                    + certificate.revokedAt() + ": " + certificate.revocationReason());
        }
        audit.record(new AuditEntry(
                admin.username(), "certificate.revoke", "certificate", code, clientAddress, "reason: " + why));
        return certificate;
    }

    /**
     * The credential document: the fields of a W3C Verifiable Credential (data model 1.1 names: type, issuer,
     * issuanceDate, credentialSubject; id is the public verification address), holding only what the certificate
     * shows. It is not JSON-LD: there is no {@code @context}, and the signature is a plain JWS over these bytes.
     */
    private byte[] credential(
            String code,
            String holderName,
            CourseStructure structure,
            CatalogueService.CourseCard course,
            @Nullable OrganisationRef organisation,
            Instant completedAt,
            Instant issuedAt) {
        var document = new LinkedHashMap<String, Object>();
        document.put("id", verificationUrl(code));
        document.put("type", List.of("VerifiableCredential", "DigiLitCourseCertificate"));
        var issuer = new LinkedHashMap<String, Object>();
        issuer.put("id", address.url());
        issuer.put("name", "DigiLit");
        document.put("issuer", issuer);
        document.put("issuanceDate", issuedAt.toString());
        var subject = new LinkedHashMap<String, Object>();
        subject.put("name", holderName);
        var courseFacts = new LinkedHashMap<String, Object>();
        courseFacts.put("id", structure.courseId());
        courseFacts.put("version", structure.version());
        courseFacts.put("title", titles(course.titleVi(), course.titleEn()));
        subject.put("course", courseFacts);
        if (organisation != null) {
            var organisationFacts = new LinkedHashMap<String, Object>();
            organisationFacts.put("code", organisation.code());
            organisationFacts.put("name", titles(organisation.nameVi(), organisation.nameEn()));
            subject.put("organisation", organisationFacts);
        }
        subject.put("completedAt", completedAt.toString());
        document.put("credentialSubject", subject);
        document.put("verificationCode", code);
        return JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> titles(String vi, String en) {
        var titles = new LinkedHashMap<String, String>();
        titles.put("vi", vi);
        titles.put("en", en);
        return titles;
    }

    private Certificate owned(String typed) {
        var username = currentUser.require().username();
        return CertificateCode.parse(typed)
                .flatMap(code -> store.validOfHolder(code.value(), username))
                .orElseThrow(() -> new NoSuchElementException("No such certificate"));
    }

    private Optional<Certificate> find(String code) {
        return store.find(code);
    }
}
