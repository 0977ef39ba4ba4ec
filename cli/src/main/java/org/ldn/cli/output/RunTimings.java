package org.ldn.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ldn.core.InputException;
import org.ldn.core.engine.StageClock;
import org.ldn.core.report.Report;

/**
 * The {@code --timings} file of {@code ldn run}: wall seconds of setup (reading the run file, opening inputs,
 * rasterizing zones) and of the run (tiles, report, tables), thread seconds per {@link StageClock.Stage}, the
 * process's peak resident memory (Linux {@code VmHWM}; absent elsewhere), by the end of the run the whole
 * process's CPU seconds and the seconds its JIT compilers and its garbage collector took (absent where the JVM does
 * not say), and the number of CPUs the process was allowed to run on (Linux; absent elsewhere).
 */
public final class RunTimings {
    private RunTimings() {
    }

    /** Parsed back by {@code ldn bench}. */
    public record Timings(double setupSeconds, double runSeconds, int threads, int tileSize, long pixels,
            Map<String, Double> stageThreadSeconds, Long peakRssBytes, Double firstTileSeconds,
            Double firstTileCpuSeconds, Double lastTileSeconds, Double cpuSeconds, Double compileSeconds,
            Double gcSeconds, Integer cores) {
    }

    /** CPU seconds this process has used so far (all threads; NaN when the system does not say). */
    public static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /**
     * Seconds since this process started, for the {@code firstTileSeconds} of the timings. On Linux: the system's
     * uptime now less the process's start in clock ticks since boot ({@code /proc/uptime}, {@code /proc/self/stat}),
     * to the tick. Elsewhere: from {@link ProcessHandle.Info#startInstant()}, or the JVM's own start time when the
     * system does not say. (On Linux, {@code startInstant()} adds the ticks to the boot time in whole seconds, so
     * it places the start up to a second early.)
     */
    public static double sinceProcessStart() {
        double linux = sinceStartLinux();
        if (!Double.isNaN(linux)) {
            return linux;
        }
        long start = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli)
                .orElse(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        return (System.currentTimeMillis() - start) / 1e3;
    }

    /** Clock ticks per second of {@code /proc} (USER_HZ, 100 on every Linux ABI). */
    private static final double USER_HZ = 100;

    /** Seconds since this process started from {@code /proc}, to the clock tick; NaN when they cannot be read. */
    static double sinceStartLinux() {
        try {
            String uptime = Files.readString(Path.of("/proc/uptime")).trim();
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name (in parentheses, which may hold spaces): state is field 3, start 22
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            double started = Long.parseLong(f[22 - 3]) / USER_HZ;
            double now = Double.parseDouble(uptime.split("\\s+")[0]);
            double since = now - started;
            return since >= 0 && since < 1e7 ? Math.round(since * USER_HZ) / USER_HZ : Double.NaN; // to the tick
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    public static void write(Path file, double setup, double run, int threads, int tileSize, Report.GridInfo grid) {
        write(file, setup, run, threads, tileSize, grid, null, null, null);
    }

    /**
     * As above, with the seconds from the process start to the start of the first tile, the CPU seconds the process
     * had used by then, and the seconds from the process start to the end of the last pass over the tiles (what
     * follows is the report, the tables and the manifest); each may be null.
     */
    public static void write(Path file, double setup, double run, int threads, int tileSize, Report.GridInfo grid,
            Double firstTile, Double firstTileCpu, Double lastTile) {
        long[] nanos = StageClock.snapshot();
        Map<String, Double> stages = new LinkedHashMap<>();
        for (StageClock.Stage s : StageClock.Stage.values()) {
            stages.put(s.name().toLowerCase(java.util.Locale.ROOT), nanos[s.ordinal()] / 1e9);
        }
        Timings t = new Timings(setup, run, threads, tileSize, (long) grid.width() * grid.height(), stages,
                peakRss(), firstTile, firstTileCpu, lastTile, orNull(cpuSeconds()), compileSeconds(), gcSeconds(),
                allowedCores());
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), t);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException(file + ": cannot write the timings (" + e.getMessage() + ")");
        }
    }

    public static Timings read(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), Timings.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /**
     * Seconds the JIT compilers have spent compiling so far (each compilation's elapsed time, summed over the
     * compiler threads), or null. On a machine with no spare core this is CPU taken from the workers, which a run
     * with fewer workers than cores does not pay (docs/benchmarks.md, "Eleventh round").
     */
    static Double compileSeconds() {
        java.lang.management.CompilationMXBean c = java.lang.management.ManagementFactory.getCompilationMXBean();
        return c == null || !c.isCompilationTimeMonitoringSupported() ? null : c.getTotalCompilationTime() / 1e3;
    }

    /** Seconds of garbage collection so far (all collectors, pauses and concurrent work as the JVM counts them). */
    static Double gcSeconds() {
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean g
                : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            if (g.getCollectionTime() < 0) {
                return null;
            }
            ms += g.getCollectionTime();
        }
        return ms / 1e3;
    }

    /**
     * How many CPUs this process may run on (Linux {@code Cpus_allowed_list}: fewer than the machine has under
     * {@code taskset}, as {@code ldn bench --pin-cores} runs it), or {@code null} where the system does not say.
     */
    static Integer allowedCores() {
        List<Integer> cpus = allowedCpus();
        return cpus == null ? null : cpus.size();
    }

    /** The CPUs this process may run on, in ascending order (Linux), or {@code null} where the system does not say. */
    public static List<Integer> allowedCpus() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("Cpus_allowed_list:")) {
                    return cpuList(l.substring(18).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The CPUs of a Linux CPU list such as {@code 0-3,8,10-11}, in the order given. */
    static List<Integer> cpuList(String list) {
        List<Integer> cpus = new java.util.ArrayList<>();
        for (String part : list.split(",")) {
            int dash = part.indexOf('-');
            int first = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int last = dash < 0 ? first : Integer.parseInt(part.substring(dash + 1));
            for (int c = first; c <= last; c++) {
                cpus.add(c);
            }
        }
        return cpus;
    }

    /** Peak resident set size of this process in bytes (Linux), or {@code null}. */
    static Long peakRss() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            for (String l : lines) {
                if (l.startsWith("VmHWM:")) {
                    return 1024 * Long.parseLong(l.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
