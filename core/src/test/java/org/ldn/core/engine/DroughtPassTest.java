package org.ldn.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.ldn.core.InputException;
import org.ldn.core.drought.DroughtClass;
import org.ldn.core.drought.MonthlyCalendar;
import org.ldn.core.drought.SpiSeries;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.landcover.Legend;
import org.ldn.core.raster.ArrayRasterSource;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;
import org.ldn.core.report.DroughtReport;
import org.ldn.core.zone.ArrayZoneSource;

/**
 * The drought pass on a 4 × 3 equal-area grid of 1 km² pixels: zone A = columns 0–1, zone B = columns 2–3 without
 * the bottom-right pixel (outside every zone); 1981–2023 monthly precipitation with a planted drought over zone B in
 * 2002 (every month at 5 % of its usual amount). Per-pixel classes are recomputed pixel by pixel with the kernel
 * alone and compared with the tallies.
 */
class DroughtPassTest {
    private static final CrsInfo EQUAL_AREA = new CrsInfo("test equal-area", "PROJCRS[\"test\"]", null, false, true);
    private static final Grid GRID = new Grid(EQUAL_AREA, 0, 3000, 1000, -1000, 4, 3);
    private static final int[] ZONES = {0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, -1};
    private static final MonthlyCalendar CAL = new MonthlyCalendar(1981, 1, 43 * 12);

    static double[][] precipitation(int droughtYear) {
        SplittableRandom r = new SplittableRandom(42);
        double[][] bands = new double[CAL.months()][12];
        for (int t = 0; t < CAL.months(); t++) {
            for (int i = 0; i < 12; i++) {
                double v = 20 + 60 * r.nextDouble() * r.nextDouble();
                if (CAL.yearOf(t) == droughtYear && ZONES[i] == 1) {
                    v *= 0.05;
                }
                bands[t][i] = Math.round(v * 10) / 10.0;
            }
        }
        return bands;
    }

    static DroughtInputs inputs(double[][] bands, Map<String, RasterSource> vulnerability) {
        RasterSource stack = new ArrayRasterSource("precip.tif", GRID, SampleType.FLOAT32, bands);
        List<RasterSource> sources = new ArrayList<>();
        int[] bandIdx = new int[CAL.months()];
        for (int t = 0; t < CAL.months(); t++) {
            sources.add(stack);
            bandIdx[t] = t;
        }
        TreeMap<Integer, RasterSource> lc = new TreeMap<>();
        // pixel 0 is water (UNCCD class 7) from 2010 on; before 2010 the 2001 map has it as cropland
        lc.put(2001, ArrayRasterSource.ofInts("lc2001.tif", GRID, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3));
        lc.put(2010, ArrayRasterSource.ofInts("lc2010.tif", GRID, 0, 7, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3));
        Map<String, RasterSource> pop = new LinkedHashMap<>();
        double[] total = new double[12], female = new double[12], male = new double[12];
        for (int i = 0; i < 12; i++) {
            total[i] = 100 + i;
            female[i] = 50 + i;
            male[i] = 50;
        }
        pop.put("total", new ArrayRasterSource("pop.tif", GRID, SampleType.FLOAT32, total));
        pop.put("female", new ArrayRasterSource("pop_f.tif", GRID, SampleType.FLOAT32, female));
        pop.put("male", new ArrayRasterSource("pop_m.tif", GRID, SampleType.FLOAT32, male));
        return new DroughtInputs(GRID, new ArrayZoneSource(GRID, ZONES, List.of("A", "B"), List.of("A", "B")),
                DroughtSpec.defaults(), new MonthlyPrecipitation(CAL, sources, bandIdx), null, Legend.unccd(), lc,
                pop, vulnerability, null);
    }

    static Map<String, RasterSource> vulnerability(double social, double economic) {
        double[] s = new double[12], e = new double[12];
        for (int i = 0; i < 12; i++) {
            s[i] = ZONES[i] == 1 ? social : 0.1;
            e[i] = ZONES[i] == 1 ? economic : 0.3;
        }
        Map<String, RasterSource> v = new LinkedHashMap<>();
        v.put("social", new ArrayRasterSource("social.tif", GRID, SampleType.FLOAT32, s));
        v.put("economic", new ArrayRasterSource("economic.tif", GRID, SampleType.FLOAT32, e));
        return v;
    }

    /** Class of each pixel in each reported year, computed pixel by pixel with the kernel alone. */
    static byte[][] classesByPixel(double[][] bands, List<Integer> years) {
        byte[][] out = new byte[12][years.size()];
        for (int i = 0; i < 12; i++) {
            float[] p = new float[CAL.months()];
            for (int t = 0; t < CAL.months(); t++) {
                p[t] = (float) bands[t][i];
            }
            float[] spi = new float[years.size()];
            SpiSeries.yearly(p, 1, CAL, 12, 12, new org.ldn.core.drought.Calibration(1981, 2010), years.get(0),
                    years.size(), spi);
            for (int y = 0; y < years.size(); y++) {
                out[i][y] = DroughtClass.of(spi[y]);
            }
        }
        return out;
    }

    @Test
    void plantedDroughtIsFlaggedAndAreasAndPopulationAddUp() {
        double[][] bands = precipitation(2002);
        DroughtResult result = DroughtPass.run(inputs(bands, vulnerability(0.9, 0.95)), DroughtMaps.NONE,
                new EngineOptions(512, 2, null));
        DroughtReport r = result.report();
        assertEquals(List.of(1981, 2010), r.calibration());
        assertEquals(2000, r.years().get(0));
        assertEquals(2023, r.years().get(r.years().size() - 1));
        assertEquals(List.of("2000-2003", "2004-2007", "2008-2011", "2012-2015", "2016-2019", "2020-2023"),
                r.blocks());
        DroughtReport.Zone b = r.zones().get(1);
        DroughtReport.Hazard b2002 = b.years().get("2002");
        assertEquals(5.0, b.areaKm2(), 1e-9);
        assertEquals(5.0, b2002.droughtKm2(), 1e-9, "every pixel of B is in drought in 2002");
        assertEquals(5.0, b2002.classKm2().get("extreme") + b2002.classKm2().get("severe"), 1e-9);
        assertEquals(1.0, b2002.shareOfLandUnderDrought(), 1e-12);
        assertEquals(5.0, b.blocks().get("2000-2003").classKm2().get("extreme")
                + b.blocks().get("2000-2003").classKm2().get("severe"), 1e-9, "the block holds its worst year");

        byte[][] expected = classesByPixel(bands, r.years());
        for (int z = 0; z < 2; z++) {
            DroughtReport.Zone zone = r.zones().get(z);
            for (int y = 0; y < r.years().size(); y++) {
                int year = r.years().get(y);
                double[] counts = new double[7];
                for (int i = 0; i < 12; i++) {
                    if (ZONES[i] == z) {
                        boolean water = i == 0 && year >= 2010;
                        counts[water ? 6 : expected[i][y] == DroughtClass.NODATA ? 5 : expected[i][y]]++;
                    }
                }
                DroughtReport.Hazard h = zone.years().get(String.valueOf(year));
                String[] names = {"none", "mild", "moderate", "severe", "extreme", "nodata"};
                for (int c = 0; c < 6; c++) {
                    assertEquals(counts[c], h.classKm2().get(names[c]), 1e-9, zone.id() + " " + year + " " + names[c]);
                }
                assertEquals(counts[6], h.waterKm2(), 1e-9);
                assertEquals(zone.areaKm2(), h.landAreaKm2() + h.waterKm2(), 1e-9, "areas add up every year");
                DroughtReport.Exposure pop = h.population().get("total");
                double sum = pop.byClass().values().stream().mapToDouble(Double::doubleValue).sum();
                assertEquals(pop.zonePopulation(), sum, 1e-9, "population by class adds up to the zone's");
                double shares = pop.shareByClass().values().stream().mapToDouble(Double::doubleValue).sum();
                assertEquals(1, shares, 1e-12);
            }
        }
        assertEquals(100 + 101 + 104 + 105 + 108 + 109, r.zones().get(0).years().get("2000").population().get("total")
                .zonePopulation(), 1e-9);
        // DVI: B = (0.9 + 0.95)/2 = 0.925 (top class), A = (0.1 + 0.3)/2 = 0.2 (first class, bound inclusive)
        assertEquals(0.925, b.vulnerability().meanDvi(), 1e-4);
        assertEquals(5.0, b.vulnerability().quintileKm2().get("0.8-1"), 1e-9);
        assertEquals(6.0, r.zones().get(0).vulnerability().quintileKm2().get("0-0.2"), 1e-9);
        assertEquals(5.0, b2002.risk().areaKm2(), 1e-9, "high vulnerability meets severe or extreme drought");
        assertEquals(102 + 103 + 106 + 107 + 110, b2002.risk().population().get("total"), 1e-9);
        assertEquals(0.0, r.zones().get(0).years().get("2002").risk().areaKm2());
        assertEquals(11.0, r.total().areaKm2(), 1e-9);
    }

    @Test
    void withoutVulnerabilityNoRiskAndNoDvi() {
        DroughtResult result = DroughtPass.run(inputs(precipitation(2002), null), DroughtMaps.NONE,
                new EngineOptions(512, 1, null));
        DroughtReport r = result.report();
        assertNull(r.zones().get(0).vulnerability());
        assertNull(r.zones().get(0).years().get("2002").risk());
    }

    @Test
    void aVulnerabilityComponentOutsideZeroToOneIsAnErrorNamingTheFile() {
        InputException e = assertThrows(InputException.class, () -> DroughtPass.run(
                inputs(precipitation(2002), vulnerability(1.2, 0.5)), DroughtMaps.NONE,
                new EngineOptions(512, 1, null)));
        assertEquals("social.tif: vulnerability component value 1.2 at pixel (col 2, row 0) is outside 0..1 (rescale"
                + " it to 0..1)", e.getMessage());
    }

    @Test
    void negativePrecipitationIsAnErrorNamingTheFileAndMonth() {
        double[][] bands = precipitation(2002);
        bands[CAL.index(1999, 3)][5] = -4;
        InputException e = assertThrows(InputException.class, () -> DroughtPass.run(inputs(bands, null),
                DroughtMaps.NONE, new EngineOptions(512, 1, null)));
        assertEquals("precip.tif: precipitation -4 mm at pixel (col 1, row 1) (1999-03) is negative or infinite",
                e.getMessage());
    }

    /** Bands of 1 pixel, 1 row of 3 pixels, and the whole grid, on 1 or 3 threads: identical reports. */
    @Test
    void resultsDoNotDependOnTheBandsOrTheThreadCount() {
        double[][] bands = precipitation(2006);
        int months = 43 * 12;
        DroughtReport whole = DroughtPass.run(inputs(bands, vulnerability(0.85, 0.7)), DroughtMaps.NONE,
                new EngineOptions(512, 1, null)).report();
        for (int budget : new int[] {months, 3 * months, 5 * months}) {
            for (int threads : new int[] {1, 3}) {
                DroughtReport r = DroughtPass.run(inputs(bands, vulnerability(0.85, 0.7)), DroughtMaps.NONE,
                        new EngineOptions(512, threads, null), budget).report();
                assertEquals(whole, r, "budget " + budget + ", " + threads + " threads");
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        double[][] bands = precipitation(2010);
        DroughtReport one = DroughtPass.run(inputs(bands, vulnerability(0.5, 0.7)), DroughtMaps.NONE,
                new EngineOptions(512, 1, null)).report();
        DroughtReport two = DroughtPass.run(inputs(bands, vulnerability(0.5, 0.7)), DroughtMaps.NONE,
                new EngineOptions(64, 2, null)).report();
        assertEquals(one, two);
        assertTrue(Arrays.asList(one.zones().get(1).years().get("2010").classKm2().get("extreme"),
                one.zones().get(1).years().get("2010").classKm2().get("severe")).stream()
                .mapToDouble(Double::doubleValue).sum() > 0);
    }
}
