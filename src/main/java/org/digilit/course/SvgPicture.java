package org.digilit.course;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Whether an SVG file is a plain drawing: the few shapes and texts the course illustrations use, and nothing that can
 * run or fetch anything (no script, no event attributes, no links, no embedded documents, no DOCTYPE or entities). The
 * lessons show SVG through {@code <img>}, where browsers run no script anyway, and the picture controller serves it
 * with a sandboxing Content-Security-Policy; this check keeps the files themselves clean too, so an SVG opened on its
 * own or copied elsewhere is still only a drawing (DD012).
 */
final class SvgPicture {

    private static final Set<String> ELEMENTS = Set.of(
            "svg",
            "g",
            "title",
            "desc",
            "rect",
            "circle",
            "ellipse",
            "line",
            "polyline",
            "polygon",
            "path",
            "text",
            "tspan");

    private static final Set<String> ATTRIBUTES = Set.of(
            "xmlns",
            "viewbox",
            "width",
            "height",
            "x",
            "y",
            "x1",
            "y1",
            "x2",
            "y2",
            "cx",
            "cy",
            "r",
            "rx",
            "ry",
            "points",
            "d",
            "fill",
            "stroke",
            "stroke-width",
            "stroke-linecap",
            "stroke-linejoin",
            "stroke-dasharray",
            "opacity",
            "fill-opacity",
            "font-family",
            "font-size",
            "font-weight",
            "text-anchor",
            "transform",
            "role",
            "aria-labelledby",
            "id",
            "lang",
            "dominant-baseline");

    private SvgPicture() {}

    /** True when the bytes are well-formed SVG made only of the allowed elements and attributes. */
    static boolean isPlainDrawing(byte[] bytes) {
        // The JDK's own StAX parser (another one on the class path may not know these safety properties).
        var factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            var reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            boolean root = true;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD
                        || event == XMLStreamConstants.ENTITY_REFERENCE
                        || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                    return false;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                var name = reader.getLocalName().toLowerCase(Locale.ROOT);
                if (root && !name.equals("svg") || !ELEMENTS.contains(name)) {
                    return false;
                }
                root = false;
                for (int i = 0; i < reader.getAttributeCount(); i++) {
                    var prefix = reader.getAttributePrefix(i);
                    var attribute = reader.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
                    var value = reader.getAttributeValue(i).toLowerCase(Locale.ROOT);
                    if (prefix != null && !prefix.isEmpty() && !prefix.equals("xml")
                            || !ATTRIBUTES.contains(attribute)
                            || value.contains("url(")
                            || value.contains("javascript:")) {
                        return false;
                    }
                }
            }
            return !root;
        } catch (XMLStreamException | RuntimeException e) {
            return false;
        }
    }
}
