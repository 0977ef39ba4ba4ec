package org.ldn.geodata.geotiff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;

/**
 * Throughput of the GeoTIFF reader (not a unit test). Generates, with our writer, a 10000 x 10000 Int16 GeoTIFF
 * (tiled 256, DEFLATE, predictor 2; a smooth field with noise, a few classes and nodata blobs) unless it exists,
 * reads it fully through {@link RasterSource} in windows with 1 and 2 threads, and times
 * {@code gdal_translate -of ENVI} on the same file when GDAL is installed. Usage (from the repository root):
 * <pre>
 * mvn -q -B -o -pl geodata-adapters -am test-compile
 * mvn -q -B -o -pl geodata-adapters dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx256m -Dderby.stream.error.file=/dev/null \
 *   -cp geodata-adapters/target/test-classes:geodata-adapters/target/classes:core/target/classes:$(cat geodata-adapters/target/cp.txt) \
 *   org.ldn.geodata.geotiff.GeoTiffReadBenchmark /tmp/ldn-bench
 * </pre>
 */
public final class GeoTiffReadBenchmark {
    private static final int SIZE = 10_000;
    private static final short NODATA = Short.MIN_VALUE;

    private GeoTiffReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(dir);
        Path file = dir.resolve("bench_int16_10000.tif");
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            generate(file);
            System.out.printf(Locale.ROOT, "generated %s (%.1f MB) in %.1f s%n", file, Files.size(file) / 1e6,
                    (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "heap max %d MB, %d cores%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        read(file, 256, 1, -1); // warm-up (JIT), not a figure
        for (int window : new int[] {1024, 256, 1000}) {
            for (int threads : new int[] {1, 2}) {
                for (int run = 0; run < 3; run++) {
                    read(file, window, threads, run);
                }
            }
        }
        gdal(file, dir);
    }

    /** Value of pixel (c, r): a smooth field of 0..~1400, noise of a few units, 4 classes, nodata blobs. */
    static short value(int c, int r) {
        double x = c / 1000.0;
        double y = r / 1000.0;
        if (Math.sin(x * 1.7) * Math.cos(y * 2.3) > 0.85) {
            return NODATA;
        }
        int h = (c * 73856093) ^ (r * 19349663);
        h ^= h >>> 13;
        h *= 0x5bd1e995;
        h ^= h >>> 15;
        int noise = (h & 15) - 8;
        int cls = ((c / 700) + (r / 900)) % 4;
        return (short) (400 + 300 * Math.sin(x) * Math.cos(y * 0.7) + 150 * cls + noise);
    }

    private static void generate(Path file) throws Exception {
        Path ref = GeoTiffFixtures.dir().resolve("utm33_int16_tile_deflate_p2.tif");
        Grid grid;
        try (GeoTiffSource s = GeoTiffSource.open(ref, "utm33")) {
            grid = new Grid(s.grid().crs(), 500000, 5100000, 30, -30, SIZE, SIZE);
        }
        List<Window> windows = new Tiling(SIZE, SIZE, 1024, 512).windows();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        java.util.concurrent.atomic.AtomicLong writeNanos = new java.util.concurrent.atomic.AtomicLong();
        try (RasterSink sink = new GeoTiffIO(6).create(file, grid, SampleType.INT16, NODATA)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (Window w : windows) {
                jobs.add(pool.submit(() -> {
                    short[] v = new short[w.length()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = value(w.col() + i % w.width(), w.row() + i / w.width());
                    }
                    long t0 = System.nanoTime();
                    sink.write(w, v);
                    writeNanos.addAndGet(System.nanoTime() - t0);
                }));
            }
            for (Future<?> j : jobs) {
                j.get();
            }
            long t0 = System.nanoTime();
            sink.commit();
            System.out.printf(Locale.ROOT, "writer: %.1f s in write() summed over 2 threads, commit %.2f s%n",
                    writeNanos.get() / 1e9, (System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static void read(Path file, int window, int threads, int run) throws Exception {
        long t0 = System.nanoTime();
        double total = 0;
        try (RasterSource s = new GeoTiffIO().open(file, file.getFileName().toString())) {
            List<Window> windows = Tiling.of(s.grid(), window).windows();
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Double>> sums = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                sums.add(pool.submit(() -> {
                    double[] buf = new double[window * window];
                    double sum = 0;
                    for (int i = next.getAndIncrement(); i < windows.size(); i = next.getAndIncrement()) {
                        Window w = windows.get(i);
                        s.read(0, w, buf);
                        for (int k = 0, n = w.length(); k < n; k++) {
                            double v = buf[k];
                            if (v == v) {
                                sum += v;
                            }
                        }
                    }
                    return sum;
                }));
            }
            for (Future<Double> f : sums) {
                total += f.get();
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "read windows %d, threads %d, run %s: %.2f s, %.0f Mpx/s (sum %.0f)%n",
                window, threads, run < 0 ? "warm-up" : run, s, (double) SIZE * SIZE / s / 1e6, total);
    }

    private static void gdal(Path file, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("bench.envi");
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            Process p;
            try {
                p = new ProcessBuilder("gdal_translate", "-q", "-of", "ENVI", file.toString(), out.toString())
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                System.out.println("gdal_translate not found: no GDAL comparison");
                return;
            }
            p.getInputStream().readAllBytes();
            int rc = p.waitFor();
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "gdal_translate -of ENVI, run %d: %.2f s, %.0f Mpx/s (exit %d)%n",
                    run, s, (double) SIZE * SIZE / s / 1e6, rc);
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(dir.resolve("bench.hdr"));
        Files.deleteIfExists(dir.resolve("bench.envi.aux.xml"));
    }
}
