package org.ldn.core.engine;

import java.util.List;
import org.ldn.core.InputException;
import org.ldn.core.productivity.CriticalValues;
import org.ldn.core.productivity.ProductivityScale;

/**
 * What the engine derives from a productivity series before the first tile (METHOD.md §3, computed path): the span
 * of years the tiles read ({@code firstYear}, {@code yearCount}: every period's productivity years), where each
 * period's years start in that stack, the effective scale (divided by 27720 for monthly series, whose annual
 * values are stored times 27720), the critical-value table, and for each period the land-cover map its land units
 * use: the latest not after the period's first productivity year, else the earliest. Immutable.
 *
 * @param unitLcIndex per period, the index of that land-cover year in the run's land-cover years, or −1 when the run
 *                    has no land cover (land units are then the land-unit map alone, or one unit)
 */
record SeriesPlan(ProductivitySeries series, int firstYear, int yearCount, int[] from, int[] years,
        ProductivityScale scale, CriticalValues table, int[] unitLcIndex) {

    static SeriesPlan of(EngineInputs in, List<Integer> lcYears) {
        ProductivitySeries s = in.series();
        List<Period> periods = in.periods();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        int longest = 0;
        for (Period p : periods) {
            first = Math.min(first, p.productivityFirst());
            last = Math.max(last, p.productivityLast());
            longest = Math.max(longest, p.productivityLast() - p.productivityFirst() + 1);
        }
        for (Period p : periods) {
            for (int y = p.productivityFirst(); y <= p.productivityLast(); y++) {
                ProductivitySeries.YearBands b = s.years().get(y);
                if (b == null) {
                    throw new InputException("productivity.series: no data for " + y + " (period " + p.name()
                            + " needs " + p.productivityFirst() + ".." + p.productivityLast() + "; the series has "
                            + s.years().firstKey() + ".." + s.years().lastKey() + ")");
                }
                int end = b.firstBand() + s.bandsPerYear();
                if (b.firstBand() < 0 || end > b.source().bandCount()) {
                    throw new InputException(b.source().name() + ": has " + b.source().bandCount() + " band(s); year "
                            + y + " needs band" + (s.monthly() ? "s " + (b.firstBand() + 1) + ".." + end
                            : " " + end) + " (check firstYear" + (s.monthly() ? " and monthly" : "") + ")");
                }
            }
        }
        if (s.criticalValues() == CriticalValues.Table.TRENDS_EARTH && longest > 60) {
            throw new InputException("productivity.criticalValues: the trends-earth table stops at 60 years; a period"
                    + " has " + longest + " (use exact)");
        }
        int[] from = new int[periods.size()];
        int[] years = new int[periods.size()];
        int[] unit = new int[periods.size()];
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            from[i] = p.productivityFirst() - first;
            years[i] = p.productivityLast() - p.productivityFirst() + 1;
            unit[i] = -1;
            for (int j = 0; j < lcYears.size(); j++) {
                if (lcYears.get(j) <= p.productivityFirst()) {
                    unit[i] = j;
                }
            }
            if (unit[i] < 0 && !lcYears.isEmpty()) {
                unit[i] = 0;
            }
        }
        ProductivityScale scale = s.monthly() ? s.scale().divide(ProductivityScale.MONTHS_LCM) : s.scale();
        return new SeriesPlan(s, first, last - first + 1, from, years, scale,
                CriticalValues.of(s.criticalValues(), longest), unit);
    }

    /** True when land-cover year index {@code j} defines some period's land units (its codes must be kept). */
    boolean unitYear(int j) {
        for (int u : unitLcIndex) {
            if (u == j) {
                return true;
            }
        }
        return false;
    }
}
