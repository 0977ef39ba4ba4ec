package org.ldn.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the machine gives one thread and two, before any of the engine's code: a triad {@code a = b + 1.5 c} over
 * three arrays of its own per thread, held in the caches ({@code megabytes = 1}) or streamed from memory
 * ({@code 64}). Run it with {@code -t 1} and then {@code -t 2}: the ratio of the two throughputs is the most that two
 * threads of a memory-bound stage can gain on that machine, which is what {@code ldn bench}'s speed-up is to be read
 * against (docs/benchmarks.md, "Twelfth round"). One operation is one pass over the arrays: 3 × {@code megabytes}
 * MiB move in each (GB/s = ops/s × 3 × 1.048576 × {@code megabytes} / 1000).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MachineBenchmark {
    /** Size of each of the three arrays, in MiB. */
    @Param({"1", "64"})
    public int megabytes;

    private double[] a;
    private double[] b;
    private double[] c;

    @Setup(Level.Trial)
    public void setUp() {
        int n = megabytes * 1024 * 1024 / Double.BYTES;
        a = new double[n];
        b = new double[n];
        c = new double[n];
        Arrays.fill(b, 1);
        Arrays.fill(c, 2);
    }

    /** One pass of the triad over the whole arrays. */
    @Benchmark
    public double[] triad() {
        double[] x = a;
        double[] y = b;
        double[] z = c;
        for (int i = 0; i < x.length; i++) {
            x[i] = y[i] + 1.5 * z[i];
        }
        return x;
    }
}
