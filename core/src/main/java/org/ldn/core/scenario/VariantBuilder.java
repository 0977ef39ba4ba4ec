package org.ldn.core.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ldn.core.InputException;
import org.ldn.core.engine.EngineInputs;
import org.ldn.core.engine.ProductivitySeries;
import org.ldn.core.engine.SocInput;
import org.ldn.core.landcover.LandCoverNoise;
import org.ldn.core.landcover.TransitionMatrix;
import org.ldn.core.productivity.CriticalValues;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SharedReads;
import org.ldn.core.zone.ZoneSource;

/**
 * Builds a variant of a run's inputs for scenarios and Monte Carlo draws: each call replaces one setting; the
 * rasters are shared with the run. Use {@link #shared} first so that all variants read each tile once.
 */
public final class VariantBuilder {
    private final EngineInputs base;
    private final String label;
    private double threshold;
    private List<TransitionMatrix> matrices;
    private int[] matrixOfZone;
    private SocInput soc;
    private ProductivitySeries series;
    private SortedMap<Integer, RasterSource> landCover;
    private LandCoverNoise noise;

    private VariantBuilder(EngineInputs base, String label) {
        this.base = base;
        this.label = label;
        this.threshold = base.socThresholdPercent();
        this.matrices = base.matrices();
        this.matrixOfZone = base.matrixOfZone();
        this.soc = base.soc();
        this.series = base.series();
        this.landCover = base.landCover();
        this.noise = base.landCoverNoise();
    }

    /** Starts a variant called {@code label} (for messages). */
    public static VariantBuilder of(EngineInputs base, String label) {
        return new VariantBuilder(base, label);
    }

    public VariantBuilder socThreshold(double percent) {
        this.threshold = percent;
        return this;
    }

    /** One matrix for every zone. */
    public VariantBuilder matrix(TransitionMatrix m) {
        this.matrices = List.of(m);
        this.matrixOfZone = new int[base.zones().zoneCount()];
        return this;
    }

    /** One Tier 1 climate factor for the whole run (modelled SOC only). */
    public VariantBuilder climateFactor(double f) {
        if (!(soc instanceof SocInput.Modelled m)) {
            throw new InputException(label + ": climateFactor applies to modelled SOC (soc.initial + soc.climate) only");
        }
        this.soc = new SocInput.Modelled(m.initialYear(), m.initial(), null, f);
        return this;
    }

    public VariantBuilder criticalValues(CriticalValues.Table table) {
        ProductivitySeries s = requireSeries("criticalValues");
        this.series = new ProductivitySeries(s.years(), s.scale(), table, s.landUnits(), s.monthly());
        return this;
    }

    public VariantBuilder landUnits(RasterSource units) {
        ProductivitySeries s = requireSeries("landUnits");
        this.series = new ProductivitySeries(s.years(), s.scale(), s.criticalValues(), units, s.monthly());
        return this;
    }

    /**
     * A restoration plan: inside {@code area} (on the run's grid), the land-cover maps of year ≥ {@code fromYear}
     * show UNCCD class {@code unccdClass} (through the first source code the legend nests into that class).
     */
    public VariantBuilder restoration(ZoneSource area, int unccdClass, int fromYear) {
        Integer code = base.legend().classOf().entrySet().stream().filter(e -> e.getValue() == unccdClass)
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow(() -> new InputException(label
                        + ": the legend '" + base.legend().name() + "' has no code for UNCCD class " + unccdClass));
        TreeMap<Integer, RasterSource> lc = new TreeMap<>(landCover);
        boolean any = false;
        for (Map.Entry<Integer, RasterSource> e : landCover.entrySet()) {
            if (e.getKey() >= fromYear) {
                lc.put(e.getKey(), new RestoredLandCover(e.getValue(), area, code));
                any = true;
            }
        }
        if (!any) {
            throw new InputException(label + ": the restoration starts in " + fromYear
                    + ", after the last land-cover year " + landCover.lastKey());
        }
        this.landCover = lc;
        return this;
    }

    public VariantBuilder noise(LandCoverNoise n) {
        this.noise = n;
        return this;
    }

    private ProductivitySeries requireSeries(String what) {
        if (series == null) {
            throw new InputException(label + ": " + what + " applies to productivity computed from a series only");
        }
        return series;
    }

    public EngineInputs build() {
        return new EngineInputs(base.grid(), base.zones(), base.periods(), base.subIndicators(), base.legend(),
                landCover, matrices, matrixOfZone, base.lpd(), soc, threshold, base.landTypes(), base.population(),
                series, noise, base.corrections());
    }

    /**
     * The run's inputs with every raster wrapped once in {@link SharedReads}; the wrappers are added to
     * {@code wrappers} (their counters tell how often each source was read).
     */
    public static EngineInputs shared(EngineInputs in, List<SharedReads> wrappers) {
        Map<RasterSource, RasterSource> done = new HashMap<>();
        java.util.function.UnaryOperator<RasterSource> wrap = s -> s == null ? null : done.computeIfAbsent(s, k -> {
            SharedReads r = new SharedReads(k);
            wrappers.add(r);
            return r;
        });
        TreeMap<Integer, RasterSource> lc = new TreeMap<>();
        in.landCover().forEach((y, s) -> lc.put(y, wrap.apply(s)));
        Map<String, RasterSource> lpd = new TreeMap<>();
        in.lpd().forEach((p, s) -> lpd.put(p, wrap.apply(s)));
        SocInput soc = in.soc();
        if (soc instanceof SocInput.Supplied s) {
            Map<Integer, RasterSource> st = new TreeMap<>();
            s.stocks().forEach((y, r) -> st.put(y, wrap.apply(r)));
            soc = new SocInput.Supplied(st);
        } else if (soc instanceof SocInput.Modelled m) {
            soc = new SocInput.Modelled(m.initialYear(), wrap.apply(m.initial()), wrap.apply(m.climateZones()),
                    m.climateFactor());
        }
        Map<String, RasterSource> pop = new TreeMap<>();
        in.population().forEach((k, s) -> pop.put(k, wrap.apply(s)));
        ProductivitySeries series = in.series();
        if (series != null) {
            TreeMap<Integer, ProductivitySeries.YearBands> years = new TreeMap<>();
            series.years().forEach((y, b) -> years.put(y,
                    new ProductivitySeries.YearBands(wrap.apply(b.source()), b.firstBand())));
            series = new ProductivitySeries(years, series.scale(), series.criticalValues(),
                    wrap.apply(series.landUnits()), series.monthly());
        }
        return new EngineInputs(in.grid(), in.zones(), in.periods(), in.subIndicators(), in.legend(), lc,
                in.matrices(), in.matrixOfZone(), lpd, soc, in.socThresholdPercent(), wrap.apply(in.landTypes()),
                pop, series, in.landCoverNoise(), in.corrections());
    }
}
