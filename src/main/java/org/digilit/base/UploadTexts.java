package org.digilit.base;

import com.vaadin.flow.component.upload.UploadI18N;
import java.util.function.Function;

/** The upload component's texts from the platform's translation files, so a Vietnamese page has no English buttons. */
public final class UploadTexts {

    private UploadTexts() {}

    /** @param translate the view's {@code getTranslation} */
    public static UploadI18N of(Function<String, String> translate) {
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles()
                        .setOne(translate.apply("upload.add-file"))
                        .setMany(translate.apply("upload.add-files")))
                .setDropFiles(new UploadI18N.DropFiles()
                        .setOne(translate.apply("upload.drop-file"))
                        .setMany(translate.apply("upload.drop-files")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(translate.apply("upload.too-many-files"))
                        .setFileIsTooBig(translate.apply("upload.too-big"))
                        .setIncorrectFileType(translate.apply("upload.wrong-type")));
    }
}
