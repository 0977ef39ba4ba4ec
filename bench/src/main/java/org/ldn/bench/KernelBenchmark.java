package org.ldn.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ldn.core.indicator.Classes;
import org.ldn.core.indicator.OneOutAllOut;
import org.ldn.core.indicator.Status;
import org.ldn.core.landcover.LandCoverDegradation;
import org.ldn.core.landcover.TransitionMatrix;
import org.ldn.core.productivity.LpdClasses;
import org.ldn.core.productivity.UnitHistograms;
import org.ldn.core.soc.SocDegradation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the per-pixel kernels of a period on one 512 × 512 tile (the engine's default), single thread. One
 * operation is one pixel, so JMH's ops/µs are Mpx/s. Inputs are random with the engine's encodings: UNCCD classes
 * 1..7 with 2 % nodata, LPD 1..5 with 1 % nodata, SOC stocks 20..90 t/ha with 1 % NaN, sub-indicator classes
 * −1/0/1 with nodata and water; for the percentile histogram, 7 land units in runs of 40 pixels and means of
 * 0.1..0.8 NDVI. Run as documented in {@code docs/benchmarks.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmark {
    static final int PIXELS = 512 * 512;

    private short[] lcStart;
    private short[] lcEnd;
    private short[] lpd;
    private double[] socStart;
    private double[] socEnd;
    private short[][] sub;
    private short[] baseline;
    private short[] out;
    private short[] mask;
    private long[] units;
    private long[] means;
    private TransitionMatrix[] matrix;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        lcStart = new short[PIXELS];
        lcEnd = new short[PIXELS];
        lpd = new short[PIXELS];
        socStart = new double[PIXELS];
        socEnd = new double[PIXELS];
        sub = new short[3][PIXELS];
        baseline = new short[PIXELS];
        out = new short[PIXELS];
        mask = new short[PIXELS];
        units = new long[PIXELS];
        means = new long[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            lcStart[i] = rnd.nextInt(50) == 0 ? Classes.NODATA : (short) (1 + rnd.nextInt(7));
            lcEnd[i] = rnd.nextInt(4) > 0 ? lcStart[i] : (short) (1 + rnd.nextInt(7));
            lpd[i] = (short) (rnd.nextInt(100) == 0 ? 0 : 1 + rnd.nextInt(5));
            socStart[i] = rnd.nextInt(100) == 0 ? Double.NaN : 20 + rnd.nextInt(71);
            socEnd[i] = socStart[i] * (0.8 + 0.3 * rnd.nextDouble());
            for (int j = 0; j < 3; j++) {
                sub[j][i] = subClass(rnd);
            }
            baseline[i] = subClass(rnd);
            units[i] = i % 40 == 0 || i == 0 ? rnd.nextInt(7) : units[i - 1]; // patches of 40 pixels
            means[i] = 1000 + rnd.nextInt(7000);
        }
        matrix = new TransitionMatrix[] {TransitionMatrix.defaults()};
    }

    private static short subClass(SplittableRandom rnd) {
        int r = rnd.nextInt(100);
        return r < 2 ? Classes.NODATA : r < 5 ? Classes.WATER : (short) (rnd.nextInt(3) - 1);
    }

    /** Land-cover degradation from the transition matrix (METHOD §1). */
    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void transition(Blackhole bh) {
        LandCoverDegradation.apply(lcStart, lcEnd, matrix, null, out, PIXELS);
        bh.consume(out);
    }

    /** LPD 5 classes to degraded / stable / improved (METHOD §2). */
    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void lpdToThree(Blackhole bh) {
        LpdClasses.toThreeClasses(lpd, out, PIXELS);
        bh.consume(out);
    }

    /** SOC change against the ±10 % threshold, decided exactly (METHOD §3). */
    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void socChange(Blackhole bh) {
        SocDegradation.apply(socStart, socEnd, 10, out, PIXELS);
        bh.consume(out);
    }

    /** One out, all out over the three sub-indicators (METHOD §4). */
    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void oneOutAllOut(Blackhole bh) {
        OneOutAllOut.combine(sub, out, PIXELS);
        bh.consume(out);
    }

    /**
     * The water mask of the three sub-indicators of a period, as the engine applies it: the mask of the period's
     * first-year land cover once, then one blend per array (one pixel is one pixel of all three arrays).
     */
    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void waterMask(Blackhole bh) {
        OneOutAllOut.waterMask(lcStart, mask, PIXELS);
        for (short[] a : sub) {
            OneOutAllOut.applyWaterMask(mask, a, PIXELS);
        }
        bh.consume(sub);
    }

    /** {@link #waterMask} as one fused loop, the form the engine used before (kept here for comparison). */
    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void waterMaskFused(Blackhole bh) {
        short[] a = sub[0];
        short[] b = sub[1];
        short[] c = sub[2];
        for (int i = 0; i < PIXELS; i++) {
            int x = lcStart[i] ^ 7;
            int water = ~((x | -x) >> 31);
            int keep = ~water;
            int w = Classes.WATER & water;
            a[i] = (short) (w | (a[i] & keep));
            b[i] = (short) (w | (b[i] & keep));
            c[i] = (short) (w | (c[i] & keep));
        }
        bh.consume(sub);
    }

    /** The 7-class status of a reporting period against the baseline (METHOD §5). */
    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void status(Blackhole bh) {
        Status.apply(baseline, sub[0], out, PIXELS);
        bh.consume(out);
    }

    /** The performance pass: each pixel's rounded mean counted into its land unit's exact histogram. */
    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void percentileHistogram(Blackhole bh) {
        UnitHistograms h = new UnitHistograms();
        for (int i = 0; i < PIXELS; i++) {
            h.add(units[i], means[i]);
        }
        bh.consume(h.pixels(3));
    }
}
