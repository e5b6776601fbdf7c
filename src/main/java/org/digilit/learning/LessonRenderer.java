package org.digilit.learning;

import java.text.Normalizer;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a lesson's Markdown into an HTML fragment that is safe to put into the page and readable on a phone.
 *
 * <p>The authors are not programmers and lessons may one day come from outside the team, so nothing they write may
 * become markup of its own: commonmark-java escapes raw HTML in the Markdown, and the OWASP sanitiser then lets
 * through only the few elements lessons need, with web and mail links opened safely and images sized by the theme.
 * Parser, renderer and policy are immutable and built once, so one instance serves every request.
 */
@Component
public final class LessonRenderer {

    /** The class the theme ({@code digilit.css}) gives the fragment for readable text at 360 px. */
    static final String BODY_CLASS = "lesson-body";

    /** The class the theme sizes so pictures never overflow a phone's screen. */
    static final String IMAGE_CLASS = "lesson-image";

    private static final String LINK_RELS = "noopener noreferrer nofollow";
    private static final Pattern WEB_URL = Pattern.compile("(?i)https?://[^\\s/?#\\\\]+[^\\s\\\\]*");
    private static final Pattern MAIL_URL = Pattern.compile("(?i)mailto:[^\\s\\\\]+");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,6}");

    private static final Parser PARSER = Parser.builder().build();

    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote", "hr", "br")
            .allowAttributes("start")
            .matching(NUMBER)
            .onElements("ol")
            // The protocols are the sanitiser's own guard on every URL; the policies below narrow it per element.
            .allowUrlProtocols("http", "https", "mailto")
            .allowElements(LessonRenderer::link, "a")
            .allowAttributes("href")
            .matching((element, attribute, value) -> isLinkTarget(value) ? value : null)
            .onElements("a")
            .allowElements(LessonRenderer::image, "img")
            .allowAttributes("src")
            .matching((element, attribute, value) -> isImageSource(value) ? value : null)
            .onElements("img")
            .allowAttributes("alt")
            .onElements("img")
            .toFactory();

    /**
     * Renders a lesson body: a single {@code <div class="lesson-body">} element (so Vaadin's {@code Html} component
     * takes it as is) holding the lesson's headings, paragraphs, lists, links and pictures.
     */
    public String render(String markdown) {
        return render(markdown, UnaryOperator.identity());
    }

    /**
     * Renders a lesson body whose pictures next to the lesson ({@code images/phone.png}) are served from elsewhere:
     * {@code pictures} gives the address to use, or null when there is no such picture (its text is shown instead).
     * Web addresses are left as they are.
     */
    public String render(String markdown, UnaryOperator<@Nullable String> pictures) {
        var document = PARSER.parse(Normalizer.normalize(markdown, Normalizer.Form.NFC));
        document.accept(new HeadingLevels());
        document.accept(new Pictures(pictures));
        return "<div class=\"" + BODY_CLASS + "\">" + sanitize(RENDERER.render(document)) + "</div>";
    }

    /** The second line of defence on its own: HTML in, only what the lesson policy allows out. */
    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /** Web links open in a new tab without handing the lesson page to the other site or vouching for it. */
    private static @Nullable String link(String element, List<String> attributes) {
        var href = value(attributes, "href");
        if (href == null) {
            return null;
        }
        if (WEB_URL.matcher(href).matches()) {
            attributes.addAll(List.of("target", "_blank", "rel", LINK_RELS));
        }
        return element;
    }

    /** Pictures load when scrolled to, off the main thread, in the class the theme fits to the screen. */
    private static @Nullable String image(String element, List<String> attributes) {
        if (value(attributes, "src") == null) {
            return null;
        }
        attributes.addAll(List.of("class", IMAGE_CLASS, "loading", "lazy", "decoding", "async"));
        return element;
    }

    /** The sanitiser passes attributes as a flat name, value, name, value… list. */
    private static @Nullable String value(List<String> attributes, String name) {
        for (int i = 0; i + 1 < attributes.size(); i += 2) {
            if (attributes.get(i).equals(name)) {
                return attributes.get(i + 1);
            }
        }
        return null;
    }

    static boolean isLinkTarget(String url) {
        return WEB_URL.matcher(url).matches() || MAIL_URL.matcher(url).matches();
    }

    static boolean isImageSource(String url) {
        return WEB_URL.matcher(url).matches() || isRelativePath(url);
    }

    /** A path next to the lesson ({@code images/phone.png}): no scheme, no host, nothing a browser would reinterpret. */
    static boolean isRelativePath(String url) {
        if (url.isEmpty() || url.startsWith("//")) {
            return false;
        }
        boolean inPath = true;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == '\\' || c == 0x7f) {
                return false;
            }
            if (inPath && c == ':') {
                return false;
            }
            if (c == '/' || c == '?' || c == '#') {
                inPath = false;
            }
        }
        return true;
    }

    /** Points relative pictures at where they are served; one that cannot be served becomes its text. */
    private static final class Pictures extends AbstractVisitor {
        private final UnaryOperator<@Nullable String> addresses;

        Pictures(UnaryOperator<@Nullable String> addresses) {
            this.addresses = addresses;
        }

        @Override
        public void visit(Image image) {
            var destination = image.getDestination();
            if (WEB_URL.matcher(destination).matches() || !isRelativePath(destination)) {
                return;
            }
            var address = addresses.apply(destination);
            if (address != null) {
                image.setDestination(address);
                return;
            }
            var alt = new StringBuilder();
            for (var child = image.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text text) {
                    alt.append(text.getLiteral());
                }
            }
            image.insertBefore(new Text(alt.toString()));
            image.unlink();
        }
    }

    /** The page owns the h1, so lesson headings start at h2; anything deeper than h4 is kept as h4. */
    private static final class HeadingLevels extends AbstractVisitor {
        @Override
        public void visit(Heading heading) {
            heading.setLevel(Math.clamp(heading.getLevel(), 2, 4));
            visitChildren(heading);
        }
    }
}
