package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.raster.SampleType;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.geodata.crs.Crs;

/**
 * The synthetic run of {@link SyntheticRunTest} extended with a reporting period and the optional inputs, each with
 * answers known by construction. Reporting period r1: land cover and SOC unchanged, LPD 1 (declining) in columns
 * 0–49 and 5 (increasing) in columns 50–99. With the baseline classes (rows 0–29: −1; rows 30–59: +1 in columns
 * 0–19, 0 in 20–39, −1 in 40–59, +1 in 60–99) the status is:
 * <pre>
 * rows 0–29:  columns 0–49 → 1 (1500 px), columns 50–99 → 6 (1500)
 * rows 30–59: columns 0–39 → 2 (1200), 40–49 → 1 (300), 50–59 → 6 (300), 60–99 → 7 (1200)
 * </pre>
 */
class SyntheticOptionsTest {
    @TempDir
    Path dir;

    private Grid grid;

    @BeforeEach
    void setUp() throws Exception {
        SyntheticRunTest.write(dir);
        grid = new Grid(SyntheticFiles.LAEA_EUROPE, SyntheticRunTest.X0, SyntheticRunTest.Y0, 1000, -1000, 100, 60);
    }

    private Report run() throws Exception {
        CliRunner r = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        return ReportChecks.check(dir.resolve("out/report.json"));
    }

    private void addReportingPeriod() throws Exception {
        Grid coarse = new Grid(SyntheticFiles.LAEA_EUROPE, SyntheticRunTest.X0, SyntheticRunTest.Y0, 2000, -2000, 50, 30);
        SyntheticFiles.raster(dir.resolve("lc2019.tif"), grid, SampleType.UINT8, 0, (c, r) -> c < 20 ? 3 : 2);
        SyntheticFiles.raster(dir.resolve("soc2019.tif"), grid, SampleType.INT16, -32768, (c, r) -> r < 30 ? 40 : 50);
        SyntheticFiles.raster(dir.resolve("lpd_r1.tif"), coarse, SampleType.UINT8, 0, (c, r) -> c < 25 ? 1 : 5);
        String y = Files.readString(dir.resolve("ldn.yaml"))
                .replace("2015: lc2015.tif}", "2015: lc2015.tif, 2019: lc2019.tif}")
                .replace("{baseline: lpd.tif}", "{baseline: lpd.tif, r1: lpd_r1.tif}")
                .replace("2015: soc2015.tif}", "2015: soc2015.tif, 2019: soc2019.tif}")
                .replace("grid: landCover", "  - {name: r1, landCover: [2015, 2019], soc: [2015, 2019], productivity: [2004, 2019]}\ngrid: landCover");
        Files.writeString(dir.resolve("ldn.yaml"), y);
    }

    @Test
    void statusChangeAndNeutralityByLandTypeLikeForLike() throws Exception {
        addReportingPeriod();
        SyntheticFiles.raster(dir.resolve("landtypes.tif"), grid, SampleType.INT16, -32768, (c, r) -> c < 60 ? 100 : 200);
        Files.writeString(dir.resolve("ldn.yaml"), Files.readString(dir.resolve("ldn.yaml")) + "landTypes: landtypes.tif\n");
        Report rep = run();
        PeriodReport r1 = rep.total().periods().get(1);
        Map<String, Double> s7 = r1.status7Km2();
        assertEquals(1800.0, s7.get("1"));
        assertEquals(1200.0, s7.get("2"));
        assertEquals(0.0, s7.get("3") + s7.get("4") + s7.get("5"));
        assertEquals(1800.0, s7.get("6"));
        assertEquals(1200.0, s7.get("7"));
        assertEquals(new AreaSummary(3000, 0, 3000, 0, 0, 6000, 0.5, 0.5, null, null), r1.status3());
        // change: 3000 degraded now − 3600 in the baseline; 50 % − 60 % = −10 points
        assertEquals(-600.0, r1.change().degradedKm2());
        assertEquals(-10.0, r1.change().percentagePoints(), 1e-12);
        // cross table: baseline −1 (3600 px) splits into reporting −1 (rows 0–29 cols 0–49 and rows 30–59 cols 40–49)
        assertEquals(1800.0, r1.crossTableKm2().get("-1").get("-1"));
        assertEquals(1800.0, r1.crossTableKm2().get("-1").get("1"));
        // types: 100 (columns 0–59) loses 3000 and gains 600; 200 (columns 60–99) gains 2400: net 0, not achieved
        Report.LdnByLandType ldn = r1.ldnByLandType();
        assertEquals(new Report.LandTypeBalance(600, 3000, -2400, false), ldn.types().get("100"));
        assertEquals(new Report.LandTypeBalance(2400, 0, 2400, true), ldn.types().get("200"));
        assertFalse(ldn.achieved(), "a gain in one land type never offsets a loss in another");
        // the east zone (columns 50–99) holds type 100 in columns 50–59 only
        Report.LdnByLandType east = rep.zones().get(1).periods().get(1).ldnByLandType();
        assertEquals(new Report.LandTypeBalance(600, 0, 600, true), east.types().get("100"));
        assertTrue(east.achieved());

        // ldn track on this report: type 100 loses 2400 km² net by 2019 → off track for no net loss by 2030
        Files.writeString(dir.resolve("targets.yaml"), "targets:\n  - {id: ldn, metric: netLdn, goal: noNetLoss,"
                + " targetYear: 2030}\n  - {id: east-gains, zone: E, metric: improvedArea, goal: {atLeast: 1000},"
                + " targetYear: 2030}\n");
        CliRunner t = CliRunner.run("track", dir.resolve("out/report.json").toString(), "--targets",
                dir.resolve("targets.yaml").toString(), "--out", dir.resolve("tracking").toString());
        assertEquals(0, t.exitCode(), t.err());
        String csv = Files.readString(dir.resolve("tracking/tracking.csv"));
        assertTrue(csv.contains("ldn/100,netLdn,\"national, land type 100\",km2,no net loss (>= 0),2015,0,r1,2019,-2400,0,"
                + "false,2030,0,"), csv);
        assertTrue(t.out().lines().anyMatch(l -> l.startsWith("ldn ") && l.contains("off track (2400.00 km2)")), t.out());
        // east gains 1500 + 300 + 1200 = 3000 km² by 2019 (from 0 in 2015): projected 11250 ≥ 1000 → on track
        assertTrue(t.out().lines().anyMatch(l -> l.startsWith("east-gains") && l.contains("on track")), t.out());
    }

    @Test
    void populationOnDegradedLand() throws Exception {
        SyntheticFiles.raster(dir.resolve("pop.tif"), grid, SampleType.INT16, -32768, (c, r) -> c < 50 ? 10 : 30);
        Files.writeString(dir.resolve("ldn.yaml"), Files.readString(dir.resolve("ldn.yaml")) + "population: {total: pop.tif}\n");
        Report.Population p = run().total().periods().get(0).population();
        // degraded: rows 0–29 (1500 px × 10 + 1500 × 30) + rows 30–59 columns 40–49 (300 × 10) and 50–59 (300 × 30)
        double degraded = 1500 * 10 + 1500 * 30 + 300 * 10 + 300 * 30;
        assertEquals(degraded, p.degraded());
        assertEquals(30 * 20 * 10 + 30 * 40 * 30, p.improved());
        assertEquals(30 * 20 * 10, p.stable());
        assertEquals(3000 * 10 + 3000 * 30, p.total());
        assertEquals(degraded / p.total(), p.shareOnDegraded());
    }

    @Test
    void nationalLandAreaAndRegionalMatrices() throws Exception {
        StringBuilder zero = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            zero.append("0,0,0,0,0,0,0\n");
        }
        Files.writeString(dir.resolve("flat.csv"), zero.toString());
        Files.writeString(dir.resolve("ldn.yaml"), Files.readString(dir.resolve("ldn.yaml"))
                .replace("legend: unccd,", "legend: unccd, matrix: [{zones: [W], matrix: flat.csv}],")
                + "nationalLandAreaKm2: {W: 4000}\n");
        Report rep = run();
        // in W the grassland → cropland conversion (columns 0–19) is stable under its own matrix
        AreaSummary w = rep.zones().get(0).periods().get(0).sdg();
        assertEquals(0.0, w.improvedKm2());
        assertEquals(1200.0, w.stableKm2());
        assertEquals(1800.0, w.degradedKm2());
        assertEquals(4000.0, w.nationalLandAreaKm2());
        assertEquals(1800 / 4000.0, w.proportionDegradedOfNationalLandArea());
        assertEquals(new AreaSummary(1200, 0, 1800, 0, 0, 3000, 0.6, 0.6, null, null),
                rep.zones().get(1).periods().get(0).sdg(), "E keeps the default matrix");
    }

    @Test
    void geographicGridAreasFollowTheEllipsoid() throws Exception {
        CrsInfo wgs84 = Crs.describe(Crs.fromEpsg(4326));
        double cell = 0.01;
        Grid g = new Grid(wgs84, 10, 50, cell, -cell, 100, 60);
        Grid coarse = new Grid(wgs84, 10, 50, 2 * cell, -2 * cell, 50, 30);
        SyntheticFiles.raster(dir.resolve("lc2000.tif"), g, SampleType.UINT8, 0, (c, r) -> 2);
        SyntheticFiles.raster(dir.resolve("lc2015.tif"), g, SampleType.UINT8, 0, (c, r) -> c < 20 ? 3 : 2);
        SyntheticFiles.raster(dir.resolve("lpd.tif"), coarse, SampleType.UINT8, 0, (c, r) -> c < 20 ? 4 : c < 30 ? 1 : 5);
        SyntheticFiles.raster(dir.resolve("soc2000.tif"), g, SampleType.INT16, -32768, (c, r) -> 50);
        SyntheticFiles.raster(dir.resolve("soc2015.tif"), g, SampleType.INT16, -32768, (c, r) -> r < 30 ? 40 : 50);
        SyntheticFiles.rectangles(dir.resolve("zones.geojson"), 4326, new Object[] {"W", 10, 49.4, 10.5, 50},
                new Object[] {"E", 10.5, 49.4, 11, 50});
        AreaSummary total = run().total().periods().get(0).sdg();
        double degraded = 0;
        double improved = 0;
        double stable = 0;
        for (int r = 0; r < 60; r++) {
            double a = pixelArea(50 - (r + 1) * cell, 50 - r * cell, cell);
            degraded += a * (r < 30 ? 100 : 20);
            improved += r < 30 ? 0 : a * 60;
            stable += r < 30 ? 0 : a * 20;
        }
        assertEquals(degraded, total.degradedKm2(), degraded * 1e-9);
        assertEquals(improved, total.improvedKm2(), improved * 1e-9);
        assertEquals(stable, total.stableKm2(), stable * 1e-9);
    }

    /**
     * Area in km² of a WGS84 cell from latitude φ1 to φ2 and {@code widthDeg} wide, by Simpson integration of the
     * ellipsoid's area element a²(1 − e²) cos φ / (1 − e² sin² φ)² dφ dλ: a second method, independent of the
     * closed form the engine uses.
     */
    static double pixelArea(double lat1, double lat2, double widthDeg) {
        double a = 6378137.0;
        double b = 6356752.3142;
        double e2 = 1 - b * b / (a * a);
        int n = 200;
        double p1 = Math.toRadians(lat1);
        double h = (Math.toRadians(lat2) - p1) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double phi = p1 + i * h;
            double s = Math.sin(phi);
            double f = Math.cos(phi) / Math.pow(1 - e2 * s * s, 2);
            sum += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return a * a * (1 - e2) * sum * h / 3 * Math.toRadians(widthDeg) / 1e6;
    }
}
