package org.ldn.testdata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A large GeoJSON boundary file for memory tests: the two zones of {@link TinyRun}, W (columns 0–9) and E (columns
 * 10–19), each a rectangle whose four sides are cut into many collinear vertices, so that the file is large (about
 * 40 bytes per vertex) while its zones, and every figure of a run over them, stay those of {@link TinyZones}.
 * Written as a stream: the generator itself needs no memory in proportion to the file.
 */
public final class DenseZones {
    private DenseZones() {
    }

    /** Writes {@code file} with {@code vertices} vertices in all (a multiple of 8), in EPSG:3035. */
    public static void write(Path file, int vertices) {
        int perSide = vertices / 8;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                    + "{\"name\":\"urn:ogc:def:crs:EPSG::3035\"}},\"features\":[\n");
            zone(w, "W", 0, 10, perSide);
            w.write(",\n");
            zone(w, "E", 10, 20, perSide);
            w.write("\n]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void zone(BufferedWriter w, String id, int c0, int c1, int perSide) throws IOException {
        double x0 = TinyRun.X0 + c0 * TinyRun.CELL;
        double x1 = TinyRun.X0 + c1 * TinyRun.CELL;
        double y0 = TinyRun.Y0;
        double y1 = TinyRun.Y0 - TinyRun.HEIGHT * TinyRun.CELL;
        w.write("{\"type\":\"Feature\",\"properties\":{\"id\":\"" + id + "\",\"name\":\"Zone " + id + "\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
        double[][] corners = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
        for (int s = 0; s < 4; s++) {
            double[] a = corners[s];
            double[] b = corners[(s + 1) % 4];
            for (int k = 0; k < perSide; k++) {
                double t = (double) k / perSide;
                w.write(String.format(Locale.ROOT, "%s[%.9f,%.9f]", s == 0 && k == 0 ? "" : ",",
                        a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])));
            }
        }
        w.write(String.format(Locale.ROOT, ",[%.9f,%.9f]]]}}", x0, y0));
    }
}
