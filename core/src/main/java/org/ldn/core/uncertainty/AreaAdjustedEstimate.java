package org.ldn.core.uncertainty;

import org.ldn.core.InputException;

/**
 * The stratified estimator of class areas from a map and a reference sample (Olofsson et al. 2014, "Good practices
 * for estimating area and assessing accuracy of land change", Remote Sensing of Environment 148: eqs. 2, 9, 10 and
 * 11): with mapped area weights W_i and sample counts n_ij (rows: map class i, columns: reference class j),
 * p̂_ij = W_i·n_ij/n_i·, the area proportion of class j is p̂_·j = Σ_i p̂_ij with standard error
 * √(Σ_i W_i²·(n_ij/n_i·)(1 − n_ij/n_i·)/(n_i· − 1)); areas are A·p̂_·j and 95 % intervals ±1.96 standard errors.
 * Immutable.
 *
 * @param proportions       p̂_·j per reference class
 * @param standardErrors    standard error of each proportion
 * @param areas             area estimate per class, in the unit of the mapped areas
 * @param areaCi95          half-width of the 95 % confidence interval of each area
 * @param usersAccuracy     per map class: p̂_ii / p̂_i·
 * @param producersAccuracy per reference class: p̂_jj / p̂_·j
 * @param overallAccuracy   Σ_j p̂_jj
 */
public record AreaAdjustedEstimate(double[] proportions, double[] standardErrors, double[] areas, double[] areaCi95,
        double[] usersAccuracy, double[] producersAccuracy, double overallAccuracy) {

    /** z for a two-sided 95 % interval, as Olofsson et al. use. */
    public static final double Z95 = 1.96;

    /**
     * @param counts      square matrix of sample counts, rows = map class, columns = reference class
     * @param mappedAreas mapped area of each class (≥ 0, same order)
     */
    public static AreaAdjustedEstimate of(long[][] counts, double[] mappedAreas) {
        int k = mappedAreas.length;
        if (counts.length != k) {
            throw new InputException("confusion matrix has " + counts.length + " rows for " + k + " map classes");
        }
        double total = 0;
        for (double a : mappedAreas) {
            if (!(a >= 0) || Double.isInfinite(a)) {
                throw new InputException("mapped area " + a + " is not a finite area >= 0");
            }
            total += a;
        }
        if (total <= 0) {
            throw new InputException("the mapped areas add up to zero");
        }
        double[] rowTotal = new double[k];
        for (int i = 0; i < k; i++) {
            if (counts[i].length != k) {
                throw new InputException("confusion matrix row " + (i + 1) + " has " + counts[i].length
                        + " columns, expected " + k);
            }
            for (long c : counts[i]) {
                if (c < 0) {
                    throw new InputException("confusion matrix row " + (i + 1) + " has a negative count");
                }
                rowTotal[i] += c;
            }
            if (mappedAreas[i] > 0 && rowTotal[i] < 2) {
                throw new InputException("map class " + (i + 1) + " has " + (long) rowTotal[i]
                        + " sample(s); the standard error needs at least 2 per mapped class");
            }
        }
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = mappedAreas[i] / total;
        }
        double[] p = new double[k];
        double[] se = new double[k];
        double overall = 0;
        for (int j = 0; j < k; j++) {
            double var = 0;
            for (int i = 0; i < k; i++) {
                if (rowTotal[i] == 0) {
                    continue;
                }
                double f = counts[i][j] / rowTotal[i];
                p[j] += w[i] * f;
                var += w[i] * w[i] * f * (1 - f) / (rowTotal[i] - 1);
            }
            se[j] = Math.sqrt(var);
        }
        double[] users = new double[k];
        double[] producers = new double[k];
        for (int i = 0; i < k; i++) {
            double pii = rowTotal[i] == 0 ? 0 : w[i] * counts[i][i] / rowTotal[i];
            users[i] = rowTotal[i] == 0 ? Double.NaN : counts[i][i] / rowTotal[i];
            producers[i] = p[i] > 0 ? pii / p[i] : Double.NaN;
            overall += pii;
        }
        double[] areas = new double[k];
        double[] ci = new double[k];
        for (int j = 0; j < k; j++) {
            areas[j] = total * p[j];
            ci[j] = Z95 * total * se[j];
        }
        return new AreaAdjustedEstimate(p, se, areas, ci, users, producers, overall);
    }
}
