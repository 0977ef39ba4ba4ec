package org.ldn.cli.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * QGIS styles ({@code .qml}) for the drought maps: a paletted legend for the class maps (0..4, water) and a
 * discrete colour ramp at the class boundaries for SPI maps (−3.09..3.09) and for the DVI (quintile classes), in
 * the colours and labels of {@link MapPalette} (the report draws the class maps with the same palette).
 */
public final class DroughtStyles {
    private DroughtStyles() {
    }

    /** Writes the style of the drought map {@code map} beside it. */
    public static void write(Path map) throws IOException {
        String name = map.getFileName().toString();
        Files.writeString(map.resolveSibling(name.replaceFirst("\\.tif$", ".qml")), of(name), StandardCharsets.UTF_8);
    }

    /** The style (QML text) of the drought map named {@code name}. */
    static String of(String name) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n")
                .append("<qgis version=\"3.28\" styleCategories=\"AllStyleCategories\">\n  <pipe>\n");
        if (name.startsWith("drought_class_") || name.startsWith("class")) {
            sb.append("    <rasterrenderer type=\"paletted\" band=\"1\" opacity=\"1\" alphaBand=\"-1\">\n")
                    .append("      <colorPalette>\n");
            for (MapPalette.Entry e : MapPalette.DROUGHT.entries()) {
                sb.append("        <paletteEntry value=\"").append(e.value()).append("\" color=\"").append(e.hex())
                        .append("\" label=\"").append(attr(e.label())).append("\" alpha=\"255\"/>\n");
            }
            sb.append("      </colorPalette>\n    </rasterrenderer>\n");
        } else {
            List<MapPalette.Step> ramp = name.startsWith("drought_dvi") ? MapPalette.DVI_RAMP : MapPalette.SPI_RAMP;
            String min = name.startsWith("drought_dvi") ? "0" : "-3.09";
            String max = name.startsWith("drought_dvi") ? "1" : "3.09";
            sb.append("    <rasterrenderer type=\"singlebandpseudocolor\" band=\"1\" opacity=\"1\"")
                    .append(" classificationMin=\"").append(min).append("\" classificationMax=\"").append(max)
                    .append("\" alphaBand=\"-1\">\n      <rastershader>\n")
                    .append("        <colorrampshader colorRampType=\"DISCRETE\" classificationMode=\"1\"")
                    .append(" minimumValue=\"").append(min).append("\" maximumValue=\"").append(max).append("\">\n");
            for (MapPalette.Step e : ramp) {
                sb.append("          <item value=\"").append(e.bound()).append("\" color=\"").append(e.hex())
                        .append("\" label=\"").append(attr(e.label())).append("\" alpha=\"255\"/>\n");
            }
            sb.append("        </colorrampshader>\n      </rastershader>\n    </rasterrenderer>\n");
        }
        sb.append("  </pipe>\n</qgis>\n");
        return sb.toString();
    }

    /** An XML attribute value: the labels hold {@code <=} and {@code >=}. */
    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
