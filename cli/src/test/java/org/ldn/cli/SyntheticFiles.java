package org.ldn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntBinaryOperator;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.SampleType;
import org.ldn.geodata.crs.Crs;
import org.ldn.geodata.geotiff.GeoTiffIO;

/** Writes small GeoTIFFs and boundary files whose content is given by a formula, for runs with known answers. */
final class SyntheticFiles {
    static final CrsInfo LAEA_EUROPE = Crs.describe(Crs.fromEpsg(3035));

    private SyntheticFiles() {
    }

    /** A single-band raster whose pixel (col, row) holds {@code value.applyAsInt(col, row)}. */
    static Path raster(Path file, Grid grid, SampleType type, int noData, IntBinaryOperator value) {
        short[] v = new short[grid.width() * grid.height()];
        for (int r = 0; r < grid.height(); r++) {
            for (int c = 0; c < grid.width(); c++) {
                v[r * grid.width() + c] = (short) value.applyAsInt(c, r);
            }
        }
        try (RasterSink s = new GeoTiffIO().create(file, grid, type, noData)) {
            s.write(new Window(0, 0, grid.width(), grid.height()), v);
            s.commit();
        }
        return file;
    }

    /** A GeoJSON of axis-aligned rectangles {id, x0, y0, x1, y1} in EPSG:{@code epsg}. */
    static Path rectangles(Path file, int epsg, Object[]... zones) throws IOException {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::" + epsg + "\"}},\"features\":[");
        for (int i = 0; i < zones.length; i++) {
            Object[] z = zones[i];
            double x0 = ((Number) z[1]).doubleValue();
            double y0 = ((Number) z[2]).doubleValue();
            double x1 = ((Number) z[3]).doubleValue();
            double y1 = ((Number) z[4]).doubleValue();
            sb.append(i > 0 ? "," : "").append("{\"type\":\"Feature\",\"properties\":{\"id\":\"").append(z[0])
                    .append("\",\"name\":\"Zone ").append(z[0]).append("\"},\"geometry\":{\"type\":\"Polygon\",")
                    .append("\"coordinates\":[[[").append(x0).append(',').append(y0).append("],[").append(x1)
                    .append(',').append(y0).append("],[").append(x1).append(',').append(y1).append("],[")
                    .append(x0).append(',').append(y1).append("],[").append(x0).append(',').append(y0)
                    .append("]]]}}");
        }
        Files.writeString(file, sb.append("]}").toString());
        return file;
    }
}
