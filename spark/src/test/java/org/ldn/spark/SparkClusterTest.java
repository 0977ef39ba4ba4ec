package org.ldn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.cli.command.ExitCodes;
import org.ldn.cli.Ldn;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.testdata.SyntheticCountry;
import picocli.CommandLine;

/**
 * {@code ldn-spark run} on a REAL Spark standalone cluster started on this machine ({@link LocalCluster}: a Master
 * and two one-core Workers, separate JVMs on 127.0.0.1), the driver in this JVM: on a generated country whose SOC
 * maps are on a coarser grid than the others (regridded by every executor), report.json (apart from createdAt) and
 * every table are byte-identical to {@code ldn run}'s for 1, 7 and 64 tasks; so they are when one Worker and its
 * executor are killed in the middle of the job (the lost tasks run again on the other), and for a run that
 * computes productivity from an NDVI series (two stages). Every process is stopped at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SparkClusterTest {
    private static final int TILE = 32;

    @TempDir
    static Path dir;
    static LocalCluster cluster;
    static Path lpdRun;
    static Path seriesRun;
    /** The driver of the first tests (one application; the last test submits its own through the command line). */
    static JavaSparkContext sc;

    @BeforeAll
    static void start() throws Exception {
        lpdRun = SyntheticCountry.write(dir.resolve("lpd"), new GeoTiffIO(), new SyntheticCountry.Spec(384, 8, 0, 3),
                2, k -> { });
        seriesRun = SyntheticCountry.write(dir.resolve("series"), new GeoTiffIO(),
                new SyntheticCountry.Spec(160, 8, 24, 5), 2, k -> { });
        for (Path run : List.of(lpdRun, seriesRun)) {
            int exit = Ldn.commandLine().execute("run", run.toString(), "--out",
                    run.resolveSibling("ref").toString(), "-q", "--threads", "2");
            assertEquals(ExitCodes.OK, exit);
        }
        cluster = LocalCluster.start(dir.resolve("cluster"), 2, "1g", Duration.ofSeconds(120));
        cluster.driverProperties().forEach(System::setProperty);
        System.setProperty("spark.extraListeners", TaskFailures.class.getName());
        sc = new JavaSparkContext(new SparkConf().setMaster(cluster.url()).setAppName("ldn run (test)"));
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
        if (cluster != null) {
            cluster.close();
            cluster.driverProperties().keySet().forEach(System::clearProperty);
        }
        System.clearProperty("spark.extraListeners");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64})
    @Order(1)
    void theClusterWritesTheReportOfLdnRun(int tasks) throws Exception {
        TaskFailures.reset();
        Path out = dir.resolve("lpd/spark" + tasks);
        SparkRun.run(sc, lpdRun, out, TILE, tasks);
        assertSameOutputs(lpdRun.resolveSibling("ref"), out);
        assertTrue(TaskFailures.SUCCEEDED.get() >= tasks, "one task per band of tiles (and the tree reduce's)");
        assertEquals(0, TaskFailures.FAILED.get());
    }

    @Test
    @Order(2)
    void computedProductivityRunsInTwoStagesOnTheCluster() throws Exception {
        TaskFailures.reset();
        Path out = dir.resolve("series/spark");
        SparkRun.run(sc, seriesRun, out, TILE, 7);
        assertSameOutputs(seriesRun.resolveSibling("ref"), out);
        assertTrue(TaskFailures.SUCCEEDED.get() >= 2 * 7, "7 tasks of histograms, then 7 of tiles");
        assertEquals(0, TaskFailures.FAILED.get());
    }

    @Test
    @Order(3)
    void killingAWorkerMidJobStillGivesTheReportOfLdnRun() throws Exception {
        sc.close(); // this job is submitted through the command line, as its own application
        sc = null;
        TaskFailures.reset();
        Path out = dir.resolve("lpd/killed");
        StringWriter err = new StringWriter();
        ExecutorService driver = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> job = driver.submit(() -> execute(lpdRun, out, 64, err));
            // a few tasks have written their map parts: kill a worker while the others run
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!job.isDone() && partsWritten(dir.resolve("lpd")) < 40 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(!job.isDone(), "the job ended before a worker could be killed");
            cluster.killWorker(0);
            assertEquals(ExitCodes.OK, job.get(4, TimeUnit.MINUTES), err.toString());
        } finally {
            driver.shutdownNow();
        }
        assertSameOutputs(lpdRun.resolveSibling("ref"), out);
        assertTrue(TaskFailures.EXECUTORS_REMOVED.get() >= 1, "the killed worker's executor was lost");
        assertTrue(TaskFailures.FAILED.get() >= 1, "a task was lost with it, and ran again elsewhere");
        assertTrue(TaskFailures.SUCCEEDED.get() >= 64);
    }

    private static int execute(Path run, Path out, int tasks, StringWriter err) {
        CommandLine cl = LdnSpark.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute("run", run.toString(), "--out", out.toString(), "--tile-size", "" + TILE, "--tasks",
                "" + tasks, "--master", cluster.url(), "-q");
    }

    /** Map parts (GeoTIFF) in the output folders being written under {@code folder}. */
    private static long partsWritten(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> p.toString().contains(".partial-") && p.toString().endsWith(".tif")
                    && !p.getFileName().toString().startsWith(".")).count();
        } catch (java.io.UncheckedIOException e) {
            return 0; // a file went away while listed
        }
    }

    static void assertSameOutputs(Path ref, Path out) throws IOException {
        assertEquals(SparkBatchTest.withoutCreatedAt(ref.resolve("report.json")),
                SparkBatchTest.withoutCreatedAt(out.resolve("report.json")));
        List<String> tables = SparkBatchTest.files(ref.resolve("tables"));
        assertEquals(tables, SparkBatchTest.files(out.resolve("tables")));
        for (String t : tables) {
            assertEquals(-1L, Files.mismatch(ref.resolve("tables").resolve(t), out.resolve("tables").resolve(t)), t);
        }
        long maps;
        try (Stream<Path> s = Files.list(ref.resolve("maps"))) {
            maps = s.filter(p -> p.toString().endsWith(".tif")).count();
        }
        try (Stream<Path> s = Files.list(out.resolve("maps"))) {
            assertEquals(maps, s.filter(p -> p.toString().endsWith(".vrt")).count(), "one VRT per map");
        }
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("." + out.getFileName()))
                    .toList(), "no temporary folder left");
        }
    }
}
