package org.ldn.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.InputException;

/** The run file's {@code corrections:} key: a plain path or a mapping with attribute names. */
class CorrectionsKeyTest {
    @TempDir
    Path dir;

    private static final String BASE = """
            zones: {file: zones.geojson, idField: id}
            landCover: {maps: {2000: a.tif, 2015: b.tif}}
            subIndicators: [landCover]
            periods:
              - {name: baseline, landCover: [2000, 2015], soc: [2000, 2015], productivity: [2000, 2015]}
            """;

    private ResolvedRun resolve(String more) throws Exception {
        Path f = dir.resolve("ldn.yaml");
        Files.writeString(f, BASE + more);
        return RunFiles.resolve(RunFiles.read(f), f);
    }

    @Test
    void aPlainPathTakesTheDefaultAttributeNames() throws Exception {
        ResolvedRun r = resolve("corrections: fp.gpkg\n");
        RunFile.Corrections c = r.file().corrections();
        assertEquals("fp.gpkg", c.file());
        assertEquals(Map.of("file", "fp.gpkg", "idField", "id", "periodField", "period", "indicatorField",
                "indicator", "classField", "class", "reasonField", "reason"), RunFiles.describe(r).get("corrections"));
    }

    @Test
    void aMappingNamesTheAttributes() throws Exception {
        ResolvedRun r = resolve("corrections: {file: fp.shp, idField: fid, classField: cls, reasonField: why}\n");
        RunFile.Corrections c = r.file().corrections();
        assertEquals("fid", c.idAttribute());
        assertEquals("cls", c.classAttribute());
        assertEquals("why", c.reasonAttribute());
        assertEquals("period", c.periodAttribute());
        assertEquals("indicator", c.indicatorAttribute());
    }

    @Test
    void unknownKeysAndAMissingFileAreErrors() throws Exception {
        InputException e = assertThrows(InputException.class, () -> resolve("corrections: {file: a.gpkg, colour: x}\n"));
        assertEquals(true, e.getMessage().contains("unknown key 'colour'"), e.getMessage());
        e = assertThrows(InputException.class, () -> resolve("corrections: {idField: id}\n"));
        assertEquals(true, e.getMessage().contains("corrections.file is missing"), e.getMessage());
    }
}
