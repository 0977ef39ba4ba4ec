package org.ldn.cli.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.ldn.core.engine.Engine;
import org.ldn.core.engine.EngineInputs;
import org.ldn.core.engine.EngineOptions;
import org.ldn.core.engine.EngineResult;
import org.ldn.core.engine.MapOutputs;
import org.ldn.core.engine.ReportTables;
import org.ldn.core.landcover.LandCoverNoise;
import org.ldn.core.raster.SharedReads;
import org.ldn.core.report.Report;
import org.ldn.core.scenario.Distribution;
import org.ldn.core.scenario.UncertaintySpec;
import org.ldn.core.scenario.VariantBuilder;

/**
 * Monte Carlo analysis of a run (Java API behind {@code ldn scenario}'s {@code uncertainty:}): each draw takes the
 * SOC threshold and the climate factor from their ranges (Commons Math's Well19937c generator, seeded) and redraws
 * land-cover classes from the confusion matrix ({@link LandCoverNoise}); draws run in batches sharing each tile's
 * reads. Reports, per zone and period, the proportion degraded, and per reporting period and land type ΔLDN, as
 * mean, 95 % interval and P(ΔLDN ≥ 0). The same seed gives bit-identical results.
 */
public final class UncertaintyRunner {
    /** Draws computed together in one pass (memory grows with it). */
    static final int BATCH = 8;

    /** One quantity's distribution, labelled. */
    public record Row(String zone, String period, String quantity, String landType, Distribution distribution) {
    }

    public List<Row> run(AssembledRun run, UncertaintySpec spec, EngineOptions options) {
        List<SharedReads> wrappers = new ArrayList<>();
        EngineInputs base = VariantBuilder.shared(run.inputs(), wrappers);
        RandomGenerator rng = new Well19937c(spec.seed());
        Map<String, double[]> values = new TreeMap<>();
        for (int first = 0; first < spec.draws(); first += BATCH) {
            int count = Math.min(BATCH, spec.draws() - first);
            List<EngineInputs> batch = new ArrayList<>();
            List<MapOutputs> outputs = new ArrayList<>();
            for (int d = first; d < first + count; d++) {
                double u1 = rng.nextDouble();
                double u2 = rng.nextDouble();
                VariantBuilder b = VariantBuilder.of(base, "draw " + d);
                if (spec.socThresholdPercent() != null) {
                    b.socThreshold(spec.socThresholdPercent().at(u1));
                }
                if (spec.climateFactor() != null) {
                    b.climateFactor(spec.climateFactor().at(u2));
                }
                if (spec.landCoverConfusion() != null) {
                    b.noise(LandCoverNoise.of(spec.seed(), d, spec.landCoverConfusion()));
                }
                batch.add(b.build());
                outputs.add(MapOutputs.NONE);
            }
            List<EngineResult> results = Engine.runVariants(batch, outputs, options);
            for (int k = 0; k < results.size(); k++) {
                record(values, results.get(k), first + k, spec.draws());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            String[] key = e.getKey().split("\u0000", -1);
            rows.add(new Row(key[0], key[1], key[2], key[3].isEmpty() ? null : key[3], Distribution.of(e.getValue())));
        }
        return rows;
    }

    private static void record(Map<String, double[]> values, EngineResult r, int draw, int draws) {
        ReportTables t = new ReportTables(r, Map.of());
        List<Report.ZoneReport> zones = new ArrayList<>(t.zones());
        zones.add(t.total());
        for (Report.ZoneReport z : zones) {
            if (z.periods() == null) {
                continue;
            }
            for (Report.PeriodReport p : z.periods()) {
                Double pd = p.status3() != null ? p.status3().proportionDegraded() : p.sdg().proportionDegraded();
                if (pd != null) {
                    put(values, key(z.id(), p.name(), "proportionDegraded", ""), draw, draws, pd);
                }
                if (p.ldnByLandType() != null) {
                    double net = 0;
                    for (var e : p.ldnByLandType().types().entrySet()) {
                        put(values, key(z.id(), p.name(), "deltaLdnKm2", e.getKey()), draw, draws,
                                e.getValue().deltaKm2());
                        net += e.getValue().deltaKm2();
                    }
                    put(values, key(z.id(), p.name(), "netDeltaLdnKm2", ""), draw, draws, net);
                }
            }
        }
    }

    private static String key(String zone, String period, String quantity, String type) {
        return String.join("\u0000", zone, period, quantity, type);
    }

    /** A land type absent from a draw counts as 0 km² in that draw. */
    private static void put(Map<String, double[]> values, String key, int draw, int draws, double v) {
        values.computeIfAbsent(key, k -> new double[draws])[draw] = v;
    }

    public static Map<String, Object> describe(UncertaintySpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("draws", spec.draws());
        m.put("seed", spec.seed());
        m.put("socThresholdPercent", spec.socThresholdPercent());
        m.put("climateFactor", spec.climateFactor());
        m.put("landCoverConfusion", spec.landCoverConfusion());
        m.put("generator", "Well19937c (Apache Commons Math), two uniforms per draw; land cover: SplitMix64 hash per"
                + " pixel");
        m.put("interval", "2.5th to 97.5th percentile of the draws (linear interpolation)");
        return m;
    }
}
