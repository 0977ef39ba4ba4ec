package org.ldn.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ldn.core.drought.Calibration;
import org.ldn.core.drought.MonthlyCalendar;
import org.ldn.core.drought.SpiSeries;
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
 * Throughput of the SPI kernel ({@link SpiSeries}) on a tile of {@value #PIXELS} pixels of a 43-year monthly
 * series (1981–2023, 516 months, calibration 1981–2010), single thread; one operation is one pixel, so JMH's
 * ops/µs are Mpx/s. {@code yearly}: the run's kernel, one fit (calendar month 12) and 43 SPI-12 values per pixel;
 * {@code allMonths}: twelve fits and 516 SPI-k values per pixel (every month of the series). Precipitation: a
 * seasonal gamma-like draw, 0.1 mm resolution, 15 % dry months. Run as documented in {@code docs/benchmarks.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SpiBenchmark {
    static final int PIXELS = 1024;
    static final MonthlyCalendar CAL = new MonthlyCalendar(1981, 1, 43 * 12);
    static final Calibration CALIBRATION = new Calibration(1981, 2010);

    @Param({"3", "12"})
    int k;

    private float[] precip;
    private float[] yearly;
    private float[] all;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        precip = new float[CAL.months() * PIXELS];
        for (int t = 0; t < CAL.months(); t++) {
            double season = 1 + 0.8 * Math.sin(2 * Math.PI * (t % 12) / 12.0);
            for (int i = 0; i < PIXELS; i++) {
                double v = rnd.nextDouble() < 0.15 ? 0 : 60 * season * -Math.log(1 - rnd.nextDouble());
                precip[t * PIXELS + i] = (float) (Math.round(v * 10) / 10.0);
            }
        }
        yearly = new float[43 * PIXELS];
        all = new float[CAL.months() * PIXELS];
    }

    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void yearly(Blackhole bh) {
        SpiSeries.yearly(precip, PIXELS, CAL, k, 12, CALIBRATION, 1981, 43, yearly);
        bh.consume(yearly);
    }

    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public void allMonths(Blackhole bh) {
        SpiSeries.allMonths(precip, PIXELS, CAL, k, CALIBRATION, all);
        bh.consume(all);
    }
}
