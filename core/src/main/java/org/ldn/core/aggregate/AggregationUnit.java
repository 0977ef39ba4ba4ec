package org.ldn.core.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.ZoneReport;

/**
 * One zone counted in an aggregation (a country), with the report file it came from.
 * <p>
 * Which zones a report contributes: a report written by {@code ldn batch} is one country, whose figures are the
 * report's {@code total} (all its sub-national zones together) under the country's id and name, which the batch
 * records in the report as {@code run.zones.feature} {@code {id, name}}. Any other report contributes each of its
 * zones (a run over a world boundary file contributes every country).
 */
public record AggregationUnit(String source, ZoneReport zone) {
    /** Key of the batch's country in the report's {@code run.zones}. */
    public static final String FEATURE_KEY = "feature";

    /** The zones that {@code r} contributes, as described above; empty when it has none. */
    public static List<AggregationUnit> of(SourcedReport r) {
        Report report = r.report();
        Map<?, ?> feature = feature(report);
        List<AggregationUnit> out = new ArrayList<>();
        if (feature != null && report.total() != null) {
            ZoneReport t = report.total();
            String id = String.valueOf(feature.get("id"));
            Object name = feature.get("name");
            out.add(new AggregationUnit(r.source(), new ZoneReport(id, name == null ? id : String.valueOf(name),
                    t.areaKm2(), t.noPixels(), t.landCoverClassKm2(), t.socStockTonnes(), t.periods())));
        } else if (report.zones() != null) {
            for (ZoneReport z : report.zones()) {
                out.add(new AggregationUnit(r.source(), z));
            }
        }
        return out;
    }

    /** The id of the batch's country ({@code run.zones.feature.id}), or null for a report not written by a batch. */
    public static String featureId(Report report) {
        Map<?, ?> f = feature(report);
        return f == null ? null : String.valueOf(f.get("id"));
    }

    private static Map<?, ?> feature(Report report) {
        if (report.run() instanceof Map<?, ?> run && run.get("zones") instanceof Map<?, ?> zones
                && zones.get(FEATURE_KEY) instanceof Map<?, ?> f && f.get("id") != null) {
            return f;
        }
        return null;
    }
}
