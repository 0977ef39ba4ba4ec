package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ldn.core.drought.Calibration;
import org.ldn.core.drought.MonthlyCalendar;
import org.ldn.core.drought.SpiSeries;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSink;

/**
 * Computes the calibration fits of SPI-1, 3, 6 and 12 for every calendar month (METHOD.md §9) over the grid and
 * writes them as Float32 maps, α, β and q per (scale, month): 144 maps that a monthly early-warning run reads
 * instead of the calibration years. Tiles are cut so the calibration months of a tile fit a fixed budget.
 */
public final class DroughtFitsPass {
    /** The early-warning scales. */
    public static final int[] SCALES = {1, 3, 6, 12};
    public static final String[] PARAMS = {"alpha", "beta", "q"};

    /** Where a fit map goes: scale k, calendar month 1..12, parameter index (0 α, 1 β, 2 q). */
    @FunctionalInterface
    public interface Sinks {
        RasterSink open(int k, int month, int param);
    }

    private DroughtFitsPass() {
    }

    /** The calibration used for {@code p} (default rule of {@link Calibration#resolve}). */
    public static Calibration calibration(MonthlyPrecipitation p, Calibration given) {
        MonthlyCalendar cal = p.calendar();
        return Calibration.resolve(given, cal.firstYear(), cal.lastYear(), p.sources().get(0).name());
    }

    public static void run(Grid grid, MonthlyPrecipitation p, Calibration calibration, Sinks sinks,
            EngineOptions options) {
        MonthlyCalendar cal = p.calendar();
        int from = Math.max(0, cal.index(calibration.firstYear(), 1) - 11);
        int to = Math.min(cal.months() - 1, cal.index(calibration.lastYear(), 12));
        MonthlyCalendar read = new MonthlyCalendar(cal.yearOf(from), cal.monthOf(from), to - from + 1);
        int[] shape = DroughtPlan.tileShape(grid.width(), grid.height(), read.months());
        Tiling tiling = new Tiling(grid.width(), grid.height(), shape[0], shape[1]);
        RasterSink[][][] out = new RasterSink[SCALES.length][12][3];
        List<RasterSink> all = new ArrayList<>();
        try {
            for (int s = 0; s < SCALES.length; s++) {
                for (int m = 0; m < 12; m++) {
                    for (int q = 0; q < 3; q++) {
                        out[s][m][q] = sinks.open(SCALES[s], m + 1, q);
                        all.add(out[s][m][q]);
                    }
                }
            }
            int threads = Math.max(1, Math.min(options.threads(), tiling.tileCount()));
            List<Consumer<Window>> workers = new ArrayList<>();
            int maxN = shape[0] * shape[1];
            for (int t = 0; t < threads; t++) {
                float[] precip = new float[read.months() * maxN];
                float[] fits = new float[36 * maxN];
                double[] tmp = new double[maxN];
                workers.add(w -> {
                    int n = w.length();
                    for (int t2 = 0; t2 < read.months(); t2++) {
                        int m = from + t2;
                        p.sources().get(m).read(p.bands()[m], w, tmp);
                        p.toMm(m, w, tmp, n, precip, t2 * n);
                    }
                    float[] one = new float[n];
                    for (int s = 0; s < SCALES.length; s++) {
                        SpiSeries.fits(precip, n, read, SCALES[s], calibration, fits);
                        for (int m = 0; m < 12; m++) {
                            for (int q = 0; q < 3; q++) {
                                System.arraycopy(fits, (m * 3 + q) * n, one, 0, n);
                                out[s][m][q].write(w, one);
                            }
                        }
                    }
                });
            }
            TilePool.run(tiling, workers, options.progress(), "fits");
            for (RasterSink s : all) {
                s.commit();
            }
        } finally {
            for (RasterSink s : all) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }
}
