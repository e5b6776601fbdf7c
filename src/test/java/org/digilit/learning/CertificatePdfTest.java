package org.digilit.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.digilit.testing.PrintedPages;
import org.junit.jupiter.api.Test;

/** The certificate PDF read back: A4 landscape, its words, and a QR code that scans to the verification address. */
class CertificatePdfTest {

    private static final CertificateTexts VIETNAMESE = new CertificateTexts(
            "GIẤY CHỨNG NHẬN HOÀN THÀNH KHÓA HỌC",
            "Chứng nhận",
            "đã hoàn thành khóa học",
            "Ngày hoàn thành:",
            "Mã xác minh",
            "Kiểm tra chứng nhận tại",
            "Quét để kiểm tra",
            "DigiLit · Kỹ năng số cho mọi người",
            DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh")));

    private static final String URL = "https://hoc.digilit.vn/verify/DL-7KQM-XH3P-2WRT";

    private static Certificate certificate(String name, String titleVi, String organisationVi) {
        return new Certificate(
                "DL-7KQM-XH3P-2WRT",
                "safe-digital-payments",
                name,
                titleVi,
                "Safe digital payments",
                organisationVi,
                "Phu My Commune",
                // 23:30 UTC is the next morning in Viet Nam: the date printed is the local one.
                Instant.parse("2026-11-23T23:30:00Z"),
                null,
                null);
    }

    @Test
    void the_certificate_is_one_a4_landscape_page_whose_text_reads_back() throws IOException {
        var pdf = CertificatePdf.render(
                certificate("Nguyễn Thị Lan", "Thanh toán số an toàn", "UBND xã Phú Mỹ"),
                URL,
                VIETNAMESE,
                Locale.forLanguageTag("vi"));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/certificate-sample.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            var box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
            assertThat(box.getHeight()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            var text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(
                            "Nguyễn Thị Lan",
                            "Thanh toán số an toàn",
                            "UBND xã Phú Mỹ",
                            "DL-7KQM-XH3P-2WRT",
                            "24/11/2026",
                            "GIẤY CHỨNG NHẬN HOÀN THÀNH KHÓA HỌC",
                            URL);
            assertThat(text).doesNotContain("Safe digital payments");
        }
        assertThat(pdf.length).as("subset fonts, vector QR code").isLessThan(80_000);
    }

    @Test
    void the_qr_code_scans_to_the_verification_address() throws Exception {
        var pdf = CertificatePdf.render(
                certificate("Nguyễn Thị Lan", "Thanh toán số an toàn", "UBND xã Phú Mỹ"),
                URL,
                VIETNAMESE,
                Locale.forLanguageTag("vi"));
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
        }
        ImageIO.write(page, "png", Path.of("target/certificate-sample.png").toFile());
        var decoded = PrintedPages.qrCode(page);
        assertThat(decoded).isEqualTo(URL);
    }

    @Test
    void long_names_and_titles_stay_inside_the_frame_and_english_readers_get_the_english_title() throws IOException {
        var longName = "Nguyễn Thị Phương Thảo Hoàng Ngọc Bích Trâm Kiều Diễm Lệ Quyên Tôn Nữ Thị Minh Nguyệt Ánh";
        var longTitle = "Kỹ năng số cơ bản cho mọi người dân: dùng điện thoại thông minh, thư điện tử, dịch vụ công"
                + " trực tuyến, thanh toán số an toàn và bảo vệ dữ liệu cá nhân trên không gian mạng";
        var english = new Certificate(
                "DL-7KQM-XH3P-2WRT",
                "x",
                longName,
                longTitle,
                "Safe digital payments",
                "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện Cần Giờ, Thành phố Hồ Chí Minh",
                null,
                Instant.parse("2026-11-23T08:00:00Z"),
                null,
                null);
        var positions = new ArrayList<TextPosition>();
        String text;
        for (var locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
            try (PDDocument document = Loader.loadPDF(CertificatePdf.render(english, URL, VIETNAMESE, locale))) {
                text = PrintedPages.text(document, positions);
            }
            if (locale.equals(Locale.ENGLISH)) {
                assertThat(text).contains("Safe digital payments").doesNotContain("Kỹ năng số cơ bản");
            } else {
                assertThat(text).contains("Kỹ năng số cơ bản");
            }
        }
        float inner = 13 * 72f / 25.4f;
        assertThat(positions).allSatisfy(p -> {
            assertThat(p.getXDirAdj()).isGreaterThan(inner);
            assertThat(p.getXDirAdj() + p.getWidthDirAdj()).isLessThan(CertificatePdf.PAGE_SIZE.getWidth() - inner);
        });
    }
}
