package org.ldn.cli.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import org.ldn.cli.output.DroughtStyles;
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

    /** The drought class maps' style and the SPI and DVI ramps are the palette's, and the report draws with it. */
    @ParameterizedTest
    @ValueSource(strings = {"drought_class_2003.tif", "drought_class_2000-2003.tif", "drought_spi12_2003.tif",
        "drought_dvi.tif"})
    void droughtStyleIsThePalette(String file, @TempDir Path dir) throws Exception {
        Path map = dir.resolve(file);
        DroughtStyles.write(map);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = f.newDocumentBuilder().parse(dir.resolve(file.replace(".tif", ".qml")).toFile());
        if (file.startsWith("drought_class_")) {
            NodeList entries = doc.getElementsByTagName("paletteEntry");
            List<MapPalette.Entry> parsed = new ArrayList<>();
            for (int i = 0; i < entries.getLength(); i++) {
                Element e = (Element) entries.item(i);
                parsed.add(new MapPalette.Entry(Integer.parseInt(e.getAttribute("value")),
                        Integer.parseInt(e.getAttribute("color").substring(1), 16), e.getAttribute("label")));
            }
            assertEquals(MapPalette.DROUGHT.entries(), parsed);
            assertEquals(6, parsed.size(), "classes 0..4 and water");
            MapPalette palette = MapPalette.DROUGHT;
            MapRaster r = new MapRaster(null, 1, palette.entries().size(), 1, values(palette));
            var img = javax.imageio.ImageIO.read(new ByteArrayInputStream(MapPicture.png(r, palette)));
            for (int i = 0; i < parsed.size(); i++) {
                assertEquals(parsed.get(i).rgb(), img.getRGB(i, 0) & 0xFFFFFF, file + " entry " + i);
            }
        } else {
            NodeList items = doc.getElementsByTagName("item");
            List<MapPalette.Step> parsed = new ArrayList<>();
            for (int i = 0; i < items.getLength(); i++) {
                Element e = (Element) items.item(i);
                parsed.add(new MapPalette.Step(Double.parseDouble(e.getAttribute("value")),
                        Integer.parseInt(e.getAttribute("color").substring(1), 16), e.getAttribute("label")));
            }
            assertEquals(file.startsWith("drought_dvi") ? MapPalette.DVI_RAMP : MapPalette.SPI_RAMP, parsed);
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
