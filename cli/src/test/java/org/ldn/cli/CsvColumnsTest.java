package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV tables say what their numbers are: every proportion column carries its unit ({@code _fraction}: 0 to 1, as
 * the report holds it) and every class-code column is followed by the class's name (the UNCCD reporting manual's
 * names, written out here).
 */
class CsvColumnsTest {
    /** Code columns and the name column that must follow each. */
    static final Map<String, String> NAMED = Map.of("land_cover_class", "land_cover_class_name",
            "initial_class", "initial_class_name", "final_class", "final_class_name",
            "land_cover_class_end_year", "land_cover_class_name", "lpd_class", "lpd_class_name",
            "status", "status_name", "land_type", "land_type_name");
    static final Map<String, String> LAND_COVER = Map.of("1", "Tree-covered areas", "2", "Grassland", "3", "Cropland",
            "4", "Wetland", "5", "Artificial surfaces", "6", "Other land", "7", "Water bodies", "nodata", "No data");
    static final Map<String, String> LPD = Map.of("1", "Declining", "2", "Moderate decline", "3", "Stable but stressed",
            "4", "Stable", "5", "Increasing", "nodata", "No data", "water", "Water bodies");

    @TempDir
    Path dir;

    @Test
    void proportionsCarryTheirUnitAndClassCodesTheirNames() throws Exception {
        SyntheticRunTest.write(dir);
        CliRunner run = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("out").toString(),
                "-q");
        assertEquals(0, run.exitCode(), run.err());
        checkTables(dir.resolve("out/tables"));
        List<List<String>> degradation = SpreadsheetInjectionTest.read(dir.resolve("out/tables/degradation.csv"));
        assertTrue(degradation.get(0).containsAll(List.of("proportion_degraded_fraction",
                "proportion_degraded_of_valid_fraction")), degradation.get(0).toString());
        // 3600 of 6000 km² degraded (SyntheticRunTest)
        List<String> total = degradation.stream().filter(r -> r.get(0).equals("__total__")
                && r.get(3).equals("sdg_15_3_1")).findFirst().orElseThrow();
        assertEquals("0.6", total.get(degradation.get(0).indexOf("proportion_degraded_fraction")));
        int classes = 0;
        for (List<String> r : rows(dir.resolve("out/tables/land_cover_change.csv"))) {
            assertEquals(LAND_COVER.get(r.get(3)), r.get(4), r.toString());
            assertEquals(LAND_COVER.get(r.get(5)), r.get(6), r.toString());
            classes++;
        }
        assertTrue(classes >= 4, "grassland to grassland and to cropland, for each zone and the total");
        for (List<String> r : rows(dir.resolve("out/tables/lpd_by_land_cover.csv"))) {
            assertEquals(LAND_COVER.get(r.get(3)), r.get(4), r.toString());
            assertEquals(LPD.get(r.get(5)), r.get(6), r.toString());
        }
        for (List<String> r : rows(dir.resolve("out/tables/land_cover_areas.csv"))) {
            assertEquals(LAND_COVER.get(r.get(3)), r.get(4), r.toString());
        }
    }

    /** In every table: proportions end in _fraction, and each code column is followed by its name column. */
    static void checkTables(Path tables) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(tables)) {
            files = s.toList();
        }
        assertTrue(files.size() >= 5, files.toString());
        for (Path f : files) {
            List<String> header = SpreadsheetInjectionTest.read(f).get(0);
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c);
                if (h.startsWith("proportion_") || h.startsWith("share_")) {
                    assertTrue(h.endsWith("_fraction"), f.getFileName() + ": " + h + " has no unit");
                }
                if (NAMED.containsKey(h)) {
                    assertEquals(NAMED.get(h), header.get(c + 1), f.getFileName() + ": " + h + " has no name column");
                }
            }
        }
    }

    static List<List<String>> rows(Path f) throws Exception {
        List<List<String>> all = SpreadsheetInjectionTest.read(f);
        return all.subList(1, all.size());
    }
}
