package org.ldn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the machine gives one thread and two in the cores alone, beside {@link MachineBenchmark}'s triads: eight
 * independent chains of integer arithmetic in registers, no memory touched. Run with {@code -t 1} and then
 * {@code -t 2}: a ratio near 2 says the two vCPUs compute at full speed side by side (they are not two hardware
 * threads of one core), so what a second thread loses elsewhere is lost in the caches or memory, or to the host
 * (docs/benchmarks.md, "Fourteenth round"). One operation is {@value #STEPS} steps of the eight chains.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MachineComputeBenchmark {
    static final int STEPS = 1 << 20;

    private long seed = 88172645463325252L;

    /** {@value #STEPS} steps of four multiply-add and four shift-xor-add chains, independent of one another. */
    @Benchmark
    public long registers() {
        long a = seed, b = seed * 3, c = seed * 5, d = seed * 7;
        long e = seed * 11, f = seed * 13, g = seed * 17, h = seed * 19;
        for (int i = 0; i < STEPS; i++) {
            a = a * 6364136223846793005L + 1;
            b = b * 6364136223846793005L + 3;
            c = c * 6364136223846793005L + 5;
            d = d * 6364136223846793005L + 7;
            e += e >>> 3 ^ i;
            f += f >>> 5 ^ i;
            g += g >>> 7 ^ i;
            h += h >>> 11 ^ i;
        }
        seed = a ^ b ^ c ^ d ^ e ^ f ^ g ^ h; // the next operation starts elsewhere: nothing is hoisted out of it
        return seed;
    }
}
