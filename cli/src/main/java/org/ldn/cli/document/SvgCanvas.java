package org.ldn.cli.document;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Java2D drawing recorded as inline SVG markup (Apache Batik's SVG generator), so charts painted by a Java charting
 * library stay vector and need no file or network access in the page.
 */
final class SvgCanvas {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private SvgCanvas() {
    }

    /**
     * The {@code <svg>} element (no XML prolog) of what {@code paint} draws on a {@code width × height} canvas,
     * scalable through its {@code viewBox}.
     */
    static String draw(int width, int height, Consumer<SVGGraphics2D> paint) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            doc = f.newDocumentBuilder().getDOMImplementation().createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment(null);
        ctx.setEmbeddedFontsOn(false);
        SVGGraphics2D g = new SVGGraphics2D(ctx, false);
        g.setSVGCanvasSize(new java.awt.Dimension(width, height));
        paint.accept(g);
        Element root = g.getRoot();
        root.setAttribute("viewBox", "0 0 " + width + " " + height);
        root.removeAttribute("width");
        root.removeAttribute("height");
        root.setAttribute("role", "img");
        StringWriter w = new StringWriter();
        try {
            g.stream(root, w, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String s = w.toString();
        int start = s.indexOf("<svg");
        return start < 0 ? s : s.substring(start);
    }
}
