package org.ldn.core.engine;

import java.util.Objects;

/**
 * A period of the run (METHOD.md §1): its land-cover years (start → end), SOC years (start → end) and
 * productivity years (first..last, inclusive). The run's first period is the baseline.
 */
public record Period(String name, int landCoverStart, int landCoverEnd, int socStart, int socEnd,
        int productivityFirst, int productivityLast) {
    public Period {
        Objects.requireNonNull(name, "name");
    }
}
