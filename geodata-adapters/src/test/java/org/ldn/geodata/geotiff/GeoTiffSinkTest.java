package org.ldn.geodata.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ldn.core.InputException;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.SampleType;
import org.ldn.geodata.crs.Crs;

/**
 * Writes maps with windows in shuffled order from several threads, then reads them back with our reader (values
 * must be identical) and, when python GDAL is present, with GDAL: same statistics, size, geotransform, nodata, and
 * a CRS that OSR finds the same as the source file's.
 */
class GeoTiffSinkTest {
    private static final Path CUSTOM = GeoTiffFixtures.dir().resolve("custom_lcea_uint8_strip_deflate_palette.tif");
    private static final Path UTM = GeoTiffFixtures.dir().resolve("utm33_int16_tile_deflate_p2.tif");
    private static final Path WGS84 = GeoTiffFixtures.dir().resolve("int16_tile_deflate_p2.tif");

    @TempDir
    Path tmp;

    /** Source file (for the CRS), sample type, nodata, window width and height, threads. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(WGS84, SampleType.INT16, -32768.0, 100, 70, 3),
                Arguments.of(WGS84, SampleType.FLOAT32, Double.NaN, 256, 256, 2),
                Arguments.of(UTM, SampleType.UINT8, 255.0, 300, 41, 3),
                Arguments.of(UTM, SampleType.FLOAT32, -9999.0, 512, 300, 2),
                Arguments.of(CUSTOM, SampleType.INT16, -32768.0, 256, 100, 4),
                Arguments.of(CUSTOM, SampleType.UINT8, 255.0, 57, 600, 2),
                Arguments.of(CUSTOM, SampleType.FLOAT32, -3.4e38, 700, 513, 1),
                // 64 narrow parts of every map tile's rows, from 4 threads at once: a part written over another's
                // would lose its columns
                Arguments.of(WGS84, SampleType.INT16, -32768.0, 4, 256, 4));
    }

    /** A 700 x 523 grid (partial tiles at the right and bottom) on the CRS of {@code source}. */
    private static Grid gridOf(Path source) {
        try (GeoTiffSource s = GeoTiffSource.open(source, source.getFileName().toString())) {
            Grid g = s.grid();
            return new Grid(g.crs(), g.x0(), g.y0(), g.dx(), g.dy(), 700, 523);
        }
    }

    /** Value of pixel (c, r): varied, negative for Int16, NaN (nodata) at a pattern of pixels. */
    static double value(SampleType type, int c, int r) {
        if ((c * 7 + r * 3) % 29 == 0) {
            return Double.NaN;
        }
        return switch (type) {
            case UINT8 -> (c * 3 + r * 5) % 250;
            case INT16 -> ((c * 37 + r * 11) % 20000) - 10000;
            default -> (float) (Math.sin(r / 10.0) * Math.cos(c / 13.0) * 1000 + c * 1e-3);
        };
    }

    /** Every pixel's {@link #value}, row-major. */
    static double[] values(Grid grid, SampleType type) {
        double[] v = new double[grid.width() * grid.height()];
        for (int i = 0; i < v.length; i++) {
            v[i] = value(type, i % grid.width(), i / grid.width());
        }
        return v;
    }

    static void writeShuffled(RasterSink sink, Grid grid, SampleType type, double noData, int tw, int th, int threads)
            throws Exception {
        List<Window> windows = new ArrayList<>(new Tiling(grid.width(), grid.height(), tw, th).windows());
        Collections.shuffle(windows, new Random(tw * 31L + th));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Window w : windows) {
                done.add(pool.submit(() -> {
                    if (type == SampleType.FLOAT32 || (w.col() + w.row()) % 2 == 0) {
                        float[] f = new float[w.length()];
                        for (int i = 0; i < f.length; i++) {
                            f[i] = (float) value(type, w.col() + i % w.width(), w.row() + i / w.width());
                        }
                        sink.write(w, f);
                    } else {
                        short[] s = new short[w.length()];
                        for (int i = 0; i < s.length; i++) {
                            double v = value(type, w.col() + i % w.width(), w.row() + i / w.width());
                            s[i] = (short) (Double.isNaN(v) ? noData : v);
                        }
                        sink.write(w, s);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void roundTripThroughOurReaderAndGdal(Path source, SampleType type, double noData, int tw, int th, int threads)
            throws Exception {
        Grid grid = gridOf(source);
        Path file = tmp.resolve("out.tif");
        try (RasterSink sink = new GeoTiffIO().create(file, grid, type, noData)) {
            writeShuffled(sink, grid, type, noData, tw, th, threads);
            assertFalse(Files.exists(file), "nothing under the final name before commit");
            sink.commit();
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(file), left.toList(), "no temporary files left");
        }
        double[] expected = values(grid, type);
        try (GeoTiffSource back = GeoTiffSource.open(file, "out.tif")) {
            assertTrue(back.grid().sameAs(grid), back.grid() + " vs " + grid);
            assertEquals(grid.crs().wkt(), back.grid().crs().wkt());
            assertEquals(type, back.sampleType());
            assertEquals(Double.isNaN(noData) ? Double.NaN : (double) (float) noData, back.noData());
            double[] v = new double[expected.length];
            back.read(0, grid.extent(), v);
            assertArrayEquals(expected, v);
        }
        Gdal.assumeAvailable();
        String[] g = Gdal.checksums("--grids", file.toString()).get(0);
        assertEquals(List.of("700", "523", "1", type.name()), List.of(g[1], g[2], g[3], g[4]));
        assertEquals(Double.isNaN(noData) ? "nan" : Double.toString((float) noData), g[5].equals("nan") ? "nan"
                : Double.toString((float) Double.parseDouble(g[5])));
        double[] gt = grid.geoTransform();
        for (int i = 0; i < 6; i++) {
            assertEquals(gt[i], Double.parseDouble(g[8 + i]), "geotransform[" + i + "]");
        }
        assertEquals(BandStats.of(expected, grid.width(), grid.height()),
                BandStats.parse(Gdal.checksums(file.toString()).get(0)));
        assertTrue(Gdal.sameCrs(file, source), "GDAL reads the CRS of " + source.getFileName());
    }

    /**
     * Int16 class maps in windows that cover whole tiles (differenced and encoded at once; uniform tiles shared):
     * a tile of nodata, a tile of one class and tiles of patches (classes −1..1, 1..7 and nodata) read back exactly
     * with our reader and with GDAL (same statistics and checksum), from windows of 512 and of 256.
     */
    @Test
    void classMapsInWholeTiles() throws Exception {
        Grid grid = gridOf(WGS84);
        int width = grid.width();
        short[] v = new short[width * grid.height()];
        double[] expected = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int c = i % width;
            int r = i / width;
            int value;
            if (c < 256 && r < 256) {
                value = -32768;
            } else if (c < 512 && r < 256) {
                value = 3;
            } else if ((c + 2 * r) % 97 == 0 || (c - 300) * (c - 300) + (r - 400) * (r - 400) < 900) {
                value = -32768;
            } else {
                value = c < 400 ? (c / 9 + r / 13 + (r % 5 == 0 ? 1 : 0)) % 3 - 1 : 1 + (c / 17 + r / 7) % 7;
            }
            v[i] = (short) value;
            expected[i] = value == -32768 ? Double.NaN : value;
        }
        byte[][] files = new byte[2][];
        int k = 0;
        for (int size : new int[] {512, 256}) {
            Path file = tmp.resolve("class" + size + ".tif");
            try (RasterSink sink = new GeoTiffIO().create(file, grid, SampleType.INT16, -32768)) {
                for (Window w : new Tiling(grid.width(), grid.height(), size, size).windows()) {
                    short[] part = new short[w.length()];
                    for (int r = 0; r < w.height(); r++) {
                        System.arraycopy(v, (w.row() + r) * width + w.col(), part, r * w.width(), w.width());
                    }
                    sink.write(w, part);
                }
                sink.commit();
            }
            try (GeoTiffSource back = GeoTiffSource.open(file, file.getFileName().toString())) {
                double[] got = new double[v.length];
                back.read(0, grid.extent(), got);
                assertArrayEquals(expected, got, "windows of " + size);
            }
            files[k++] = Files.readAllBytes(file);
        }
        assertEquals(files[0].length, files[1].length,
                "the same tiles from windows of 512 and of 256 (in another order)");
        Gdal.assumeAvailable();
        assertEquals(BandStats.of(expected, grid.width(), grid.height()),
                BandStats.parse(Gdal.checksums(tmp.resolve("class512.tif").toString()).get(0)));
    }

    @Test
    void bigTiffWhenOffsetsWouldPassTheLimit() throws Exception {
        Grid grid = gridOf(WGS84);
        Path file = tmp.resolve("big.tif");
        try (GeoTiffSink sink = GeoTiffSink.createWithLimit(file, grid, SampleType.INT16, -32768, 1000)) {
            writeShuffled(sink, grid, SampleType.INT16, -32768, 256, 256, 2);
            sink.commit();
        }
        byte[] head = Files.readAllBytes(file);
        assertEquals(43, head[2]);
        try (GeoTiffSource back = GeoTiffSource.open(file, "big.tif")) {
            double[] v = new double[grid.width() * grid.height()];
            back.read(0, grid.extent(), v);
            for (int i = 0; i < v.length; i++) {
                assertEquals(value(SampleType.INT16, i % grid.width(), i / grid.width()), v[i]);
            }
        }
        Gdal.assumeAvailable();
        assertEquals("700", Gdal.checksums("--grids", file.toString()).get(0)[1]);
    }

    /**
     * With a background force after every tile, from several threads at once, the map reads back the same; the
     * forces did run.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void backgroundForcesLeaveTheMapIntact(Path source, SampleType type, double noData, int tw, int th, int threads)
            throws Exception {
        Grid grid = gridOf(source);
        Path file = tmp.resolve("synced.tif");
        AtomicInteger forces = new AtomicInteger();
        try (GeoTiffSink sink = GeoTiffSink.createSyncing(file, grid, type, noData, 1, ch -> {
            forces.incrementAndGet();
            ch.force(false);
        })) {
            writeShuffled(sink, grid, type, noData, tw, th, Math.max(2, threads));
            sink.commit();
        }
        assertTrue(forces.get() > 0, "no background force ran");
        try (GeoTiffSource back = GeoTiffSource.open(file, "synced.tif")) {
            double[] v = new double[grid.width() * grid.height()];
            back.read(0, grid.extent(), v);
            assertArrayEquals(values(grid, type), v);
        }
    }

    /**
     * A background force that fails (the disk filled up while the kernel wrote the file back) fails the commit with
     * the file's name, and leaves nothing behind: the system reports such an error once, so the commit's own force
     * could have succeeded after it.
     */
    @Test
    void aFailedBackgroundForceFailsTheCommit() throws Exception {
        Grid grid = gridOf(WGS84);
        Path file = tmp.resolve("full.tif");
        try (GeoTiffSink sink = GeoTiffSink.createSyncing(file, grid, SampleType.INT16, -32768, 1, ch -> {
            throw new IOException("No space left on device");
        })) {
            writeShuffled(sink, grid, SampleType.INT16, -32768, 256, 256, 2);
            InputException e = assertThrows(InputException.class, sink::commit);
            assertTrue(e.getMessage().startsWith(file + ": cannot write ("), e.getMessage());
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void closeWithoutCommitLeavesNothing() throws IOException {
        Grid grid = gridOf(WGS84);
        Path file = tmp.resolve("partial.tif");
        try (RasterSink sink = GeoTiffSink.create(file, grid, SampleType.INT16, -32768)) {
            sink.write(new Window(300, 10, 300, 20), new short[6000]);
            sink.write(new Window(0, 0, 256, 256), new short[65536]);
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void commitRefusesMissingPixels() {
        Grid grid = gridOf(WGS84);
        try (RasterSink sink = GeoTiffSink.create(tmp.resolve("x.tif"), grid, SampleType.UINT8, 255)) {
            sink.write(new Window(0, 0, 700, 500), new short[700 * 500]);
            IllegalStateException e = assertThrows(IllegalStateException.class, sink::commit);
            assertTrue(e.getMessage().contains("6 of 9 tiles were not completely written"), e.getMessage());
        }
    }

    /** Detected when a write covers a tile already begun, or gives a tile more pixels than it has. */
    @Test
    void pixelsWrittenTwiceAreRefused() {
        Grid grid = gridOf(WGS84);
        try (RasterSink sink = GeoTiffSink.create(tmp.resolve("x.tif"), grid, SampleType.INT16, -32768)) {
            sink.write(new Window(0, 0, 100, 100), new short[10000]);
            assertThrows(IllegalStateException.class, () -> sink.write(new Window(0, 0, 256, 256), new short[65536]));
            sink.write(new Window(256, 0, 200, 256), new short[200 * 256]);
            assertThrows(IllegalStateException.class, () -> sink.write(new Window(356, 0, 156, 256), new short[156 * 256]));
        }
    }

    @Test
    void valuesThatDoNotFitTheTypeAreRefused() {
        Grid grid = gridOf(WGS84);
        try (RasterSink sink = GeoTiffSink.create(tmp.resolve("x.tif"), grid, SampleType.UINT8, 255)) {
            assertThrows(IllegalArgumentException.class, () -> sink.write(new Window(0, 0, 1, 1), new short[] {256}));
            assertThrows(IllegalArgumentException.class, () -> sink.write(new Window(0, 0, 1, 1), new float[] {1.5f}));
        }
    }

    @Test
    void crsWithoutEpsgCodeNeverReadIsRefused() {
        CrsInfo unknown = Crs.describe(Crs.fromWkt("PROJCS[\"Mollweide\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\","
                + "SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
                + "PROJECTION[\"Mollweide\"],PARAMETER[\"central_meridian\",7],UNIT[\"metre\",1]]", "test"));
        Grid grid = new Grid(unknown, 0, 0, 1000, -1000, 10, 10);
        InputException e = assertThrows(InputException.class,
                () -> GeoTiffSink.create(tmp.resolve("m.tif"), grid, SampleType.INT16, -32768));
        assertTrue(e.getMessage().startsWith(tmp.resolve("m.tif") + ": cannot write the coordinate reference system"),
                e.getMessage());
    }
}
