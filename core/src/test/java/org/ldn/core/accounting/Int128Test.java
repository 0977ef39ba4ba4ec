package org.ldn.core.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two-word rounding of a 128-bit sum to a double against BigDecimal's, which rounds the exact value once. */
class Int128Test {
    /** The words of {@code v} (−2^127 ≤ v &lt; 2^127). */
    private static long[] words(BigInteger v) {
        return new long[] {v.shiftRight(64).longValue(), v.longValue()};
    }

    private static void check(BigInteger v, int shift) {
        long[] w = words(v);
        double expected = new BigDecimal(v).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(Math.max(0, -shift))))
                .divide(new BigDecimal(BigInteger.ONE.shiftLeft(Math.max(0, shift)))).doubleValue();
        assertEquals(expected, Int128.toDouble(w[0], w[1], shift), 0, v + " · 2^-" + shift);
        assertEquals(Double.doubleToRawLongBits(Int128.exactToDouble(w[0], w[1], shift)),
                Double.doubleToRawLongBits(Int128.toDouble(w[0], w[1], shift)), v + " · 2^-" + shift);
    }

    @Test
    void handCheckedValues() {
        assertEquals(0.0, Int128.toDouble(0, 0, 40), 0);
        assertEquals(1.5, Int128.toDouble(0, 3, 1), 0);
        assertEquals(-1.5, Int128.toDouble(-1, -3, 1), 0);
        assertEquals(0x1p64, Int128.toDouble(1, 0, 0), 0);
        assertEquals(0x1p63, Int128.toDouble(0, Long.MIN_VALUE, 0), 0); // lo's top bit is a magnitude bit
        assertEquals(-0x1p127, Int128.toDouble(Long.MIN_VALUE, 0, 0), 0);
        // 2^64 + 2^11 lies half-way between 2^64 and 2^64 + 2^12: to even (2^64); one more unit rounds up
        assertEquals(0x1p64, Int128.toDouble(1, 1L << 11, 0), 0);
        assertEquals(0x1p64 + 0x1p12, Int128.toDouble(1, (1L << 11) + 1, 0), 0);
        // 2^64 + 3·2^11: half-way between 2^64 + 2^12 (odd) and 2^64 + 2^13: to even (up)
        assertEquals(0x1p64 + 0x1p13, Int128.toDouble(1, 3L << 11, 0), 0);
    }

    /** Random magnitudes of every length, both signs, and ties and near-ties at the rounding bit. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void equalsTheExactRounding(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < 20_000; k++) {
            int bits = 1 + rnd.nextInt(127);
            BigInteger v = new BigInteger(bits, new java.util.Random(rnd.nextLong()));
            if (bits > 54 && rnd.nextInt(3) == 0) {
                // a tie or a near-tie: 53 bits, then the rounding bit set, then zeros or a single low bit
                int low = bits - 54;
                v = v.shiftRight(low).setBit(0).shiftLeft(low);
                if (rnd.nextBoolean() && low > 0) {
                    v = v.setBit(rnd.nextInt(low));
                }
                v = v.setBit(bits - 1);
            }
            if (rnd.nextBoolean()) {
                v = v.negate();
            }
            check(v, rnd.nextInt(121) - 20);
        }
    }
}
