package org.ldn.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ldn.core.accounting.ZoneTally;

class RunSizingTest {
    @Test
    void aSmallRunByHand() {
        // 10 × 10 pixels in tiles of 4: 3 × 3 tiles; 4 tasks take at most 3 tiles (48 pixels); one land-cover
        // year and one LPD map of 1 byte a pixel: 96 bytes read; 4 Int16 maps of one period: 384 bytes written
        RunSizing.Shape shape = new RunSizing.Shape(10, 10, 2, 1, 0, 1, 0, 1, 0);
        RunSizing s = RunSizing.of(shape, 4, 4, 1);
        assertEquals(9, s.tiles());
        assertEquals(4, s.tasks());
        assertEquals(3, s.maxTilesPerTask());
        assertEquals(48, s.pixelsPerTask());
        assertEquals(96, s.inputBytesPerTask());
        assertEquals(384, s.mapBytesPerTask());
        assertEquals(9, RunSizing.of(shape, 4, 100, 1).tasks(), "no more tasks than tiles");
        assertEquals(RunSizing.BLOCK_CACHE_BYTES + s.taskBytes(), s.executorBytes());
    }

    @Test
    void theTallyEstimateCoversTheTallyATaskAllocates() {
        TallyLayout l = new TallyLayout(4, 4, 3);
        RunSizing s = RunSizing.of(new RunSizing.Shape(1000, 1000, 200, 4, 4, 3, 0, 2, 0), 512, 4, 1);
        // the tally's own arrays: two longs per (zone, key) and per (zone, value key)
        long arrays = 16L * 200 * (l.keys + l.valueKeys);
        assertTrue(s.tallyBytes() >= arrays && s.tallyBytes() <= 2 * arrays, s.tallyBytes() + " vs " + arrays);
        ZoneTally t = new ZoneTally(200, l.keys, l.valueKeys);
        assertEquals(l.keys, t.keys());
    }
}
