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
 * application's and its executors' included). Results go to {@code target/cluster-benchmark.txt}.
 * <pre>
 * mvn -B -Pspark -pl spark -am test -Dtest=ClusterBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dldn.bench.size=8000 [-Dldn.bench.tasks=16] [-Dldn.bench.data=/tmp/ldn-bench-8000]
 * </pre>
 */
@EnabledIfSystemProperty(named = "ldn.bench.size", matches = "\\d+")
class ClusterBenchmark {
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
        double local1 = ldnRun(run, data.resolve("out-local"));
        Report ref = org.ldn.core.report.ReportJson.read(data.resolve("out-local/report.json"));
        double mpx = ref.grid().width() * (double) ref.grid().height() / 1e6;
        double spark;
        double startup;
        try (LocalCluster cluster = LocalCluster.start(data.resolve("cluster"), 2, "2g", Duration.ofSeconds(180))) {
            cluster.driverProperties("1536m").forEach(System::setProperty);
            long t0 = System.nanoTime();
            try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster(cluster.url())
                    .setAppName("ldn run (benchmark)"))) {
                // the application's start: both executors up and running a trivial job
                sc.parallelize(java.util.List.of(1, 2), 2).map(x -> x).collect();
                startup = (System.nanoTime() - t0) / 1e9;
                RunWriter.Outcome o = SparkRun.run(sc, run, data.resolve("out-spark"), 512, tasks);
                assertEquals(ref.total(), o.report().total());
            }
            spark = (System.nanoTime() - t0) / 1e9;
            cluster.driverProperties().keySet().forEach(System::clearProperty);
        }
        double local2 = ldnRun(run, data.resolve("out-local"));
        log.append(String.format(Locale.ROOT, "grid %d x %d = %.1f Mpx, %d tasks%n", ref.grid().width(),
                ref.grid().height(), mpx, tasks));
        for (Object[] r : new Object[][] {{"ldn run, 2 threads (before)", local1}, {"ldn-spark run, 2 workers x 1 core",
            spark}, {"  of which the run, executors up", spark - startup}, {"ldn run, 2 threads (after)", local2}}) {
            double s = (double) r[1];
            log.append(String.format(Locale.ROOT, "%-36s %7.1f s  %6.2f Mpx/s  %7.3f s per Mpx per core%n", r[0], s,
                    mpx / s, 2 * s / mpx));
        }
        Files.writeString(Path.of("target/cluster-benchmark.txt"), log, StandardCharsets.UTF_8);
        System.out.print(log);
    }

    private static double ldnRun(Path run, Path out) {
        long t0 = System.nanoTime();
        assertEquals(ExitCodes.OK, Ldn.commandLine().execute("run", run.toString(), "--out", out.toString(),
                "--threads", "2", "-q"));
        return (System.nanoTime() - t0) / 1e9;
    }
}
