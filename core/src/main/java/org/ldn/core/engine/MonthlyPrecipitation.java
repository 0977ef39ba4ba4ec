package org.ldn.core.engine;

import java.util.List;
import org.ldn.core.InputException;
import org.ldn.core.grid.Window;
import org.ldn.core.drought.MonthlyCalendar;
import org.ldn.core.raster.RasterSource;

/**
 * A monthly precipitation series (mm per month) on the reference grid: month index t of the calendar is band
 * {@code bands[t]} (0-based) of {@code sources.get(t)}, whose stored values times {@code scale} are mm. Every month
 * of the calendar is present exactly once (the run file's reader checks it).
 */
public record MonthlyPrecipitation(MonthlyCalendar calendar, List<RasterSource> sources, int[] bands, double scale) {
    public MonthlyPrecipitation(MonthlyCalendar calendar, List<RasterSource> sources, int[] bands) {
        this(calendar, sources, bands, 1);
    }

    public MonthlyPrecipitation {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new InputException("drought.scale must be a positive number, not " + scale);
        }
        sources = List.copyOf(sources);
        if (sources.size() != calendar.months() || bands.length != calendar.months()) {
            throw new IllegalArgumentException("one source and band per month of the calendar");
        }
        bands = bands.clone();
    }

    /**
     * Converts month {@code m}'s stored values of window {@code w} (the first {@code n} of {@code stored}, as read
     * from {@code sources.get(m)}) to mm, rounded to float, into {@code mm[offset..offset + n)}; NaN (nodata) stays
     * NaN.
     *
     * @throws InputException naming the file, the pixel and the month when a value is negative or infinite
     */
    void toMm(int m, Window w, double[] stored, int n, float[] mm, int offset) {
        for (int i = 0; i < n; i++) {
            mm[offset + i] = mm(m, w, stored, i);
        }
    }

    /** {@link #toMm(int, Window, double[], int, float[], int)} into a double array (values still rounded to float). */
    void toMm(int m, Window w, double[] stored, int n, double[] mm, int offset) {
        for (int i = 0; i < n; i++) {
            mm[offset + i] = mm(m, w, stored, i);
        }
    }

    private float mm(int m, Window w, double[] stored, int i) {
        double v = stored[i];
        if (v < 0 || Double.isInfinite(v)) {
            throw new InputException(sources.get(m).name() + ": precipitation " + TileWorker.format(v)
                    + " mm at pixel " + TileWorker.pixel(w, i) + " (" + calendar.label(m) + ") is negative or infinite");
        }
        return (float) (v * scale);
    }
}
