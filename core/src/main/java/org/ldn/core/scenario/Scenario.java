package org.ldn.core.scenario;

import java.util.Objects;

/**
 * A named variant of a run for scenario analysis: every non-null field replaces the run's own setting; the inputs
 * themselves are shared. Paths are relative to the scenarios file.
 *
 * @param socThresholdPercent the SOC change that counts (instead of the run's, default 10)
 * @param matrix              a transition matrix CSV (or "default") for every zone
 * @param climateFactor       one Tier 1 climate factor for the whole run (instead of the run's map or number)
 * @param criticalValues      "exact" or "trends-earth" (computed productivity)
 * @param landUnits           a land-unit map for the performance metric (computed productivity)
 * @param restoration         polygons whose land cover becomes a class from a year on
 */
public record Scenario(String name, Double socThresholdPercent, String matrix, Double climateFactor,
        String criticalValues, String landUnits, Restoration restoration) {
    public Scenario {
        Objects.requireNonNull(name, "name");
    }

    /**
     * A restoration plan: inside the polygons of {@code file}, every land-cover map of year ≥ {@code fromYear}
     * shows UNCCD class {@code landCoverClass}.
     */
    public record Restoration(String file, String idField, int landCoverClass, int fromYear) {
    }
}
