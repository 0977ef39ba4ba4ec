package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.raster.RasterSource;
import org.ldn.geodata.crs.CrsCache;
import org.ldn.geodata.geotiff.GeoTiffIO;

/**
 * The bundled example run with the CRS cache empty (every CRS through the EPSG database, the cache filled), then
 * with the cache filled (its CRSs and transforms taken from the cache), then without a cache: the same report and
 * tables byte for byte (apart from createdAt) and the same maps pixel for pixel, with the same georeferencing.
 */
class CrsCacheRunTest {
    @TempDir
    Path tmp;

    @AfterEach
    void back() {
        CrsCache.use(null);
    }

    @Test
    void theExampleIsIdenticalWithAndWithoutTheCache() throws Exception {
        Path cache = tmp.resolve("crs.tsv");
        CrsCache.use(cache);
        Path first = run("first");
        List<String> lines = Files.readAllLines(cache);
        assertEquals(3, lines.stream().filter(l -> l.startsWith("geotiff\t")).count(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("epsg\t4326\t")), "the zones' EPSG:4326");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("operation\t")), "EPSG:4326 to the grid's CRS");
        CrsCache.use(cache); // as a later process reads it
        Path second = run("second");
        CrsCache.use(null);
        Path none = run("none");
        for (Path other : List.of(second, none)) {
            assertEquals(ExampleRunTest.withoutCreatedAt(Files.readString(first.resolve("report.json"))),
                    ExampleRunTest.withoutCreatedAt(Files.readString(other.resolve("report.json"))));
            sameFiles(first.resolve("tables"), other.resolve("tables"));
            sameMaps(first.resolve("maps"), other.resolve("maps"));
        }
    }

    private Path run(String name) {
        Path out = tmp.resolve(name);
        CliRunner r = CliRunner.run("run", ExampleRunTest.EXAMPLE.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    private static void sameFiles(Path a, Path b) throws Exception {
        try (Stream<Path> list = Files.list(a)) {
            for (Path f : list.sorted().toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(f.getFileName())), f.toString());
            }
        }
    }

    private static void sameMaps(Path a, Path b) throws Exception {
        GeoTiffIO io = new GeoTiffIO();
        List<Path> maps;
        try (Stream<Path> list = Files.list(a)) {
            maps = list.filter(p -> p.toString().endsWith(".tif")).sorted().toList();
        }
        assertEquals(9, maps.size());
        for (Path m : maps) {
            try (RasterSource x = io.open(m, m.toString());
                    RasterSource y = io.open(b.resolve(m.getFileName()), m.toString())) {
                assertEquals(x.grid(), y.grid(), m.toString());
                double[] vx = new double[x.grid().width() * 64];
                double[] vy = new double[vx.length];
                for (int row = 0; row < x.grid().height(); row += 64) {
                    var w = new org.ldn.core.grid.Window(0, row, x.grid().width(),
                            Math.min(64, x.grid().height() - row));
                    x.read(0, w, vx);
                    y.read(0, w, vy);
                    assertArrayEquals(vx, vy, 0, m + " rows from " + row);
                }
            }
        }
    }
}
