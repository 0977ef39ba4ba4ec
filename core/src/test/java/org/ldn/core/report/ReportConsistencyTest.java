package org.ldn.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identities a report read from a file must satisfy; each case breaks one and lists what is found. */
class ReportConsistencyTest {
    @TempDir
    Path dir;

    /** A zone of 60 km2: improved 10, stable {@code stable}, degraded 20, nodata 0, water {@code water}. */
    private static String zone(String id, double area, double stable, double water, double land) {
        return """
                {"id": "%s", "areaKm2": %s, "periods": [{"name": "baseline", "sdg": {"improvedKm2": 10,
                 "stableKm2": %s, "degradedKm2": 20, "noDataKm2": 0, "waterKm2": %s, "landAreaKm2": %s}}]}"""
                .formatted(id, area, stable, water, land);
    }

    private List<String> problems(String zones, String total) throws IOException {
        Path f = Files.writeString(dir.resolve("r.json"), "{\"schemaVersion\": \"1.0\", \"zones\": [" + zones
                + "], \"total\": " + total + "}");
        return ReportConsistency.problems(ReportJson.read(f));
    }

    @Test
    void aConsistentReportHasNoProblem() throws IOException {
        assertEquals(List.of(), problems(zone("A", 60, 25, 5, 55) + "," + zone("B", 40, 10, 0, 40),
                zone("__total__", 100, 35, 5, 95).replace("\"improvedKm2\": 10", "\"improvedKm2\": 20")
                        .replace("\"degradedKm2\": 20", "\"degradedKm2\": 40")));
    }

    @Test
    void classesThatDoNotAddUpToTheAreaAreFound() throws IOException {
        assertEquals(List.of("zone 'A' period 'baseline' sdg: improved + stable + degraded + nodata + water = 55 km2"
                + " but the zone's area is 60 km2", "total period 'baseline' sdg: improved + stable + degraded +"
                + " nodata + water = 55 km2 but the zone's area is 60 km2"),
                problems(zone("A", 60, 25, 0, 55), zone("__total__", 60, 25, 0, 55)));
    }

    @Test
    void aWrongLandAreaIsFound() throws IOException {
        assertEquals(List.of("zone 'A' period 'baseline' sdg: land area 50 km2 is not improved + stable + degraded +"
                + " nodata (55 km2)"), problems(zone("A", 60, 25, 5, 50), zone("__total__", 60, 25, 5, 55)));
    }

    @Test
    void zonesThatDoNotAddUpToTheTotalAreFound() throws IOException {
        assertEquals(List.of("the zones' areas add up to 60 km2 but the total's area is 61 km2",
                "total period 'baseline' sdg: water 6 km2 is not the sum over the zones (5 km2)"),
                problems(zone("A", 60, 25, 5, 55), zone("__total__", 61, 25, 6, 55)));
    }

    @Test
    void negativeAreasAndDuplicateIdsAreFound() throws IOException {
        List<String> p = problems(zone("A", 30, -5, 5, 25) + "," + zone("A", 30, -5, 5, 25),
                zone("__total__", 60, -10, 10, 50).replace("\"improvedKm2\": 10", "\"improvedKm2\": 20")
                        .replace("\"degradedKm2\": 20", "\"degradedKm2\": 40"));
        assertEquals(List.of("zone 'A' period 'baseline' sdg: stable area -5 km2 is negative or not finite",
                "zone id 'A' appears twice", "zone 'A' period 'baseline' sdg: stable area -5 km2 is negative or not"
                + " finite", "total period 'baseline' sdg: stable area -10 km2 is negative or not finite"), p);
    }

    @Test
    void aProportionThatDisagreesWithTheAreasIsFound() throws IOException {
        String a = zone("A", 60, 25, 5, 55).replace("\"landAreaKm2\": 55.0", "\"landAreaKm2\": 55.0,"
                + " \"proportionDegraded\": 0.25, \"proportionDegradedOfValid\": 0.36363636363636365");
        assertEquals(List.of("zone 'A' period 'baseline' sdg: proportionDegraded is 0.25 but the areas give"
                + " 0.36363636363636365"), problems(a, zone("__total__", 60, 25, 5, 55)));
    }
}
