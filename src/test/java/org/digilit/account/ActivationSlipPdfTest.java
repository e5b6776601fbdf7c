package org.digilit.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.digilit.testing.PrintedPages;
import org.junit.jupiter.api.Test;

class ActivationSlipPdfTest {

    private static final SlipTexts VIETNAMESE = new SlipTexts(
            "PHIẾU KÍCH HOẠT TÀI KHOẢN HỌC TẬP",
            "Họ và tên",
            "Số định danh cá nhân",
            "Tên đăng nhập",
            "Mã kích hoạt",
            "Hết hạn",
            "Quét mã QR hoặc mở địa chỉ trên phiếu, đăng nhập bằng tên đăng nhập và nhập mã kích hoạt để đặt mật khẩu."
                    + " Giữ phiếu này cẩn thận, không đưa cho người khác.",
            "Quét mã QR hoặc gõ:",
            DateTimeFormatter.ofPattern("dd/MM/yyyy"));

    private static final List<String> NAMES = List.of(
            "Nguyễn Thị Hằng",
            "Đặng Quốc Việt",
            "Trần Thị Ngọc Ánh",
            "Lê Văn Dũng",
            "Phạm Thị Thu Hương",
            "Hoàng Đức Mạnh",
            "Võ Thị Kiều Oanh",
            "Bùi Xuân Trường",
            "Huỳnh Thị Mỹ Duyên",
            "Đỗ Minh Khôi");

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static String fullIdentityNumber(int i) {
        return "0792%08d".formatted(10_000_000 + i * 7_919);
    }

    private static ActivationSlip slip(int i, String name) {
        String identity = fullIdentityNumber(i);
        var code = new StringBuilder();
        long seed = 0x5DEECE66DL * (i + 1);
        for (int k = 0; k < 8; k++) {
            seed = seed * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
            code.append(CODE_ALPHABET.charAt((int) ((seed >>> 33) % CODE_ALPHABET.length())));
            if (k == 3) {
                code.append('-');
            }
        }
        return new ActivationSlip(
                name,
                "********" + identity.substring(identity.length() - 4),
                "hv%05d".formatted(i),
                "UBND Phường Bến Thành, Quận 1",
                code.toString(),
                "https://hoc.digilit.vn/kich-hoat?ma=" + code.toString().replace("-", "") + "&u=hv%05d".formatted(i),
                LocalDate.of(2026, 12, 31));
    }

    private static List<ActivationSlip> slips(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> slip(i, NAMES.get(i % NAMES.size())))
                .toList();
    }

    @Test
    void eight_slips_fit_on_a_page() throws IOException {
        var slips = slips(20);
        byte[] pdf = ActivationSlipPdf.render(slips, VIETNAMESE);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/activation-slips-sample.pdf"), pdf);
        }
    }

    @Test
    void names_with_diacritics_codes_and_usernames_can_be_read_back_but_no_full_identity_number() throws IOException {
        var slips = slips(20);
        String text;
        try (PDDocument document = Loader.loadPDF(ActivationSlipPdf.render(slips, VIETNAMESE))) {
            text = new PDFTextStripper().getText(document);
        }
        String compact = text.replaceAll("\\s+", "");
        for (int i = 0; i < slips.size(); i++) {
            var slip = slips.get(i);
            assertThat(text).contains(slip.fullName(), slip.username(), slip.maskedIdentityNumber());
            // The code is letter-spaced; a text extractor may read the gaps as spaces.
            assertThat(compact).contains(slip.code());
            assertThat(compact).doesNotContain(fullIdentityNumber(i));
        }
        assertThat(text).contains("PHIẾU KÍCH HOẠT TÀI KHOẢN HỌC TẬP", "31/12/2026", "UBND Phường Bến Thành");
    }

    @Test
    void the_activation_address_is_printed_as_text_beside_the_qr_code_for_phones_that_cannot_scan() throws IOException {
        String text;
        try (PDDocument document = Loader.loadPDF(ActivationSlipPdf.render(slips(8), VIETNAMESE))) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text.replaceAll("\\s+", "")).contains("hoc.digilit.vn/kich-hoat");
        assertThat(text).doesNotContain("https://", "?ma=");
    }

    @Test
    void the_qr_codes_on_a_printed_page_decode_to_the_activation_addresses() throws Exception {
        var slips = slips(8);
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(ActivationSlipPdf.render(slips, VIETNAMESE))) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.RGB);
        }
        Files.createDirectories(Path.of("target"));
        ImageIO.write(page, "png", Path.of("target/activation-slips-page1.png").toFile());

        double scale = page.getWidth() / (double) PDRectangle.A4.getWidth();
        double marginX = (PDRectangle.A4.getWidth() - ActivationSlipPdf.COLUMNS * ActivationSlipPdf.SLIP_WIDTH) / 2;
        double marginY = (PDRectangle.A4.getHeight() - ActivationSlipPdf.ROWS * ActivationSlipPdf.SLIP_HEIGHT) / 2;
        var decoded = new ArrayList<String>();
        for (int i = 0; i < slips.size(); i++) {
            int x = (int) Math.round((marginX + (i % 2) * ActivationSlipPdf.SLIP_WIDTH) * scale);
            int y = (int) Math.round((marginY + (i / 2) * ActivationSlipPdf.SLIP_HEIGHT) * scale);
            int w = (int) Math.floor(ActivationSlipPdf.SLIP_WIDTH * scale);
            int h = (int) Math.floor(ActivationSlipPdf.SLIP_HEIGHT * scale);
            decoded.add(PrintedPages.qrCode(page.getSubimage(x, y, w, h)));
        }
        assertThat(decoded)
                .containsExactlyElementsOf(
                        slips.stream().map(ActivationSlip::activationUrl).toList());
    }

    @Test
    void each_persons_learner_card_is_printed_beside_their_slip_and_its_qr_code_reads_back() throws Exception {
        var slips = slips(5);
        var cards = new ActivationSlipPdf.Cards(
                username -> "DLC1." + username + ".ABCDEFGHJK",
                new LearnerCardCodes.CardTexts("Thẻ học viên DigiLit", "Đưa thẻ này ở cửa lớp học."));
        byte[] pdf = ActivationSlipPdf.render(slips, VIETNAMESE, cards);
        BufferedImage page;
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Four rows of slip and card a page.
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            text = new PDFTextStripper().getText(document);
            page = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.RGB);
        }
        Files.createDirectories(Path.of("target"));
        ImageIO.write(
                page,
                "png",
                Path.of("target/activation-slips-with-cards-page1.png").toFile());
        assertThat(text).contains("Thẻ học viên DigiLit");
        double scale = page.getWidth() / (double) PDRectangle.A4.getWidth();
        double marginX = (PDRectangle.A4.getWidth() - ActivationSlipPdf.COLUMNS * ActivationSlipPdf.SLIP_WIDTH) / 2;
        double marginY = (PDRectangle.A4.getHeight() - ActivationSlipPdf.ROWS * ActivationSlipPdf.SLIP_HEIGHT) / 2;
        int w = (int) Math.floor(ActivationSlipPdf.SLIP_WIDTH * scale);
        int h = (int) Math.floor(ActivationSlipPdf.SLIP_HEIGHT * scale);
        for (int row = 0; row < 4; row++) {
            var slip = slips.get(row);
            assertThat(text.replaceAll("\\s+", "")).contains("DLC1." + slip.username() + ".ABCDEFGHJK");
            int y = (int) Math.round((marginY + row * ActivationSlipPdf.SLIP_HEIGHT) * scale);
            int slipX = (int) Math.round(marginX * scale);
            int cardX = (int) Math.round((marginX + ActivationSlipPdf.SLIP_WIDTH) * scale);
            assertThat(PrintedPages.qrCode(page.getSubimage(slipX, y, w, h))).isEqualTo(slip.activationUrl());
            assertThat(PrintedPages.qrCode(page.getSubimage(cardX, y, w, h)))
                    .isEqualTo("DLC1." + slip.username() + ".ABCDEFGHJK");
        }
    }

    /** The top of the first page as a picture under target/, to look at the layout. */
    private static void savePicture(PDDocument document, String file) throws IOException {
        BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
        Files.createDirectories(Path.of("target"));
        ImageIO.write(
                page.getSubimage(0, 0, page.getWidth(), page.getHeight() / 3),
                "png",
                Path.of("target", file).toFile());
    }

    @Test
    void long_texts_stay_inside_their_slip() throws IOException {
        var longName = "Nguyễn Thị Phương Thảo Hoàng Ngọc Bích Trâm Kiều Diễm Lệ Quyên Tôn Nữ Thị Minh Nguyệt";
        var ordinary = slip(0, "Đặng Quốc Việt");
        var overlong = new ActivationSlip(
                longName,
                "********1234",
                "nguyen.thi.phuong.thao.hoang.ngoc.bich.tram.1987",
                "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện Cần Giờ, Thành phố Hồ Chí Minh",
                "ABCDEFGHJKLMNPQRSTUV",
                ordinary.activationUrl(),
                ordinary.expires());
        var texts = new SlipTexts(
                VIETNAMESE.title() + " " + VIETNAMESE.title(),
                VIETNAMESE.nameLabel(),
                VIETNAMESE.identityLabel(),
                VIETNAMESE.usernameLabel(),
                VIETNAMESE.codeLabel(),
                VIETNAMESE.expiresLabel(),
                String.join(" ", Collections.nCopies(8, VIETNAMESE.instructions())),
                VIETNAMESE.scanHint() + " " + VIETNAMESE.scanHint() + " " + VIETNAMESE.scanHint(),
                VIETNAMESE.dateFormat());

        var positions = new ArrayList<TextPosition>();
        String text;
        try (PDDocument document = Loader.loadPDF(ActivationSlipPdf.render(List.of(overlong, ordinary), texts))) {
            savePicture(document, "activation-slips-long-texts.png");
            text = PrintedPages.text(document, positions);
        }

        // Every glyph stays inside its slip's box, short of the 4 mm padding (3 mm allowed here); the first row
        // holds both slips. Coordinates are from the page's top left; a glyph's origin is the left end of its baseline.
        float mm = 72f / 25.4f;
        double marginX = (PDRectangle.A4.getWidth() - ActivationSlipPdf.COLUMNS * ActivationSlipPdf.SLIP_WIDTH) / 2;
        double marginY = (PDRectangle.A4.getHeight() - ActivationSlipPdf.ROWS * ActivationSlipPdf.SLIP_HEIGHT) / 2;
        assertThat(positions).isNotEmpty();
        for (var glyph : positions) {
            int column = (int) Math.floor((glyph.getXDirAdj() - marginX) / ActivationSlipPdf.SLIP_WIDTH);
            assertThat(column).isBetween(0, ActivationSlipPdf.COLUMNS - 1);
            double cellLeft = marginX + column * ActivationSlipPdf.SLIP_WIDTH;
            assertThat(glyph.getXDirAdj())
                    .as("left edge of '%s'", glyph.getUnicode())
                    .isGreaterThanOrEqualTo((float) (cellLeft + 3 * mm));
            assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj())
                    .as("right edge of '%s'", glyph.getUnicode())
                    .isLessThanOrEqualTo((float) (cellLeft + ActivationSlipPdf.SLIP_WIDTH - 3 * mm));
            assertThat(glyph.getYDirAdj() - glyph.getHeightDir())
                    .as("top of '%s'", glyph.getUnicode())
                    .isGreaterThanOrEqualTo((float) (marginY + 3 * mm));
            assertThat(glyph.getYDirAdj())
                    .as("baseline of '%s'", glyph.getUnicode())
                    .isLessThanOrEqualTo((float) (marginY + ActivationSlipPdf.SLIP_HEIGHT - 3 * mm));
        }

        assertThat(text).contains("…").doesNotContain(longName);
        assertThat(text).contains("Nguyễn Thị Phương");
    }

    @Test
    void a_devanagari_name_does_not_crash_and_prints_as_question_marks() throws IOException {
        var slip = slip(3, "देवनागरी नाम");
        String text;
        try (PDDocument document = Loader.loadPDF(ActivationSlipPdf.render(List.of(slip), VIETNAMESE))) {
            savePicture(document, "activation-slips-devanagari.png");
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("???????? ???", slip.username());
    }

    @Test
    void more_than_the_maximum_number_of_slips_is_refused() {
        var tooMany = Collections.nCopies(ActivationSlipPdf.MAX_SLIPS + 1, slip(1, "Lê Văn Dũng"));
        assertThatThrownBy(() -> ActivationSlipPdf.render(tooMany, VIETNAMESE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(ActivationSlipPdf.MAX_SLIPS));
    }

    @Test
    void two_thousand_slips_render_in_a_few_seconds() throws IOException {
        var slips = slips(2_000);
        ActivationSlipPdf.render(slips(16), VIETNAMESE); // warm up class loading and the JIT a little
        long start = System.nanoTime();
        byte[] pdf = ActivationSlipPdf.render(slips, VIETNAMESE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "2,000 activation slips: %d ms, %,d bytes (%,d KiB)%n", millis, pdf.length, pdf.length / 1024);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(250);
        }
    }
}
