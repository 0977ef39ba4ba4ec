package org.ldn.core.target;

import java.util.Objects;

/**
 * A voluntary LDN target (METHOD.md §7): what is measured ({@link Metric}, with its class, transition or land-type
 * filter), where (the national total or one zone), from which baseline year to which target year, and the goal.
 * Immutable; checked on construction.
 *
 * @param zone         zone id, or {@code null} for the national level (the report's total)
 * @param landType     land-type code filter for {@code netLdn} and {@code improvedArea}, or {@code null}
 * @param landCoverClass UNCCD class for {@code landCoverArea}, or the LPD class for {@code lpdClassArea}
 * @param from         initial class of {@code conversionRate}
 * @param to           final class of {@code conversionRate}
 * @param baselineYear the year the straight path starts from ({@code null}: the baseline period's end year)
 * @param unit         the unit of the goal and of every value reported for this target
 */
public record Target(String id, Metric metric, String zone, Integer landType, Integer landCoverClass, Integer from,
        Integer to, Integer baselineYear, int targetYear, Goal goal, Unit unit) {

    public Target {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(unit, "unit");
    }

    public String where() {
        return zone == null ? "national" : "zone " + zone;
    }
}
