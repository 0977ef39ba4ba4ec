package org.ldn.core.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rasterizer against {@code gdal_rasterize} itself, on generated shapes written to GeoJSON. Each shape is burnt
 * alone with
 * {@code gdal_rasterize -burn 1 -init 0 -te xmin ymin xmax ymax -ts W H -ot Byte -of ENVI shape.geojson shape.bin}
 * and the raw bytes are compared pixel by pixel. Skipped when GDAL is not installed.
 */
class GdalRasterizeComparisonTest {
    private static final int SHAPES = 40;

    @BeforeAll
    static void needGdal() {
        assumeTrue(GdalTools.available("gdal_rasterize"), "gdal_rasterize is not installed");
    }

    @ParameterizedTest(name = "seed {0}, snap {5}")
    @CsvSource({
        // seed, xmin, ymin, xmax, ymax, snap (0: random doubles), W, H
        "101, 12.3, 43.6, 18.4, 47.9, 0, 61, 43",
        "102, 12.3, 43.6, 18.4, 47.9, 0, 61, 43",
        "103, 130.9, -10.8, 151.0, -0.3, 0, 241, 126",
        "104, -3, -4, 7, 5, 0.125, 40, 36",
        "105, -3, -4, 7, 5, 0.125, 40, 36",
        "106, -3, -4, 7, 5, 0.25, 40, 36",
    })
    void sameAsGdal(long seed, double xmin, double ymin, double xmax, double ymax, double snap, int w, int h,
            @TempDir Path dir) throws IOException, InterruptedException {
        // The grid gdal_rasterize derives from -te and -ts.
        Grid grid = new Grid(CrsInfo.WGS84, xmin, ymax, (xmax - xmin) / w, -(ymax - ymin) / h, w, h);
        RandomPolygons gen = new RandomPolygons(seed, xmin, ymin, xmax, ymax, snap);
        int differing = 0;
        long burnt = 0;
        for (int i = 0; i < SHAPES; i++) {
            // Even shapes: any rings (overlapping parts, holes, ...) as one Polygon, which GDAL fills by the even-odd
            // rule over all rings as we do. Odd shapes: a MultiPolygon of disjoint polygons with holes, which may
            // share edges; GDAL burns each part on its own (a union), equal to even-odd when parts do not overlap.
            // Rings are kept simple: for a self-intersecting ring GDAL decides the side of a horizontal edge with
            // its own orientation test, which need not agree with the signed area (see ScanlineRasterizer).
            List<List<double[]>> polygons;
            do {
                polygons = i % 2 == 0 ? List.of(gen.next()) : gen.disjointParts();
            } while (!polygons.stream().flatMap(List::stream).allMatch(RandomPolygons::isSimple));
            List<double[]> rings = polygons.stream().flatMap(List::stream).toList();
            Path json = dir.resolve("shape" + i + ".geojson");
            Files.writeString(json, geoJson(polygons));
            Path bin = dir.resolve("shape" + i + ".bin");
            GdalTools.run(dir, List.of("gdal_rasterize", "-q", "-burn", "1", "-init", "0",
                    "-te", num(xmin), num(ymin), num(xmax), num(ymax), "-ts", Integer.toString(w),
                    Integer.toString(h), "-ot", "Byte", "-of", "ENVI", json.toString(), bin.toString()));
            byte[] gdal = Files.readAllBytes(bin);
            assertEquals(w * h, gdal.length);
            byte[] ours = new byte[w * h];
            ScanlineRasterizer.rasterize(rings, grid, (r, a, b) -> {
                for (int c = a; c < b; c++) {
                    ours[r * w + c] = 1;
                }
            });
            for (int p = 0; p < ours.length; p++) {
                differing += ours[p] != gdal[p] ? 1 : 0;
                burnt += gdal[p];
            }
        }
        assertEquals(0, differing, "pixels differing from gdal_rasterize over " + SHAPES + " shapes (" + burnt
                + " pixels burnt by GDAL)");
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static String geoJson(List<List<double[]>> polygons) {
        List<String> parts = new ArrayList<>();
        for (List<double[]> polygon : polygons) {
            parts.add("[" + String.join(",", closedRings(polygon)) + "]");
        }
        String geometry = polygons.size() == 1
                ? "{\"type\":\"Polygon\",\"coordinates\":" + parts.get(0) + "}"
                : "{\"type\":\"MultiPolygon\",\"coordinates\":[" + String.join(",", parts) + "]}";
        return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":" + geometry + "}]}";
    }

    private static List<String> closedRings(List<double[]> rings) {
        List<String> closed = new ArrayList<>();
        for (double[] ring : rings) {
            StringBuilder sb = new StringBuilder("[");
            int n = ring.length / 2;
            for (int i = 0; i < n; i++) {
                sb.append(String.format(Locale.ROOT, "[%s,%s],", ring[2 * i], ring[2 * i + 1]));
            }
            if (ring[0] != ring[2 * n - 2] || ring[1] != ring[2 * n - 1]) {
                sb.append(String.format(Locale.ROOT, "[%s,%s],", ring[0], ring[1]));
            }
            sb.setCharAt(sb.length() - 1, ']');
            closed.add(sb.toString());
        }
        return closed;
    }
}
