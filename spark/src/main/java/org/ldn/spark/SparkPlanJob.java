package org.ldn.spark;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ldn.core.InputException;
import org.ldn.core.engine.RunSizing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ldn-spark plan}: the plan of a run of a given shape split into tasks, without reading any pixel; by default
 * the whole globe at 300 m (129,600 × 64,800 pixels of 1/360°) over 200 countries, with the supplied-input run of
 * three periods (four land-cover and SOC years). The countries are 20 × 10 rectangles between 56° S and 84° N, so
 * the zones' row spans are counted exactly.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plans a run of the given shape split into Spark tasks (no pixel is read): tiles, tasks, bytes"
                + " read and written per task, memory per executor. Default: the globe at 300 m, 200 countries.")
final class SparkPlanJob implements Callable<Integer> {
    @Option(names = "--width", defaultValue = "129600", description = "Grid width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "64800", description = "Grid height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--zones", defaultValue = "200", description = "Countries (default: ${DEFAULT-VALUE}).")
    int zones;

    @Option(names = "--periods", defaultValue = "3", description = "Periods, baseline included (default: ${DEFAULT-VALUE}).")
    int periods;

    @Option(names = "--lc-years", defaultValue = "4", description = "Land-cover years (default: ${DEFAULT-VALUE}).")
    int lcYears;

    @Option(names = "--soc-years", defaultValue = "4", description = "SOC years (default: ${DEFAULT-VALUE}).")
    int socYears;

    @Option(names = "--series-years", defaultValue = "0",
            description = "Years of a productivity series (0: supplied LPD maps; default: ${DEFAULT-VALUE}).")
    int seriesYears;

    @Option(names = "--input-bytes", defaultValue = "2",
            description = "Bytes per pixel of an input layer (default: ${DEFAULT-VALUE}, Int16).")
    int inputBytes;

    @Option(names = "--tile-size", defaultValue = "512", description = "Tile size (default: ${DEFAULT-VALUE}).")
    int tileSize;

    @Option(names = "--tasks", description = "Tasks (default: about 16 Mpx each, at least 4 per executor core).")
    Integer tasks;

    @Option(names = "--executors", defaultValue = "50", description = "Executors (default: ${DEFAULT-VALUE}).")
    int executors;

    @Option(names = "--executor-cores", defaultValue = "4", description = "Cores per executor (default: ${DEFAULT-VALUE}).")
    int cores;

    @Spec
    CommandSpec spec;

    /** Pixels a task aims at: 64 tiles of 512 × 512, a few seconds of one core. */
    static final long TARGET_PIXELS = 64L * 512 * 512;

    @Override
    public Integer call() {
        if (width < 1 || height < 1 || zones < 1 || periods < 1 || tileSize < 1 || executors < 1 || cores < 1
                || (tasks != null && tasks < 1)) {
            throw new InputException("plan: sizes, counts and tasks must be positive");
        }
        RunSizing.Shape shape = new RunSizing.Shape(width, height, zones, lcYears, socYears, periods, seriesYears,
                inputBytes, spans());
        int n = tasks != null ? tasks : RunSizing.tasksFor(shape, tileSize, TARGET_PIXELS, 4 * executors * cores);
        RunSizing s = RunSizing.of(shape, tileSize, n, cores);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "grid: %d x %d pixels (%.3g), %d zones, %d periods%n", width, height,
                (double) width * height, zones, periods);
        o.printf(Locale.ROOT, "tiles: %d of %d x %d%n", s.tiles(), tileSize, tileSize);
        o.printf(Locale.ROOT, "tasks: %d (at most %d tiles, %.1f Mpx each)%n", s.tasks(), s.maxTilesPerTask(),
                s.pixelsPerTask() / 1e6);
        o.printf(Locale.ROOT, "bytes per task: %d read (input samples), %d written (map samples), %d tally%n",
                s.inputBytesPerTask(), s.mapBytesPerTask(), s.tallyBytes());
        o.printf(Locale.ROOT, "memory per task: %d bytes%n", s.taskBytes());
        o.printf(Locale.ROOT, "memory per executor: %d bytes (%d cores; suggested --executor-memory %dg)%n",
                s.executorBytes(), cores, suggestedGiB(s.executorBytes()));
        o.printf(Locale.ROOT, "driver: merges %d tallies of %d bytes by a tree reduce%n", s.tasks(), s.tallyBytes());
        o.flush();
        return 0;
    }

    /** Heap to ask for: the estimate doubled (JVM and Spark overheads, garbage), in whole GiB, at least 1. */
    static long suggestedGiB(long bytes) {
        return Math.max(1, (2 * bytes + (1L << 30) - 1) >> 30);
    }

    /**
     * Row spans of the synthetic countries: 20 × 10 rectangles over longitudes −180..180 and latitudes −56..84 (the
     * inhabited land's band), each inset by a tenth of its cell; every row of a country is one span.
     */
    long spans() {
        int across = 20;
        int down = (zones + across - 1) / across;
        double rowsPerDegree = height / 180.0;
        double cell = 140.0 / down;
        long rows = (long) Math.floor(cell * 0.8 * rowsPerDegree);
        return rows * zones;
    }
}
