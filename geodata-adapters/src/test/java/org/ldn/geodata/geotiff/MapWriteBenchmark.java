package org.ldn.geodata.geotiff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.SampleType;

/**
 * Cost of writing Int16 class maps (not a unit test): reads every Int16 GeoTIFF of a folder (the maps of a run),
 * then, on one thread, times in CPU time (1) the encoder alone on each map's whole 256 x 256 tiles after the predictor
 * ({@link TileEncoder#encodePredicted}, as {@link GeoTiffSink} calls it) and (2) writing the map again with
 * {@link GeoTiffSink} in 512 x 512 windows in order, as a run does (predictor, uniform tiles, file writes, commit).
 * Prints nanoseconds per map pixel and the encoded sizes. Usage (from the repository root, after
 * {@code ./ldn run /work/bench-perf/m8000/ldn.yaml --out /tmp/x -q}):
 * <pre>
 * mvn -q -B -o -pl geodata-adapters -am test-compile
 * mvn -q -B -o -pl geodata-adapters dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -XX:+UseParallelGC -Dderby.stream.error.file=/dev/null \
 *   -cp geodata-adapters/target/test-classes:geodata-adapters/target/classes:core/target/classes:$(cat geodata-adapters/target/cp.txt) \
 *   org.ldn.geodata.geotiff.MapWriteBenchmark /tmp/x/maps 3
 * </pre>
 */
public final class MapWriteBenchmark {
    private static final int TILE = GeoTiffSink.TILE;
    /** The thread's CPU time (user and system): a loaded machine distorts it far less than wall time. */
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private MapWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> maps;
        try (Stream<Path> s = Files.list(dir)) {
            maps = s.filter(p -> p.toString().endsWith(".tif")).sorted().toList();
        }
        Path out = Files.createTempDirectory("ldn-mapwrite");
        System.out.printf(Locale.ROOT, "%d cores, heap max %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        for (int rep = -1; rep < reps; rep++) {
            long encNanos = 0;
            long sinkNanos = 0;
            long pixels = 0;
            long tilePixels = 0;
            long encBytes = 0;
            long fileBytes = 0;
            for (Path map : maps) {
                Grid grid;
                short[] v;
                try (GeoTiffSource src = GeoTiffSource.open(map, map.getFileName().toString())) {
                    if (src.sampleType() != SampleType.INT16) {
                        continue;
                    }
                    grid = src.grid();
                    v = read(src, grid);
                }
                pixels += v.length;
                // (1) the encoder alone on the whole tiles, predictor applied beforehand
                List<byte[]> tiles = predictedTiles(v, grid.width(), grid.height());
                byte[] raw = new byte[TILE * TILE * 4]; // as GeoTiffSink's buffer
                long t0 = CPU.getCurrentThreadCpuTime();
                for (byte[] t : tiles) {
                    System.arraycopy(t, 0, raw, 0, t.length);
                    encBytes += TileEncoder.encodePredicted(raw, TILE, SampleType.INT16, 1).remaining();
                }
                encNanos += CPU.getCurrentThreadCpuTime() - t0;
                tilePixels += (long) tiles.size() * TILE * TILE;
                // (2) the whole map through the sink, 512 x 512 windows in order
                List<Window> windows = Tiling.of(grid, 512).windows();
                List<short[]> parts = new ArrayList<>();
                for (Window w : windows) {
                    short[] p = new short[w.length()];
                    for (int r = 0; r < w.height(); r++) {
                        System.arraycopy(v, (w.row() + r) * grid.width() + w.col(), p, r * w.width(), w.width());
                    }
                    parts.add(p);
                }
                Path file = out.resolve(map.getFileName());
                t0 = CPU.getCurrentThreadCpuTime();
                try (GeoTiffSink sink = GeoTiffSink.create(file, grid, SampleType.INT16, Short.MIN_VALUE)) {
                    for (int i = 0; i < windows.size(); i++) {
                        sink.write(windows.get(i), parts.get(i));
                    }
                    sink.commit();
                }
                sinkNanos += CPU.getCurrentThreadCpuTime() - t0;
                fileBytes += Files.size(file);
                if (rep == reps - 1) {
                    System.out.printf(Locale.ROOT, "  %-40s %9d bytes (input %9d)%n", map.getFileName(),
                            Files.size(file), Files.size(map));
                }
                Files.delete(file);
            }
            System.out.printf(Locale.ROOT,
                    "%s: encoder %.2f ns/px (%.2f s, %d bytes), sink %.2f ns/px (%.2f s, %d bytes), %d Mpx%n",
                    rep < 0 ? "warm-up" : "run " + rep, (double) encNanos / tilePixels, encNanos / 1e9, encBytes,
                    (double) sinkNanos / pixels, sinkNanos / 1e9, fileBytes, pixels / 1_000_000);
        }
        Files.delete(out);
    }

    private static short[] read(GeoTiffSource src, Grid grid) {
        short[] v = new short[grid.width() * grid.height()];
        double[] buf = new double[grid.width() * 256];
        for (int r = 0; r < grid.height(); r += 256) {
            Window w = new Window(0, r, grid.width(), Math.min(256, grid.height() - r));
            src.read(0, w, buf);
            for (int i = 0, n = w.length(); i < n; i++) {
                double d = buf[i];
                v[r * grid.width() + i] = d == d ? (short) d : Short.MIN_VALUE;
            }
        }
        return v;
    }

    /** The whole 256 x 256 tiles that hold more than one value, differenced (predictor 2), little-endian. */
    private static List<byte[]> predictedTiles(short[] v, int width, int height) {
        List<byte[]> tiles = new ArrayList<>();
        for (int ty = 0; ty + TILE <= height; ty += TILE) {
            for (int tx = 0; tx + TILE <= width; tx += TILE) {
                byte[] t = new byte[TILE * TILE * 2];
                short first = v[ty * width + tx];
                boolean uniform = true;
                for (int r = 0; r < TILE; r++) {
                    int prev = 0;
                    for (int c = 0; c < TILE; c++) {
                        int s = v[(ty + r) * width + tx + c];
                        uniform &= s == first;
                        int d = s - prev;
                        prev = s;
                        int at = 2 * (r * TILE + c);
                        t[at] = (byte) d;
                        t[at + 1] = (byte) (d >> 8);
                    }
                }
                if (!uniform) {
                    tiles.add(t);
                }
            }
        }
        return tiles;
    }
}
