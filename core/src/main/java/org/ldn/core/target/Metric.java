package org.ldn.core.target;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a target measures, per reporting period (METHOD.md §7), and the kind of unit it is in. */
public enum Metric {
    /** Proportion of land degraded (3-class status of the combined indicator; the baseline's own value at its year). */
    PROPORTION_DEGRADED("proportionDegraded", Unit.Kind.SHARE),
    /** Degraded area (same source as proportionDegraded). */
    DEGRADED_AREA("degradedArea", Unit.Kind.AREA),
    /** Net ΔLDN = gains − losses (status 6, 7 minus 1, 2), for a land type or over all types; 0 at the baseline. */
    NET_LDN("netLdn", Unit.Kind.AREA),
    /** Gains (status 6 and 7), for a land type or over all types; 0 at the baseline. */
    IMPROVED_AREA("improvedArea", Unit.Kind.AREA),
    /** Area of a UNCCD land-cover class in the period's last land-cover year. */
    LAND_COVER_AREA("landCoverArea", Unit.Kind.AREA),
    /** Area converted from one class to another during the period, per year of the period. */
    CONVERSION_RATE("conversionRate", Unit.Kind.AREA),
    /** Area of an LPD class (1..5) in the period. */
    LPD_CLASS_AREA("lpdClassArea", Unit.Kind.AREA),
    /** Total SOC stock at the period's last SOC year. */
    SOC_STOCK("socStock", Unit.Kind.STOCK);

    private final String key;
    private final Unit.Kind kind;

    Metric(String key, Unit.Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public Unit.Kind kind() {
        return kind;
    }

    public static Metric ofKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + key + "' (known: "
                + Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", ")) + ")");
    }
}
