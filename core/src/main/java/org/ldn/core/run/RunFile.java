package org.ldn.core.run;

import java.util.List;
import java.util.Map;

/**
 * The run file ({@code ldn.yaml}, or JSON) as written by the user; every key is documented in the README.
 * Paths are relative to the run file. {@link RunFiles#read} parses it strictly (unknown keys and wrong types are
 * errors) and {@link RunFiles#resolve} fills in the defaults.
 */
public record RunFile(String title, Zones zones, LandCover landCover, Productivity productivity, Soc soc,
        List<PeriodSpec> periods, String landTypes, Population population, String grid,
        List<String> subIndicators, Map<String, Double> nationalLandAreaKm2, Drought drought) {

    /** A run file without a drought part. */
    public RunFile(String title, Zones zones, LandCover landCover, Productivity productivity, Soc soc,
            List<PeriodSpec> periods, String landTypes, Population population, String grid,
            List<String> subIndicators, Map<String, Double> nationalLandAreaKm2) {
        this(title, zones, landCover, productivity, soc, periods, landTypes, population, grid, subIndicators,
                nationalLandAreaKm2, null);
    }

    /** Boundaries: file, id attribute, name attribute (default: the id), GeoPackage layer. */
    public record Zones(String file, String idField, String nameField, String layer) {
    }

    /**
     * Land cover: the legend ("esa-cci", "unccd" or a CSV file), the transition matrix ("default", a CSV file, or a
     * list of regional matrices) and the maps by year.
     */
    public record LandCover(String legend, Object matrix, Map<Integer, String> maps) {
    }

    /** A regional transition matrix: a CSV file (or "default") applying to the listed zone ids. */
    public record RegionalMatrix(List<String> zones, String matrix) {
    }

    /**
     * Productivity: supplied 5-class LPD maps keyed by period name, or a productivity {@code series} to compute LPD
     * from (METHOD.md §3): {@code {year: file, …}} or {@code {stack: file, firstYear: year}}, with the
     * {@code scale} from stored values to physical ones (default: the file's, else 1), the {@code criticalValues}
     * table ("exact" or "trends-earth"), an optional {@code landUnits} map crossed with the land-cover class, and
     * {@code monthly} (bands are months; a year's value is the mean of its valid months).
     */
    public record Productivity(Map<String, String> lpd, Object series, Double scale, String criticalValues,
            String landUnits, Boolean monthly) {
    }

    /**
     * SOC: supplied stock maps by year, or the Tier 1 model from an initial map and a climate (an IPCC climate-zone
     * map or one factor); {@code thresholdPercent} (default 10) is the change that counts.
     */
    public record Soc(Map<Integer, String> stocks, Initial initial, Object climate, Double thresholdPercent) {
    }

    public record Initial(Integer year, String file) {
    }

    /** A period: land-cover, SOC and productivity years as [start, end]. */
    public record PeriodSpec(String name, List<Integer> landCover, List<Integer> soc, List<Integer> productivity) {
    }

    /** Population count maps: the total, and optionally female and male. */
    public record Population(String total, String female, String male) {
    }

    /**
     * Drought (strategic objective 3, METHOD.md §9): monthly {@code precipitation} in mm, either
     * {@code {"1981-01": file, …}} (one single-band file per month) or a list of multi-band stacks
     * {@code [{file, firstYear, firstMonth}]} (band 1 = that month, one month a band), or a supplied {@code spi}
     * series {@code {year: file}}; {@code scale} (stored value × scale = mm, default 1); {@code k} (1, 3, 6, 12;
     * default 12); {@code month} (default 12); {@code calibration} [first, last] (default 1981–2010 where covered,
     * else the whole series); {@code blocks} [[first, last], …] (default 2000–2003 … 2020–2023); {@code years}
     * [first, last] reported (default the blocks' span within the series); {@code vulnerability}.
     */
    public record Drought(Object precipitation, Map<Integer, String> spi, Double scale, Integer k, Integer month,
            List<Integer> calibration, List<List<Integer>> blocks, List<Integer> years, Vulnerability vulnerability) {
    }

    /** A multi-band monthly stack: band 1 is (firstYear, firstMonth), then one month a band. */
    public record MonthlyStack(String file, Integer firstYear, Integer firstMonth) {
    }

    /** DVI components (each 0..1) and optional weights by component name (default: the plain mean). */
    public record Vulnerability(String social, String economic, String infrastructural, Map<String, Double> weights) {
    }
}
