package org.ldn.core.productivity;

import java.math.BigInteger;

/**
 * The exact null distribution of the Mann–Kendall statistic {@code S = Σ_{j<k} sign(x_k − x_j)} for n values
 * without ties (METHOD.md §3): every order of the values is equally likely, and an order with I inversions has
 * {@code S = M − 2·I}, {@code M = n(n−1)/2}. The number of permutations of n items with I inversions is the Mahonian
 * number T(n, I), built by the recurrence {@code T(m, i) = Σ_{j=0}^{min(i, m−1)} T(m−1, i−j)} (inserting the m-th
 * item j places from the end adds j inversions). Counts are exact ({@link BigInteger}: 60! has 82 digits).
 * Stateless.
 */
public final class MannKendallNull {
    private MannKendallNull() {
    }

    /** {@code counts[i]} = permutations of n distinct values with i inversions, i = 0..n(n−1)/2; they sum to n!. */
    public static BigInteger[] inversionCounts(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, not " + n);
        }
        BigInteger[] t = {BigInteger.ONE};
        for (int m = 2; m <= n; m++) {
            t = nextRow(t, m);
        }
        return t;
    }

    /** Row m of the Mahonian numbers from row m − 1. */
    private static BigInteger[] nextRow(BigInteger[] t, int m) {
        int max = m * (m - 1) / 2;
        BigInteger[] next = new BigInteger[max + 1];
        BigInteger window = BigInteger.ZERO; // Σ t[i−j] for j = 0..m−1, slid along i
        for (int i = 0; i <= max; i++) {
            if (i < t.length) {
                window = window.add(t[i]);
            }
            if (i - m >= 0 && i - m < t.length) {
                window = window.subtract(t[i - m]);
            }
            next[i] = window;
        }
        return next;
    }

    /**
     * {@link #upperCriticalValue} for every n from 1 to {@code maxN} (index n of the result), in one pass over the
     * rows of the distribution.
     */
    public static int[] upperCriticalValues(int maxN, long num, long den) {
        int[] out = new int[maxN + 1];
        BigInteger[] t = {BigInteger.ONE};
        BigInteger factorial = BigInteger.ONE;
        for (int n = 1; n <= maxN; n++) {
            if (n > 1) {
                t = nextRow(t, n);
                factorial = factorial.multiply(BigInteger.valueOf(n));
            }
            out[n] = critical(t, factorial, num, den);
        }
        return out;
    }

    /**
     * The smallest value k that S can take (k ≡ M mod 2) with {@code P(S ≥ k) ≤ num/den} under the null
     * distribution of n values without ties; {@code M + 2} (never reached) when even {@code P(S = M) = 1/n!} is larger.
     * For the two-sided 95 % test, {@code num/den = 1/40}.
     */
    public static int upperCriticalValue(int n, long num, long den) {
        BigInteger[] counts = inversionCounts(n);
        BigInteger total = BigInteger.ZERO;
        for (BigInteger c : counts) {
            total = total.add(c);
        }
        return critical(counts, total, num, den);
    }

    private static int critical(BigInteger[] counts, BigInteger total, long num, long den) {
        if (num < 0 || den <= 0) {
            throw new IllegalArgumentException("probability " + num + "/" + den);
        }
        int m = counts.length - 1;
        BigInteger right = total.multiply(BigInteger.valueOf(num));
        BigInteger tail = BigInteger.ZERO; // permutations with at most i inversions, i.e. S ≥ M − 2i
        int best = -1;
        for (int i = 0; i <= m; i++) {
            tail = tail.add(counts[i]);
            if (tail.multiply(BigInteger.valueOf(den)).compareTo(right) > 0) {
                break;
            }
            best = i;
        }
        return best < 0 ? m + 2 : m - 2 * best;
    }
}
