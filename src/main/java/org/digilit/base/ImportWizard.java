package org.digilit.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The steps every import page shares (people, organisations, devices, completions): upload a CSV or XLSX file with its
 * size limit held on the server ({@link LimitedUploadHandler}), show the dry run's result (the feature's summary, or
 * how many problems the file has with the problems grid and a downloadable list), and apply only a file without
 * problems. The page composes the parts ({@link #parts()}, or one by one where it places more between them) and keeps
 * its own service calls and texts: a {@link Step} turns its service's report into an {@link Outcome}. The uploaded file
 * is deleted once applied, once it is known it cannot be applied, when another replaces it, or when the page closes
 * ({@link #deleteUpload()}, issue #14).
 */
public final class ImportWizard implements Serializable {

    /**
     * What a feature's dry run or apply said about a file, in the page's terms.
     *
     * @param valid whether the file can be (or was) applied
     * @param problemCount how many problems the file has (the list may be cut short)
     * @param problems the problems to show and offer for download
     * @param applied whether the file was applied
     * @param summary the paragraphs shown for a valid file, in the reader's language
     * @param notice a confirmation to pop up, or null
     */
    public record Outcome(
            boolean valid,
            int problemCount,
            List<ImportProblem> problems,
            boolean applied,
            List<String> summary,
            @Nullable String notice) {

        public Outcome {
            problems = List.copyOf(problems);
            summary = List.copyOf(summary);
        }

        /** A report whose problems decide whether it is valid. */
        public static Outcome of(List<ImportProblem> problems, boolean applied, String summary) {
            return new Outcome(problems.isEmpty(), problems.size(), problems, applied, List.of(summary), null);
        }

        /** The same, with a confirmation to pop up. */
        public Outcome withNotice(String text) {
            return new Outcome(valid, problemCount, problems, applied, summary, text);
        }
    }

    /** A feature's dry run or apply of the uploaded file. */
    @FunctionalInterface
    public interface Step extends Serializable {
        Outcome run(InputStream in, String fileName) throws IOException;
    }

    private final Upload upload;
    private final Div summary = new Div();
    private final ImportProblemsGrid problems = new ImportProblemsGrid();
    private final Anchor download = new Anchor();
    private final Button apply = new Button();
    private final String problemsFileName;
    private final Map<Class<? extends RuntimeException>, String> refusals = new LinkedHashMap<>();
    private SerializableConsumer<String> errors = ImportWizard::notifyError;
    private @Nullable Step dryRunStep;
    private @Nullable Step applyStep;
    private boolean keepsRefusedFiles;
    private @Nullable Path uploaded;
    private String uploadedName = "";

    /**
     * @param maxBytes the largest file the page takes
     * @param rejectedKey the message for a file refused for its type or size; null: "larger than … MB"
     * @param problemsFileName the name of the downloadable list of problems
     */
    public ImportWizard(long maxBytes, @Nullable String rejectedKey, String problemsFileName) {
        this.problemsFileName = problemsFileName;
        SerializableRunnable rejected = rejectedKey == null
                ? () -> error(t("import.problem.file-too-large", maxBytes / 1024 / 1024))
                : () -> error(t(rejectedKey));
        upload = new Upload(new LimitedUploadHandler(maxBytes, this::received, rejected));
        upload.setI18n(UploadTexts.of(this::t));
        upload.setAcceptedFileExtensions(".csv", ".xlsx");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.addFileRejectedListener(event -> rejected.run());

        download.setText(t("import.download-report"));
        download.setVisible(false);
        apply.setText(t("import.apply"));
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        summary.addClassName("import-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        summary.addDetachListener(detach -> deleteUpload()); // the page closed
    }

    /** The steps run here: the dry run once a file has arrived, the apply when the button is pressed. */
    public ImportWizard steps(Step dryRun, Step apply) {
        this.dryRunStep = dryRun;
        this.applyStep = apply;
        upload.addAllFinishedListener(finished -> dryRun());
        this.apply.setDisableOnClick(true);
        this.apply.addClickListener(click -> applyFile());
        return this;
    }

    /**
     * The page runs the steps itself (in the background, say): what to do once a file has arrived and when the apply
     * button is pressed. A file with problems is kept, so that it can be checked again.
     */
    public ImportWizard actions(SerializableRunnable check, SerializableRunnable apply) {
        keepsRefusedFiles = true;
        upload.addAllFinishedListener(finished -> check.run());
        this.apply.addClickListener(click -> apply.run());
        return this;
    }

    /** A refusal of the feature's service (out of scope, say) shown as this message instead of failing the page. */
    public ImportWizard refuses(Class<? extends RuntimeException> refusal, String messageKey) {
        refusals.put(refusal, messageKey);
        return this;
    }

    /** How the page shows an error message (default: an error notification). */
    public ImportWizard errorsShownBy(SerializableConsumer<String> shower) {
        this.errors = shower;
        return this;
    }

    /** The parts in the order the pages show them: upload, summary, apply button, download, problems. */
    public Component[] parts() {
        return new Component[] {upload, summary, apply, download, problems};
    }

    public Upload upload() {
        return upload;
    }

    public Div summary() {
        return summary;
    }

    public Button applyButton() {
        return apply;
    }

    public Anchor download() {
        return download;
    }

    public ImportProblemsGrid problems() {
        return problems;
    }

    /** A file arrived (the upload's handler; tests call it directly); it replaces (and deletes) an earlier one. */
    public synchronized void received(String fileName, Path file) {
        deleteUpload();
        uploaded = file;
        uploadedName = fileName;
    }

    public synchronized @Nullable Path file() {
        return uploaded;
    }

    public synchronized String fileName() {
        return uploadedName;
    }

    /** Runs the dry run on the uploaded file and shows its outcome (nothing without a file). */
    public synchronized void dryRun() {
        run(dryRunStep);
    }

    /** Applies the uploaded file and shows the outcome (nothing without a file). */
    public synchronized void applyFile() {
        run(applyStep);
    }

    private void run(@Nullable Step step) {
        var file = uploaded;
        if (file == null || step == null) {
            return;
        }
        Outcome outcome;
        try (InputStream in = Files.newInputStream(file)) {
            outcome = step.run(in, uploadedName);
        } catch (IOException e) {
            error(t("import.unreadable"));
            deleteUpload();
            return;
        } catch (RuntimeException e) {
            error(t(refusal(e)));
            return;
        }
        show(outcome);
    }

    private String refusal(RuntimeException e) {
        for (var refusal : refusals.entrySet()) {
            if (refusal.getKey().isInstance(e)) {
                return refusal.getValue();
            }
        }
        throw e;
    }

    /**
     * Shows an outcome: the summary (or how many problems), the problems with their download, the apply button enabled
     * only for a valid file not yet applied, and the notice. An applied file (and, unless the page keeps them, one
     * with problems) is deleted.
     */
    public synchronized void show(Outcome outcome) {
        summary.removeAll();
        if (outcome.valid()) {
            outcome.summary().forEach(text -> summary.add(new Paragraph(text)));
        } else {
            summary.add(new Paragraph(t("import.invalid", outcome.problemCount())));
        }
        problems.show(outcome.problems());
        problems.setVisible(!outcome.valid());
        apply.setEnabled(outcome.valid() && !outcome.applied());
        download.setVisible(!outcome.valid());
        if (!outcome.valid()) {
            var csv = ImportProblemReport.csv(outcome.problems(), summary::getTranslation)
                    .getBytes(StandardCharsets.UTF_8);
            var name = problemsFileName;
            download.setHref(DownloadHandler.fromInputStream(event ->
                    new DownloadResponse(new ByteArrayInputStream(csv), name, "text/csv;charset=UTF-8", csv.length)));
        }
        if (outcome.notice() != null) {
            Notification.show(outcome.notice()).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
        if (outcome.applied() || (!outcome.valid() && !keepsRefusedFiles)) {
            deleteUpload(); // nothing will read it again
        }
    }

    /** Deletes the uploaded file (issue #14: an upload lives only until the import has read it); pages call it on detach. */
    public synchronized void deleteUpload() {
        if (uploaded != null) {
            LimitedUploadHandler.delete(uploaded);
            uploaded = null;
        }
    }

    /** Shows an error message the page's way. */
    public void error(String message) {
        errors.accept(message);
    }

    private String t(String key, Object... params) {
        return summary.getTranslation(key, params);
    }

    private static void notifyError(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
