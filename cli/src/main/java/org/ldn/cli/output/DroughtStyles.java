package org.ldn.cli.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * QGIS styles ({@code .qml}) for the drought maps: a paletted legend for the class maps (0..4, water) and a
 * discrete colour ramp at the class boundaries for SPI maps (−3.09..3.09) and for the DVI (quintile classes).
 */
final class DroughtStyles {
    private static final String[][] CLASSES = {
        {"0", "#ffffbf", "No drought (SPI >= 0)"}, {"1", "#fee08b", "Mild (0 > SPI > -1)"},
        {"2", "#fdae61", "Moderate (-1 >= SPI > -1.5)"}, {"3", "#f46d43", "Severe (-1.5 >= SPI > -2)"},
        {"4", "#a50026", "Extreme (SPI <= -2)"}, {"-32767", "#2b83ba", "Water"}};
    private static final String[][] SPI = {
        {"-2", "#a50026", "<= -2 extreme"}, {"-1.5", "#f46d43", "-2..-1.5 severe"},
        {"-1", "#fdae61", "-1.5..-1 moderate"}, {"0", "#fee08b", "-1..0 mild"}, {"1", "#d9ef8b", "0..1"},
        {"2", "#66bd63", "1..2"}, {"3.09", "#1a9850", ">= 2"}};
    private static final String[][] DVI = {
        {"0.2", "#ffffcc", "0-0.2"}, {"0.4", "#c2e699", "0.2-0.4"}, {"0.6", "#fecc5c", "0.4-0.6"},
        {"0.8", "#fd8d3c", "0.6-0.8"}, {"1", "#e31a1c", "0.8-1"}};

    private DroughtStyles() {
    }

    static void write(Path map) throws IOException {
        String name = map.getFileName().toString();
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n")
                .append("<qgis version=\"3.28\" styleCategories=\"AllStyleCategories\">\n  <pipe>\n");
        if (name.startsWith("drought_class_") || name.startsWith("class")) {
            sb.append("    <rasterrenderer type=\"paletted\" band=\"1\" opacity=\"1\" alphaBand=\"-1\">\n")
                    .append("      <colorPalette>\n");
            for (String[] e : CLASSES) {
                sb.append("        <paletteEntry value=\"").append(e[0]).append("\" color=\"").append(e[1])
                        .append("\" label=\"").append(e[2]).append("\" alpha=\"255\"/>\n");
            }
            sb.append("      </colorPalette>\n    </rasterrenderer>\n");
        } else {
            String[][] ramp = name.startsWith("drought_dvi") ? DVI : SPI;
            String min = name.startsWith("drought_dvi") ? "0" : "-3.09";
            String max = name.startsWith("drought_dvi") ? "1" : "3.09";
            sb.append("    <rasterrenderer type=\"singlebandpseudocolor\" band=\"1\" opacity=\"1\"")
                    .append(" classificationMin=\"").append(min).append("\" classificationMax=\"").append(max)
                    .append("\" alphaBand=\"-1\">\n      <rastershader>\n")
                    .append("        <colorrampshader colorRampType=\"DISCRETE\" classificationMode=\"1\"")
                    .append(" minimumValue=\"").append(min).append("\" maximumValue=\"").append(max).append("\">\n");
            for (String[] e : ramp) {
                sb.append("          <item value=\"").append(e[0]).append("\" color=\"").append(e[1])
                        .append("\" label=\"").append(e[2]).append("\" alpha=\"255\"/>\n");
            }
            sb.append("        </colorrampshader>\n      </rastershader>\n    </rasterrenderer>\n");
        }
        sb.append("  </pipe>\n</qgis>\n");
        Files.writeString(map.resolveSibling(name.replaceFirst("\\.tif$", ".qml")), sb.toString(),
                StandardCharsets.UTF_8);
    }
}
