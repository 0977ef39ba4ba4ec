package org.ldn.cli.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ldn.core.engine.MapKind;

/**
 * {@code maps/ldn.qgs}: a QGIS 3 project that opens every map of a run styled as its {@code .qml} (the renderer is
 * embedded, and the style file named in each layer's properties), grouped by period in run order, with the zones
 * layer on top. Paths are relative to the project file, so the output folder can be moved or shared whole.
 */
public final class QgisProject {
    /** The project's file name inside {@code maps/}. */
    public static final String FILE = "ldn.qgs";
    /** The layer group of the drought maps (SPI, drought classes, DVI). */
    static final String DROUGHT_GROUP = "drought";

    private QgisProject() {
    }

    /** The zones layer: a path relative to the maps folder, and the layer name inside a GeoPackage (or null). */
    public record ZonesLayer(String relativePath, String layer) {
    }

    /**
     * Writes {@code maps/ldn.qgs}.
     *
     * @param mapsDir  the folder holding the maps
     * @param maps     the map file names, {@code <period>_<kind>.tif}, in the order the run wrote them
     * @param periods  the run's periods in order
     * @param crs      the grid's CRS: {@code EPSG:n} or WKT
     * @param zones    the zones layer, or null for none
     */
    public static void write(Path mapsDir, List<String> maps, List<String> periods, String crs, ZonesLayer zones,
            String title) throws IOException {
        Files.writeString(mapsDir.resolve(FILE), xml(maps, periods, crs, zones, title, mapsDir), StandardCharsets.UTF_8);
    }

    /** {@code mapsDir} holds the {@code .qml} of maps that are not period maps (drought), or is null. */
    static String xml(List<String> maps, List<String> periods, String crs, ZonesLayer zones, String title,
            Path mapsDir) throws IOException {
        Map<String, List<String>> byPeriod = new LinkedHashMap<>();
        for (String p : periods) {
            byPeriod.put(p, new ArrayList<>());
        }
        for (String m : maps) {
            MapKind k = MapPalette.kindOfFile(m);
            // maps of no period (the drought maps) form a group of their own
            String period = k == null ? DROUGHT_GROUP : m.substring(0, m.length() - k.fileStem().length() - 5);
            byPeriod.computeIfAbsent(period, x -> new ArrayList<>()).add(m);
        }
        String srs = srs(crs);
        StringBuilder tree = new StringBuilder();
        StringBuilder layers = new StringBuilder();
        if (zones != null) {
            String src = "./" + zones.relativePath() + (zones.layer() == null ? "" : "|layername=" + zones.layer());
            tree.append("    <layer-tree-layer id=\"zones\" name=\"zones\" source=\"").append(esc(src))
                    .append("\" providerKey=\"ogr\" checked=\"Qt::Checked\" expanded=\"0\"/>\n");
            layers.append("    <maplayer type=\"vector\" geometry=\"Polygon\">\n      <id>zones</id>\n      <datasource>")
                    .append(esc(src)).append("</datasource>\n      <layername>zones</layername>\n")
                    .append("      <provider encoding=\"UTF-8\">ogr</provider>\n")
                    .append("      <renderer-v2 type=\"singleSymbol\"><symbols><symbol type=\"fill\" name=\"0\" alpha=\"1\">")
                    .append("<layer class=\"SimpleLine\"><Option type=\"Map\"><Option name=\"line_color\" type=\"QString\"")
                    .append(" value=\"40,40,40,255\"/><Option name=\"line_width\" type=\"QString\" value=\"0.3\"/>")
                    .append("</Option></layer></symbol></symbols></renderer-v2>\n    </maplayer>\n");
        }
        for (Map.Entry<String, List<String>> e : byPeriod.entrySet()) {
            tree.append("    <layer-tree-group name=\"").append(esc(e.getKey()))
                    .append("\" checked=\"Qt::Checked\" expanded=\"1\">\n");
            for (String m : e.getValue()) {
                MapKind k = MapPalette.kindOfFile(m);
                String id = m.replace(".tif", "");
                boolean shown = k == MapKind.SDG;
                tree.append("      <layer-tree-layer id=\"").append(esc(id)).append("\" name=\"").append(esc(id))
                        .append("\" source=\"./").append(esc(m)).append("\" providerKey=\"gdal\" checked=\"")
                        .append(shown ? "Qt::Checked" : "Qt::Unchecked").append("\" expanded=\"0\"/>\n");
                String style = m.replace(".tif", ".qml");
                String pipe = k != null ? QmlStyle.of(MapPalette.of(k))
                        : Files.readString(mapsDir.resolve(style), StandardCharsets.UTF_8);
                pipe = pipe.substring(pipe.indexOf("<pipe>"), pipe.indexOf("</pipe>") + "</pipe>".length());
                layers.append("    <maplayer type=\"raster\">\n      <id>").append(esc(id)).append("</id>\n")
                        .append("      <datasource>./").append(esc(m)).append("</datasource>\n")
                        .append("      <layername>").append(esc(id)).append("</layername>\n")
                        .append("      <provider>gdal</provider>\n      <srs>").append(srs).append("</srs>\n")
                        .append("      <customproperties><Option type=\"Map\"><Option name=\"ldn/style\" type=\"QString\"")
                        .append(" value=\"./").append(esc(style)).append("\"/></Option></customproperties>\n      ")
                        .append(pipe).append("\n    </maplayer>\n");
            }
            tree.append("    </layer-tree-group>\n");
        }
        return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
                + "<qgis projectname=\"" + esc(title) + "\" version=\"3.28.0\">\n"
                + "  <title>" + esc(title) + "</title>\n"
                + "  <projectCrs>" + srs + "</projectCrs>\n"
                + "  <layer-tree-group>\n" + tree + "  </layer-tree-group>\n"
                + "  <projectlayers>\n" + layers + "  </projectlayers>\n"
                + "  <properties><Paths><Absolute type=\"bool\">false</Absolute></Paths></properties>\n"
                + "</qgis>\n";
    }

    private static String srs(String crs) {
        return crs.startsWith("EPSG:")
                ? "<spatialrefsys><authid>" + esc(crs) + "</authid></spatialrefsys>"
                : "<spatialrefsys><wkt>" + esc(crs) + "</wkt></spatialrefsys>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
