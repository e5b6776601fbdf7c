package org.digilit.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.digilit.report.TargetStatus;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The server-drawn charts are well-formed SVG with a bar per row, a marker per target, and names kept as text. */
class SvgChartsTest {

    private static final String SVG = "http://www.w3.org/2000/svg";

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> withClass(Document document, String tag, String cssClass) {
        NodeList nodes = document.getElementsByTagNameNS(SVG, tag);
        var result = new ArrayList<Element>();
        for (int i = 0; i < nodes.getLength(); i++) {
            var element = (Element) nodes.item(i);
            if (List.of(element.getAttribute("class").split(" ")).contains(cssClass)) {
                result.add(element);
            }
        }
        return result;
    }

    private static String percent(BigDecimal value) {
        return value.toPlainString() + " %";
    }

    @Test
    void a_bar_chart_has_a_bar_per_row_and_a_marker_per_target() throws Exception {
        var bars = List.of(
                new SvgCharts.Bar(
                        "Xã Phú Mỹ", new BigDecimal("4.5"), new BigDecimal("20"), TargetStatus.BEHIND, "4.5 %", ""),
                new SvgCharts.Bar(
                        "Xã Hòa Bình", new BigDecimal("15.0"), new BigDecimal("20"), TargetStatus.AT_RISK, "15 %", ""),
                new SvgCharts.Bar("Trường Kim Đồng", new BigDecimal("35.2"), null, null, "35.2 %", ""),
                new SvgCharts.Bar("Nobody expected", null, null, null, "–", ""));

        var document = parse(SvgCharts.bars("bars", "Completion", "Bars, weakest first", bars, SvgChartsTest::percent));

        var root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("bars-title bars-desc");
        assertThat(document.getElementsByTagNameNS(SVG, "title").item(0).getTextContent())
                .isEqualTo("Completion");
        var rects = withClass(document, "rect", "bar");
        assertThat(rects).hasSize(4);
        assertThat(rects.get(0).getAttribute("fill")).isEqualTo(SvgCharts.BEHIND);
        assertThat(rects.get(1).getAttribute("fill")).isEqualTo(SvgCharts.AT_RISK);
        assertThat(rects.get(2).getAttribute("fill")).isEqualTo(SvgCharts.NO_TARGET);
        assertThat(rects.get(3).getAttribute("width")).isEqualTo("0.00%");
        // The scale is 0–40 %: 35.2 % of 40 is 88 % of the lane, which is 80 % of the width.
        assertThat(rects.get(2).getAttribute("width")).isEqualTo("70.40%");
        var markers = withClass(document, "line", "target");
        assertThat(markers).hasSize(2);
        assertThat(markers.get(0).getAttribute("x1")).isEqualTo("40.00%");
        assertThat(withClass(document, "text", "bar-label"))
                .extracting(Element::getTextContent)
                .containsExactly("Xã Phú Mỹ", "Xã Hòa Bình", "Trường Kim Đồng", "Nobody expected");
        assertThat(withClass(document, "text", "tick"))
                .extracting(Element::getTextContent)
                .containsExactly("0 %", "10 %", "20 %", "30 %", "40 %");
    }

    @Test
    void names_with_markup_characters_stay_text() throws Exception {
        var name = "<script>alert(\"x\")</script> & Co's \"unit\"";
        var bars = List.of(new SvgCharts.Bar(name, BigDecimal.ONE, null, null, "1 %", name + " detail"));

        var svg = SvgCharts.bars("b<&\"", "Title <&\">", "Desc", bars, SvgChartsTest::percent);
        var document = parse(svg);

        assertThat(svg).doesNotContain("<script>");
        assertThat(withClass(document, "text", "bar-label").getFirst().getTextContent())
                .isEqualTo(name);
        assertThat(document.getElementsByTagNameNS(SVG, "title").item(0).getTextContent())
                .isEqualTo("Title <&\">");
        assertThat(document.getElementsByTagNameNS(SVG, "script").getLength()).isZero();
    }

    @Test
    void a_trend_chart_marks_closed_quarters_and_leaves_gaps_where_there_is_no_value() throws Exception {
        var ticks = List.of(
                new SvgCharts.Tick("Q1", "2026", true),
                new SvgCharts.Tick("Q2", "2026", true),
                new SvgCharts.Tick("Q3", "2026", false),
                new SvgCharts.Tick("Q4", "2026", false));
        var completion = new SvgCharts.Series(
                "Completion <&>",
                "completion",
                SvgCharts.COMPLETION,
                "",
                java.util.Arrays.asList(new BigDecimal("1.0"), null, new BigDecimal("3.0"), new BigDecimal("6.5")));
        var coverage = new SvgCharts.Series(
                "Coverage",
                "coverage",
                SvgCharts.COVERAGE,
                "7 5",
                List.of(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("30"), new BigDecimal("45")));

        var document = parse(SvgCharts.lines(
                "trend", "Trend", "Eight quarters", ticks, List.of(completion, coverage), SvgChartsTest::percent));

        assertThat(withClass(document, "rect", "closed-quarter")).hasSize(2);
        assertThat(withClass(document, "circle", "closed")).hasSize(3); // one completion value is missing
        assertThat(withClass(document, "circle", "live")).hasSize(4);
        // Completion has a gap in Q2: only Q3–Q4 is joined; coverage is joined throughout.
        assertThat(withClass(document, "line", "segment")).hasSize(1 + 3);
        assertThat(withClass(document, "text", "quarter"))
                .extracting(Element::getTextContent)
                .containsExactly("Q12026", "Q22026", "Q32026", "Q42026");
    }
}
