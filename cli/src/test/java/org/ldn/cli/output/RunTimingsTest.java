package org.ldn.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void readsLinuxCpuLists() {
        assertEquals(List.of(0, 1, 2, 3, 8, 10, 11), RunTimings.cpuList("0-3,8,10-11"));
        assertEquals(List.of(5), RunTimings.cpuList("5"));
    }

    @Test
    void seesTheCpusTasksetAllows() throws Exception {
        List<Integer> cpus = RunTimings.allowedCpus();
        Assumptions.assumeTrue(cpus != null && cpus.size() >= 2 && Files.isExecutable(Path.of("/usr/bin/taskset")),
                "needs Linux, /usr/bin/taskset and 2 CPUs: this machine has " + cpus);
        assertEquals(Runtime.getRuntime().availableProcessors(), cpus.size());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        int last = cpus.get(cpus.size() - 1);
        Process p = new ProcessBuilder("/usr/bin/taskset", "-c", "" + last, java.toString(), "-cp",
                System.getProperty("java.class.path"), Cpus.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), out);
        assertEquals("[" + last + "] 1", out);
    }

    /** Prints the CPUs it may run on and their count. */
    public static final class Cpus {
        public static void main(String[] args) {
            System.out.println(RunTimings.allowedCpus() + " " + RunTimings.allowedCores());
        }
    }

    /** Prints its own time since start. */
    public static final class Child {
        public static void main(String[] args) {
            System.out.println(RunTimings.sinceProcessStart());
        }
    }
}
