package org.ldn.cli.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ldn.cli.output.MapPalette;
import org.ldn.cli.output.QmlStyle;
import org.ldn.core.engine.MapKind;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The QGIS style of every map kind lists exactly the palette the report draws with: value, colour, label. */
class QmlStyleTest {
    @ParameterizedTest
    @EnumSource(MapKind.class)
    void styleIsThePalette(MapKind kind) throws Exception {
        MapPalette palette = MapPalette.of(kind);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        NodeList entries = f.newDocumentBuilder().parse(new ByteArrayInputStream(
                QmlStyle.of(palette).getBytes(StandardCharsets.UTF_8))).getElementsByTagName("paletteEntry");
        List<MapPalette.Entry> parsed = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            parsed.add(new MapPalette.Entry(Integer.parseInt(e.getAttribute("value")),
                    Integer.parseInt(e.getAttribute("color").substring(1), 16), e.getAttribute("label")));
        }
        assertEquals(palette.entries(), parsed);
        // the report's picture of a map uses the same palette: index i + 1 of its PNG is entry i
        MapRaster r = new MapRaster(null, 1, palette.entries().size(), 1, values(palette));
        var img = javax.imageio.ImageIO.read(new ByteArrayInputStream(MapPicture.png(r, palette)));
        for (int i = 0; i < parsed.size(); i++) {
            assertEquals(parsed.get(i).rgb(), img.getRGB(i, 0) & 0xFFFFFF, kind + " entry " + i);
        }
    }

    private static short[] values(MapPalette p) {
        short[] v = new short[p.entries().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (short) p.entries().get(i).value();
        }
        return v;
    }
}
