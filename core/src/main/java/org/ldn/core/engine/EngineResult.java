package org.ldn.core.engine;

import java.util.List;
import java.util.Map;
import org.ldn.core.accounting.AreaScale;
import org.ldn.core.accounting.ZoneTally;

/**
 * The tallies of a finished run and what is needed to read them; {@link org.ldn.core.engine.ResultTables} turns
 * them into report figures.
 */
public record EngineResult(EngineInputs inputs, List<Integer> landCoverYears, List<Integer> socYears,
        ZoneTally tally, AreaScale scale, Map<Integer, Integer> landTypeIndexByCode, List<String> populationSeries) {
    TallyLayout layout() {
        return new TallyLayout(landCoverYears.size(), socYears.size(), inputs.periods().size(),
                inputs.correctionCount());
    }
}
