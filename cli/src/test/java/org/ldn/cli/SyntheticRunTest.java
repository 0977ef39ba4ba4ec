package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.grid.Grid;
import org.ldn.core.raster.SampleType;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;

/**
 * A run over GeoTIFFs made by formula, whose answers are known by construction: 100 × 60 pixels of 1 km² on
 * EPSG:3035 (equal-area), land cover and SOC on that grid, LPD on a 2 km grid (regridded), two zones (west and east
 * halves).
 * <pre>
 * land cover 2000: grassland everywhere; 2015: cropland in columns 0–19 (grassland → cropland = +1), else grassland
 * LPD (2 km cells): 4 (stable) in columns 0–39, 1 (declining) in columns 40–59, 5 (increasing) in columns 60–99
 * SOC 2000: 50 t/ha; 2015: 40 (−20 %, degraded) in rows 0–29, 50 in rows 30–59
 * → degraded: rows 0–29 (3000 px) + rows 30–59 × columns 40–59 (600) = 3600 km²
 *   improved: rows 30–59 × columns 0–19 and 60–99 = 1800 km²; stable: rows 30–59 × columns 20–39 = 600 km²
 * </pre>
 */
class SyntheticRunTest {
    @TempDir
    Path dir;

    static final double X0 = 4_000_000;
    static final double Y0 = 3_000_000;

    @BeforeEach
    void writeInputs() throws Exception {
        write(dir);
    }

    /** Writes the synthetic run (inputs and ldn.yaml) into {@code dir}. */
    static void write(Path dir) throws Exception {
        Grid g = new Grid(SyntheticFiles.LAEA_EUROPE, X0, Y0, 1000, -1000, 100, 60);
        Grid coarse = new Grid(SyntheticFiles.LAEA_EUROPE, X0, Y0, 2000, -2000, 50, 30);
        SyntheticFiles.raster(dir.resolve("lc2000.tif"), g, SampleType.UINT8, 0, (c, r) -> 2);
        SyntheticFiles.raster(dir.resolve("lc2015.tif"), g, SampleType.UINT8, 0, (c, r) -> c < 20 ? 3 : 2);
        SyntheticFiles.raster(dir.resolve("lpd.tif"), coarse, SampleType.UINT8, 0,
                (c, r) -> c < 20 ? 4 : c < 30 ? 1 : 5);
        SyntheticFiles.raster(dir.resolve("soc2000.tif"), g, SampleType.INT16, -32768, (c, r) -> 50);
        SyntheticFiles.raster(dir.resolve("soc2015.tif"), g, SampleType.INT16, -32768, (c, r) -> r < 30 ? 40 : 50);
        SyntheticFiles.rectangles(dir.resolve("zones.geojson"), 3035,
                new Object[] {"W", X0, Y0 - 60_000, X0 + 50_000, Y0}, new Object[] {"E", X0 + 50_000, Y0 - 60_000,
                    X0 + 100_000, Y0});
        Files.writeString(dir.resolve("ldn.yaml"), """
                title: synthetic
                zones: {file: zones.geojson, idField: id, nameField: name}
                landCover: {legend: unccd, maps: {2000: lc2000.tif, 2015: lc2015.tif}}
                productivity: {lpd: {baseline: lpd.tif}}
                soc: {stocks: {2000: soc2000.tif, 2015: soc2015.tif}}
                periods:
                  - {name: baseline, landCover: [2000, 2015], soc: [2000, 2015], productivity: [2000, 2015]}
                grid: landCover
                """);
    }

    @Test
    void givesTheAnswersKnownByConstruction() throws Exception {
        CliRunner r = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("lpd baseline (lpd.tif) is on another grid than the reference"), r.out());
        Report rep = ReportChecks.check(dir.resolve("out/report.json"));
        assertEquals("EPSG:3035", rep.grid().crs());
        AreaSummary total = rep.total().periods().get(0).sdg();
        assertEquals(new AreaSummary(1800, 600, 3600, 0, 0, 6000, 0.6, 0.6, null, null), total);
        AreaSummary west = rep.zones().get(0).periods().get(0).sdg();
        assertEquals(new AreaSummary(600, 600, 1800, 0, 0, 3000, 0.6, 0.6, null, null), west);
        AreaSummary east = rep.zones().get(1).periods().get(0).sdg();
        assertEquals(new AreaSummary(1200, 0, 1800, 0, 0, 3000, 0.6, 0.6, null, null), east);
        assertEquals(1200.0, rep.total().periods().get(0).lcTransitionKm2().get("2").get("3"), "columns 0-19, all 60 rows");
        assertEquals(1200.0, rep.total().periods().get(0).lpdClassKm2().get("1"));
        // SOC stocks: 50 t/ha × 6000 km² × 100 ha/km² in 2000
        assertEquals(30_000_000.0, rep.total().socStockTonnes().get("2000").total());
        assertEquals(30_000_000.0 - 10 * 3000 * 100, rep.total().socStockTonnes().get("2015").total());
    }

    @Test
    void accuracyWithAPerfectSampleGivesTheMappedFigures() throws Exception {
        assertEquals(0, CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("out").toString(),
                "-q").exitCode());
        Files.writeString(dir.resolve("confusion.csv"), "map,degraded,stable,improved\nd,20,0,0\ns,0,20,0\ni,0,0,20\n");
        CliRunner r = CliRunner.run("accuracy", dir.resolve("out/report.json").toString(), "--confusion",
                dir.resolve("confusion.csv").toString());
        assertEquals(0, r.exitCode(), r.err());
        // mapped: 3600 degraded, 600 stable, 1800 improved (see the class comment)
        assertTrue(r.out().lines().anyMatch(l -> l.matches("degraded +3600.0 +3600.0 +± 0.0 +1.000 +1.000")), r.out());
        assertTrue(r.out().contains("proportion degraded (of land with a class): 0.6000 ± 0.0000"), r.out());
    }
}
