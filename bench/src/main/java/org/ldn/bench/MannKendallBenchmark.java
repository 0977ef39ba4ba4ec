package org.ldn.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ldn.core.productivity.CriticalValues;
import org.ldn.core.productivity.MannKendall;
import org.ldn.core.productivity.Performance;
import org.ldn.core.productivity.ProductivityScale;
import org.ldn.core.productivity.ProductivityState;
import org.ldn.core.productivity.Trajectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the Mann–Kendall kernel ({@link MannKendall#statistic}) and of the whole trajectory kernel
 * ({@link Trajectory#classify}: S, least-squares slope, class), of the state kernel
 * ({@link ProductivityState#classify}) and of the means ({@link Performance#means}) on one 256 × 256 tile of an n-year stack, single
 * thread. One operation is one pixel, so JMH's ops/µs are Mpx/s. Data: NDVI × 10000 with a random trend and noise,
 * stored as Int16 integers ({@code int16}), as Float32 NDVI ({@code float32}), or as integers with 10 % of the years
 * missing ({@code gaps}: the scalar path). Run as documented in {@code docs/benchmarks.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MannKendallBenchmark {
    static final int PIXELS = 256 * 256;

    @Param({"16", "24"})
    int years;

    @Param({"int16", "float32", "gaps"})
    String data;

    private double[] stack;
    private int[] s;
    private int[] count;
    private short[] classes;
    private double[] sum;
    private long[] units;
    private CriticalValues table;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        stack = new double[years * PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            double base = 2000 + rnd.nextInt(6000);
            double trend = rnd.nextInt(-60, 61);
            for (int y = 0; y < years; y++) {
                double v = Math.rint(base + trend * y + rnd.nextInt(-400, 401));
                stack[y * PIXELS + i] = switch (data) {
                    case "float32" -> (float) (v / 10000);
                    case "gaps" -> rnd.nextInt(10) == 0 ? Double.NaN : v;
                    default -> v;
                };
            }
        }
        s = new int[PIXELS];
        count = new int[PIXELS];
        classes = new short[PIXELS];
        sum = new double[PIXELS];
        units = new long[PIXELS];
        table = CriticalValues.exact(years);
    }

    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void statistic(Blackhole bh) {
        MannKendall.statistic(stack, PIXELS, 0, years, s, count);
        bh.consume(s);
    }

    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void trajectory(Blackhole bh) {
        ProductivityScale scale = data.equals("float32") ? ProductivityScale.ONE : ProductivityScale.of(0.0001);
        Trajectory.classify(stack, PIXELS, 0, years, table, scale, classes);
        bh.consume(classes);
    }

    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void state(Blackhole bh) {
        ProductivityScale scale = data.equals("float32") ? ProductivityScale.ONE : ProductivityScale.of(0.0001);
        ProductivityState.classify(stack, PIXELS, 0, years, scale, classes);
        bh.consume(classes);
    }

    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void means(Blackhole bh) {
        ProductivityScale scale = data.equals("float32") ? ProductivityScale.ONE : ProductivityScale.of(0.0001);
        bh.consume(Performance.means(stack, PIXELS, 0, years, scale, sum, count, units));
        bh.consume(units);
    }
}
