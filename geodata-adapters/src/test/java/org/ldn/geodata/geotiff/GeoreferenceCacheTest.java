package org.ldn.geodata.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.SampleType;
import org.ldn.geodata.crs.Crs;
import org.ldn.geodata.crs.CrsCache;

/**
 * A GeoTIFF opened a second time takes its CRS from the cache, as SIS described it the first time (the bundled
 * example's custom equal-area and EPSG:4326 files, a UTM file); a planted entry shows that the file is what is read.
 */
class GeoreferenceCacheTest {
    private static final Path EXAMPLE = Path.of("..", "example");

    @TempDir
    Path tmp;

    @AfterEach
    void back() {
        CrsCache.use(null);
    }

    @Test
    void theSecondOpeningDescribesTheGridIdentically() throws Exception {
        Path file = tmp.resolve("crs.tsv");
        CrsCache.use(file);
        List<String> names = List.of("lc_2001.tif", "soc_2010.tif", "climate_zones.tif");
        List<Object> first = new ArrayList<>();
        for (String n : names) {
            try (GeoTiffSource s = GeoTiffSource.open(EXAMPLE.resolve(n), n)) {
                first.add(s.grid());
            }
        }
        long entries = Files.readAllLines(file).stream().filter(l -> l.startsWith("geotiff\t")).count();
        assertEquals(3, entries, "one entry per set of georeferencing tags");
        CrsCache.use(file);
        for (int i = 0; i < names.size(); i++) {
            try (GeoTiffSource s = GeoTiffSource.open(EXAMPLE.resolve(names.get(i)), names.get(i))) {
                assertEquals(first.get(i), s.grid(), names.get(i));
            }
        }
        // planted: another name for the land cover's CRS; the second opening reports it, so it read the file
        String text = Files.readString(file);
        assertTrue(text.contains("PROJCRS[\"Unnamed\""), text);
        Files.writeString(file, text.replace("PROJCRS[\"Unnamed\"", "PROJCRS[\"Planted\""));
        CrsCache.use(file);
        try (GeoTiffSource s = GeoTiffSource.open(EXAMPLE.resolve("lc_2001.tif"), "lc_2001.tif")) {
            assertEquals("Planted", s.grid().crs().name());
        }
    }

    /**
     * A GeoTIFF in UTM zone 34N (EPSG:32634, written by the engine's own writer): remembered the first time although
     * SIS formats the parsed CRS without its method identifier's version, and described identically the second
     * time, from the cache alone (a planted name shows that neither SIS's GeoTIFF reader nor its database was asked).
     */
    @Test
    void aGeoTiffInUtmIsDescribedIdenticallyFromTheCache() throws Exception {
        CrsCache.use(null);
        org.ldn.core.grid.CrsInfo utm = Crs.describe(Crs.fromEpsg(32634));
        Grid grid = new Grid(utm, 300000, 4600000, 250, -250, 40, 30);
        Path tif = tmp.resolve("utm.tif");
        try (GeoTiffSink sink = GeoTiffSink.create(tif, grid, SampleType.UINT8, 255)) {
            sink.write(new Window(0, 0, 40, 30), new short[40 * 30]);
            sink.commit();
        }
        Path file = tmp.resolve("crs.tsv");
        CrsCache.use(file);
        Grid first;
        try (GeoTiffSource s = GeoTiffSource.open(tif, "utm.tif")) {
            first = s.grid();
        }
        assertEquals(grid, first, "the database's UTM zone 34N, as written");
        List<String> entries = Files.readAllLines(file).stream().filter(l -> l.startsWith("geotiff\t")).toList();
        assertEquals(1, entries.size(), entries.toString());
        assertTrue(entries.get(0).endsWith("\t" + utm.wkt()), entries.get(0));

        CrsCache.use(file); // a later run
        try (GeoTiffSource s = GeoTiffSource.open(tif, "utm.tif")) {
            assertEquals(first, s.grid());
            assertEquals(utm.wkt(), Crs.toWkt(Crs.of(s.grid().crs())));
        }
        String text = Files.readString(file);
        Files.writeString(file, text.replace("PROJCRS[\"WGS 84 / UTM zone 34N\"", "PROJCRS[\"Planted\""));
        CrsCache.use(file);
        try (GeoTiffSource s = GeoTiffSource.open(tif, "utm.tif")) {
            assertEquals("Planted", s.grid().crs().name());
        }
    }

    /**
     * One CRS parsed from the cache stands for every file with the same georeferencing, and a transform that needs
     * the EPSG database (DHDN to WGS 84: a datum shift from the database) makes that CRS as SIS reads it from a
     * file. When the first file seen with it is gone (a long-lived process: the Java API, a batch, a test run), the
     * next file's reading is used, and the transform is the database's. The files and the cache entry are made by
     * another process, as a run before this one would: in this process the CRS is then known from the cache only.
     * (No other test of this module uses EPSG:31467, whose CRS a process makes once.)
     */
    @Test
    void aTransformThroughTheDatabaseWorksWhenTheFileFirstSeenIsGone() throws Exception {
        Path a = tmp.resolve("a.tif");
        Path b = tmp.resolve("b.tif");
        Path file = tmp.resolve("crs.tsv");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), EarlierRun.class.getName(), a.toString(), b.toString(),
                file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        assertTrue(Files.readString(file).contains("\t31467\t"), Files.readString(file));

        CrsCache.use(file);
        try (GeoTiffSource s = GeoTiffSource.open(a, "a.tif")) {
            assertEquals("DHDN / 3-degree Gauss-Kruger zone 3", s.grid().crs().name());
        }
        Files.delete(a);
        org.opengis.referencing.operation.MathTransform viaCache;
        try (GeoTiffSource s = GeoTiffSource.open(b, "b.tif")) {
            viaCache = Crs.transform(Crs.of(s.grid().crs()), Crs.fromEpsg(4326));
        }
        CrsCache.use(null);
        org.opengis.referencing.operation.MathTransform direct = Crs.transform(Crs.fromEpsg(31467),
                Crs.fromEpsg(4326));
        double[] x = {3505000, 5495000, 3509500, 5490500};
        double[] viaCachePoints = new double[4];
        double[] directPoints = new double[4];
        viaCache.transform(x, 0, viaCachePoints, 0, 2);
        direct.transform(x, 0, directPoints, 0, 2);
        for (int i = 0; i < 4; i++) {
            assertEquals(directPoints[i], viaCachePoints[i], 1e-12, "coordinate " + i);
        }
    }

    /** Writes two GeoTIFFs in EPSG:31467 with the same georeferencing, and opens the first with the cache. */
    public static final class EarlierRun {
        public static void main(String[] args) throws Exception {
            org.ldn.core.grid.CrsInfo dhdn = Crs.describe(Crs.fromEpsg(31467));
            Grid grid = new Grid(dhdn, 3500000, 5500000, 1000, -1000, 10, 10);
            for (int i = 0; i < 2; i++) {
                try (GeoTiffSink sink = GeoTiffSink.create(Path.of(args[i]), grid, SampleType.UINT8, 255)) {
                    sink.write(new Window(0, 0, 10, 10), new short[100]);
                    sink.commit();
                }
            }
            CrsCache.use(Path.of(args[2]));
            try (GeoTiffSource s = GeoTiffSource.open(Path.of(args[0]), "a.tif")) {
                s.grid();
            }
        }
    }
}
