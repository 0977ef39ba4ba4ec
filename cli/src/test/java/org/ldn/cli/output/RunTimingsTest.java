package org.ldn.cli.output;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The time since the process started, against a child process whose whole life is timed from outside: the child
 * reports {@link RunTimings#sinceProcessStart()} and cannot have lived longer than the parent saw it live.
 */
class RunTimingsTest {
    @Test
    void sinceProcessStartIsWithinTheLifeOfTheProcessSeenFromOutside() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux /proc");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        for (int i = 0; i < 3; i++) {
            long before = System.nanoTime();
            Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    Child.class.getName()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            double lived = (System.nanoTime() - before) / 1e9;
            double reported = Double.parseDouble(out);
            // to the clock tick (10 ms) on either side
            assertTrue(reported > 0 && reported <= lived + 0.02,
                    "child says " + reported + " s, lived " + lived + " s");
        }
    }

    /** Prints its own time since start. */
    public static final class Child {
        public static void main(String[] args) {
            System.out.println(RunTimings.sinceProcessStart());
        }
    }
}
