package org.ldn.core.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Counting through {@link PixelCounts} must leave the tally bit-identical to adding pixel by pixel. */
class PixelCountsTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void sameSumsAsPixelByPixel(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] rows = new double[300];
        boolean uniform = seed % 2 == 0; // projected grids: one area for every row
        for (int r = 0; r < rows.length; r++) {
            rows[r] = uniform ? 0.0009 : 0.5 + rnd.nextDouble() * 3000;
        }
        AreaScale scale = AreaScale.of(rows);
        ZoneTally direct = new ZoneTally(4, 6, 3);
        ZoneTally counted = direct.emptyCopy();
        PixelCounts counts = new PixelCounts(counted);
        for (int r = 0; r < rows.length; r++) {
            long area = scale.rowFixed(r);
            int width = 1 + rnd.nextInt(400);
            counts.row(area, width);
            for (int c = 0; c < width; c++) {
                int z = rnd.nextInt(4);
                int k = rnd.nextInt(6);
                direct.add(z, k, area);
                counts.inc(z * counts.keys() + k);
                int vk = rnd.nextInt(3);
                // values from tiny to beyond the fast path's limit, some with fractions below 2^-16
                double v = switch (rnd.nextInt(4)) {
                    case 0 -> rnd.nextInt(200);
                    case 1 -> rnd.nextDouble() * 90;
                    case 2 -> Math.scalb(rnd.nextDouble(), -20);
                    default -> 1e7 + rnd.nextDouble() * 1e9;
                };
                int times = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(40) : 1; // a run of one value, summed at once
                for (int t = 0; t < times; t++) {
                    direct.addValue(z, vk, v, area);
                }
                if (times == 1 && rnd.nextBoolean()) {
                    counts.addValue(z * counts.valueKeys() + vk, v);
                } else {
                    counts.addValue(z * counts.valueKeys() + vk, v, times);
                }
            }
            if (rnd.nextInt(10) == 0) {
                counts.flush(); // a tile ends mid-way
            }
        }
        counts.flush();
        for (int z = -1; z < 4; z++) {
            for (int k = 0; k < 6; k++) {
                assertEquals(direct.areaKm2(z, k, scale), counted.areaKm2(z, k, scale), "area " + z + "/" + k);
            }
            for (int k = 0; k < 3; k++) {
                assertEquals(direct.value(z, k, true, scale), counted.value(z, k, true, scale), "value " + z + "/" + k);
            }
        }
    }

    /** Unweighted sums through {@link PixelCounts#addPlain} equal {@link ZoneTally#addValue} with weight 1. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void plainSumsAsWeightOne(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] rows = new double[200];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = 0.5 + rnd.nextDouble() * 3000;
        }
        AreaScale scale = AreaScale.of(rows);
        ZoneTally direct = new ZoneTally(3, 2, 5);
        ZoneTally counted = direct.emptyCopy();
        PixelCounts counts = new PixelCounts(counted);
        for (int r = 0; r < rows.length; r++) {
            int width = 1 + rnd.nextInt(300);
            counts.row(scale.rowFixed(r), width);
            for (int c = 0; c < width; c++) {
                int z = rnd.nextInt(3);
                int vk = rnd.nextInt(5);
                double v = switch (rnd.nextInt(3)) {
                    case 0 -> rnd.nextInt(200);
                    case 1 -> rnd.nextDouble() * 90;
                    default -> 1e7 + rnd.nextDouble() * 1e9; // beyond the fast path's limit
                };
                direct.addValue(z, vk, v, 1);
                counts.addPlain(z * counts.valueKeys() + vk, PixelCounts.fixed(v));
            }
        }
        counts.flush();
        for (int z = -1; z < 3; z++) {
            for (int k = 0; k < 5; k++) {
                assertEquals(direct.value(z, k, false, scale), counted.value(z, k, false, scale), z + "/" + k);
            }
        }
    }

    /** The fixed point of a value is {@code Math.round(Math.scalb(v, 16))}, ties and near-ties included. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void fixedIsMathRoundOfScalb(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] special = {0, -0.0, 0.49999999999999994, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, Double.MIN_VALUE,
            Double.MAX_VALUE, 1e300, Math.scalb(1.0, 52), Math.scalb(1.0, 53) + 2, Math.scalb(1.0, 63), 1e19};
        for (double v : special) {
            assertEquals(Math.round(Math.scalb(v, 16)), PixelCounts.fixed(v), "value " + v);
            assertEquals(Math.round(Math.scalb(v / 65536, 16)), PixelCounts.fixed(v / 65536), "value " + v);
        }
        for (int k = 0; k < 200_000; k++) {
            double v = switch (rnd.nextInt(5)) {
                case 0 -> Double.longBitsToDouble(rnd.nextLong()); // any double (NaN and infinities too)
                case 1 -> (rnd.nextInt(1 << 30) + 0.5) / 65536; // exact ties
                case 2 -> Math.nextUp((rnd.nextInt(1 << 30) + 0.5) / 65536); // just above and below ties
                case 3 -> Math.nextDown((rnd.nextInt(1 << 30) + 0.5) / 65536);
                default -> rnd.nextDouble() * Math.scalb(1.0, rnd.nextInt(60)) * (rnd.nextBoolean() ? 1 : -1);
            };
            assertEquals(Math.round(Math.scalb(v, 16)), PixelCounts.fixed(v), "value " + v);
        }
    }
}
