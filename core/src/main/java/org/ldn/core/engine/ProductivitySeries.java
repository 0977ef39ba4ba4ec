package org.ldn.core.engine;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ldn.core.productivity.CriticalValues;
import org.ldn.core.productivity.ProductivityScale;
import org.ldn.core.raster.RasterSource;

/**
 * Productivity maps to compute LPD from (METHOD.md §3, computed path), already on the reference grid. Replaces the
 * supplied LPD maps of every period: the computed LPD goes downstream exactly as a supplied one would.
 *
 * @param years          year → where its values are (one band, or 12 consecutive monthly bands)
 * @param scale          stored values × scale = physical values (e.g. NDVI)
 * @param criticalValues the Mann–Kendall table: exact (default) or Trends.Earth's
 * @param landUnits      a land-unit map (integer codes) crossed with the land-cover class for performance, or
 *                       {@code null} for the land-cover class alone
 * @param monthly        bands are months: a year's value is the mean of its valid months
 */
public record ProductivitySeries(SortedMap<Integer, YearBands> years, ProductivityScale scale,
        CriticalValues.Table criticalValues, RasterSource landUnits, boolean monthly) {

    public ProductivitySeries {
        years = new TreeMap<>(years);
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(criticalValues, "criticalValues");
        if (years.isEmpty()) {
            throw new IllegalArgumentException("a productivity series needs at least one year");
        }
    }

    /** The first band of a year in {@code source} (0-based); a monthly year has 12 bands from there. */
    public record YearBands(RasterSource source, int firstBand) {
        public YearBands {
            Objects.requireNonNull(source, "source");
        }
    }

    /** Bands per year: 12 when monthly, else 1. */
    public int bandsPerYear() {
        return monthly ? 12 : 1;
    }
}
