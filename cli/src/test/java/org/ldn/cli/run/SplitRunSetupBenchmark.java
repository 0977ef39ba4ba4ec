package org.ldn.cli.run;

import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A benchmark, not a test (a main, run by hand with the test class path): where a split run's task process spends
 * its time. {@code plan RUNFILE OUT TASKS PLANFILE} assembles the run as the driver does and writes the plan;
 * {@code task PLANFILE FROM TO} (in a fresh JVM, e.g. with {@code -XX:ActiveProcessorCount=1} like a one-core
 * executor) times opening the run from the plan, then tasks {@code FROM} to {@code TO - 1} one by one;
 * {@code parts RUNFILE} times all tiles as 16 tasks (bands: up to 3 map parts each) against 14 (whole tile rows:
 * one part each) on this thread's CPU clock, three times.
 */
final class SplitRunSetupBenchmark {
    private static long t = System.nanoTime();

    private SplitRunSetupBenchmark() {
    }

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "plan" -> {
                SplitRun s = SplitRun.start(Path.of(a[1]), Path.of(a[2]), 512, Integer.parseInt(a[3]));
                lap("driver: assemble and plan");
                try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(Path.of(a[4])))) {
                    o.writeObject(s.plan());
                }
                s.close();
            }
            case "task" -> {
                SplitRun.Plan plan;
                try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(a[1])))) {
                    plan = (SplitRun.Plan) in.readObject();
                }
                lap("JVM start, plan read");
                Method opened = SplitRun.class.getDeclaredMethod("opened", SplitRun.Plan.class);
                opened.setAccessible(true);
                opened.invoke(null, plan);
                lap("task process: open the run");
                for (int k = Integer.parseInt(a[2]); k < Integer.parseInt(a[3]); k++) {
                    SplitRun.tally(plan, k, null);
                    lap("task " + k);
                }
            }
            case "parts" -> {
                ThreadMXBean tm = ManagementFactory.getThreadMXBean();
                for (int rep = 0; rep < 3; rep++) {
                    for (int tasks : new int[] {16, 14}) {
                        try (SplitRun s = SplitRun.start(Path.of(a[1]), Files.createTempDirectory("parts")
                                .resolve("out"), 512, tasks)) {
                            long c0 = tm.getCurrentThreadCpuTime();
                            long parts = 0;
                            for (int k = 0; k < s.plan().taskCount(); k++) {
                                parts += SplitRun.tally(s.plan(), k, null).parts().size();
                            }
                            System.out.printf(Locale.ROOT, "%d tasks, %d parts: %.2f s CPU%n", s.plan().taskCount(),
                                    parts, (tm.getCurrentThreadCpuTime() - c0) / 1e9);
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException("plan, task or parts");
        }
    }

    private static void lap(String s) {
        long n = System.nanoTime();
        System.out.printf(Locale.ROOT, "%-30s %8.2f s%n", s, (n - t) / 1e9);
        t = n;
    }
}
