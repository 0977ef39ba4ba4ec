package org.ldn.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.InputException;
import org.ldn.core.engine.SubIndicator;

class RunFilesTest {
    @TempDir
    Path dir;

    private static final String FULL = """
            title: Example
            zones: {file: zones.geojson, idField: id, nameField: name}
            landCover:
              legend: esa-cci
              matrix: default
              maps: {2000: lc/lc_2000.tif, 2015: lc/lc_2015.tif, 2019: lc/lc_2019.tif}
            productivity:
              lpd: {baseline: lpd/baseline.tif, reporting1: lpd/r1.tif}
            soc:
              stocks: {2000: soc/2000.tif, 2015: soc/2015.tif, 2019: soc/2019.tif}
            periods:
              - {name: baseline,   landCover: [2000, 2015], soc: [2000, 2015], productivity: [2000, 2015]}
              - {name: reporting1, landCover: [2015, 2019], soc: [2015, 2019], productivity: [2004, 2019]}
            """;

    private Path write(String text) throws Exception {
        Path f = dir.resolve("ldn.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsTheDocumentedKeysAndFillsDefaults() throws Exception {
        Path f = write(FULL);
        ResolvedRun r = RunFiles.resolve(RunFiles.read(f), f);
        assertEquals(List.of(SubIndicator.LAND_COVER, SubIndicator.PRODUCTIVITY, SubIndicator.SOC), r.subIndicators());
        assertEquals("lpd", r.grid());
        assertEquals(2, r.enginePeriods().size());
        assertEquals(2004, r.enginePeriods().get(1).productivityFirst());
        assertEquals("lc/lc_2015.tif", r.file().landCover().maps().get(2015));
        assertEquals(10.0, r.socThresholdPercent());
        assertEquals(dir.resolve("lc/lc_2000.tif"), r.path("lc/lc_2000.tif"));
        assertEquals("name", RunFiles.describe(r).get("zones") instanceof java.util.Map<?, ?> m ? m.get("nameField") : null);
    }

    @Test
    void unknownKeysAreErrorsThatListTheKnownOnes() throws Exception {
        Path f = write(FULL.replace("legend: esa-cci", "legend: esa-cci\n  legnd: x"));
        InputException e = assertThrows(InputException.class, () -> RunFiles.read(f));
        assertEquals(f + ": unknown key 'legnd' in landCover (known keys: legend, maps, matrix)",
                e.getMessage());
    }

    @Test
    void wrongTypesAreErrorsNamingTheKey() throws Exception {
        Path f = write(FULL.replace("landCover: [2000, 2015], soc", "landCover: [2000, twenty], soc"));
        InputException e = assertThrows(InputException.class, () -> RunFiles.read(f));
        assertEquals(true, e.getMessage().startsWith(f + ": periods[0].landCover[1]: "), e.getMessage());
    }

    @Test
    void yearsOutOfOrderAndMissingSubIndicatorsAreListedTogether() throws Exception {
        Path f = write(FULL.replace("landCover: [2015, 2019]", "landCover: [2019, 2015]").replaceAll("(?s)soc:\n  stocks.*?\n", ""));
        InputException e = assertThrows(InputException.class, () -> RunFiles.resolve(RunFiles.read(f), f));
        assertEquals(f + ": soc is missing; to compute the indicator without it, say so explicitly with subIndicators:"
                + " [landCover, productivity]; periods[1] (reporting1).landCover: years out of order (2019 after 2015)",
                e.getMessage());
    }

    @Test
    void missingFileAndBrokenYaml() throws Exception {
        Path none = dir.resolve("none.yaml");
        assertEquals(none + ": run file not found",
                assertThrows(InputException.class, () -> RunFiles.read(none)).getMessage());
        Path f = write("zones: {file: a\n");
        String msg = assertThrows(InputException.class, () -> RunFiles.read(f)).getMessage();
        assertEquals(true, msg.startsWith(f + ": not valid YAML"), msg);
    }

    @Test
    void aPlainPopulationPathIsTheTotal() throws Exception {
        Path f = write(FULL + "population: pop.tif\n");
        assertEquals(new RunFile.Population("pop.tif", null, null), RunFiles.read(f).population());
        Path g = write(FULL + "population: {total: t.tif, female: f.tif}\n");
        assertEquals(new RunFile.Population("t.tif", "f.tif", null), RunFiles.read(g).population());
    }
}
