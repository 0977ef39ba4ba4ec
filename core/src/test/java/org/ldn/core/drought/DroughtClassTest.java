package org.ldn.core.drought;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DroughtClassTest {
    @Test
    void boundariesBelongToTheMoreSevereClassExceptZero() {
        float[] spi = {0.5f, 0f, -0f, Math.nextDown(0f), -0.5f, Math.nextUp(-1f), -1f, -1.2f, Math.nextUp(-1.5f),
            -1.5f, -1.7f, Math.nextUp(-2f), -2f, -3.09f, Float.NaN};
        byte[] out = new byte[spi.length];
        DroughtClass.classify(spi, 0, spi.length, out, 0);
        assertArrayEquals(new byte[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, DroughtClass.NODATA}, out);
    }

    @Test
    void blockMaximaAreTheMostSevereYearAndSkipNodataYears() {
        byte nd = DroughtClass.NODATA;
        // 3 pixels × 4 years, layer-major
        byte[] years = {
            0, 1, nd,
            2, 0, nd,
            1, 4, nd,
            0, nd, nd};
        byte[] out = new byte[3];
        ReportingBlocks.maxClass(years, 3, 0, 4, out, 0);
        assertArrayEquals(new byte[] {2, 4, nd}, out);
        ReportingBlocks.maxClass(years, 3, 2, 2, out, 0);
        assertArrayEquals(new byte[] {1, 4, nd}, out);
    }

    @Test
    void defaultBlocksAreTheUnccdFourYearBlocks() {
        ReportingBlocks b = ReportingBlocks.unccd();
        assertEquals(6, b.blocks().size());
        assertEquals("2000-2003", b.blocks().get(0).name());
        assertEquals("2020-2023", b.blocks().get(5).name());
    }
}
