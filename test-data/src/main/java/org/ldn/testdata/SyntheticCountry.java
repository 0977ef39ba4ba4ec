package org.ldn.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterIO;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.SampleType;

/**
 * A large SYNTHETIC country for benchmarks: a lobed, country-shaped territory on a geographic (EPSG:4326) grid of
 * {@code size × size} pixels of 0.00025° (about 28 m; 20,000 pixels span 5°, west edge 20° E, north edge 10° N),
 * cut into {@code zones} sub-national units (rings × sectors with shared vertices, so they tile the territory
 * without gaps or overlaps), and the inputs of a three-period supplied-input run:
 * <ul>
 * <li>land cover 2000, 2015, 2019, 2023 in UNCCD codes 1..7 (Byte), in patches of 40 pixels, each patch changing
 *     class with probability 8 % per step, and 3 % of pixels differing from their patch;</li>
 * <li>5-class LPD for the periods {@code baseline}, {@code reporting1}, {@code reporting2} (Byte, nodata 0 for 1 %
 *     of pixels), in patches of 23 pixels with 10 % pixel noise;</li>
 * <li>SOC stocks 2000, 2015, 2019, 2023 (Int16 t C/ha, nodata −32768) on a coarser grid of 9 × 9 pixels (about
 *     250 m, like SoilGrids) aligned with the others, so the run regrids them;</li>
 * <li>optionally an annual NDVI series of {@code seriesYears} files (Int16, NDVI × 10,000) for computed
 *     productivity: a per-patch trend plus pixel noise.</li>
 * </ul>
 * The rasters cover the whole square; the zones cover about 55 % of it. Pixel values are hashes of the position and
 * the seed, so any tile can be made on its own, in parallel, and the same seed writes the same files.
 *
 * <p>The <em>mixed</em> country ({@link Spec#mixed()}) has the inputs on the grids and CRSs real national data come
 * on, so that the run regrids most of them: the LPD maps give the reference grid (as above); land cover lies on a
 * third grid of the same CRS, of 0.0003° (1.2 reference pixels, like 300 m land cover against 250 m LPD) with its
 * origin 0.37 and 0.29 of its pixels off the reference's; SOC is modelled (IPCC Tier 1) from one initial stock map
 * (2000) on a grid of 9 reference pixels whose origin is 0.43 and 0.61 of its pixels off, and from IPCC climate
 * zones on a 1 km grid in WGS 84 / UTM zone 34N (EPSG:32634); land types (codes 1..12, patches of 64 pixels) and
 * population counts are on the reference grid.
 */
public final class SyntheticCountry {
    /** Pixel size in degrees. */
    public static final double CELL = 0.00025;
    /** SOC pixels are this many land-cover pixels across. */
    public static final int SOC_FACTOR = 9;
    /** Land-cover pixels of the mixed country are this many reference pixels across. */
    public static final double LC_FACTOR = 1.2;
    /** Climate-zone pixels of the mixed country, metres. */
    public static final double CLIMATE_CELL = 1000;
    /** WGS 84 / UTM zone 34N, described by its EPSG code (the GeoTIFF writer records the code). */
    public static final CrsInfo UTM_34N = new CrsInfo("WGS 84 / UTM zone 34N", "PROJCRS[\"WGS 84 / UTM zone 34N\"]",
            32634, false, false);
    public static final int[] LC_YEARS = {2000, 2015, 2019, 2023};
    public static final String[] PERIODS = {"baseline", "reporting1", "reporting2"};
    private static final int[] LC_WEIGHTS = {30, 25, 25, 3, 4, 8, 5}; // per cent, UNCCD classes 1..7
    private static final int[] LPD_WEIGHTS = {5, 8, 12, 25, 50}; // per cent, LPD classes 1..5
    private static final int BLOCK = 256;

    /**
     * What to write.
     *
     * @param size        width and height in pixels
     * @param zones       number of sub-national units (a multiple of 8 from 8 up, or 1)
     * @param seriesYears 0 for supplied LPD; else the first year is 2000 and LPD is computed from the series
     */
    public record Spec(int size, int zones, int seriesYears, long seed, boolean mixed) {
        /** A country with every input on the reference CRS and all but SOC on the reference grid. */
        public Spec(int size, int zones, int seriesYears, long seed) {
            this(size, zones, seriesYears, seed, false);
        }

        public Spec {
            if (size < 64 || size > 200_000) {
                throw new IllegalArgumentException("size must be 64..200000 pixels, not " + size);
            }
            if (zones != 1 && (zones < 8 || zones % 8 != 0)) {
                throw new IllegalArgumentException("zones must be 1 or a multiple of 8, not " + zones);
            }
            if (mixed && seriesYears != 0) {
                throw new IllegalArgumentException("the mixed-grid country has supplied LPD, not a series");
            }
            if (seriesYears != 0 && (seriesYears < 24 || seriesYears > 40)) {
                throw new IllegalArgumentException("a series needs 24..40 years (2000..2023 at least), not "
                        + seriesYears);
            }
        }

        /** The grid of every raster but SOC. */
        public Grid grid() {
            return SyntheticRaster.geographic(20, 10, CELL, size, size);
        }

        /** The coarser SOC grid: aligned with {@link #grid()}, or (mixed) offset by a fraction of its pixels. */
        public Grid socGrid() {
            int n = (size + SOC_FACTOR - 1) / SOC_FACTOR;
            double cell = CELL * SOC_FACTOR;
            return mixed ? SyntheticRaster.geographic(20 - 0.43 * cell, 10 + 0.61 * cell, cell, n + 1, n + 1)
                    : SyntheticRaster.geographic(20, 10, cell, n, n);
        }

        /** The land-cover grid: {@link #grid()}, or (mixed) a grid of 0.0003° offset by a fraction of a pixel. */
        public Grid landCoverGrid() {
            if (!mixed) {
                return grid();
            }
            double cell = CELL * LC_FACTOR;
            int n = (int) Math.ceil(size / LC_FACTOR) + 1;
            return SyntheticRaster.geographic(20 - 0.37 * cell, 10 + 0.29 * cell, cell, n, n);
        }

        /**
         * The climate-zone grid of the mixed country: 1 km cells in WGS 84 / UTM zone 34N (central meridian 21° E)
         * covering the square with a margin of about 1° on every side.
         */
        public Grid climateGrid() {
            double side = size * CELL;
            double west = 500_000 - 2 * 111_320.0;
            double east = 500_000 + (side + 1) * 111_320.0;
            double north = 11 * 110_600.0;
            double south = (10 - side - 1) * 110_600.0;
            int w = (int) Math.ceil((east - west) / CLIMATE_CELL);
            int h = (int) Math.ceil((north - south) / CLIMATE_CELL);
            return new Grid(UTM_34N, west, north, CLIMATE_CELL, -CLIMATE_CELL, w, h);
        }
    }

    private SyntheticCountry() {
    }

    /**
     * Writes the rasters, {@code zones.geojson} and {@code ldn.yaml} into {@code dir} with {@code threads} threads;
     * {@code done} is told the number of files finished so far. Returns the run file.
     */
    public static Path write(Path dir, RasterIO io, Spec spec, int threads, IntConsumer done) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("zones.geojson"), zonesGeoJson(spec), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int files = 0;
        Grid grid = spec.grid();
        long seed = spec.seed();
        for (int y = 0; y < LC_YEARS.length; y++) {
            int step = y;
            raster(io, dir.resolve("lc_" + LC_YEARS[y] + ".tif"), spec.landCoverGrid(), SampleType.UINT8, 255, threads,
                    (c, r) -> landCover(seed, step, c, r));
            done.accept(++files);
        }
        if (spec.seriesYears() == 0) {
            for (int p = 0; p < PERIODS.length; p++) {
                int period = p;
                raster(io, dir.resolve("lpd_" + PERIODS[p] + ".tif"), grid, SampleType.UINT8, 0, threads,
                        (c, r) -> lpd(seed, period, c, r));
                done.accept(++files);
            }
        } else {
            for (int y = 0; y < spec.seriesYears(); y++) {
                int year = y;
                raster(io, dir.resolve("ndvi_" + (2000 + y) + ".tif"), grid, SampleType.INT16, Short.MIN_VALUE,
                        threads, (c, r) -> ndvi(seed, year, c, r));
                done.accept(++files);
            }
        }
        for (int y = 0; y < (spec.mixed() ? 1 : LC_YEARS.length); y++) {
            int step = y;
            raster(io, dir.resolve("soc_" + LC_YEARS[y] + ".tif"), spec.socGrid(), SampleType.INT16,
                    Short.MIN_VALUE, threads, (c, r) -> soc(seed, step, c, r));
            done.accept(++files);
        }
        if (spec.mixed()) {
            raster(io, dir.resolve("climate_zones.tif"), spec.climateGrid(), SampleType.UINT8, 255, threads,
                    (c, r) -> climateZone(seed, c, r));
            done.accept(++files);
            raster(io, dir.resolve("land_types.tif"), grid, SampleType.UINT8, 255, threads,
                    (c, r) -> landType(seed, c, r));
            done.accept(++files);
            raster(io, dir.resolve("population.tif"), grid, SampleType.INT16, Short.MIN_VALUE, threads,
                    (c, r) -> population(seed, c, r));
            done.accept(++files);
        }
        Path run = dir.resolve("ldn.yaml");
        try {
            Files.writeString(run, runFile(spec), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run;
    }

    /** The number of raster files {@link #write} makes. */
    public static int fileCount(Spec spec) {
        if (spec.mixed()) {
            return LC_YEARS.length + PERIODS.length + 4;
        }
        return 2 * LC_YEARS.length + (spec.seriesYears() == 0 ? PERIODS.length : spec.seriesYears());
    }

    static String runFile(Spec spec) {
        StringBuilder sb = new StringBuilder();
        sb.append("title: synthetic country ").append(spec.size()).append(" x ").append(spec.size())
                .append(" (benchmark, SYNTHETIC data)\n");
        sb.append("zones: {file: zones.geojson, idField: id, nameField: name}\n");
        sb.append("landCover:\n  legend: unccd\n  maps: {");
        for (int y = 0; y < LC_YEARS.length; y++) {
            sb.append(y > 0 ? ", " : "").append(LC_YEARS[y]).append(": lc_").append(LC_YEARS[y]).append(".tif");
        }
        sb.append("}\nproductivity:\n");
        if (spec.seriesYears() == 0) {
            sb.append("  lpd: {");
            for (int p = 0; p < PERIODS.length; p++) {
                sb.append(p > 0 ? ", " : "").append(PERIODS[p]).append(": lpd_").append(PERIODS[p]).append(".tif");
            }
            sb.append("}\n");
        } else {
            sb.append("  series: {");
            for (int y = 0; y < spec.seriesYears(); y++) {
                sb.append(y > 0 ? ", " : "").append(2000 + y).append(": ndvi_").append(2000 + y).append(".tif");
            }
            sb.append("}\n  scale: 0.0001\ngrid: landCover\n");
        }
        if (spec.mixed()) {
            sb.append("soc:\n  initial: {year: ").append(LC_YEARS[0]).append(", file: soc_").append(LC_YEARS[0])
                    .append(".tif}\n  climate: climate_zones.tif\n");
            sb.append("landTypes: land_types.tif\npopulation: {total: population.tif}\ngrid: lpd\n");
        } else {
            sb.append("soc:\n  stocks: {");
            for (int y = 0; y < LC_YEARS.length; y++) {
                sb.append(y > 0 ? ", " : "").append(LC_YEARS[y]).append(": soc_").append(LC_YEARS[y]).append(".tif");
            }
            sb.append("}\n");
        }
        sb.append("periods:\n");
        int[] prodStart = {2000, 2004, 2008};
        for (int p = 0; p < PERIODS.length; p++) {
            int a = p == 0 ? 2000 : LC_YEARS[p];
            int b = LC_YEARS[p + 1];
            sb.append(String.format(Locale.ROOT,
                    "  - {name: %s, landCover: [%d, %d], soc: [%d, %d], productivity: [%d, %d]}%n",
                    PERIODS[p], a, b, a, b, prodStart[p], b));
        }
        return sb.toString();
    }

    // ---- pixel values: pure functions of the seed and the position ----

    /** Land cover of pixel (c, r) in year step {@code step} (0..3). */
    static int landCover(long seed, int step, int c, int r) {
        int px = c / 40;
        int py = r / 40;
        int cls = pick(LC_WEIGHTS, mix(seed, px, py, 0));
        for (int s = 1; s <= step; s++) {
            long h = mix(seed, px, py, s);
            if ((h & 0xFFFF) < 0.08 * 65536) {
                cls = pick(LC_WEIGHTS, h >>> 16);
            }
        }
        long n = mix(seed ^ 0x5bd1e995L, c, r, step);
        return (n & 0xFFFF) < 0.03 * 65536 ? 1 + (int) ((n >>> 16) % 7) : cls;
    }

    static int lpd(long seed, int period, int c, int r) {
        long n = mix(seed ^ 0x27d4eb2fL, c, r, 100 + period);
        if ((n & 0xFFFF) < 0.01 * 65536) {
            return 0;
        }
        if (((n >>> 16) & 0xFFFF) < 0.10 * 65536) {
            return pick(LPD_WEIGHTS, n >>> 32);
        }
        return pick(LPD_WEIGHTS, mix(seed, c / 23, r / 23, 200 + period));
    }

    /** SOC stock (t C/ha) of SOC pixel (c, r) in year step {@code step}. */
    static int soc(long seed, int step, int c, int r) {
        long h = mix(seed, c / 4, r / 4, 300);
        double stock = 30 + (h & 0xFF) * 60 / 255.0;
        for (int s = 1; s <= step; s++) {
            long g = mix(seed, c / 4, r / 4, 300 + s);
            stock *= 0.85 + (g & 0xFF) * 0.25 / 255.0; // -15 % .. +10 % per step
        }
        long n = mix(seed, c, r, 310 + step);
        return (n & 0xFF) == 0 ? Short.MIN_VALUE : (int) Math.round(stock + ((n >>> 8) & 3) - 1.5);
    }

    /** NDVI × 10,000 of pixel (c, r) in year {@code 2000 + year}: a per-patch level and trend plus noise. */
    static int ndvi(long seed, int year, int c, int r) {
        long h = mix(seed, c / 30, r / 30, 400);
        double level = 2000 + (h & 0xFFF) * 5000 / 4095.0;
        double trend = (((h >>> 12) & 0xFF) - 128) * 0.5; // -64..+63.5 per year
        long n = mix(seed, c, r, 500 + year);
        double noise = (((n & 0xFFFF) / 65535.0) - 0.5) * 800;
        return (int) Math.round(Math.max(-2000, Math.min(10_000, level + trend * year + noise)));
    }

    /** IPCC climate zone (1..12) of climate pixel (c, r) of the mixed country: blocks of 40 km, 2 % nodata. */
    static int climateZone(long seed, int c, int r) {
        long n = mix(seed, c, r, 600);
        if ((n & 0xFF) < 5) {
            return 255;
        }
        return 1 + (int) Long.remainderUnsigned(mix(seed, c / 40, r / 40, 601), 12);
    }

    /** Land type (1..12) of reference pixel (c, r) of the mixed country, in patches of 64 pixels. */
    static int landType(long seed, int c, int r) {
        return 1 + (int) Long.remainderUnsigned(mix(seed, c / 64, r / 64, 700), 12);
    }

    /** Population count (0..63, 1 % nodata) of reference pixel (c, r) of the mixed country. */
    static int population(long seed, int c, int r) {
        long n = mix(seed, c, r, 800);
        if ((n & 0xFF) < 3) {
            return Short.MIN_VALUE;
        }
        long h = mix(seed, c / 50, r / 50, 801);
        return (int) ((h & 31) + ((n >>> 8) & 31));
    }

    private static int pick(int[] weights, long h) {
        int x = (int) Long.remainderUnsigned(h, 100);
        for (int k = 0; k < weights.length; k++) {
            x -= weights[k];
            if (x < 0) {
                return k + 1;
            }
        }
        return weights.length;
    }

    /** SplitMix64 finaliser over the inputs. */
    static long mix(long seed, int a, int b, int c) {
        long z = seed + 0x9E3779B97F4A7C15L * (1 + a) + 0xC2B2AE3D27D4EB4FL * (1 + b) + 0x165667B19E3779F9L * (1 + c);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---- zones ----

    /**
     * The territory's outline at angle {@code t}: its radius as a fraction of half the grid's side, lobed by a
     * few harmonics (0.6..0.98).
     */
    static double radius(double t) {
        return 0.8 + 0.1 * Math.sin(3 * t) + 0.05 * Math.sin(7 * t + 1) + 0.03 * Math.sin(17 * t + 2);
    }

    /** The zones as GeoJSON (EPSG:4326): rings × sectors, ids {@code Z01}.., names {@code Unit 1}... */
    static String zonesGeoJson(Spec spec) {
        int sectors = spec.zones() == 1 ? 1 : 8;
        int rings = spec.zones() / sectors;
        int arc = 2048 / sectors; // vertices per sector along each ring
        double half = spec.size() * CELL / 2;
        double cx = 20 + half;
        double cy = 10 - half;
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        int id = 0;
        for (int k = 0; k < rings; k++) {
            double f0 = Math.sqrt((double) k / rings); // equal-area-ish rings
            double f1 = Math.sqrt((double) (k + 1) / rings);
            for (int s = 0; s < sectors; s++) {
                List<double[]> ring = new ArrayList<>();
                for (int v = 0; v <= arc; v++) { // outer arc, counter-clockwise
                    double t = 2 * Math.PI * (s * arc + v) / (sectors * arc);
                    ring.add(point(cx, cy, half, f1, t));
                }
                if (k == 0) {
                    if (sectors > 1) {
                        ring.add(new double[] {cx, cy});
                    }
                } else {
                    for (int v = arc; v >= 0; v--) { // inner arc, back
                        double t = 2 * Math.PI * (s * arc + v) / (sectors * arc);
                        ring.add(point(cx, cy, half, f0, t));
                    }
                }
                ring.add(ring.get(0));
                id++;
                sb.append(id > 1 ? ",\n" : "").append(String.format(Locale.ROOT,
                        "{\"type\":\"Feature\",\"properties\":{\"id\":\"Z%02d\",\"name\":\"Unit %d\"},"
                                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[", id, id));
                for (int v = 0; v < ring.size(); v++) {
                    sb.append(v > 0 ? "," : "").append(String.format(Locale.ROOT, "[%.9f,%.9f]", ring.get(v)[0],
                            ring.get(v)[1]));
                }
                sb.append("]]}}");
            }
        }
        return sb.append("\n]}\n").toString();
    }

    private static double[] point(double cx, double cy, double half, double f, double t) {
        double r = half * f * radius(t);
        return new double[] {cx + r * Math.cos(t), cy + r * Math.sin(t)};
    }

    // ---- writing ----

    interface PixelFunction {
        int value(int col, int row);
    }

    /** Writes one raster tile by tile (aligned with the writer's 256-pixel tiles) on {@code threads} threads. */
    static void raster(RasterIO io, Path file, Grid grid, SampleType type, int noData, int threads, PixelFunction f) {
        int across = (grid.width() + BLOCK - 1) / BLOCK;
        int tiles = across * ((grid.height() + BLOCK - 1) / BLOCK);
        AtomicInteger next = new AtomicInteger();
        try (RasterSink sink = io.create(file, grid, type, noData)) {
            Runnable work = () -> {
                short[] buf = new short[BLOCK * BLOCK];
                for (int t = next.getAndIncrement(); t < tiles; t = next.getAndIncrement()) {
                    int c0 = (t % across) * BLOCK;
                    int r0 = (t / across) * BLOCK;
                    Window w = new Window(c0, r0, Math.min(BLOCK, grid.width() - c0),
                            Math.min(BLOCK, grid.height() - r0));
                    short[] data = w.length() == buf.length ? buf : new short[w.length()];
                    int i = 0;
                    for (int r = w.row(); r < w.rowEnd(); r++) {
                        for (int c = w.col(); c < w.colEnd(); c++) {
                            data[i++] = (short) f.value(c, r);
                        }
                    }
                    sink.write(w, data);
                }
            };
            onThreads(threads, work);
            sink.commit();
        }
    }

    /**
     * Runs {@code work} on {@code threads} threads at once (at least one) and waits for all of them; the first
     * failure is rethrown. Each {@code work} takes its items from a shared counter until none is left.
     */
    static void onThreads(int threads, Runnable work) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < Math.max(1, threads); k++) {
                futures.add(pool.submit(work));
            }
            for (Future<?> fu : futures) {
                fu.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
