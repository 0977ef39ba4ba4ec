package org.ldn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.command.ExitCodes;
import org.ldn.cli.Ldn;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.testdata.SyntheticRun;
import picocli.CommandLine;

/**
 * The Spark job in local mode (two executor threads) on two countries, Papua New Guinea and Indonesia, against
 * {@code ldn batch} on the same inputs: the same folders and, apart from {@code createdAt}, the same reports and
 * tables.
 */
class SparkBatchTest {
    @TempDir
    static Path dir;
    static Path runFile;

    @BeforeAll
    static void inputs() {
        runFile = SyntheticRun.write(dir, new GeoTiffIO(), 11);
        System.setProperty("spark.ui.enabled", "false");
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
    }

    static String[] args(String... more) {
        return Stream.concat(Stream.of(runFile.toString(), "--zones", dir.resolve("world.gpkg").toString(),
                "--id-field", "name_long", "--only", "Papua New Guinea,Indonesia"), Stream.of(more))
                .toArray(String[]::new);
    }

    static int execute(CommandLine cl, String[] args, StringWriter out, StringWriter err) {
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void sparkWritesTheReportsOfLdnBatch() throws IOException {
        Path batch = dir.resolve("batch");
        Path spark = dir.resolve("spark");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] batchArgs = Stream.concat(Stream.of("batch"), Stream.of(args("--out", batch.toString(), "-q")))
                .toArray(String[]::new);
        assertEquals(ExitCodes.OK, execute(Ldn.commandLine(), batchArgs, out, err), err.toString());
        int exit = execute(SparkBatchJob.commandLine(), args("--out", spark.toString(), "--master", "local[2]"),
                out, err);
        assertEquals(ExitCodes.OK, exit, err.toString());
        assertTrue(out.toString().contains("2 countries: 2 done, 0 skipped, 0 failed"), out.toString());
        assertEquals(files(batch), files(spark));
        for (String f : files(batch)) {
            if (f.endsWith("report.json")) {
                assertEquals(withoutCreatedAt(batch.resolve(f)), withoutCreatedAt(spark.resolve(f)), f);
            } else if (f.endsWith(".csv") || f.endsWith(".tif") || f.endsWith(".qml")) {
                assertEquals(-1L, Files.mismatch(batch.resolve(f), spark.resolve(f)), f);
            }
        }
        // and the job resumes like the batch: both countries are skipped now
        StringWriter again = new StringWriter();
        assertEquals(ExitCodes.OK, execute(SparkBatchJob.commandLine(), args("--out", spark.toString(), "--master",
                "local[2]"), again, err));
        assertTrue(again.toString().contains("2 countries: 0 done, 2 skipped, 0 failed"), again.toString());
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    static String withoutCreatedAt(Path report) throws IOException {
        String s = Files.readString(report);
        String cut = s.replaceFirst("\"createdAt\" : \"[^\"]*\"", "");
        assertTrue(cut.length() < s.length(), "createdAt is there");
        return cut;
    }
}
