package org.ldn.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The engine's canonical output, {@code report.json} (REPORT.md): immutable records whose JSON form is the
 * contract every consumer reads. Areas in km², stocks in tonnes of carbon, populations in persons. A figure that
 * was not computed is {@code null} and absent from the JSON, never zero. Maps keep their insertion order, which
 * the builder makes deterministic.
 *
 * @param run        the resolved run file (every default filled in), as plain maps, lists and scalars
 * @param parameters thresholds, matrices, legend, coefficients, critical values used
 * @param performanceP90 per period, the p90 of every land unit that the performance sub-metric compared each
 *                   pixel with, when LPD was computed from a productivity series; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(String schemaVersion, Engine engine, String createdAt, Object run, Object parameters,
        List<Input> inputs, GridInfo grid, List<String> warnings, List<ZoneReport> zones, ZoneReport total,
        DroughtReport drought, List<CorrectionReport> corrections, List<PerformanceP90> performanceP90) {

    /** A report without a drought section, corrections or a performance p90 table (supplied LPD maps). */
    public Report(String schemaVersion, Engine engine, String createdAt, Object run, Object parameters,
            List<Input> inputs, GridInfo grid, List<String> warnings, List<ZoneReport> zones, ZoneReport total) {
        this(schemaVersion, engine, createdAt, run, parameters, inputs, grid, warnings, zones, total, null, null,
                null);
    }

    /**
     * The performance p90 table of one period (METHOD.md §3): the land units of the run area (all zones together),
     * in order of land-cover code then land-unit code.
     */
    public record PerformanceP90(String period, List<UnitP90> units) {
    }

    /**
     * One land unit: its land-cover code (the source legend's, of the period's unit year; null when the run has no
     * land cover), its land-unit code (null without a landUnits map), the pixels with a mean that count, and the
     * type-7 90th percentile of their means (physical units, rounded to 0.0001).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitP90(Integer landCoverCode, Integer landUnit, long pixels, double p90) {
    }

    public static final String SCHEMA_VERSION = "1.0";
    public static final String TOTAL_ID = "__total__";
    /** The land type of pixels whose land type is nodata (METHOD.md §7); it never counts toward {@code achieved}. */
    public static final String NODATA_LAND_TYPE = "nodata";

    public record Engine(String name, String version) {
    }

    /** An input file: its role in the run, its path as the run file gives it, its SHA-256 and size. */
    public record Input(String role, String path, String sha256, long bytes) {
    }

    /** The reference grid: CRS as "EPSG:n" or WKT, size, and the geotransform in GDAL order. */
    public record GridInfo(String crs, int width, int height, List<Double> geoTransform) {
    }

    /**
     * Figures of one zone, or of all zones together ({@link #TOTAL_ID}).
     *
     * @param landAreaByYearKm2 the country-profile land table (CP-1.T1) for every land-cover year, or {@code null}
     *                          without land cover
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ZoneReport(String id, String name, double areaKm2, Boolean noPixels,
            Map<String, Map<String, Double>> landCoverClassKm2, Map<String, SocStock> socStockTonnes,
            List<PeriodReport> periods, Map<String, LandArea> landAreaByYearKm2) {

        /** A zone report without the land table by year. */
        public ZoneReport(String id, String name, double areaKm2, Boolean noPixels,
                Map<String, Map<String, Double>> landCoverClassKm2, Map<String, SocStock> socStockTonnes,
                List<PeriodReport> periods) {
            this(id, name, areaKm2, noPixels, landCoverClassKm2, socStockTonnes, periods, null);
        }
    }

    /**
     * CP-1.T1 for one land-cover year: {@code totalKm2} = every pixel of the zone (= {@code areaKm2});
     * {@code waterKm2} = land-cover class 7 (Water) of that year; {@code landKm2} = total − water (classes 1–6 and
     * pixels without a land-cover class, as the indicator's land area counts nodata, METHOD.md §0);
     * {@code nationalLandAreaKm2}: the statistics office's figure for the zone when the run gives it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LandArea(double totalKm2, double waterKm2, double landKm2, Double nationalLandAreaKm2) {
    }

    /** Σ (t C/ha × ha) over pixels with a valid stock; by the class of the latest land-cover map not after that year. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SocStock(double total, Map<String, Double> byLandCoverClass, double noDataKm2) {
    }

    /**
     * Figures of one period. {@code trajectory}, {@code state} and {@code performance} (the productivity metrics, an
     * area summary each; performance is never improved) are present only when LPD is computed from a series.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PeriodReport(String name, List<Integer> landCoverYears, List<Integer> socYears,
            List<Integer> productivityYears, List<String> combinedFrom, AreaSummary sdg, AreaSummary landCover,
            AreaSummary productivity, AreaSummary soc, AreaSummary trajectory, AreaSummary state,
            AreaSummary performance, Map<String, Double> lpdClassKm2,
            Map<String, Map<String, Double>> lpdByLandCoverKm2, Map<String, Map<String, Double>> lcTransitionKm2,
            Population population, Map<String, Double> status7Km2, AreaSummary status3,
            Map<String, Map<String, Double>> crossTableKm2, Change change, StatusReport statusLandCover,
            StatusReport statusProductivity, StatusReport statusSoc, LdnByLandType ldnByLandType) {

        /** A period without the productivity metrics (LPD supplied, not computed). */
        public PeriodReport(String name, List<Integer> landCoverYears, List<Integer> socYears,
                List<Integer> productivityYears, List<String> combinedFrom, AreaSummary sdg, AreaSummary landCover,
                AreaSummary productivity, AreaSummary soc, Map<String, Double> lpdClassKm2,
                Map<String, Map<String, Double>> lpdByLandCoverKm2, Map<String, Map<String, Double>> lcTransitionKm2,
                Population population, Map<String, Double> status7Km2, AreaSummary status3,
                Map<String, Map<String, Double>> crossTableKm2, Change change, StatusReport statusLandCover,
                StatusReport statusProductivity, StatusReport statusSoc, LdnByLandType ldnByLandType) {
            this(name, landCoverYears, socYears, productivityYears, combinedFrom, sdg, landCover, productivity, soc,
                    null, null, null, lpdClassKm2, lpdByLandCoverKm2, lcTransitionKm2, population, status7Km2, status3,
                    crossTableKm2, change, statusLandCover, statusProductivity, statusSoc, ldnByLandType);
        }
    }

    /**
     * Areas of one classification: {@code landAreaKm2 = improved + stable + degraded + nodata} (water excluded),
     * {@code proportionDegraded = degraded / landArea}, {@code proportionDegradedOfValid = degraded / (improved +
     * stable + degraded)}; a proportion whose denominator is zero is absent. When the run gives a national land area
     * for the zone, the last two fields use it as the denominator.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AreaSummary(double improvedKm2, double stableKm2, double degradedKm2, double noDataKm2,
            double waterKm2, double landAreaKm2, Double proportionDegraded, Double proportionDegradedOfValid,
            Double nationalLandAreaKm2, Double proportionDegradedOfNationalLandArea) {
    }

    /** Population (persons) by combined-indicator class; {@code shareOnDegraded = degraded / population on land}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Population(double improved, double stable, double degraded, double noData, double water,
            double total, Double shareOnDegraded, Population female, Population male) {
    }

    /** Degraded area (reporting status) − degraded area (baseline), in km² and percentage points of land area. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(double degradedKm2, Double percentagePoints) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusReport(Map<String, Double> status7Km2, AreaSummary status3,
            Map<String, Map<String, Double>> crossTableKm2, Change change) {
    }

    /**
     * One false-positive / false-negative correction polygon (UNCCD SO1-4.T3) and what it changed: in each period it
     * applies to, the area of its pixels (inside the zones) by the class the corrected indicator had before it.
     *
     * @param indicator the indicator corrected: sdg, landCover, productivity or soc
     * @param toClass   the class imposed: degraded, stable or improved
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CorrectionReport(String id, String indicator, String toClass, String reason,
            List<CorrectionPeriod> periods) {
    }

    /**
     * @param fromKm2    the polygon's area by the class before the correction: improved, stable, degraded, nodata,
     *                   water (water is never changed)
     * @param changedKm2 the area that changed class (every class but the imposed one and water)
     */
    public record CorrectionPeriod(String period, Map<String, Double> fromKm2, double changedKm2) {
    }

    /** Neutrality per land type; {@code achieved} when it holds in every type but {@link #NODATA_LAND_TYPE}. */
    public record LdnByLandType(Map<String, LandTypeBalance> types, boolean achieved) {
    }

    /** Gains (status 6, 7) and losses (status 1, 2) of one land type; achieved when delta ≥ 0. */
    public record LandTypeBalance(double gainsKm2, double lossesKm2, double deltaKm2, boolean achieved) {
    }
}
