package org.ldn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.landcover.Legend;
import org.ldn.core.report.ReportJson;
import org.ldn.core.run.RunFiles;
import org.ldn.core.scenario.ScenarioFiles;
import org.ldn.core.target.TargetFiles;

/** A key given twice in any file the engine reads is an error naming the file, the key and the line. */
class DuplicateKeysTest {
    @TempDir
    Path dir;

    private static final String TAIL = ": a key may appear only once in a mapping (remove one; the last would"
            + " silently win)";

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aYearGivenTwiceInTheMapsOfAYamlRunFile() throws Exception {
        Path f = write("ldn.yaml", """
                zones: {file: z.geojson, idField: id}
                landCover:
                  maps: {2000: a.tif, 2015: b.tif,
                         2000: b.tif}
                """);
        InputException e = assertThrows(InputException.class, () -> RunFiles.read(f));
        assertEquals(f + ": duplicate key \"2000\" (line 4)" + TAIL, e.getMessage());
    }

    @Test
    void aTopLevelKeyGivenTwiceInAYamlRunFile() throws Exception {
        Path f = write("ldn.yaml", "title: a\nzones: {file: z.geojson, idField: id}\ntitle: b\n");
        InputException e = assertThrows(InputException.class, () -> RunFiles.read(f));
        assertEquals(f + ": duplicate key \"title\" (line 3)" + TAIL, e.getMessage());
    }

    @Test
    void aKeyGivenTwiceInAJsonRunFile() throws Exception {
        Path f = write("ldn.json", "{\"zones\": {\"file\": \"z.geojson\", \"idField\": \"id\"},\n"
                + "\"landCover\": {\"maps\": {\"2000\": \"a.tif\",\n \"2000\": \"b.tif\"}}}\n");
        InputException e = assertThrows(InputException.class, () -> RunFiles.read(f));
        assertEquals(f + ": duplicate key \"2000\" (line 3)" + TAIL, e.getMessage());
    }

    @Test
    void aKeyGivenTwiceInATargetsFile() throws Exception {
        Path f = write("targets.yaml", "targets:\n  - id: a\n    metric: netLdn\n    goal: noNetLoss\n"
                + "    targetYear: 2030\n    targetYear: 2040\n");
        InputException e = assertThrows(InputException.class, () -> TargetFiles.read(f));
        assertEquals(f + ": duplicate key \"targetYear\" (line 6)" + TAIL, e.getMessage());
    }

    @Test
    void aKeyGivenTwiceInAScenariosFile() throws Exception {
        Path f = write("scenarios.yaml", "scenarios:\n  - {name: a, socThresholdPercent: 5, name: b}\n");
        InputException e = assertThrows(InputException.class, () -> ScenarioFiles.read(f));
        assertEquals(f + ": duplicate key \"name\" (line 2)" + TAIL, e.getMessage());
    }

    @Test
    void aKeyGivenTwiceInAReport() throws Exception {
        Path f = write("report.json", "{\"schemaVersion\": \"1.0\",\n \"schemaVersion\": \"1.0\"}\n");
        InputException e = assertThrows(InputException.class, () -> ReportJson.read(f));
        assertEquals(f + ": duplicate key \"schemaVersion\" (line 2)" + TAIL, e.getMessage());
    }

    @Test
    void aCodeGivenTwiceInALegend() throws Exception {
        Path f = write("legend.csv", "code,name,unccd_class\n10,crop,3\n20,tree,1\n10,grass,2\n");
        InputException e = assertThrows(InputException.class, () -> Legend.fromCsv(f, "legend.csv"));
        assertEquals("legend.csv: code 10 appears twice (line 4)", e.getMessage());
    }
}
