package org.ldn.core.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ldn.core.InputException;
import org.ldn.core.correction.Corrections;
import org.ldn.core.grid.Grid;
import org.ldn.core.landcover.LandCoverNoise;
import org.ldn.core.landcover.Legend;
import org.ldn.core.landcover.TransitionMatrix;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.zone.ZoneSource;

/**
 * Everything the engine reads, already aligned on the reference grid: every {@link RasterSource} here has
 * {@code grid()} equal to {@link #grid}. The Java API's entry point is {@link Engine#run}.
 *
 * @param periods        the baseline first, then the reporting periods
 * @param subIndicators  the sub-indicators the combined indicator is made of (all three unless the run says so)
 * @param landCover      land-cover maps by year (source legend codes)
 * @param matrices       transition matrices; {@code matrixOfZone[z]} is the index of zone z's matrix
 * @param lpd            supplied 5-class LPD maps by period name
 * @param soc            supplied or modelled SOC, or {@code null} when SOC is left out
 * @param socThresholdPercent the SOC change that counts as degradation or improvement (default 10)
 * @param landTypes      land-type map (integer codes), or {@code null} for the baseline's first-year land cover
 * @param population     population count maps ({@code total}, optionally {@code female}, {@code male}), may be empty
 * @param series         productivity maps to compute LPD from instead of {@code lpd}, or {@code null}
 * @param landCoverNoise Monte Carlo redraw of land-cover classes (map accuracy), or {@code null}
 * @param corrections    false-positive / false-negative corrections applied before status, or {@code null}
 */
public record EngineInputs(Grid grid, ZoneSource zones, List<Period> periods, Set<SubIndicator> subIndicators,
        Legend legend, SortedMap<Integer, RasterSource> landCover, List<TransitionMatrix> matrices,
        int[] matrixOfZone, Map<String, RasterSource> lpd, SocInput soc, double socThresholdPercent,
        RasterSource landTypes, Map<String, RasterSource> population, ProductivitySeries series,
        LandCoverNoise landCoverNoise, Corrections corrections) {

    /** Inputs without false-positive / false-negative corrections. */
    public EngineInputs(Grid grid, ZoneSource zones, List<Period> periods, Set<SubIndicator> subIndicators,
            Legend legend, SortedMap<Integer, RasterSource> landCover, List<TransitionMatrix> matrices,
            int[] matrixOfZone, Map<String, RasterSource> lpd, SocInput soc, double socThresholdPercent,
            RasterSource landTypes, Map<String, RasterSource> population, ProductivitySeries series,
            LandCoverNoise landCoverNoise) {
        this(grid, zones, periods, subIndicators, legend, landCover, matrices, matrixOfZone, lpd, soc,
                socThresholdPercent, landTypes, population, series, landCoverNoise, null);
    }

    /** Inputs without Monte Carlo noise. */
    public EngineInputs(Grid grid, ZoneSource zones, List<Period> periods, Set<SubIndicator> subIndicators,
            Legend legend, SortedMap<Integer, RasterSource> landCover, List<TransitionMatrix> matrices,
            int[] matrixOfZone, Map<String, RasterSource> lpd, SocInput soc, double socThresholdPercent,
            RasterSource landTypes, Map<String, RasterSource> population, ProductivitySeries series) {
        this(grid, zones, periods, subIndicators, legend, landCover, matrices, matrixOfZone, lpd, soc,
                socThresholdPercent, landTypes, population, series, null);
    }

    /** Inputs with supplied LPD maps (no productivity series). */
    public EngineInputs(Grid grid, ZoneSource zones, List<Period> periods, Set<SubIndicator> subIndicators,
            Legend legend, SortedMap<Integer, RasterSource> landCover, List<TransitionMatrix> matrices,
            int[] matrixOfZone, Map<String, RasterSource> lpd, SocInput soc, double socThresholdPercent,
            RasterSource landTypes, Map<String, RasterSource> population) {
        this(grid, zones, periods, subIndicators, legend, landCover, matrices, matrixOfZone, lpd, soc,
                socThresholdPercent, landTypes, population, null, null);
    }

    public EngineInputs {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(zones, "zones");
        periods = List.copyOf(periods);
        subIndicators = subIndicators.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(subIndicators));
        landCover = new TreeMap<>(landCover);
        matrices = List.copyOf(matrices);
        lpd = lpd == null ? Map.of() : Map.copyOf(lpd);
        population = population == null ? Map.of() : Map.copyOf(population);
        if (periods.isEmpty()) {
            throw new InputException("the run has no period (a baseline is needed)");
        }
        if (subIndicators.isEmpty()) {
            throw new InputException("the run combines no sub-indicator");
        }
        if (matrixOfZone.length != zones.zoneCount()) {
            throw new IllegalArgumentException("matrixOfZone has " + matrixOfZone.length + " entries for "
                    + zones.zoneCount() + " zones");
        }
        if (series != null && !lpd.isEmpty()) {
            throw new InputException("productivity: give either LPD maps or a series to compute them from, not both");
        }
        if (!(socThresholdPercent > 0 && socThresholdPercent < 100)) {
            throw new InputException("the SOC threshold must be between 0 and 100 percent, not " + socThresholdPercent);
        }
    }

    /** The number of correction polygons (0 without corrections). */
    public int correctionCount() {
        return corrections == null ? 0 : corrections.size();
    }

    public boolean uses(SubIndicator s) {
        return subIndicators.contains(s);
    }

    /** True when LPD is computed from a productivity series that the run combines. */
    public boolean computesProductivity() {
        return series != null && uses(SubIndicator.PRODUCTIVITY);
    }

    public Period baseline() {
        return periods.get(0);
    }
}
