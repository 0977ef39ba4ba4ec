package org.ldn.core.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.ZoneReport;

/**
 * Regional and global figures from country reports: the reports are checked first ({@link AggregationCheck}),
 * then each group of each grouping, and all zones together, are summed with {@link ZoneReportSum} (areas added,
 * proportions recomputed from the sums, never averaged). Stateless.
 */
public final class Aggregation {
    /** Name of the sum of every zone; its id is {@link Report#TOTAL_ID}. */
    public static final String TOTAL_NAME = "World (all reports)";

    private Aggregation() {
    }

    /**
     * The aggregation's figures.
     *
     * @param groups   one zone report per group, id {@code grouping:group}, name the group; groupings in the regions'
     *                 order, groups in alphabetical order within a grouping
     * @param total    all zones together
     * @param members  group id → the ids of its zones, in report order
     * @param units    every zone summed, in report order
     * @param warnings zones in no group of a grouping, zones without pixels
     */
    public record Result(List<ZoneReport> groups, ZoneReport total, Map<String, List<String>> members,
            List<AggregationUnit> units, List<String> warnings) {
    }

    /** The id of a group in the output: {@code grouping:group}. */
    public static String groupId(String grouping, String group) {
        return grouping + ":" + group;
    }

    /**
     * Checks and sums {@code reports}.
     *
     * @throws AggregationProblems listing every problem when the check finds any; nothing is summed then
     */
    public static Result aggregate(List<SourcedReport> reports, Regions regions) {
        List<Problem> problems = AggregationCheck.check(reports);
        if (!problems.isEmpty()) {
            throw new AggregationProblems(problems);
        }
        List<AggregationUnit> units = new ArrayList<>();
        for (SourcedReport r : reports) {
            units.addAll(AggregationUnit.of(r));
        }
        List<String> warnings = new ArrayList<>();
        for (AggregationUnit u : units) {
            if (Boolean.TRUE.equals(u.zone().noPixels())) {
                warnings.add("zone '" + u.zone().id() + "' (" + u.source() + ") covers no pixel; it adds nothing");
            }
        }
        List<ZoneReport> groups = new ArrayList<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (String grouping : regions.groupings()) {
            Map<String, List<ZoneReport>> byGroup = new TreeMap<>();
            Map<String, List<String>> ids = new TreeMap<>();
            for (AggregationUnit u : units) {
                String g = regions.groupOf(u.zone().id(), grouping);
                if (g == null) {
                    warnings.add("zone '" + u.zone().id() + "' (" + u.source() + ") is in no " + grouping + " of "
                            + regions.source() + "; it counts in the total only");
                    continue;
                }
                byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(u.zone());
                ids.computeIfAbsent(g, k -> new ArrayList<>()).add(u.zone().id());
            }
            byGroup.forEach((g, zs) -> {
                groups.add(ZoneReportSum.of(groupId(grouping, g), g, zs));
                members.put(groupId(grouping, g), List.copyOf(ids.get(g)));
            });
        }
        ZoneReport total = ZoneReportSum.of(Report.TOTAL_ID, TOTAL_NAME,
                units.stream().map(AggregationUnit::zone).toList());
        return new Result(List.copyOf(groups), total, members, List.copyOf(units), List.copyOf(warnings));
    }
}
