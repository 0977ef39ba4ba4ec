package org.ldn.core.productivity;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The factor from stored productivity values to physical ones (e.g. NDVI = stored × 0.0001), held as an exact
 * reduced fraction {@code num/den} so that the method's thresholds (slope 0.001 per year, state 0.01, the 0.0001
 * rounding and the performance ratio 0.5) are decided exactly on integer-coded inputs (METHOD.md §0): every rule is
 * evaluated as a comparison of two products of integers, computed in 128 bits. Immutable.
 *
 * @param num numerator, 1 ≤ num ≤ {@link #MAX_NUM}
 * @param den denominator, 1 ≤ den ≤ {@link #MAX_DEN}
 */
public record ProductivityScale(long num, long den) {
    /** Largest numerator: keeps {@code 20000 · num} far from overflow. */
    public static final long MAX_NUM = 1L << 40;
    /** Largest denominator: keeps {@code 2 · 10000 · n · den} far from overflow. */
    public static final long MAX_DEN = 1L << 40;
    /** 1..12 all divide it: a mean of months times this is an integer when the months are. */
    public static final int MONTHS_LCM = 27720;
    /** Stored integers up to this magnitude (and series of up to {@link #MAX_EXACT_YEARS}) are decided exactly. */
    public static final double MAX_EXACT_VALUE = 2147483648.0;
    public static final int MAX_EXACT_YEARS = 256;

    public ProductivityScale {
        if (num < 1 || den < 1 || num > MAX_NUM || den > MAX_DEN) {
            throw new IllegalArgumentException("scale " + num + "/" + den + " is outside the supported range");
        }
        long g = gcd(num, den);
        num /= g;
        den /= g;
    }

    /** Stored values are physical values. */
    public static final ProductivityScale ONE = new ProductivityScale(1, 1);

    /**
     * The decimal {@code scale} as written (its shortest decimal form, so 0.0001 is exactly 1/10000).
     *
     * @throws IllegalArgumentException when it is not a positive finite number of at most 12 significant digits
     */
    public static ProductivityScale of(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive number, not " + scale);
        }
        BigDecimal d = BigDecimal.valueOf(scale).stripTrailingZeros();
        BigInteger n = d.unscaledValue();
        BigInteger m = BigInteger.ONE;
        if (d.scale() > 0) {
            m = BigInteger.TEN.pow(d.scale());
        } else {
            n = n.multiply(BigInteger.TEN.pow(-d.scale()));
        }
        BigInteger g = n.gcd(m);
        n = n.divide(g);
        m = m.divide(g);
        if (n.bitLength() > 40 || m.bitLength() > 40) {
            throw new IllegalArgumentException("scale " + scale + " has too many significant digits or is too"
                    + " large or small (use at most 12 digits between 1e-12 and 1e12)");
        }
        return new ProductivityScale(n.longValueExact(), m.longValueExact());
    }

    /** This scale divided by {@code k} (a monthly series stores its annual means times {@link #MONTHS_LCM}). */
    public ProductivityScale divide(long k) {
        return new ProductivityScale(num, Math.multiplyExact(den, k));
    }

    /** The scale as a double (nearest). */
    public double value() {
        return (double) num / den;
    }

    /**
     * Exactly: is {@code |a| / b · scale ≤ limitNum / limitDen}, for {@code b > 0}? (The slope and state rules:
     * {@code |N| / D · scale ≤ 0.001} is {@code atMost(N, D, 1, 1000)}.)
     */
    public boolean atMost(long a, long b, long limitNum, long limitDen) {
        return compareProducts(Math.abs(a), num * limitDen, b, den * limitNum) <= 0;
    }

    /**
     * Exactly: is {@code 2 · (sum / count) · scale ≤ p90 / 10000}, i.e. {@code m / p90 ≤ 0.5} with m the unrounded
     * mean and p90 in units of 0.0001 ({@code count > 0}, {@code p90 > 0})?
     */
    public boolean atMostHalf(long sum, long count, long p90Units) {
        return compareProducts(sum, 20000 * num, p90Units, count * den) <= 0;
    }

    /** {@code sum / count · scale} in units of 0.0001, rounded half up (towards +∞), exactly ({@code count > 0}). */
    public long roundedUnits(long sum, long count) {
        long a = 20000 * num;
        long hi = Math.multiplyHigh(sum, a);
        long lo = sum * a;
        long d = 2 * count * den;
        if (hi == (lo >> 63)) {
            long c = count * den;
            long top = lo + c;
            if (((lo ^ top) & (c ^ top)) >= 0) { // no overflow in the addition
                return Math.floorDiv(top, d);
            }
        }
        BigInteger top = BigInteger.valueOf(sum).multiply(BigInteger.valueOf(a))
                .add(BigInteger.valueOf(count).multiply(BigInteger.valueOf(den)));
        BigInteger[] qr = top.divideAndRemainder(BigInteger.valueOf(d));
        BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        return q.longValueExact();
    }

    /** The sign of {@code a·b − c·d}, from exact signed 128-bit products. */
    static int compareProducts(long a, long b, long c, long d) {
        if (((Math.abs(a) | Math.abs(b) | Math.abs(c) | Math.abs(d)) >>> 31) == 0) {
            return Long.compare(a * b, c * d); // each product within 62 bits
        }
        long h1 = Math.multiplyHigh(a, b);
        long h2 = Math.multiplyHigh(c, d);
        if (h1 != h2) {
            return h1 < h2 ? -1 : 1;
        }
        return Long.compareUnsigned(a * b, c * d);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public String toString() {
        return den == 1 ? String.valueOf(num) : num + "/" + den;
    }
}
