package org.ldn.core.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZoneTallyTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void sumsAreExactAndIndependentOfSplitting(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] rows = new double[500];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = 0.5 + rnd.nextDouble() * 3000;
        }
        AreaScale scale = AreaScale.of(rows);
        ZoneTally whole = new ZoneTally(3, 4, 1);
        ZoneTally[] parts = {whole.emptyCopy(), whole.emptyCopy(), whole.emptyCopy()};
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < 200_000; i++) {
            int row = rnd.nextInt(rows.length);
            int z = rnd.nextInt(3);
            int k = rnd.nextInt(4);
            whole.add(z, k, scale.rowFixed(row));
            parts[rnd.nextInt(3)].add(z, k, scale.rowFixed(row));
            if (z == 1 && k == 2) {
                expected = expected.add(new BigDecimal(scale.rowKm2(row)));
            }
        }
        ZoneTally merged = parts[2];
        merged.merge(parts[0]);
        merged.merge(parts[1]);
        for (int z = -1; z < 3; z++) {
            for (int k = 0; k < 4; k++) {
                assertEquals(whole.areaKm2(z, k, scale), merged.areaKm2(z, k, scale));
            }
        }
        assertEquals(expected.doubleValue(), whole.areaKm2(1, 2, scale), "exact sum, rounded once");
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8})
    void valuesWeightedByArea(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        AreaScale scale = AreaScale.of(new double[] {0.09, 0.09});
        ZoneTally t = new ZoneTally(1, 1, 2);
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal plain = BigDecimal.ZERO;
        for (int i = 0; i < 10_000; i++) {
            int v = rnd.nextInt(300);
            t.addValue(0, 0, v, scale.rowFixed(0));
            t.addValue(0, 1, v, 1);
            weighted = weighted.add(new BigDecimal(v).multiply(new BigDecimal(scale.rowKm2(0))));
            plain = plain.add(new BigDecimal(v));
        }
        assertEquals(weighted.doubleValue(), t.value(0, 0, true, scale));
        assertEquals(plain.doubleValue(), t.value(0, 1, false, scale));
    }

    @org.junit.jupiter.api.Test
    void fixedPointAreasKeepDoublePrecision() {
        double[] rows = {12308.463, 6123.14, 1e-3};
        AreaScale s = AreaScale.of(rows);
        assertEquals(rows[0], s.rowKm2(0), rows[0] * 0x1p-52);
        assertEquals(rows[1], s.rowKm2(1), rows[0] * 0x1p-52);
        assertEquals(rows[2], s.rowKm2(2), rows[0] * 0x1p-52);
    }
}
