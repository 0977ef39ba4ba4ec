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

    /**
     * The value {@code (hi, lo) · 2^−shift}, correctly rounded to a double (to nearest, ties to even). The 128-bit
     * integer is rounded to 53 bits from its two words (a report asks for thousands of sums; through BigDecimal
     * they took about a third of a second on the benchmark's report); scaling by a power of two is then exact.
     */
    static double toDouble(long hi, long lo, int shift) {
        if (shift < -900 || shift > 900) {
            return exactToDouble(hi, lo, shift); // the scaling might leave the normal range: round once, exactly
        }
        boolean negative = hi < 0;
        long h = hi;
        long l = lo;
        if (negative) { // the magnitude, as an unsigned 128-bit integer (2^127 for the most negative value)
            l = -lo;
            h = ~hi + (lo == 0 ? 1 : 0);
        }
        double m;
        if (h == 0 && l >= 0) {
            m = l; // a long to a double rounds to nearest, ties to even (JLS 5.1.2)
        } else {
            int bits = h != 0 ? 128 - Long.numberOfLeadingZeros(h) : 64;
            int drop = bits - 54; // keep 53 bits and the rounding bit; at least 10 bits dropped
            long top;
            boolean sticky;
            if (drop >= 64) {
                top = h >>> (drop - 64);
                sticky = l != 0 || (h & ((1L << (drop - 64)) - 1)) != 0;
            } else {
                top = (h << (64 - drop)) | (l >>> drop);
                sticky = (l & ((1L << drop) - 1)) != 0;
            }
            long mantissa = top >>> 1;
            if ((top & 1) != 0 && (sticky || (mantissa & 1) != 0)) {
                mantissa++; // up to 2^53, still exact
            }
            m = Math.scalb((double) mantissa, drop + 1);
        }
        double r = Math.scalb(m, -shift);
        return negative ? -r : r;
    }

    /** {@link #toDouble} through BigDecimal (the reference the two-word rounding is tested against). */
    static double exactToDouble(long hi, long lo, int shift) {
        BigInteger v = BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
        if (v.signum() == 0) {
            return 0;
        }
        return new BigDecimal(v).multiply(new BigDecimal(Math.scalb(1.0, -shift))).doubleValue();
    }
}
