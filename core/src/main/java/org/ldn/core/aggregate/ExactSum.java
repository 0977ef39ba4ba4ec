package org.ldn.core.aggregate;

import java.math.BigDecimal;

/**
 * A sum of doubles kept exactly and rounded once, so that it does not depend on the order of the terms: summing the
 * countries of a region in any order gives the same bits. BigDecimal rather than Kahan summation because Kahan is
 * only nearly exact and its result still depends on the order. Not thread-safe.
 */
final class ExactSum {
    private BigDecimal sum = BigDecimal.ZERO;

    ExactSum add(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot sum " + v);
        }
        sum = sum.add(new BigDecimal(v));
        return this;
    }

    /** The exact sum rounded to the nearest double. */
    double value() {
        return sum.doubleValue();
    }

    /** The exact sum of {@code values} rounded once. */
    static double of(double... values) {
        ExactSum s = new ExactSum();
        for (double v : values) {
            s.add(v);
        }
        return s.value();
    }
}
