package org.ldn.core.engine;

import org.ldn.core.InputException;
import org.ldn.core.grid.Window;
import org.ldn.core.productivity.MonthlySeries;
import org.ldn.core.productivity.Performance;
import org.ldn.core.raster.RasterSource;

/**
 * One thread's productivity series over a window, shared by the histogram pass and the main pass: the annual stack
 * ({@code stack[y · n + i]}, year {@code firstYear + y}, stored units; NaN for nodata and outside every zone), the
 * land-unit codes, and the per-period means and land-unit keys. Buffers are sized for the largest tile. Not
 * thread-safe.
 */
final class SeriesTile {
    /** Land-unit key of a pixel without a unit (no land-cover class, or no land-unit code). */
    static final long NO_UNIT = Performance.NONE;

    private final SeriesPlan plan;
    private final ProductivitySeries series;
    final double[] stack;
    private final double[] scratch;
    private final double[] units;

    SeriesTile(SeriesPlan plan, int maxPixels) {
        this.plan = plan;
        this.series = plan.series();
        this.stack = new double[plan.yearCount() * maxPixels];
        this.scratch = new double[series.bandsPerYear() * maxPixels];
        this.units = series.landUnits() != null ? new double[maxPixels] : null;
    }

    /** Reads every year of the stack over {@code w}; pixels outside the zones ({@code zone < 0}) become NaN. */
    void read(Window w, int[] zone, int n) {
        int years = plan.yearCount();
        int y = 0;
        while (y < years) {
            ProductivitySeries.YearBands b = series.years().get(plan.firstYear() + y);
            if (b == null) { // a year between periods that no period uses
                java.util.Arrays.fill(stack, y * n, (y + 1) * n, Double.NaN);
                y++;
                continue;
            }
            if (series.monthly()) {
                b.source().readBands(b.firstBand(), MonthlySeries.MONTHS, w, scratch);
                MonthlySeries.annual(scratch, n, stack, y * n);
                y++;
                continue;
            }
            int run = 1; // consecutive years in consecutive bands of the same file are read at once
            while (y + run < years && consecutive(b, series.years().get(plan.firstYear() + y + run), run)) {
                run++;
            }
            if (y == 0) {
                b.source().readBands(b.firstBand(), run, w, stack);
            } else {
                for (int k = 0; k < run; k++) {
                    b.source().read(b.firstBand() + k, w, scratch);
                    System.arraycopy(scratch, 0, stack, (y + k) * n, n);
                }
            }
            y += run;
        }
        for (int k = 0; k < years; k++) {
            int o = k * n;
            for (int i = 0; i < n; i++) {
                double v = stack[o + i];
                if (zone[i] < 0) {
                    stack[o + i] = Double.NaN;
                } else if (Double.isInfinite(v)) {
                    RasterSource src = series.years().get(plan.firstYear() + k).source(); // NaN for absent years
                    throw new InputException(src.name() + ": productivity value " + v + " at pixel "
                            + TileWorker.pixel(w, i) + " (year " + (plan.firstYear() + k)
                            + ") is infinite (mark missing values as nodata)");
                }
            }
        }
    }

    private static boolean consecutive(ProductivitySeries.YearBands first, ProductivitySeries.YearBands next,
            int offset) {
        return next != null && next.source() == first.source() && next.firstBand() == first.firstBand() + offset;
    }

    /** Reads the land-unit map over {@code w}, if the run has one. */
    void readLandUnits(Window w, int n) {
        if (units != null) {
            series.landUnits().read(0, w, units);
        }
    }

    /**
     * The land-unit key of every pixel for period p: the land-cover code of the period's unit year (source legend)
     * in the high 32 bits and the land-unit code in the low 32 bits (0 when either map is absent); {@link #NO_UNIT}
     * where the land cover is nodata or the land-unit map has no value.
     *
     * @param codes   source codes of the unit year, or {@code null} when the run has no land cover
     * @param classes UNCCD classes of the same year (nodata marks pixels without a class)
     */
    void unitKeys(double[] codes, short[] classes, Window w, int n, long[] out) {
        unitKeys(series, units, codes, classes, w, n, out);
    }

    /**
     * {@link #unitKeys(double[], short[], Window, int, long[])} with the land-unit map of {@code series} read into
     * {@code units} ({@code null} when the run has none).
     */
    static void unitKeys(ProductivitySeries series, double[] units, double[] codes, short[] classes, Window w, int n,
            long[] out) {
        for (int i = 0; i < n; i++) {
            long key = 0;
            if (codes != null) {
                if (classes[i] == org.ldn.core.indicator.Classes.NODATA) {
                    out[i] = NO_UNIT;
                    continue;
                }
                key = (long) codes[i] << 32;
            }
            if (units != null) {
                double u = units[i];
                if (Double.isNaN(u)) {
                    out[i] = NO_UNIT;
                    continue;
                }
                if (u != Math.rint(u) || Math.abs(u) > Integer.MAX_VALUE) {
                    throw new InputException(series.landUnits().name() + ": land unit " + TileWorker.format(u)
                            + " at pixel " + TileWorker.pixel(w, i) + " is not a whole number (land units are"
                            + " integer codes)");
                }
                key |= (long) (int) u & 0xffffffffL;
            }
            out[i] = key;
        }
    }

    /** {@link Performance#means} for period p, with an input error when a mean is too large to round. */
    void means(int p, Window w, int n, double[] sum, int[] count, long[] rounded) {
        int bad = Performance.means(stack, n, plan.from()[p], plan.years()[p], plan.scale(), sum, count, rounded);
        check(plan, p, w, bad, sum, count);
    }

    /** An input error naming the pixel {@code bad} whose mean is too large to round, unless it is ALL_VALID. */
    static void check(SeriesPlan plan, int p, Window w, int bad, double[] sum, int[] count) {
        if (bad != Performance.ALL_VALID) {
            ProductivitySeries series = plan.series();
            RasterSource src = series.years().get(plan.firstYear() + plan.from()[p]).source();
            throw new InputException(src.name() + ": the mean productivity at pixel " + TileWorker.pixel(w, bad)
                    + " is " + TileWorker.format(sum[bad] / count[bad]) + ", too large to use (check the scale and"
                    + " the nodata value)");
        }
    }
}
