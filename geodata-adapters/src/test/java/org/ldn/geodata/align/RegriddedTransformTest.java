package org.ldn.geodata.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;
import org.ldn.geodata.crs.Crs;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/** Regridding across CRSs, checked against one-point-at-a-time transforms of each target centre. */
class RegriddedTransformTest {

    @Test
    void laeaTargetBeyondItsDomainReadsNaNThereAndSourcePixelsElsewhere() throws Exception {
        // a global 1° lon/lat source whose value is 1000·row + col
        Grid source = new Grid(CrsInfo.WGS84, -180, 90, 1, -1, 360, 180);
        FunctionRasterSource src = new FunctionRasterSource("world", source, 1, (b, c, r) -> 1000 * r + c);
        // an ETRS89-LAEA (EPSG:3035) grid of 100 km cells reaching 15000 km from the projection centre: beyond
        // about 12700 km (the antipode) the inverse projection has no answer (NaN, or an exception)
        Grid target = new Grid(Crs.describe(Crs.fromEpsg(3035)), 4321000 - 15e6, 3210000 + 15e6, 1e5, -1e5, 300, 300);
        RasterSource r = Regridded.onto(src, target);
        Window all = target.extent();
        double[] v = new double[all.length()];
        r.read(0, all, v);

        MathTransform toLonLat = Crs.transform(Crs.fromEpsg(3035), Crs.fromEpsg(4326));
        int outside = 0;
        int inside = 0;
        for (int i = 0; i < v.length; i++) {
            double[] p = {target.centreX(i % 300), target.centreY(i / 300)};
            double expected;
            try {
                toLonLat.transform(p, 0, p, 0, 1);
                int col = (int) Math.floor(p[0] + 180);
                int row = (int) Math.floor(90 - p[1]);
                boolean in = !Double.isNaN(p[0]) && col >= 0 && col < 360 && row >= 0 && row < 180;
                expected = in ? 1000 * row + col : Double.NaN;
            } catch (TransformException e) {
                expected = Double.NaN;
            }
            assertEquals(expected, v[i], 0, "pixel " + i);
            if (Double.isNaN(v[i])) {
                outside++;
            } else {
                inside++;
            }
        }
        assertTrue(outside > 0 && inside > 0, outside + " outside, " + inside + " inside");
        // the centre pixel (x = 4321000 + 50 km, y = 3210000 - 50 km) is near 52°N 10°E: source column 190, row 38
        assertEquals(38 * 1000 + 190, v[150 * 300 + 150], 0);
    }
}
