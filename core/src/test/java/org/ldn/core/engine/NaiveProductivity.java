package org.ldn.core.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * A second, deliberately naive implementation of METHOD.md §3 (computed path) for one pixel, written from the text
 * with exact decimals ({@link BigDecimal} of the stored values), the centred least-squares formula and sorted lists,
 * sharing no code with the kernels. Values are the period's stored values in year order, NaN for nodata;
 * {@code scale} turns them into physical values. Results: −1, 0, +1 or {@link NaiveMethod#ND}.
 */
final class NaiveProductivity {
    private static final MathContext MC = new MathContext(60);
    private static final BigDecimal HALF_UNIT = new BigDecimal("0.00005");

    private NaiveProductivity() {
    }

    /** @param k95 the smallest significant |S| for n valid years */
    static int trajectory(double[] x, BigDecimal scale, IntUnaryOperator k95) {
        List<Integer> t = new ArrayList<>();
        List<BigDecimal> v = new ArrayList<>();
        for (int y = 0; y < x.length; y++) {
            if (!Double.isNaN(x[y])) {
                t.add(y);
                v.add(new BigDecimal(x[y]));
            }
        }
        int n = v.size();
        if (n < 4) {
            return NaiveMethod.ND;
        }
        int s = 0;
        for (int j = 0; j < n; j++) {
            for (int k = j + 1; k < n; k++) {
                s += Integer.signum(v.get(k).compareTo(v.get(j)));
            }
        }
        // centred sums, multiplied by n to stay exact: Σ(n·t − Σt)(n·x − Σx) / Σ(n·t − Σt)²
        BigDecimal sumT = BigDecimal.ZERO;
        BigDecimal sumX = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            sumT = sumT.add(BigDecimal.valueOf(t.get(i)));
            sumX = sumX.add(v.get(i));
        }
        BigDecimal bn = BigDecimal.valueOf(n);
        BigDecimal cov = BigDecimal.ZERO;
        BigDecimal var = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal dt = bn.multiply(BigDecimal.valueOf(t.get(i))).subtract(sumT);
            cov = cov.add(dt.multiply(bn.multiply(v.get(i)).subtract(sumX)));
            var = var.add(dt.multiply(dt));
        }
        // |slope| · scale ≤ 0.001  ⇔  |cov| · scale ≤ 0.001 · var
        if (cov.abs().multiply(scale).compareTo(new BigDecimal("0.001").multiply(var)) <= 0) {
            return 0;
        }
        if (Math.abs(s) < k95.applyAsInt(n)) {
            return 0;
        }
        return cov.signum();
    }

    static int state(double[] x, BigDecimal scale) {
        int baseYears = x.length - 3;
        List<BigDecimal> base = new ArrayList<>();
        BigDecimal sumB = BigDecimal.ZERO;
        for (int y = 0; y < baseYears; y++) {
            if (!Double.isNaN(x[y])) {
                base.add(new BigDecimal(x[y]));
                sumB = sumB.add(new BigDecimal(x[y]));
            }
        }
        BigDecimal sumC = BigDecimal.ZERO;
        int nc = 0;
        for (int y = Math.max(0, baseYears); y < x.length; y++) {
            if (!Double.isNaN(x[y])) {
                sumC = sumC.add(new BigDecimal(x[y]));
                nc++;
            }
        }
        int nb = base.size();
        if (nb == 0 || nc == 0) {
            return NaiveMethod.ND;
        }
        BigDecimal bnb = BigDecimal.valueOf(nb);
        BigDecimal bnc = BigDecimal.valueOf(nc);
        // |sumB/nB − sumC/nC| · scale ≤ 0.01  ⇔  |sumB·nC − sumC·nB| · scale ≤ 0.01 · nB · nC
        if (sumB.multiply(bnc).subtract(sumC.multiply(bnb)).abs().multiply(scale)
                .compareTo(new BigDecimal("0.01").multiply(bnb).multiply(bnc)) <= 0) {
            return 0;
        }
        base.sort(null);
        BigDecimal p0 = base.get(0);
        BigDecimal p100 = base.get(nb - 1);
        BigDecimal ext = new BigDecimal("0.05").multiply(p100.subtract(p0));
        List<BigDecimal> e = new ArrayList<>(base);
        e.add(p0.subtract(ext));
        e.add(p100.add(ext));
        e.sort(null);
        int cB = 1;
        int cC = 1;
        for (int k = 1; k <= 9; k++) {
            BigDecimal p = percentile(e, new BigDecimal(k).divide(BigDecimal.TEN));
            // mean > p  ⇔  sum > p · count
            if (sumB.compareTo(p.multiply(bnb)) > 0) {
                cB++;
            }
            if (sumC.compareTo(p.multiply(bnc)) > 0) {
                cC++;
            }
        }
        return cC - cB <= -2 ? -1 : cC - cB >= 2 ? 1 : 0;
    }

    /** Linear interpolation between closest ranks (type 7) of a sorted list, q in [0, 1]. */
    static BigDecimal percentile(List<BigDecimal> sorted, BigDecimal q) {
        BigDecimal h = BigDecimal.valueOf(sorted.size() - 1).multiply(q);
        int j = h.setScale(0, RoundingMode.FLOOR).intValueExact();
        BigDecimal frac = h.subtract(BigDecimal.valueOf(j));
        if (j + 1 >= sorted.size()) {
            return sorted.get(j);
        }
        return sorted.get(j).add(frac.multiply(sorted.get(j + 1).subtract(sorted.get(j))));
    }

    /** The pixel's mean in physical units rounded half up (towards +∞) to 0.0001, or null without a valid year. */
    static BigDecimal roundedMean(double[] x, BigDecimal scale) {
        BigDecimal m = mean(x, scale);
        return m == null ? null : roundHalfUp(m);
    }

    static BigDecimal roundHalfUp(BigDecimal v) {
        return v.add(HALF_UNIT).setScale(4, RoundingMode.FLOOR);
    }

    private static BigDecimal mean(double[] x, BigDecimal scale) {
        BigDecimal s = BigDecimal.ZERO;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s = s.add(new BigDecimal(v));
                n++;
            }
        }
        return n == 0 ? null : s.multiply(scale).divide(BigDecimal.valueOf(n), MC);
    }

    /** p90 of a unit: type-7 90th percentile of its rounded means, rounded half up to 0.0001. */
    static BigDecimal p90(List<BigDecimal> roundedMeans) {
        List<BigDecimal> s = new ArrayList<>(roundedMeans);
        s.sort(null);
        return roundHalfUp(percentile(s, new BigDecimal("0.9")));
    }

    /** m / p90 ≤ 0.5 → −1, else 0; nodata without a mean, without a p90 or when p90 ≤ 0. */
    static int performance(double[] x, BigDecimal scale, BigDecimal p90) {
        BigDecimal m = mean(x, scale);
        if (m == null || p90 == null || p90.signum() <= 0) {
            return NaiveMethod.ND;
        }
        BigDecimal s = BigDecimal.ZERO;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s = s.add(new BigDecimal(v));
                n++;
            }
        }
        // m / p90 ≤ 1/2 with m = s · scale / n  ⇔  2 · s · scale ≤ p90 · n
        return s.multiply(scale).multiply(BigDecimal.valueOf(2)).compareTo(p90.multiply(BigDecimal.valueOf(n))) <= 0
                ? -1 : 0;
    }

    /** METHOD.md §3 combination table. */
    static int lpd(int t, int s, int p) {
        if (t == NaiveMethod.ND || s == NaiveMethod.ND || p == NaiveMethod.ND) {
            return NaiveMethod.ND;
        }
        if (t == -1) {
            return 1;
        }
        if (t == 1) {
            return s == -1 && p == -1 ? 2 : 5;
        }
        if (s == -1) {
            return p == -1 ? 1 : 2;
        }
        if (s == 0) {
            return p == -1 ? 3 : 4;
        }
        return 4;
    }
}
