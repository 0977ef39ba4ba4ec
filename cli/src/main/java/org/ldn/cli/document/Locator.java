package org.ldn.cli.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.ldn.core.grid.Grid;
import org.ldn.geodata.crs.Crs;
import org.opengis.referencing.operation.MathTransform;

/**
 * A small locator map: the world's land with the outline of the run's grid on it, framed around the area. The land
 * is Natural Earth's 1:50m countries (public domain; {@code ne_50m_countries.geojson} of npm {@code world-atlas}),
 * each polygon's outer ring with coordinates rounded to whole degrees, vertices closer than 2° (in |Δx| + |Δy|) to
 * the last one kept dropped, and rings under 2 square degrees left out, stored as SVG path data in plate carrée
 * ({@code x = lon + 180}, {@code y = 90 − lat}) in {@code world.path}: enough for a 220-pixel locator.
 *
 * @param viewBox the SVG view box around the area, in the world path's units (degrees)
 * @param area    the outline of the grid as SVG path data in the same units
 */
record Locator(String viewBox, String area) {
    private static final int EDGE_SAMPLES = 32;

    /** The world's land outline (path data). */
    static String world() {
        try (InputStream in = Locator.class.getResourceAsStream("world.path")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The locator of {@code grid}, or null when its corners cannot be put in longitude and latitude. */
    static Locator of(Grid grid) {
        double[] pts = new double[8 * EDGE_SAMPLES];
        double w = grid.width() * grid.dx();
        double h = grid.height() * grid.dy();
        for (int side = 0; side < 4; side++) { // top, right, bottom, left: the outline in order
            for (int i = 0; i < EDGE_SAMPLES; i++) {
                double s = (double) i / EDGE_SAMPLES;
                double[] xy = switch (side) {
                    case 0 -> new double[] {grid.x0() + s * w, grid.y0()};
                    case 1 -> new double[] {grid.x0() + w, grid.y0() + s * h};
                    case 2 -> new double[] {grid.x0() + w - s * w, grid.y0() + h};
                    default -> new double[] {grid.x0(), grid.y0() + h - s * h};
                };
                pts[2 * (side * EDGE_SAMPLES + i)] = xy[0];
                pts[2 * (side * EDGE_SAMPLES + i) + 1] = xy[1];
            }
        }
        try {
            if (!grid.crs().geographic()) {
                MathTransform mt = Crs.transform(Crs.of(grid.crs()), Crs.fromEpsg(4326));
                mt.transform(pts, 0, pts, 0, 4 * EDGE_SAMPLES);
            }
        } catch (Exception e) {
            return null; // no transform to longitude/latitude: no locator
        }
        double minX = 360;
        double maxX = 0;
        double minY = 180;
        double maxY = 0;
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < pts.length; i += 2) {
            double x = pts[i] + 180;
            double y = 90 - pts[i + 1];
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                return null;
            }
            d.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.2f %.2f", x, y));
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        d.append('Z');
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        double vw = Math.min(360, Math.max(60, 4 * Math.max(maxX - minX, 2 * (maxY - minY))));
        double vh = vw / 2;
        double x0 = Math.max(0, Math.min(360 - vw, cx - vw / 2));
        double y0 = Math.max(0, Math.min(180 - vh, cy - vh / 2));
        return new Locator(String.format(Locale.ROOT, "%.1f %.1f %.1f %.1f", x0, y0, vw, vh), d.toString());
    }
}
