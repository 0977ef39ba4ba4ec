package org.ldn.spark;

import org.ldn.cli.Ldn;

/**
 * {@code ldn} as a process of its own, for {@link ClusterBenchmark}: runs the command line given, then prints the
 * process's CPU time (user and system, seconds) on the last line of standard output and exits with its code.
 */
final class FreshLdnRun {
    private FreshLdnRun() {
    }

    public static void main(String[] args) {
        int code = Ldn.commandLine().execute(args);
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
        System.out.println("cpu " + cpu);
        System.exit(code);
    }
}
