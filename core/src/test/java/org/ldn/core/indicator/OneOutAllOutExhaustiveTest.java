package org.ldn.core.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every combination of the five values over one to four inputs, against the rule as METHOD.md words it. */
class OneOutAllOutExhaustiveTest {
    private static final short[] VALUES = {Classes.DEGRADED, Classes.STABLE, Classes.IMPROVED, Classes.NODATA,
        Classes.WATER};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void matchesTheRuleForEveryCombination(int inputs) {
        int combos = (int) Math.pow(VALUES.length, inputs);
        short[][] in = new short[inputs][combos];
        for (int c = 0; c < combos; c++) {
            for (int k = 0, rest = c; k < inputs; k++, rest /= VALUES.length) {
                in[k][c] = VALUES[rest % VALUES.length];
            }
        }
        short[] out = new short[combos];
        OneOutAllOut.combine(in, out, combos);
        for (int c = 0; c < combos; c++) {
            boolean nodata = false;
            boolean degraded = false;
            boolean improved = false;
            for (int k = 0; k < inputs; k++) {
                short v = in[k][c];
                nodata |= v == Classes.NODATA || v == Classes.WATER;
                degraded |= v == Classes.DEGRADED;
                improved |= v == Classes.IMPROVED;
            }
            short expected = in[0][c] == Classes.WATER ? Classes.WATER : nodata ? Classes.NODATA
                    : degraded ? Classes.DEGRADED : improved ? Classes.IMPROVED : Classes.STABLE;
            assertEquals(expected, out[c], "combination " + c);
        }
    }
}
