package org.ldn.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ldn.core.InputException;
import org.ldn.core.engine.EngineOptions;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFiles;
import org.ldn.geodata.align.Regridded;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.testdata.SyntheticCountry;
import org.ldn.testdata.SyntheticPrecipitation;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.ldn.cli.Ldn;
import org.ldn.cli.output.RunTimings;
import org.ldn.cli.run.AssembledRun;
import org.ldn.cli.run.RunAssembler;

/**
 * {@code ldn bench}: generates a large synthetic country ({@link SyntheticCountry}), times GDAL decoding its inputs,
 * then runs {@code ldn run} on it in fresh JVMs (one per thread count, bounded heap) and prints the time per stage,
 * Mpx/s and peak memory of each, and whether their reports are byte-identical.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks a full run on a generated SYNTHETIC country: time per stage, Mpx/s, peak memory,"
                + " against the time GDAL takes to decode the same inputs.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--size", paramLabel = "PIXELS",
            description = "Width and height of the country's grid (default: 20000; 4000 with --series).")
    Integer size;

    @Option(names = "--zones", paramLabel = "N", defaultValue = "40",
            description = "Sub-national units: 1 or a multiple of 8 (default: ${DEFAULT-VALUE}).")
    int zones;

    @Option(names = "--series", description = "Compute LPD from 24 annual NDVI files instead of supplied LPD maps.")
    boolean series;

    @Option(names = "--mixed", description = "Inputs on other grids and CRSs, as national data come: land cover on a"
            + " third grid, modelled SOC from a coarser offset grid and climate zones in UTM, land types, population.")
    boolean mixed;

    @Option(names = "--drought", description = "Add a 43-year monthly precipitation series (516 files, 1981-2023)"
            + " and the drought part (SPI-12, classes, blocks) to the run (default size 4000).")
    boolean drought;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Where the generated inputs live (default: ldn-bench/<size>[-series|-mixed]); generated when"
                    + " missing, reused otherwise.")
    Path data;

    @Option(names = "--threads", paramLabel = "N[,N...]", split = ",",
            description = "Thread counts to run with, one run each (default: 1 and all cores).")
    int[] threads;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Run the thread counts N times, round after round in alternating order (1 2, then 2 1...),"
                    + " and give the median of each count's wall times and of the rounds' speed-ups, so that a machine"
                    + " whose speed drifts during a sitting does not decide the figures (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--tile-size", paramLabel = "PIXELS", defaultValue = "" + EngineOptions.DEFAULT_TILE_SIZE,
            description = "Tile size of the timed runs (default: ${DEFAULT-VALUE}).")
    int tileSize;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "1g",
            description = "Maximum heap of each run's JVM (-Xmx, default: ${DEFAULT-VALUE}).")
    String heap;

    /** The garbage collectors a benchmark run may use, with their JVM flags. */
    enum Collector {
        /** With the launcher's fixed 64 MB young generation (see the {@code ldn} script). */
        parallel("-XX:+UseParallelGC", "-Xmn64m"), g1("-XX:+UseG1GC");

        final List<String> flags;

        Collector(String... flags) {
            this.flags = List.of(flags);
        }
    }

    @Option(names = "--gc", paramLabel = "parallel|g1", defaultValue = "parallel",
            description = "Garbage collector of each run's JVM (default: ${DEFAULT-VALUE}, as the ldn launcher uses;"
                    + " g1 is the JVM's own default).")
    Collector gc;

    @Option(names = "--verify", description = "Also run with one thread, 128-pixel tiles and every reprojected pixel"
            + " centre transformed exactly, and check that every run's report.json and tables are byte-identical to"
            + " it.")
    boolean verify;

    @Option(names = "--pin-cores", description = "Run each N-thread run on N cores only (Linux, taskset), so that"
            + " the JIT compilers, the collector and the digests share the run's cores in every run, as they do on a"
            + " machine with no core to spare. Without it, a run with fewer threads than cores gets them a core of its"
            + " own. The JVM's ergonomics stay those of the whole machine (-XX:ActiveProcessorCount).")
    boolean pinCores;

    @Option(names = "--no-gdal", description = "Skip the GDAL decode reference.")
    boolean noGdal;

    @Option(names = "--keep", description = "Keep each run's output folder (under DIR/runs).")
    boolean keep;

    @Option(names = "--seed", defaultValue = "15031",
            description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    /** The CPUs the runs are pinned to, the first N for an N-thread run ({@code --pin-cores}); null otherwise. */
    private List<Integer> cpus;

    private static final long EPOCH = System.currentTimeMillis() / 1000;
    /** Where a run keeps its CRS answers, input digests and EPSG database copy (README, Start-up). */
    private static final List<String> CACHE_PROPERTIES = List.of(org.ldn.geodata.crs.CrsCache.FILE_PROPERTY,
            org.ldn.cli.run.DigestCache.FILE_PROPERTY, org.ldn.geodata.crs.EpsgDatabase.PROPERTY);

    /** One timed run. */
    record Timed(String label, int threads, int tileSize, double wallSeconds, RunTimings.Timings timings, Path out) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        int side = size != null ? size : series || drought ? 4000 : 20_000;
        SyntheticCountry.Spec s;
        try {
            s = new SyntheticCountry.Spec(side, zones, series ? 24 : 0, seed, mixed);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int[] counts = threads != null ? threads : cores > 1 ? new int[] {1, cores} : new int[] {1};
        for (int t : counts) {
            if (t < 1) {
                throw new InputException("--threads: " + t + " is not a thread count (1 or more)");
            }
        }
        if (repeat < 1) {
            throw new InputException("--repeat: " + repeat + " is not a number of rounds (1 or more)");
        }
        cpus = pinCores ? pinnableCpus(counts) : null;
        Path dir = (data != null ? data : Path.of("ldn-bench", side + (series ? "-series" : mixed ? "-mixed" : "")
                + (drought ? "-drought" : ""))).toAbsolutePath();
        Path runFile = ensureData(o, dir, s, cores);
        if (drought) {
            ensureDrought(o, dir, runFile, s, cores);
        }
        o.printf(Locale.ROOT, "machine: %d cores, %.1f GiB memory; runs with -Xmx%s %s%s%n", cores, totalMemoryGiB(),
                heap, String.join(" ", gc.flags), pinCores ? "; each N-thread run on N cores (taskset)" : "");
        o.flush();

        List<Path> inputs = inputFiles(runFile);
        long inputBytes = 0;
        for (Path p : inputs) {
            inputBytes += Files.size(p);
        }
        o.printf(Locale.ROOT, "inputs: %d GeoTIFF files, reference grid %d x %d%s, %.2f GB compressed; 3 periods%n",
                inputs.size(), side, side, mixed ? " (land cover, SOC and climate zones on other grids and CRSs)" : "",
                inputBytes / 1e9);
        warmCaches(runFile);
        double[] gdal = noGdal ? null : gdalDecode(o, dir, inputs);

        Path runs = dir.resolve("runs");
        Files.createDirectories(runs);
        List<Timed> timed = new ArrayList<>();
        List<String> diffs = new ArrayList<>();
        for (int k = 0; k < repeat; k++) {
            for (int i = 0; i < counts.length; i++) {
                // alternating order: a machine that speeds up or slows down during the sitting favours no count
                int t = counts[k % 2 == 0 ? i : counts.length - 1 - i];
                Timed r = runOnce(o, runFile, runs, t + "-thread" + (repeat > 1 ? "-" + (k + 1) : ""), t, tileSize);
                timed.add(r);
                if (timed.size() > 1) {
                    // compared with the first run at once, so that repeated runs need room for two outputs only
                    diffs.addAll(compare(timed.get(0), r));
                    if (!keep) {
                        deleteTree(r.out());
                    }
                }
            }
        }
        Timed check = verify ? runOnce(o, runFile, runs, "verify", 1, 128) : null;
        if (check != null) {
            diffs.addAll(compare(timed.get(0), check));
        }

        o.println();
        o.printf(Locale.ROOT, "reference grid (cropped to the zones): %.1f Mpx; Mpx/s below are of that grid%n",
                timed.get(0).timings().pixels() / 1e6);
        o.printf(Locale.ROOT, "%-10s %5s %7s %7s %8s %8s %9s | thread seconds: %7s %7s %7s %7s %7s %7s | process seconds:"
                + " %6s %6s %6s%n", "run", "tile", "wall s", "setup s", "1st tile", "Mpx/s", "peak RSS", "read", "regrid",
                "kernels", "tally", "write", "other", "CPU", "JIT", "GC");
        for (Timed r : timed) {
            row(o, r);
        }
        if (check != null) {
            row(o, check);
        }
        summarize(o, timed, counts, gdal);
        boolean same = diffs.isEmpty();
        diffs.forEach(o::println);
        if (same && (timed.size() > 1 || check != null)) {
            o.println("report.json and tables byte-identical across " + (timed.size() + (check != null ? 1 : 0))
                    + " runs" + (check != null ? " (including 1 thread, 128-pixel tiles, exact regridding)" : ""));
        }
        if (!keep) {
            deleteTree(runs);
        }
        o.flush();
        return same ? ExitCodes.OK : ExitCodes.INTERNAL;
    }

    /**
     * The CPUs this process may use, of which an N-thread run gets the first N under {@code --pin-cores}; an
     * {@link InputException} when {@code taskset} is missing or a count has more threads than there are CPUs.
     */
    private static List<Integer> pinnableCpus(int[] counts) {
        List<Integer> allowed = RunTimings.allowedCpus();
        if (allowed == null || !onPath("taskset")) {
            throw new InputException("--pin-cores: needs Linux and its taskset command (util-linux), which "
                    + (allowed == null ? "this system does not have" : "is not on the PATH"));
        }
        for (int t : counts) {
            if (t > allowed.size()) {
                throw new InputException("--pin-cores: a " + t + "-thread run would need " + t + " cores; this process"
                        + " may use " + allowed.size());
            }
        }
        return allowed;
    }

    /** The speed-ups and the ratios to GDAL's decode: of the one run of each count, or medians over the rounds. */
    private void summarize(PrintWriter o, List<Timed> timed, int[] counts, double[] gdal) {
        int rounds = timed.size() / counts.length;
        for (int t : Arrays.stream(counts).distinct().toArray()) {
            double[] walls = timed.stream().filter(r -> r.threads() == t).mapToDouble(Timed::wallSeconds).toArray();
            double wall = median(walls);
            if (gdal != null) {
                o.printf(Locale.ROOT, "%d-thread run%s / GDAL decode: %.2fx (ENVI), %.2fx (MEM)%n", t,
                        rounds > 1 ? " (median wall " + String.format(Locale.ROOT, "%.1f s", wall) + ")" : "",
                        wall / gdal[0], wall / gdal[1]);
            } else if (rounds > 1) {
                o.printf(Locale.ROOT, "%d-thread runs: median wall %.1f s%n", t, wall);
            }
            if (t > 1 && Arrays.stream(counts).anyMatch(c -> c == 1)) {
                double[] ratios = new double[rounds];
                double[] cpu = new double[rounds];
                for (int k = 0; k < rounds; k++) {
                    List<Timed> round = timed.subList(k * counts.length, (k + 1) * counts.length);
                    ratios[k] = run(round, 1).wallSeconds() / run(round, t).wallSeconds();
                    cpu[k] = cpuSeconds(run(round, t)) / cpuSeconds(run(round, 1));
                }
                String vs = cpus != null ? String.format(Locale.ROOT, " (%d cores vs 1)", t) : "";
                if (rounds == 1) {
                    o.printf(Locale.ROOT, "speed-up, %d threads vs 1%s: %.2fx%n", t, vs, ratios[0]);
                } else {
                    StringBuilder each = new StringBuilder();
                    for (double x : ratios) {
                        each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", x));
                    }
                    o.printf(Locale.ROOT, "speed-up, %d threads vs 1%s: median %.2fx over %d rounds (%.2fx to %.2fx;"
                            + " round by round: %s)%n", t, vs, median(ratios), rounds, Arrays.stream(ratios).min()
                            .orElseThrow(), Arrays.stream(ratios).max().orElseThrow(), each);
                }
                if (Arrays.stream(cpu).allMatch(Double::isFinite)) {
                    // the same work either way: what a low speed-up owes to each thread getting less done per second
                    o.printf(Locale.ROOT, "process CPU, %d threads vs 1: %s%.2fx (the same work; above 1, the threads"
                            + " got less done per CPU second)%n", t, rounds > 1 ? "median " : "", median(cpu));
                }
            }
        }
    }

    /** The run of a round with {@code threads} threads (the first, should a count repeat). */
    private static Timed run(List<Timed> round, int threads) {
        return round.stream().filter(r -> r.threads() == threads).findFirst().orElseThrow();
    }

    /** The process CPU seconds of a run; NaN when its JVM did not say. */
    private static double cpuSeconds(Timed run) {
        Double cpu = run.timings().cpuSeconds();
        return cpu == null ? Double.NaN : cpu;
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    public static double median(double[] values) {
        return new Median().evaluate(values);
    }

    /** What differs between two runs' outputs, as lines to print (none when report.json and tables agree). */
    private List<String> compare(Timed ref, Timed r) throws IOException {
        List<String> diff = differences(ref.out(), r.out());
        return diff.isEmpty() ? List.of()
                : List.of("DIFFERENT outputs between " + ref.label() + " and " + r.label() + ": " + diff);
    }

    private Path ensureData(PrintWriter o, Path dir, SyntheticCountry.Spec s, int cores) throws IOException {
        Path marker = dir.resolve("bench.json");
        ObjectMapper json = new ObjectMapper();
        if (Files.exists(marker) && json.readValue(marker.toFile(), SyntheticCountry.Spec.class).equals(s)) {
            o.println("data: " + dir + " (reused)");
            return dir.resolve("ldn.yaml");
        }
        if (Files.exists(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                if (list.findAny().isPresent() && !Files.exists(marker)) {
                    throw new InputException(dir + ": exists and is not an 'ldn bench' data folder; name another"
                            + " with --data");
                }
            }
            Files.deleteIfExists(marker);
        }
        int files = SyntheticCountry.fileCount(s);
        o.printf(Locale.ROOT, "data: generating %d SYNTHETIC rasters of %d x %d into %s...%n", files, s.size(),
                s.size(), dir);
        o.flush();
        long t0 = System.nanoTime();
        Path run = SyntheticCountry.write(dir, new GeoTiffIO(6), s, cores, k -> {
            System.err.printf(Locale.ROOT, "\r  %d/%d files", k, files);
            System.err.flush();
        });
        System.err.println();
        json.writeValue(marker.toFile(), s);
        o.printf(Locale.ROOT, "  generated in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        return run;
    }

    /** Generates the monthly precipitation of a drought benchmark once (marker {@code drought.json}). */
    private static void ensureDrought(PrintWriter o, Path dir, Path runFile, SyntheticCountry.Spec s, int cores)
            throws IOException {
        Path marker = dir.resolve("drought.json");
        if (Files.exists(marker) && Files.readString(runFile).contains("\ndrought:")) {
            return;
        }
        int years = 2023 - SyntheticPrecipitation.FIRST_YEAR + 1;
        o.printf(Locale.ROOT, "data: generating %d SYNTHETIC monthly precipitation rasters...%n", years * 12);
        o.flush();
        long t0 = System.nanoTime();
        // DEFLATE level 1: several times faster to write than 6, as fast to decode (for GDAL and the engine alike)
        SyntheticPrecipitation.write(dir, runFile, new GeoTiffIO(1), s, years, cores, k -> {
            System.err.printf(Locale.ROOT, "\r  %d/%d files", k, years * 12);
            System.err.flush();
        });
        System.err.println();
        Files.writeString(marker, "{\"years\": " + years + "}\n");
        o.printf(Locale.ROOT, "  generated in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** Every raster the run file names, as the engine would open them. */
    private static List<Path> inputFiles(Path runFile) {
        ResolvedRun run = RunFiles.resolve(RunFiles.read(runFile), runFile);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(run.baseDir())) {
            list.filter(p -> p.getFileName().toString().endsWith(".tif")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * Seconds GDAL takes to decode every input, one file at a time: {@code gdal_translate -of ENVI} to a scratch file
     * (the reference, which includes writing the raw pixels to disk) and {@code -of MEM} (decoding into
     * memory only, the stricter reference); or null without GDAL.
     */
    private static double[] gdalDecode(PrintWriter o, Path dir, List<Path> inputs) throws IOException,
            InterruptedException {
        if (!onPath("gdal_translate")) {
            o.println("GDAL decode: skipped (gdal_translate is not installed)");
            return null;
        }
        Path scratch = Files.createTempDirectory(dir, "gdal-");
        try {
            settle();
            long t0 = System.nanoTime();
            for (Path in : inputs) {
                gdalTranslate(in, "ENVI", scratch.resolve("decoded.envi").toString());
                try (Stream<Path> list = Files.list(scratch)) {
                    for (Path f : list.toList()) {
                        Files.delete(f);
                    }
                }
            }
            double envi = (System.nanoTime() - t0) / 1e9;
            settle();
            t0 = System.nanoTime();
            for (Path in : inputs) {
                gdalTranslate(in, "MEM", "");
            }
            double mem = (System.nanoTime() - t0) / 1e9;
            o.printf(Locale.ROOT, "GDAL decode (gdal_translate, file by file, one thread): -of ENVI %.1f s, -of MEM "
                    + "%.1f s%n", envi, mem);
            return new double[] {envi, mem};
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * The class-data-sharing options this JVM was started with (the {@code ldn} launcher's archive), so that each
     * timed run starts as a user's {@code ldn run} does; none when this JVM has none.
     */
    private static List<String> classDataSharing() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-Xshare:")
                        || a.startsWith("-Xlog:cds"))
                .toList();
    }

    /**
     * The run's set-up once in this process, untimed: it brings the CRS cache and the digest cache, which the runs
     * share with this process, up to date. After a build the CRS cache is stale (it is tied to the jars), and the
     * first timed run would otherwise start the EPSG database (set-up 1.9–2.5 s instead of about 0.6 s in three
     * sittings of docs/benchmarks.md).
     */
    private static void warmCaches(Path runFile) {
        ResolvedRun run = RunFiles.resolve(RunFiles.read(runFile), runFile);
        try (AssembledRun ignored = new RunAssembler(new GeoTiffIO(), false).assemble(run)) {
            // opened and closed: nothing is computed
        }
    }

    /**
     * Flushes the files written so far to disk ({@code sync}) before a timed step, so that no step is slowed by
     * writing back the previous step's outputs: the second of two runs used to pay for the first one's maps.
     */
    private static void settle() throws InterruptedException {
        try {
            new ProcessBuilder("sync").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(10, TimeUnit.MINUTES);
        } catch (IOException e) {
            // no sync command: the steps are timed as they come
        }
    }

    private static void gdalTranslate(Path in, String format, String out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("gdal_translate", "-q", "-of", format, in.toString(), out)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new InputException("gdal_translate -of " + format + " failed on " + in);
        }
    }

    private Timed runOnce(PrintWriter o, Path runFile, Path runs, String label, int threads, int tile)
            throws IOException, InterruptedException {
        Path out = runs.resolve(label);
        Path timings = runs.resolve(label + "-timings.json");
        deleteTree(out);
        Files.deleteIfExists(timings);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        String where = "";
        if (cpus != null) {
            String list = String.join(",", cpus.subList(0, threads).stream().map(String::valueOf).toList());
            cmd.addAll(List.of("taskset", "-c", list));
            where = " on CPU" + (threads > 1 ? "s " : " ") + list;
        }
        cmd.addAll(List.of(java, "-Xmx" + heap));
        if (cpus != null) { // the JVM sizes its compiler and collector threads, the engine its pools, as unpinned
            cmd.add("-XX:ActiveProcessorCount=" + Runtime.getRuntime().availableProcessors());
        }
        cmd.addAll(gc.flags);
        cmd.addAll(classDataSharing());
        for (String cache : CACHE_PROPERTIES) { // the runs keep their caches where this process was told to
            String value = System.getProperty(cache);
            if (value != null) {
                cmd.add("-D" + cache + "=" + value);
            }
        }
        cmd.addAll(List.of("-D" + Regridded.EXACT_PROPERTY + "=" + label.equals("verify"), "-cp",
                System.getProperty("java.class.path"),
                Ldn.class.getName(), "run", runFile.toString(), "--out", out.toString(), "--threads", "" + threads,
                "--tile-size", "" + tile, "--quiet", "--timings", timings.toString()));
        o.printf(Locale.ROOT, "run %s: %d thread(s), %d-pixel tiles%s...%n", label, threads, tile, where);
        o.flush();
        settle();
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("SOURCE_DATE_EPOCH", "" + EPOCH); // same createdAt in every run's report
        Process p = pb.start();
        if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new InputException("the benchmark run '" + label + "' failed (see above)");
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        RunTimings.Timings t = RunTimings.read(timings);
        if (cpus != null && t.cores() != null && t.cores() != threads) {
            throw new InputException("--pin-cores: the run '" + label + "' could use " + t.cores() + " CPUs, not "
                    + threads);
        }
        return new Timed(label, threads, tile, wall, t, out);
    }

    private static void row(PrintWriter o, Timed r) {
        long grid = r.timings().pixels();
        Map<String, Double> st = r.timings().stageThreadSeconds();
        Long rss = r.timings().peakRssBytes();
        Double first = r.timings().firstTileSeconds();
        o.printf(Locale.ROOT, "%-10s %5d %7.1f %7.1f %8s %8.1f %9s | %23.1f %7.1f %7.1f %7.1f %7.1f %7.1f | %23s %6s"
                + " %6s%n", r.label(), r.tileSize(), r.wallSeconds(), r.timings().setupSeconds(),
                first == null ? "-" : String.format(Locale.ROOT, "%.1f", first), grid / 1e6 / r.wallSeconds(),
                rss == null ? "-" : String.format(Locale.ROOT, "%.0f MB", rss / 1e6), st.get("read"),
                st.get("regrid"), st.get("kernels"), st.get("tally"), st.get("write"), st.get("other"),
                seconds(r.timings().cpuSeconds()), seconds(r.timings().compileSeconds()),
                seconds(r.timings().gcSeconds()));
    }

    /** One decimal, or "-" when the run's JVM did not say. */
    private static String seconds(Double s) {
        return s == null ? "-" : String.format(Locale.ROOT, "%.1f", s);
    }

    /** Files of report.json and tables/ that differ between two output folders. */
    static List<String> differences(Path a, Path b) throws IOException {
        List<String> diff = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(Path.of("report.json")));
        try (Stream<Path> list = Files.list(a.resolve("tables"))) {
            list.map(p -> Path.of("tables", p.getFileName().toString())).sorted().forEach(files::add);
        }
        for (Path f : files) {
            Path fb = b.resolve(f);
            if (!Files.exists(fb) || !Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(fb))) {
                diff.add(f.toString());
            }
        }
        return diff;
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    private static double totalMemoryGiB() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    return Long.parseLong(l.substring(9).trim().split("\\s+")[0]) / 1048576.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
