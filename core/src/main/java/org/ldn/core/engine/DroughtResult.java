package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ldn.core.accounting.AreaScale;
import org.ldn.core.accounting.ZoneTally;
import org.ldn.core.drought.DroughtClass;
import org.ldn.core.report.DroughtReport;
import org.ldn.core.report.Report;

/**
 * The tallies of a finished drought pass and their reading into the report's {@code drought} section.
 * Every figure is read from exact integer sums, so the section is identical for any tiling and thread count.
 */
public record DroughtResult(DroughtInputs inputs, DroughtPlan plan, DroughtLayout layout, ZoneTally tally,
        AreaScale scale, List<String> populationSeries) {

    static final String[] CLASS_NAMES = {"none", "mild", "moderate", "severe", "extreme", "nodata", "water"};
    static final String[] QUINTILES = {"0-0.2", "0.2-0.4", "0.4-0.6", "0.6-0.8", "0.8-1", "nodata"};
    public static final String RISK_RULE = "DVI in (0.8, 1] (the top quintile class) and drought class severe or"
            + " extreme (SPI <= -1.5), water excluded";

    /** The reported years, in order. */
    public List<Integer> years() {
        return plan.years();
    }

    /** The report section. */
    public DroughtReport report() {
        DroughtSpec spec = inputs.spec();
        List<DroughtReport.Zone> zones = new ArrayList<>();
        for (int z = 0; z < inputs.zones().zoneCount(); z++) {
            zones.add(zone(z, inputs.zones().id(z), inputs.zones().name(z)));
        }
        DroughtReport.Zone total = zone(-1, Report.TOTAL_ID, "All zones");
        List<String> blocks = plan.blocks().stream().map(b -> b.name()).toList();
        List<Integer> cal = plan.calibration() == null ? null
                : List.of(plan.calibration().firstYear(), plan.calibration().lastYear());
        boolean dvi = !inputs.vulnerability().isEmpty();
        return new DroughtReport(inputs.precipitation() != null ? "precipitation" : "spi", spec.k(), spec.month(),
                cal, plan.years(), blocks, dvi ? List.copyOf(inputs.vulnerability().keySet()) : null,
                dvi && !inputs.weights().isEmpty() ? new LinkedHashMap<>(inputs.weights()) : null,
                dvi ? RISK_RULE : null, zones, total);
    }

    private DroughtReport.Zone zone(int z, String id, String name) {
        Map<String, DroughtReport.Hazard> years = new LinkedHashMap<>();
        for (int y = 0; y < plan.years().size(); y++) {
            years.put(String.valueOf(plan.years().get(y)), hazard(z, y));
        }
        Map<String, DroughtReport.Hazard> blocks = new LinkedHashMap<>();
        for (int b = 0; b < plan.blocks().size(); b++) {
            blocks.put(plan.blocks().get(b).name(), hazard(z, plan.years().size() + b));
        }
        DroughtReport.Vulnerability v = null;
        if (!inputs.vulnerability().isEmpty()) {
            Map<String, Double> q = new LinkedHashMap<>();
            int[] valid = new int[5];
            for (int i = 0; i < QUINTILES.length; i++) {
                q.put(QUINTILES[i], tally.areaKm2(z, layout.dviKey(i), scale));
                if (i < 5) {
                    valid[i] = layout.dviKey(i);
                }
            }
            double area = tally.areaKm2(z, valid, scale);
            Double mean = area > 0 ? tally.value(z, layout.dviSum(), true, scale) / area : null;
            v = new DroughtReport.Vulnerability(mean, q);
        }
        return new DroughtReport.Zone(id, name, tally.areaKm2(z, 0, scale), years, blocks, v);
    }

    private DroughtReport.Hazard hazard(int z, int p) {
        Map<String, Double> classes = new LinkedHashMap<>();
        int[] land = new int[DroughtClass.COUNT + 1];
        int[] drought = new int[DroughtClass.COUNT - 1];
        for (int c = 0; c <= DroughtLayout.NODATA; c++) {
            classes.put(CLASS_NAMES[c], tally.areaKm2(z, layout.classKey(p, c), scale));
            land[c] = layout.classKey(p, c);
            if (c >= 1 && c <= 4) {
                drought[c - 1] = layout.classKey(p, c);
            }
        }
        double landArea = tally.areaKm2(z, land, scale);
        double droughtArea = tally.areaKm2(z, drought, scale);
        Map<String, DroughtReport.Exposure> pop = null;
        if (!populationSeries.isEmpty()) {
            pop = new LinkedHashMap<>();
            for (int s = 0; s < populationSeries.size(); s++) {
                double zonePop = tally.value(z, layout.zonePopulation(s), false, scale);
                Map<String, Double> by = new LinkedHashMap<>();
                Map<String, Double> share = new LinkedHashMap<>();
                for (int c = 0; c < DroughtLayout.CLASS_KEYS; c++) {
                    double v = tally.value(z, layout.population(p, c, s), false, scale);
                    by.put(CLASS_NAMES[c], v);
                    if (zonePop > 0) {
                        share.put(CLASS_NAMES[c], v / zonePop);
                    }
                }
                pop.put(populationSeries.get(s), new DroughtReport.Exposure(by, zonePop,
                        zonePop > 0 ? share : null));
            }
        }
        DroughtReport.Risk risk = null;
        if (!inputs.vulnerability().isEmpty()) {
            Map<String, Double> rp = null;
            if (!populationSeries.isEmpty()) {
                rp = new LinkedHashMap<>();
                for (int s = 0; s < populationSeries.size(); s++) {
                    rp.put(populationSeries.get(s), tally.value(z, layout.riskPopulation(p, s), false, scale));
                }
            }
            risk = new DroughtReport.Risk(tally.areaKm2(z, layout.riskKey(p), scale), rp);
        }
        return new DroughtReport.Hazard(classes, tally.areaKm2(z, layout.classKey(p, DroughtLayout.WATER), scale),
                landArea, droughtArea, landArea > 0 ? droughtArea / landArea : null, pop, risk);
    }
}
