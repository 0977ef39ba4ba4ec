package org.ldn.core.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AreaAdjustedEstimateTest {
    /**
     * The worked example of Olofsson et al. (2014), section 5 and Tables 8–9: mapped areas in 30 m pixels
     * (0.09 ha), a stratified sample of 640 units. Published results (ha): deforestation 21,158 ± 6,158, forest gain
     * 11,686 ± 3,756, stable forest 285,770 ± 15,510, stable non-forest 581,386 ± 16,282; user's accuracy of
     * deforestation 0.88, producer's 0.75; overall accuracy 0.95.
     */
    @Test
    void reproducesOlofssonEtAl2014() {
        long[][] n = {{66, 0, 5, 4}, {0, 55, 8, 12}, {1, 0, 153, 11}, {2, 1, 9, 313}};
        double[] mappedHa = {200_000 * 0.09, 150_000 * 0.09, 3_200_000 * 0.09, 6_450_000 * 0.09};
        AreaAdjustedEstimate e = AreaAdjustedEstimate.of(n, mappedHa);
        double[] published = {21_158, 11_686, 285_770, 581_386};
        double[] publishedCi = {6_158, 3_756, 15_510, 16_282};
        for (int j = 0; j < 4; j++) {
            assertEquals(published[j], e.areas()[j], 0.5, "area of class " + j);
            assertEquals(publishedCi[j], e.areaCi95()[j], 0.5, "CI of class " + j);
        }
        assertEquals(0.88, e.usersAccuracy()[0], 1e-12);
        assertEquals(0.75, e.producersAccuracy()[0], 0.005);
        assertEquals(0.95, e.overallAccuracy(), 0.005);
    }

    @Test
    void aPerfectSampleGivesTheMappedAreasWithZeroWidth() {
        long[][] n = {{30, 0, 0}, {0, 40, 0}, {0, 0, 50}};
        AreaAdjustedEstimate e = AreaAdjustedEstimate.of(n, new double[] {100, 700, 200});
        assertEquals(100, e.areas()[0], 1e-9);
        assertEquals(0, e.areaCi95()[0]);
        assertEquals(1, e.overallAccuracy(), 1e-12);
    }
}
