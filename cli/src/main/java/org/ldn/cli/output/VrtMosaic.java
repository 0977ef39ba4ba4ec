package org.ldn.cli.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;

/**
 * A GDAL virtual raster ({@code .vrt}, an XML mosaic that GDAL and QGIS open as one raster) of Int16 GeoTIFF parts,
 * each covering a rectangle of the grid: how a map written by many tasks is assembled without reading its pixels.
 * Written by hand: a few lines of XML, for which no library is worth a dependency.
 */
final class VrtMosaic {
    /** One part: its file, relative to the VRT's folder, and the rectangle of the grid it covers. */
    record Part(String file, Window rect) {
    }

    private VrtMosaic() {
    }

    /** Writes {@code vrt} over {@code grid} (nodata −32768) from {@code parts}, disjoint rectangles of it. */
    static void write(Path vrt, Grid grid, short noData, List<Part> parts) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("<VRTDataset rasterXSize=\"").append(grid.width()).append("\" rasterYSize=\"").append(grid.height())
                .append("\">\n");
        String srs = grid.crs().wkt() != null && !grid.crs().wkt().isBlank() ? grid.crs().wkt()
                : "EPSG:" + grid.crs().epsg();
        sb.append("  <SRS>").append(escape(srs)).append("</SRS>\n");
        double[] gt = grid.geoTransform();
        sb.append("  <GeoTransform>");
        for (int i = 0; i < gt.length; i++) {
            sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.17g", gt[i]));
        }
        sb.append("</GeoTransform>\n");
        sb.append("  <VRTRasterBand dataType=\"Int16\" band=\"1\">\n");
        sb.append("    <NoDataValue>").append(noData).append("</NoDataValue>\n");
        for (Part p : parts) {
            Window r = p.rect();
            sb.append("    <SimpleSource>\n");
            sb.append("      <SourceFilename relativeToVRT=\"1\">").append(escape(p.file())).append("</SourceFilename>\n");
            sb.append("      <SourceBand>1</SourceBand>\n");
            sb.append("      <SourceProperties RasterXSize=\"").append(r.width()).append("\" RasterYSize=\"")
                    .append(r.height()).append("\" DataType=\"Int16\" BlockXSize=\"256\" BlockYSize=\"256\"/>\n");
            sb.append("      <SrcRect xOff=\"0\" yOff=\"0\" xSize=\"").append(r.width()).append("\" ySize=\"")
                    .append(r.height()).append("\"/>\n");
            sb.append("      <DstRect xOff=\"").append(r.col()).append("\" yOff=\"").append(r.row())
                    .append("\" xSize=\"").append(r.width()).append("\" ySize=\"").append(r.height()).append("\"/>\n");
            sb.append("    </SimpleSource>\n");
        }
        sb.append("  </VRTRasterBand>\n</VRTDataset>\n");
        Files.writeString(vrt, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
