package org.ldn.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.InputException;
import org.ldn.core.productivity.CriticalValues;

class ProductivitySpecsTest {
    @TempDir
    Path dir;

    private static final String RUN = """
            zones: {file: zones.geojson, idField: id}
            landCover:
              maps: {2000: lc2000.tif, 2015: lc2015.tif}
            productivity:
            %s
            subIndicators: [landCover, productivity]
            periods:
              - {name: baseline, landCover: [2000, 2015], soc: [2000, 2015], productivity: [2001, 2004]}
            """;

    private Path write(String productivity) throws Exception {
        Path f = dir.resolve("ldn.yaml");
        Files.writeString(f, RUN.formatted(productivity.indent(2).stripTrailing()));
        return f;
    }

    private ResolvedRun resolve(String productivity) throws Exception {
        Path f = write(productivity);
        return RunFiles.resolve(RunFiles.read(f), f);
    }

    private String problem(String productivity) throws Exception {
        Path f = write(productivity);
        return assertThrows(InputException.class, () -> RunFiles.resolve(RunFiles.read(f), f)).getMessage()
                .substring(f.toString().length() + 2);
    }

    @Test
    void perYearFilesWithEveryOption() throws Exception {
        ResolvedRun r = resolve("""
                series: {2001: ndvi/2001.tif, 2002: ndvi/2002.tif, 2003: ndvi/2003.tif, 2004: ndvi/2004.tif}
                scale: 0.0001
                criticalValues: trends-earth
                landUnits: soils.tif
                monthly: false""");
        ResolvedRun.Series s = r.series();
        assertEquals("ndvi/2003.tif", s.files().get(2003));
        assertEquals(0.0001, s.scale());
        assertEquals(CriticalValues.Table.TRENDS_EARTH, s.criticalValues());
        assertEquals("soils.tif", s.landUnits());
        assertEquals("series", r.grid(), "the series' grid is the default reference");
        Map<?, ?> described = (Map<?, ?>) RunFiles.describe(r).get("productivity");
        assertEquals("trends-earth", described.get("criticalValues"));
        assertEquals(Map.of("2001", "ndvi/2001.tif", "2002", "ndvi/2002.tif", "2003", "ndvi/2003.tif",
                "2004", "ndvi/2004.tif"), described.get("series"));
    }

    @Test
    void stackWithDefaults() throws Exception {
        ResolvedRun r = resolve("series: {stack: ndvi_stack.tif, firstYear: 2000}");
        assertEquals("ndvi_stack.tif", r.series().stack());
        assertEquals(2000, r.series().firstYear());
        assertNull(r.series().scale(), "the file's scale unless the run gives one");
        assertEquals(CriticalValues.Table.EXACT, r.series().criticalValues());
        assertEquals(false, r.series().monthly());
        Map<?, ?> described = (Map<?, ?>) RunFiles.describe(r).get("productivity");
        assertEquals("file", described.get("scale"));
        assertEquals(Map.of("stack", "ndvi_stack.tif", "firstYear", 2000), described.get("series"));
    }

    @Test
    void problemsAreNamed() throws Exception {
        assertEquals("productivity.series: no map for 2003 (period baseline needs 2001..2004; given: 2001..2004,"
                + " 3 years)", problem("series: {2001: a.tif, 2002: b.tif, 2004: d.tif}"));
        assertEquals("productivity.series: 'twenty' is not a year (give {year: file, …} or {stack: file,"
                + " firstYear: year})", problem("series: {twenty: a.tif}"));
        assertEquals("productivity.series.firstYear: give the year of the stack's first band",
                problem("series: {stack: s.tif}"));
        assertEquals("productivity.series: unknown key 'bands' beside stack (known keys: firstYear, stack)",
                problem("series: {stack: s.tif, firstYear: 2000, bands: 3}"));
        assertEquals("productivity.criticalValues: 'student' is not exact or trends-earth",
                problem("series: {stack: s.tif, firstYear: 2000}\ncriticalValues: student"));
        assertEquals("productivity.scale: scale must be a positive number, not -1.0",
                problem("series: {stack: s.tif, firstYear: 2000}\nscale: -1"));
        assertEquals("productivity: give either lpd (supplied 5-class LPD maps) or series (productivity maps to"
                + " compute LPD from), not both", problem("lpd: {baseline: l.tif}\nseries: {stack: s.tif, firstYear: 2000}"));
        assertEquals("productivity.monthly applies only to a productivity series (add series)",
                problem("lpd: {baseline: l.tif}\nmonthly: true"));
        assertEquals("productivity.lpd or productivity.series is missing (5-class LPD GeoTIFFs keyed by period name,"
                + " or annual productivity maps by year); productivity.scale applies only to a productivity series"
                + " (add series)", problem("scale: 0.5"));
    }

    @Test
    void gridMustNameAnInputOfTheRun() throws Exception {
        Path f = write("series: {stack: s.tif, firstYear: 2000}");
        Files.writeString(f, Files.readString(f) + "grid: lpd\n");
        assertEquals(f + ": grid: lpd names no input (productivity is computed from a series; use grid: series)",
                assertThrows(InputException.class, () -> RunFiles.resolve(RunFiles.read(f), f)).getMessage());
        Files.writeString(f, Files.readString(f).replace("grid: lpd", "grid: landCover"));
        assertEquals("landCover", RunFiles.resolve(RunFiles.read(f), f).grid());
    }

    @Test
    void unknownKeysInProductivityListTheKnownOnes() throws Exception {
        Path f = write("series: {stack: s.tif, firstYear: 2000}\nscael: 2");
        assertEquals(f + ": unknown key 'scael' in productivity (known keys: criticalValues, landUnits, lpd,"
                + " monthly, scale, series)", assertThrows(InputException.class, () -> RunFiles.read(f)).getMessage());
    }
}
