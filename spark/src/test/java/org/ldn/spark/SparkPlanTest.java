package org.ldn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ldn-spark plan} on the globe at 300 m (129,600 × 64,800 pixels, 200 countries, 50 executors of 4 cores),
 * planned without reading a pixel: the figures printed are those derived here by hand, and within sane bounds.
 */
class SparkPlanTest {
    @Test
    void theGlobeAt300mPlansIntoTasksOfSaneSize() {
        String out = plan();
        long tiles = number(out, "tiles: (\\d+)");
        assertEquals(254L * 127, tiles, "ceil(129600/512) x ceil(64800/512) tiles");
        long tasks = number(out, "tasks: (\\d+)");
        long perTask = number(out, "at most (\\d+) tiles");
        // about 16.8 Mpx a task gives 501 tasks, fewer than 4 per core of 200 cores: 800 tasks, 41 tiles at most
        assertEquals(800, tasks);
        assertEquals((tiles + tasks - 1) / tasks, perTask);
        assertTrue(tasks * perTask >= tiles);
        long read = number(out, "bytes per task: (\\d+) read");
        // 4 land-cover years, 4 SOC years and 3 LPD maps of Int16: 22 bytes a pixel
        assertEquals(perTask * 512 * 512 * 22, read);
        assertTrue(read < (1L << 30), "a task reads less than 1 GiB of samples: " + read);
        long executor = number(out, "memory per executor: (\\d+)");
        assertTrue(executor > (256L << 20) && executor < (8L << 30), "an executor of 4 cores fits 8 GiB: " + executor);
        long task = number(out, "memory per task: (\\d+)");
        assertTrue(task > 512L * 512 * 40 && task < (512L << 20), "a task holds a few tile buffers: " + task);
        assertTrue(out.contains("suggested --executor-memory "), out);
    }

    @Test
    void aComputedProductivityRunNeedsMoreMemoryPerTask() {
        long supplied = number(plan(), "memory per task: (\\d+)");
        long series = number(plan("--series-years", "24"), "memory per task: (\\d+)");
        // the stack of 24 yearly values alone is 24 × 8 bytes a pixel of a tile
        assertTrue(series - supplied >= 24L * 8 * 512 * 512, supplied + " " + series);
    }

    private static String plan(String... more) {
        StringWriter out = new StringWriter();
        CommandLine cl = LdnSpark.commandLine();
        cl.setOut(new PrintWriter(out));
        String[] args = new String[more.length + 1];
        args[0] = "plan";
        System.arraycopy(more, 0, args, 1, more.length);
        assertEquals(0, cl.execute(args));
        return out.toString();
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return Long.parseLong(m.group(1));
    }
}
