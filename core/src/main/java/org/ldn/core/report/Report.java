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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(String schemaVersion, Engine engine, String createdAt, Object run, Object parameters,
        List<Input> inputs, GridInfo grid, List<String> warnings, List<ZoneReport> zones, ZoneReport total,
        DroughtReport drought) {

    /** A report without a drought section. */
    public Report(String schemaVersion, Engine engine, String createdAt, Object run, Object parameters,
            List<Input> inputs, GridInfo grid, List<String> warnings, List<ZoneReport> zones, ZoneReport total) {
        this(schemaVersion, engine, createdAt, run, parameters, inputs, grid, warnings, zones, total, null);
    }

    public static final String SCHEMA_VERSION = "1.0";
    public static final String TOTAL_ID = "__total__";

    public record Engine(String name, String version) {
    }

    /** An input file: its role in the run, its path as the run file gives it, its SHA-256 and size. */
    public record Input(String role, String path, String sha256, long bytes) {
    }

    /** The reference grid: CRS as "EPSG:n" or WKT, size, and the geotransform in GDAL order. */
    public record GridInfo(String crs, int width, int height, List<Double> geoTransform) {
    }

    /** Figures of one zone, or of all zones together ({@link #TOTAL_ID}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ZoneReport(String id, String name, double areaKm2, Boolean noPixels,
            Map<String, Map<String, Double>> landCoverClassKm2, Map<String, SocStock> socStockTonnes,
            List<PeriodReport> periods) {
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

    public record LdnByLandType(Map<String, LandTypeBalance> types, boolean achieved) {
    }

    /** Gains (status 6, 7) and losses (status 1, 2) of one land type; achieved when delta ≥ 0. */
    public record LandTypeBalance(double gainsKm2, double lossesKm2, double deltaKm2, boolean achieved) {
    }
}
