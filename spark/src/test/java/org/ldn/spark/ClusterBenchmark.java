package org.ldn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ldn.cli.Ldn;
import org.ldn.cli.command.ExitCodes;
import org.ldn.cli.output.RunWriter;
import org.ldn.core.report.Report;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.testdata.SyntheticCountry;

/**
 * A benchmark, not a test (runs only when asked): {@code ldn run} with two threads against {@code ldn-spark run} on
 * a local standalone cluster of two one-core Workers, on the same generated country, and the time per Mpx per core
 * of each (the reference grid's pixels; wall time of the run, the cluster's startup excluded but the
 * application's and its executors' included). {@code ldn run} is timed twice in this JVM (the first JIT-cold, the
 * second warm) and twice as a process of its own ({@code java ... ldn run}, as users run it, JVM start included).
 * Each row also gives the CPU time used (user and system, all threads: this JVM's for the runs in it, the child's
 * for a fresh {@code ldn run}, the driver's plus the executors' for the cluster), which other builds on a shared
 * machine slow down much less than the wall time. Results go to {@code target/cluster-benchmark.txt}.
 * <pre>
 * mvn -B -Pspark -pl spark -am test -Dtest=ClusterBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dldn.bench.size=8000 [-Dldn.bench.tasks=16] [-Dldn.bench.data=/tmp/ldn-bench-8000]
 * </pre>
 */
@EnabledIfSystemProperty(named = "ldn.bench.size", matches = "\\d+")
class ClusterBenchmark {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** A timed run: wall and CPU seconds. */
    private record Timing(double wall, double cpu) {
    }

    @Test
    void ldnRunAgainstTheLocalCluster() throws Exception {
        int size = Integer.getInteger("ldn.bench.size");
        int tasks = Integer.getInteger("ldn.bench.tasks", 16);
        Path data = Path.of(System.getProperty("ldn.bench.data", "/tmp/ldn-bench-" + size));
        Path run = data.resolve("ldn.yaml");
        if (!Files.isRegularFile(run)) {
            SyntheticCountry.write(data, new GeoTiffIO(), new SyntheticCountry.Spec(size, 40, 0, 1), 2, k -> { });
        }
        StringBuilder log = new StringBuilder();
        Timing local1 = ldnRun(run, data.resolve("out-local"));
        Report ref = org.ldn.core.report.ReportJson.read(data.resolve("out-local/report.json"));
        double mpx = ref.grid().width() * (double) ref.grid().height() / 1e6;
        Timing fresh1 = freshLdnRun(run, data.resolve("out-fresh"));
        Timing spark;
        Timing running;
        StageTimes stages = new StageTimes();
        try (LocalCluster cluster = LocalCluster.start(data.resolve("cluster"), 2, "2g", Duration.ofSeconds(180))) {
            cluster.driverProperties("1536m").forEach(System::setProperty);
            if (!GC_OPTIONS.isEmpty()) { // the executors' collector as the fresh ldn run's (the ldn launcher's)
                System.setProperty("spark.executor.extraJavaOptions",
                        System.getProperty("spark.executor.extraJavaOptions") + " " + String.join(" ", GC_OPTIONS));
            }
            long t0 = System.nanoTime();
            long c0 = OS.getProcessCpuTime();
            long t1;
            long c1;
            double executorsUp;
            try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster(cluster.url())
                    .setAppName("ldn run (benchmark)"))) {
                // the application's start: both executors up and running a trivial job
                sc.parallelize(java.util.List.of(1, 2), 2).map(x -> x).collect();
                t1 = System.nanoTime();
                c1 = OS.getProcessCpuTime();
                executorsUp = cluster.executorCpuSeconds();
                sc.sc().addSparkListener(stages);
                RunWriter.Outcome o = SparkRun.run(sc, run, data.resolve("out-spark"), 512, tasks);
                assertEquals(ref.total(), o.report().total());
                double executors = cluster.executorCpuSeconds();
                long t2 = System.nanoTime();
                double driver = (OS.getProcessCpuTime() - c0) / 1e9;
                spark = new Timing((t2 - t0) / 1e9, driver + executors);
                running = new Timing((t2 - t1) / 1e9, (OS.getProcessCpuTime() - c1) / 1e9 + executors - executorsUp);
            }
            cluster.driverProperties().keySet().forEach(System::clearProperty);
        }
        Timing local2 = ldnRun(run, data.resolve("out-local"));
        Timing fresh2 = freshLdnRun(run, data.resolve("out-fresh"));
        log.append(String.format(Locale.ROOT, "grid %d x %d = %.1f Mpx, %d tasks%n", ref.grid().width(),
                ref.grid().height(), mpx, tasks));
        for (Object[] r : new Object[][] {{"ldn run, 2 threads, in this JVM (1st)", local1},
            {"ldn run, 2 threads, own process (1st)", fresh1}, {"ldn-spark run, 2 workers x 1 core", spark},
            {"  of which the run, executors up", running}, {"ldn run, 2 threads, in this JVM (2nd)", local2},
            {"ldn run, 2 threads, own process (2nd)", fresh2}}) {
            Timing t = (Timing) r[1];
            log.append(String.format(Locale.ROOT, "%-40s %7.1f s  %6.2f Mpx/s  %7.3f s per Mpx per core"
                    + "  CPU %6.1f s = %6.3f s per Mpx%n", r[0], t.wall(), mpx / t.wall(), 2 * t.wall() / mpx, t.cpu(),
                    t.cpu() / mpx));
        }
        stages.lines().forEach(l -> log.append(l).append('\n'));
        Files.writeString(Path.of("target/cluster-benchmark.txt"), log, StandardCharsets.UTF_8);
        System.out.print(log);
    }

    private static Timing ldnRun(Path run, Path out) {
        long t0 = System.nanoTime();
        long c0 = OS.getProcessCpuTime();
        assertEquals(ExitCodes.OK, Ldn.commandLine().execute("run", run.toString(), "--out", out.toString(),
                "--threads", "2", "-q"));
        return new Timing((System.nanoTime() - t0) / 1e9, (OS.getProcessCpuTime() - c0) / 1e9);
    }

    /**
     * The collector of the fresh {@code ldn run} and of the executors: {@code -Dldn.bench.gc=parallel} (the default,
     * as the {@code ldn} launcher runs) or {@code default} (the JVM's own, G1).
     */
    private static final java.util.List<String> GC_OPTIONS = "default".equals(System.getProperty("ldn.bench.gc"))
            ? java.util.List.of() : java.util.List.of("-XX:+UseParallelGC");

    /** {@code ldn run} in a JVM of its own ({@link FreshLdnRun}), timed from the JVM's launch to its exit. */
    private static Timing freshLdnRun(Path run, Path out) throws Exception {
        String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        long t0 = System.nanoTime();
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(launcher));
        cmd.addAll(GC_OPTIONS);
        cmd.addAll(java.util.List.of("-cp", cp, FreshLdnRun.class.getName(), "run", run.toString(), "--out",
                out.toString(), "--threads", "2", "-q"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, p.waitFor(), output);
        double wall = (System.nanoTime() - t0) / 1e9;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("cpu ([0-9.]+)").matcher(output);
        return new Timing(wall, m.find() ? Double.parseDouble(m.group(1)) : Double.NaN);
    }
}
