package org.ldn.cli.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ldn.core.engine.MapKind;

/** QGIS style files ({@code .qml}, paletted renderer) written beside each map so it opens with its legend. */
public final class QmlStyle {
    private QmlStyle() {
    }

    static void write(Path map, MapKind kind) throws IOException {
        String name = map.getFileName().toString().replaceFirst("\\.(tif|vrt)$", ".qml");
        Files.writeString(map.resolveSibling(name), of(MapPalette.of(kind)), StandardCharsets.UTF_8);
    }

    /** The style of a map drawn with {@code palette}. */
    public static String of(MapPalette palette) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n")
                .append("<qgis version=\"3.28\" styleCategories=\"AllStyleCategories\">\n  <pipe>\n")
                .append("    <rasterrenderer type=\"paletted\" band=\"1\" opacity=\"1\" alphaBand=\"-1\">\n")
                .append("      <colorPalette>\n");
        for (MapPalette.Entry e : palette.entries()) {
            sb.append("        <paletteEntry value=\"").append(e.value()).append("\" color=\"").append(e.hex())
                    .append("\" label=\"").append(e.label()).append("\" alpha=\"255\"/>\n");
        }
        sb.append("      </colorPalette>\n    </rasterrenderer>\n  </pipe>\n</qgis>\n");
        return sb.toString();
    }
}
