package org.ldn.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The {@code drought} section of {@code report.json} (strategic objective 3; METHOD.md §9, docs/report.md):
 * hazard, exposure, vulnerability and risk per zone. Areas in km², populations in persons, shares 0..1. A figure not
 * computed (no population, no vulnerability) is absent.
 *
 * @param source      {@code precipitation} (SPI computed) or {@code spi} (SPI supplied)
 * @param k           the SPI scale in months
 * @param month       the calendar month whose SPI classifies each year
 * @param calibration first and last calibration year (absent when SPI is supplied)
 * @param years       the years reported
 * @param blocks      the reporting blocks holding any reported year ("2000-2003")
 * @param riskRule    the definition of the risk area
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DroughtReport(String source, int k, int month, List<Integer> calibration, List<Integer> years,
        List<String> blocks, List<String> vulnerabilityComponents, Map<String, Double> vulnerabilityWeights,
        String riskRule, List<Zone> zones, Zone total) {

    /** One zone's drought figures, or all zones together ({@link Report#TOTAL_ID}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Zone(String id, String name, double areaKm2, Map<String, Hazard> years, Map<String, Hazard> blocks,
            Vulnerability vulnerability) {
    }

    /**
     * One year or block: area per class ({@code none}, {@code mild}, {@code moderate}, {@code severe},
     * {@code extreme}, {@code nodata}), water apart, land area (= the six classes), the area under drought (classes
     * mild..extreme) and its share of the land area (SO3-1.T1, T2), the exposure (SO3-2) and the risk area.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hazard(Map<String, Double> classKm2, double waterKm2, double landAreaKm2, double droughtKm2,
            Double shareOfLandUnderDrought, Map<String, Exposure> population, Risk risk) {
    }

    /**
     * Population (one series: total, female or male) per class ({@code none} … {@code extreme}, {@code nodata},
     * {@code water}), the zone's population of that series, and per class its share of it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Exposure(Map<String, Double> byClass, double zonePopulation, Map<String, Double> shareByClass) {
    }

    /** Area and population (per series) where the DVI is in its top class (0.8, 1] and drought is severe or extreme. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Risk(double areaKm2, Map<String, Double> population) {
    }

    /**
     * The Drought Vulnerability Index in the zone (SO3-3): its area-weighted mean over pixels with a DVI, the area
     * per quintile class ("0-0.2" … "0.8-1", upper bounds inclusive, and "nodata").
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Vulnerability(Double meanDvi, Map<String, Double> quintileKm2) {
    }
}
