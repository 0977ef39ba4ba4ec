package org.ldn.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ldn.core.accounting.AreaScale;
import org.ldn.core.accounting.PixelCounts;
import org.ldn.core.accounting.ZoneTally;
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
 * Throughput of the zone tally on one 512 × 512 tile of a geographic grid (a different pixel area on every row):
 * each pixel of a 5-key class map adds its area to (zone, class) for one of 40 zones (in bands of rows and columns,
 * 5 % of pixels outside every zone). {@code counts} is the engine's path ({@link PixelCounts}: an int counter per
 * pixel, folded into the exact sums once per row); {@code direct} adds each pixel's area to the exact 128-bit sum
 * ({@link ZoneTally#add}), the engine's earlier path. One operation is one pixel (ops/µs = Mpx/s).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TallyBenchmark {
    static final int SIDE = 512;
    static final int PIXELS = SIDE * SIDE;
    static final int ZONES = 40;
    static final int KEYS = 5;

    private int[] zone;
    private byte[] key;
    private AreaScale scale;
    private ZoneTally tally;
    private PixelCounts counts;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        zone = new int[PIXELS];
        key = new byte[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            int r = i / SIDE;
            int c = i % SIDE;
            zone[i] = rnd.nextInt(20) == 0 ? -1 : (r / 128 * 4 + c / 128) % ZONES;
            key[i] = (byte) rnd.nextInt(KEYS);
        }
        double[] rows = new double[SIDE];
        for (int r = 0; r < SIDE; r++) {
            rows[r] = 0.000766 * Math.cos(Math.toRadians(5 + r * 0.00025)); // km² of a 0.00025° pixel near 5° N
        }
        scale = AreaScale.of(rows);
        tally = new ZoneTally(ZONES, KEYS, 1);
        counts = new PixelCounts(tally);
    }

    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void counts(Blackhole bh) {
        PixelCounts t = counts;
        for (int r = 0; r < SIDE; r++) {
            t.row(scale.rowFixed(r), SIDE);
            for (int c = 0, i = r * SIDE; c < SIDE; c++, i++) {
                int z = zone[i];
                if (z >= 0) {
                    t.inc(z * KEYS + key[i]);
                }
            }
        }
        t.flush();
        bh.consume(tally);
    }

    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void direct(Blackhole bh) {
        ZoneTally t = tally;
        for (int r = 0; r < SIDE; r++) {
            long area = scale.rowFixed(r);
            for (int c = 0, i = r * SIDE; c < SIDE; c++, i++) {
                int z = zone[i];
                if (z >= 0) {
                    t.add(z, key[i], area);
                }
            }
        }
        bh.consume(tally);
    }
}
