package org.ldn.core.scenario;

/**
 * A Monte Carlo uncertainty analysis: {@code draws} runs with inputs drawn from seeded distributions.
 *
 * @param seed                 the seed; the same seed gives bit-identical results
 * @param climateFactor        uniform range of one Tier 1 climate factor for the run, or {@code null} to keep the
 *                             run's own factors
 * @param socThresholdPercent  uniform range of the SOC threshold, or {@code null} to keep the run's
 * @param landCoverConfusion   7×7 counts of a land-cover accuracy sample (rows: map class, columns: reference
 *                             class), or {@code null}: each land-cover pixel of each map is redrawn from its map
 *                             class's row (the probability of the true class given the mapped one)
 */
public record UncertaintySpec(int draws, long seed, Range climateFactor, Range socThresholdPercent,
        long[][] landCoverConfusion) {

    public UncertaintySpec {
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be at least 1");
        }
    }

    /** A closed interval sampled uniformly ({@code min == max} gives that value). */
    public record Range(double min, double max) {
        public Range {
            if (!(min <= max) || Double.isInfinite(min) || Double.isInfinite(max)) {
                throw new IllegalArgumentException("range [" + min + ", " + max + "] is not an interval");
            }
        }

        public double at(double u) {
            return min + u * (max - min);
        }
    }
}
