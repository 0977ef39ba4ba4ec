package org.ldn.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The drought early-warning bulletin ({@code ldn drought --latest}): SPI-1, 3, 6 and 12 of the last month of the
 * series against the calibration fits, per zone. Areas in km², populations in persons.
 *
 * @param month          the month of the bulletin ("2023-12")
 * @param previousMonth  the month it is compared with
 * @param worsenedZones  per scale ("1", "3", "6", "12"), the ids of the zones whose class worsened
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DroughtBulletin(String month, String previousMonth, List<Integer> calibration, List<Integer> scales,
        String worsenedRule, Map<String, List<String>> worsenedZones, List<Zone> zones, Zone total) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Zone(String id, String name, double areaKm2, Map<String, Scale> spi) {
    }

    /**
     * One SPI scale in one zone: area per class of the month, water apart, the area under drought and its share of
     * the land, population per class (per series), the area-weighted mean SPI of the month and of the previous
     * month with their classes, whether the zone's class worsened, and the area whose own class worsened.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scale(Map<String, Double> classKm2, double waterKm2, double droughtKm2,
            Double shareOfLandUnderDrought, Map<String, Map<String, Double>> population, Double meanSpi,
            String meanClass, Double previousMeanSpi, String previousMeanClass, boolean worsened,
            double worsenedKm2) {
    }
}
