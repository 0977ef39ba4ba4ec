package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ldn.core.InputException;
import org.ldn.core.accounting.AreaScale;
import org.ldn.core.raster.RasterSource;

/**
 * What the engine derives from its inputs before the first tile: the land-cover and SOC years in use, indices,
 * the tally layout and the pixel areas. Checks that every period finds the years it needs. Immutable apart from
 * the land-type codes met during the run.
 */
record RunPlan(EngineInputs inputs, List<Integer> lcYears, List<Integer> socYears, TallyLayout layout,
        AreaScale scale, LandTypeCodes landTypeCodes, List<Map.Entry<String, RasterSource>> populationSeries,
        SeriesPlan series) {

    static final List<String> POPULATION_KEYS = List.of("total", "female", "male");

    static RunPlan of(EngineInputs in, double[] rowAreasKm2, double maxPixelAreaKm2) {
        List<Integer> lcYears = new ArrayList<>(in.landCover().keySet());
        TreeSet<Integer> soc = new TreeSet<>();
        if (in.uses(SubIndicator.SOC) || in.soc() != null) {
            for (Period p : in.periods()) {
                soc.add(p.socStart());
                soc.add(p.socEnd());
            }
        }
        if (in.soc() == null) {
            soc.clear();
        }
        for (Period p : in.periods()) {
            if (p.landCoverStart() > p.landCoverEnd() || p.socStart() > p.socEnd()
                    || p.productivityFirst() > p.productivityLast()) {
                throw new InputException("period " + p.name() + ": years are out of order (start must not be after end)");
            }
            if (in.uses(SubIndicator.LAND_COVER) || !lcYears.isEmpty()) {
                need(lcYears, p.landCoverStart(), "land cover", p);
                need(lcYears, p.landCoverEnd(), "land cover", p);
            }
            if (in.uses(SubIndicator.PRODUCTIVITY) && in.series() == null && !in.lpd().containsKey(p.name())) {
                throw new InputException("productivity: no LPD map for period '" + p.name() + "' (add it under productivity.lpd)");
            }
        }
        if (in.uses(SubIndicator.LAND_COVER) && lcYears.isEmpty()) {
            throw new InputException("landCover: no land-cover map is given");
        }
        if (in.uses(SubIndicator.SOC) && in.soc() == null) {
            throw new InputException("soc: no SOC input is given");
        }
        if (in.soc() instanceof SocInput.Supplied s) {
            for (Period p : in.periods()) {
                if (!s.stocks().containsKey(p.socStart()) || !s.stocks().containsKey(p.socEnd())) {
                    int missing = s.stocks().containsKey(p.socStart()) ? p.socEnd() : p.socStart();
                    throw new InputException("soc.stocks: no stock map for " + missing + " (period " + p.name()
                            + " needs " + p.socStart() + " and " + p.socEnd() + "; given: " + new TreeSet<>(s.stocks().keySet()) + ")");
                }
            }
        } else if (in.soc() instanceof SocInput.Modelled m) {
            if (lcYears.isEmpty() || lcYears.get(0) > m.initialYear()) {
                throw new InputException("soc: modelled stocks need a land-cover map at or before the initial year "
                        + m.initialYear() + " (land-cover years: " + lcYears + ")");
            }
            for (int y : soc) {
                if (y < m.initialYear()) {
                    throw new InputException("soc: year " + y + " is before the initial stock year " + m.initialYear());
                }
            }
        }
        List<Map.Entry<String, RasterSource>> pop = new ArrayList<>();
        for (String k : POPULATION_KEYS) {
            if (in.population().containsKey(k)) {
                pop.add(Map.entry(k, in.population().get(k)));
            }
        }
        if (!in.population().isEmpty() && !in.population().containsKey("total")) {
            throw new InputException("population: a 'total' population map is needed");
        }
        List<Integer> socYears = List.copyOf(soc);
        TallyLayout layout = TallyLayout.of(lcYears, socYears, in.periods().size(), in.correctionCount());
        String ltName = in.landTypes() != null ? in.landTypes().name() : "land types (baseline land cover)";
        SeriesPlan series = in.computesProductivity() ? SeriesPlan.of(in, lcYears) : null;
        return new RunPlan(in, List.copyOf(lcYears), socYears, layout, AreaScale.of(rowAreasKm2, maxPixelAreaKm2),
                new LandTypeCodes(ltName), List.copyOf(pop), series);
    }

    /** This plan with no land type met yet (each share of a split run numbers the land types it meets). */
    RunPlan withFreshLandTypes() {
        return new RunPlan(inputs, lcYears, socYears, layout, scale, new LandTypeCodes(landTypeCodes.source()),
                populationSeries, series);
    }

    private static void need(List<Integer> years, int year, String what, Period p) {
        if (!years.contains(year)) {
            throw new InputException(what + ": no map for " + year + " (period " + p.name() + " needs it; given: "
                    + years + ")");
        }
    }

    boolean hasLandCover() {
        return !lcYears.isEmpty();
    }

    int lcIndex(int year) {
        return lcYears.indexOf(year);
    }

    int socIndex(int year) {
        return socYears.indexOf(year);
    }

    int[] lcYearArray() {
        return lcYears.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] socYearArray() {
        return socYears.stream().mapToInt(Integer::intValue).toArray();
    }

    /** For each SOC year, the index of the latest land-cover year not after it, or −1. */
    int[] lcIndexOfSocYear() {
        int[] out = new int[socYears.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = -1;
            for (int j = 0; j < lcYears.size(); j++) {
                if (lcYears.get(j) <= socYears.get(k)) {
                    out[k] = j;
                }
            }
        }
        return out;
    }

    /** The supplied LPD map of period p, or {@code null} (LPD computed from a series, or productivity not used). */
    RasterSource lpdSource(int p) {
        return inputs.uses(SubIndicator.PRODUCTIVITY) ? inputs.lpd().get(inputs.periods().get(p).name()) : null;
    }

    /** True when period p has an LPD array: supplied or computed. */
    boolean hasLpd(int p) {
        return series != null || lpdSource(p) != null;
    }
}
