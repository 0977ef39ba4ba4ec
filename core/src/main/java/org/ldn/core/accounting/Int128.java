package org.ldn.core.accounting;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact 128-bit integer sums over pairs of {@code long} arrays ({@code hi[i]}, {@code lo[i]}), used for areas and
 * stocks so that addition is associative and results do not depend on tile order. Plain two-word arithmetic:
 * neither the JDK nor our dependencies offer a primitive 128-bit accumulator, and BigInteger would allocate per add.
 */
final class Int128 {
    private Int128() {
    }

    /** {@code (hi, lo)[i] += a · b} for non-negative {@code a}, {@code b}. */
    static void addProduct(long[] hi, long[] lo, int i, long a, long b) {
        long pLo = a * b;
        long pHi = Math.multiplyHigh(a, b);
        add(hi, lo, i, pHi, pLo);
    }

    static void add(long[] hi, long[] lo, int i, long addHi, long addLo) {
        long sum = lo[i] + addLo;
        long carry = Long.compareUnsigned(sum, lo[i]) < 0 ? 1 : 0;
        lo[i] = sum;
        hi[i] += addHi + carry;
    }

    /** The value {@code (hi, lo) · 2^−shift}, correctly rounded to a double. */
    static double toDouble(long hi, long lo, int shift) {
        BigInteger v = BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
        if (v.signum() == 0) {
            return 0;
        }
        return new BigDecimal(v).multiply(new BigDecimal(Math.scalb(1.0, -shift))).doubleValue();
    }
}
