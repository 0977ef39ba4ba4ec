package org.ldn.core.target;

/**
 * What a target asks of its metric by the target year (values in the target's unit).
 * <ul>
 * <li>{@code noNetLoss}: the value is ≥ 0 (net ΔLDN; per land type, so a gain never offsets a loss elsewhere);</li>
 * <li>{@code {atLeast: v}} / {@code {atMost: v}}: the value at the target year is ≥ v / ≤ v;</li>
 * <li>{@code {perYear: v}}: a rate that must not exceed v per year (conversionRate);</li>
 * <li>{@code {change: d}}: the value at the target year is baseline + d or better (d &lt; 0: at most, d &gt; 0: at
 * least).</li>
 * </ul>
 */
public sealed interface Goal {
    /** The value the target year must reach, given the baseline value (NaN when unknown). */
    double threshold(double baseline);

    /** True when higher values are better (the goal is a floor), false for a ceiling. */
    boolean higherIsBetter();

    /** For messages and tables. */
    String describe();

    default boolean met(double value, double baseline) {
        double t = threshold(baseline);
        return higherIsBetter() ? value >= t : value <= t;
    }

    record NoNetLoss() implements Goal {
        public double threshold(double baseline) {
            return 0;
        }

        public boolean higherIsBetter() {
            return true;
        }

        public String describe() {
            return "no net loss (>= 0)";
        }
    }

    record AtLeast(double value) implements Goal {
        public double threshold(double baseline) {
            return value;
        }

        public boolean higherIsBetter() {
            return true;
        }

        public String describe() {
            return "at least " + value;
        }
    }

    record AtMost(double value) implements Goal {
        public double threshold(double baseline) {
            return value;
        }

        public boolean higherIsBetter() {
            return false;
        }

        public String describe() {
            return "at most " + value;
        }
    }

    /** A rate ceiling: the metric (already per year) must not exceed {@code value}. */
    record PerYear(double value) implements Goal {
        public double threshold(double baseline) {
            return value;
        }

        public boolean higherIsBetter() {
            return false;
        }

        public String describe() {
            return "at most " + value + " per year";
        }
    }

    record Change(double delta) implements Goal {
        public double threshold(double baseline) {
            return baseline + delta;
        }

        public boolean higherIsBetter() {
            return delta >= 0;
        }

        public String describe() {
            return (delta >= 0 ? "baseline + " : "baseline - ") + Math.abs(delta);
        }
    }
}
