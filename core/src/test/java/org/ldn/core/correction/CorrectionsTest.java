package org.ldn.core.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.InputException;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.indicator.Classes;
import org.ldn.core.zone.ZoneShape;

class CorrectionsTest {
    private static final Grid GRID = new Grid(CrsInfo.WGS84, 10, 5, 0.1, -0.1, 60, 40);
    private static final List<String> PERIODS = List.of("baseline", "reporting1");

    private static ZoneShape triangle(String id, SplittableRandom r) {
        double[] ring = new double[8];
        for (int i = 0; i < 6; i += 2) {
            ring[i] = 9.5 + r.nextDouble() * 7;
            ring[i + 1] = 1.5 - r.nextDouble() * 5;
        }
        ring[6] = ring[0];
        ring[7] = ring[1];
        return new ZoneShape(id, id, List.of(ring));
    }

    /** The bounding window that lets a tile skip a polygon holds every pixel the polygon has, on any crop. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void boundsHoldEveryPixelOfThePolygon(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < 40; k++) {
            Window crop = new Window(r.nextInt(20), r.nextInt(15), 20 + r.nextInt(40), 10 + r.nextInt(25));
            if (crop.colEnd() > GRID.width() || crop.rowEnd() > GRID.height()) {
                continue;
            }
            Correction c = new Correction("T" + k, PERIODS, CorrectedIndicator.SDG, Classes.STABLE, "", triangle(
                    "T" + k, r));
            Corrections cs = Corrections.build("c.geojson", List.of(c), GRID, crop, PERIODS,
                    new boolean[] {true, true, true, true});
            Grid g = GRID.subGrid(crop);
            int[] z = new int[(int) g.pixelCount()];
            cs.area(0).fill(g.extent(), z);
            for (int i = 0; i < z.length; i++) {
                if (z[i] >= 0) {
                    Window px = new Window(i % g.width(), i / g.width(), 1, 1);
                    assertTrue(cs.mayCover(0, px), "seed " + seed + " case " + k + " pixel " + px);
                }
            }
        }
    }

    @Test
    void periodsAndIndicatorsMustBeTheRuns() {
        SplittableRandom r = new SplittableRandom(9);
        Correction unknown = new Correction("A", List.of("reporting9"), CorrectedIndicator.SDG, Classes.DEGRADED, "",
                triangle("A", r));
        InputException e = assertThrows(InputException.class, () -> Corrections.build("c.gpkg", List.of(unknown),
                GRID, GRID.extent(), PERIODS, new boolean[] {true, true, true, true}));
        assertEquals("c.gpkg: correction 'A' names period 'reporting9', which the run does not have (periods:"
                + " baseline, reporting1)", e.getMessage());
        Correction soc = new Correction("B", PERIODS, CorrectedIndicator.SOC, Classes.DEGRADED, "", triangle("B", r));
        e = assertThrows(InputException.class, () -> Corrections.build("c.gpkg", List.of(soc), GRID, GRID.extent(),
                PERIODS, new boolean[] {true, true, true, false}));
        assertEquals("c.gpkg: correction 'B' corrects soc, which this run does not compute (correct sdg or a"
                + " sub-indicator of the run)", e.getMessage());
    }

    @Test
    void attributeValues() {
        assertEquals(CorrectedIndicator.LAND_COVER, CorrectedIndicator.of("Land_Cover"));
        assertEquals(CorrectedIndicator.SDG, CorrectedIndicator.of("combined"));
        assertEquals(Classes.DEGRADED, Correction.classOf("Degraded"));
        assertEquals(Classes.IMPROVED, Correction.classOf("1"));
        assertThrows(IllegalArgumentException.class, () -> CorrectedIndicator.of("water"));
    }

    @Test
    void waterStaysWaterAndNodataTakesTheClass() {
        short[] v = {Classes.WATER, Classes.NODATA, Classes.IMPROVED, Classes.STABLE};
        CorrectionKernel.impose(new boolean[] {true, true, true, false}, Classes.DEGRADED, v, 4);
        assertEquals(List.of(Classes.WATER, Classes.DEGRADED, Classes.DEGRADED, Classes.STABLE),
                List.of(v[0], v[1], v[2], v[3]));
    }
}
