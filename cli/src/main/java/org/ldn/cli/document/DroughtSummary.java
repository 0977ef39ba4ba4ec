package org.ldn.cli.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ldn.cli.output.MapPalette;
import org.ldn.core.report.DroughtReport;
import org.ldn.core.report.DroughtReport.Hazard;
import org.ldn.core.report.Report;

/**
 * The drought part of the document (strategic objective 3), from report.json's {@code drought} section: per
 * reported year the share of land under drought, per reporting block the most severe class present, the population
 * exposed (mild to extreme) and the risk area, the mean Drought Vulnerability Index; then the SO3 tables and the
 * charts. Every figure is a field of report.json with its path; the population exposed is the sum of four fields,
 * and its path names them joined by {@code +}.
 */
final class DroughtSummary {
    /** Classes from the least to the most severe (the maps' values 0..4). */
    static final String[] CLASSES = {"none", "mild", "moderate", "severe", "extreme"};

    private DroughtSummary() {
    }

    /** The drought zone shown: all zones together, or the zone {@code zone}; null when the report has none. */
    static DroughtReport.Zone subject(Report r, String zone) {
        DroughtReport d = r.drought();
        if (d == null) {
            return null;
        }
        if (zone == null) {
            return d.total();
        }
        return d.zones().stream().filter(z -> z.id().equals(zone)).findFirst().orElse(null);
    }

    /** The path of a drought zone in report.json: {@code drought.total} or {@code drought.zones[i]}. */
    static String pathOf(Report r, DroughtReport.Zone z) {
        return z == r.drought().total() ? "drought.total" : "drought.zones[" + r.drought().zones().indexOf(z) + "]";
    }

    /** Everything the summary block and the drought section show, or null when the report has no drought. */
    static Map<String, Object> of(Report r, String zone) {
        DroughtReport.Zone z = subject(r, zone);
        if (z == null) {
            return null;
        }
        String zp = pathOf(r, z);
        DroughtReport d = r.drought();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spi", "SPI-" + d.k() + " of month " + d.month() + (d.calibration() == null ? ", supplied"
                : ", calibrated on " + d.calibration().get(0) + "–" + d.calibration().get(1)));
        List<Map<String, Object>> years = new ArrayList<>();
        for (Map.Entry<String, Hazard> e : z.years().entrySet()) {
            String hp = zp + ".years." + e.getKey() + ".";
            years.add(Map.of("year", e.getKey(),
                    "share", Figure.percentOf(e.getValue().shareOfLandUnderDrought(), hp + "shareOfLandUnderDrought"),
                    "km2", Figure.km2(e.getValue().droughtKm2(), hp + "droughtKm2")));
        }
        m.put("years", years);
        List<Map<String, Object>> blocks = new ArrayList<>();
        boolean population = false;
        boolean risk = false;
        for (Map.Entry<String, Hazard> e : z.blocks().entrySet()) {
            String hp = zp + ".blocks." + e.getKey() + ".";
            Hazard h = e.getValue();
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("block", e.getKey());
            int worst = 0;
            for (int k = CLASSES.length - 1; k > 0; k--) {
                if (h.classKm2().getOrDefault(CLASSES[k], 0.0) > 0) {
                    worst = k;
                    break;
                }
            }
            MapPalette.Entry p = MapPalette.DROUGHT.entry(worst);
            b.put("worstHex", p.hex());
            b.put("worstLabel", Charts.droughtLabel(worst));
            b.put("worstArea", Figure.km2(h.classKm2().get(CLASSES[worst]), hp + "classKm2." + CLASSES[worst]));
            b.put("share", Figure.percentOf(h.shareOfLandUnderDrought(), hp + "shareOfLandUnderDrought"));
            if (h.population() != null && h.population().get("total") != null) {
                population = true;
                Map<String, Double> by = h.population().get("total").byClass();
                double exposed = 0;
                List<String> src = new ArrayList<>();
                for (int k = 1; k < CLASSES.length; k++) {
                    exposed += by.get(CLASSES[k]);
                    src.add(hp + "population.total.byClass." + CLASSES[k]);
                }
                b.put("exposed", Figure.whole(exposed, String.join("+", src)));
            }
            if (h.risk() != null) {
                risk = true;
                b.put("risk", Figure.km2(h.risk().areaKm2(), hp + "risk.areaKm2"));
                Double persons = h.risk().population() == null ? null : h.risk().population().get("total");
                b.put("riskPopulation", Figure.whole(persons, persons == null ? null : hp + "risk.population.total"));
            }
            blocks.add(b);
        }
        m.put("blocks", blocks);
        m.put("hasPopulation", population);
        m.put("hasRisk", risk);
        if (z.vulnerability() != null) {
            m.put("dvi", Figure.of(z.vulnerability().meanDvi(), "0.000", 1, "", zp + ".vulnerability.meanDvi"));
            m.put("riskRule", d.riskRule());
        }
        m.put("tables", TableViews.so3(r, z));
        String area = Charts.droughtAreaByClass(z);
        String people = Charts.droughtPopulation(z);
        Map<String, Object> charts = new LinkedHashMap<>();
        if (area != null) {
            charts.put("area", area);
        }
        if (people != null) {
            charts.put("population", people);
        }
        m.put("charts", charts);
        return m;
    }
}
