package org.ldn.core.engine;

import java.util.List;
import java.util.Map;
import org.ldn.core.accounting.AreaScale;
import org.ldn.core.accounting.ZoneTally;
import org.ldn.core.productivity.UnitHistograms;

/**
 * The tallies of a finished run and what is needed to read them; {@link org.ldn.core.engine.ResultTables} turns
 * them into report figures.
 *
 * @param performanceP90 per period, the performance p90 of every land unit when LPD is computed from a series
 *                       (keys as {@link SeriesTile#unitKeys}: land-cover code high, land-unit code low), else null
 */
public record EngineResult(EngineInputs inputs, List<Integer> landCoverYears, List<Integer> socYears,
        ZoneTally tally, AreaScale scale, Map<Integer, Integer> landTypeIndexByCode, List<String> populationSeries,
        List<UnitHistograms.P90> performanceP90) {

    public EngineResult(EngineInputs inputs, List<Integer> landCoverYears, List<Integer> socYears, ZoneTally tally,
            AreaScale scale, Map<Integer, Integer> landTypeIndexByCode, List<String> populationSeries) {
        this(inputs, landCoverYears, socYears, tally, scale, landTypeIndexByCode, populationSeries, null);
    }

    TallyLayout layout() {
        return new TallyLayout(landCoverYears.size(), socYears.size(), inputs.periods().size(),
                inputs.correctionCount());
    }
}
