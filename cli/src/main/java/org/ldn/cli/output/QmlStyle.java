package org.ldn.cli.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ldn.core.engine.MapKind;

/** QGIS style files ({@code .qml}, paletted renderer) written beside each map so it opens with its legend. */
public final class QmlStyle {
    private static final String[][] CLASSES = {
        {"-1", "#d7191c", "Degraded"}, {"0", "#ffffbf", "Stable"}, {"1", "#1a9641", "Improved"},
        {"-32767", "#2b83ba", "Water"}};
    private static final String[][] STATUS = {
        {"1", "#a50026", "Persistent degradation"}, {"2", "#f46d43", "Recent degradation"},
        {"3", "#fdae61", "Baseline degradation"}, {"4", "#ffffbf", "Stable"},
        {"5", "#a6d96a", "Baseline improvement"}, {"6", "#66bd63", "Recent improvement"},
        {"7", "#006837", "Persistent improvement"}, {"-32767", "#2b83ba", "Water"}};

    private static final String[][] LPD = {
        {"1", "#d7191c", "Declining"}, {"2", "#fdae61", "Moderate decline"}, {"3", "#ffffbf", "Stable but stressed"},
        {"4", "#a6d96a", "Stable"}, {"5", "#1a9641", "Increasing"}, {"-32767", "#2b83ba", "Water"}};

    private QmlStyle() {
    }

    static void write(Path map, MapKind kind) throws IOException {
        String[][] entries = kind == MapKind.STATUS ? STATUS : kind == MapKind.LPD ? LPD : CLASSES;
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n")
                .append("<qgis version=\"3.28\" styleCategories=\"AllStyleCategories\">\n  <pipe>\n")
                .append("    <rasterrenderer type=\"paletted\" band=\"1\" opacity=\"1\" alphaBand=\"-1\">\n")
                .append("      <colorPalette>\n");
        for (String[] e : entries) {
            sb.append("        <paletteEntry value=\"").append(e[0]).append("\" color=\"").append(e[1])
                    .append("\" label=\"").append(e[2]).append("\" alpha=\"255\"/>\n");
        }
        sb.append("      </colorPalette>\n    </rasterrenderer>\n  </pipe>\n</qgis>\n");
        String name = map.getFileName().toString().replaceFirst("\\.(tif|vrt)$", ".qml");
        Files.writeString(map.resolveSibling(name), sb.toString(), StandardCharsets.UTF_8);
    }
}
