package org.ldn.core.engine;

import java.util.List;
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
            throw new org.ldn.core.InputException("drought.scale must be a positive number, not " + scale);
        }
        sources = List.copyOf(sources);
        if (sources.size() != calendar.months() || bands.length != calendar.months()) {
            throw new IllegalArgumentException("one source and band per month of the calendar");
        }
        bands = bands.clone();
    }
}
