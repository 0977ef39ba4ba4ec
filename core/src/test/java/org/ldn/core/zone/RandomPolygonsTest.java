package org.ldn.core.zone;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The simplicity check the GDAL comparison relies on. */
class RandomPolygonsTest {
    @Test
    void simpleRingsPass() {
        assertTrue(RandomPolygons.isSimple(new double[] {0, 0, 4, 0, 4, 3, 0, 3, 0, 0}));
        assertTrue(RandomPolygons.isSimple(new double[] {0, 0, 4, 0, 4, 0, 2, 3})); // repeated point, open ring
        assertTrue(RandomPolygons.isSimple(new double[] {0, 0, 4, 0, 4, 3, 2, 1, 0, 3})); // concave
    }

    @Test
    void selfIntersectingRingsFail() {
        assertFalse(RandomPolygons.isSimple(new double[] {0, 0, 4, 3, 4, 0, 0, 3})); // bow tie
        assertFalse(RandomPolygons.isSimple(new double[] {0, 0, 4, 0, 4, 3, 4, 1})); // folds back on an edge
        assertFalse(RandomPolygons.isSimple(new double[] {0, 0, 4, 0, 2, 0, 2, 3})); // spike along the base
        assertFalse(RandomPolygons.isSimple(new double[] {0, 0, 4, 0, 4, 3, 2, 0, 0, 3})); // vertex touching an edge
        // A snapped star from a failed comparison (OGR: "Self-intersection at or near point -1.143 0.009").
        assertFalse(RandomPolygons.isSimple(new double[] {-0.75, 0.5, -1.25, -0.125, -1.125, 0.0, -1.375, 0.125,
            -1.375, 0.125, -1.25, 0.25, -1.25, 0.375, -1.125, 0.25, -1.125, 0.375, -0.875, 0.375, -0.75, 0.5}));
    }
}
