package org.ldn.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ldn.core.InputException;
import org.ldn.core.grid.Grid;
import org.ldn.core.landcover.Legend;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.zone.ZoneSource;

/**
 * Everything the drought pass reads, aligned on the reference grid (METHOD.md §9).
 *
 * @param precipitation the monthly precipitation series, or {@code null} when SPI is supplied
 * @param suppliedSpi   SPI maps by year (the SPI-k of the reporting month), or empty when computed
 * @param legend        the land-cover legend (water is UNCCD class 7), or {@code null} without land cover
 * @param landCover     land-cover maps by year (water of a year: the latest map not after it, else the earliest);
 *                      may be empty (no water is then set apart)
 * @param population    {@code total}, optionally {@code female}, {@code male} count maps; may be empty
 * @param vulnerability DVI component maps (0..1) by name, in order; may be empty
 * @param weights       weight by component name, or empty for the plain mean
 */
public record DroughtInputs(Grid grid, ZoneSource zones, DroughtSpec spec, MonthlyPrecipitation precipitation,
        SortedMap<Integer, RasterSource> suppliedSpi, Legend legend, SortedMap<Integer, RasterSource> landCover,
        Map<String, RasterSource> population, Map<String, RasterSource> vulnerability, Map<String, Double> weights) {
    public DroughtInputs {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(zones, "zones");
        Objects.requireNonNull(spec, "spec");
        suppliedSpi = suppliedSpi == null ? new TreeMap<>() : new TreeMap<>(suppliedSpi);
        landCover = landCover == null ? new TreeMap<>() : new TreeMap<>(landCover);
        population = population == null ? Map.of() : new LinkedHashMap<>(population);
        vulnerability = vulnerability == null ? Map.of() : new LinkedHashMap<>(vulnerability);
        weights = weights == null ? Map.of() : new LinkedHashMap<>(weights);
        if ((precipitation == null) == suppliedSpi.isEmpty()) {
            throw new InputException("drought: give either a precipitation series or an SPI series, not both or none");
        }
        if (!landCover.isEmpty() && legend == null) {
            throw new IllegalArgumentException("land cover needs its legend");
        }
        if (!population.isEmpty() && !population.containsKey("total")) {
            throw new InputException("population: a 'total' population map is needed");
        }
        for (String w : weights.keySet()) {
            if (!vulnerability.containsKey(w)) {
                throw new InputException("drought.vulnerability.weights: '" + w + "' is not a component given");
            }
        }
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (!(w.getValue() >= 0) || Double.isInfinite(w.getValue())) {
                throw new InputException("drought.vulnerability.weights: the weight of '" + w.getKey()
                        + "' must be a number ≥ 0, not " + w.getValue());
            }
        }
        if (!weights.isEmpty() && weights.size() != vulnerability.size()) {
            throw new InputException("drought.vulnerability.weights: give a weight for every component ("
                    + vulnerability.keySet() + ") or none");
        }
        if (!weights.isEmpty() && weights.values().stream().allMatch(w -> w == 0)) {
            throw new InputException("drought.vulnerability.weights: every weight is 0 (give at least one weight"
                    + " above 0, or no weights for the plain mean)");
        }
    }
}
