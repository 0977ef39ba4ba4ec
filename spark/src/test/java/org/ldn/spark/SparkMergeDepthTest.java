package org.ldn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * How the driver merges the tasks' tallies: by itself while all the results together stay under
 * {@link SparkRun#DRIVER_MERGE_BYTES} (128 MB), else by a tree reduce of levels of at most 8.
 */
class SparkMergeDepthTest {
    @Test
    void smallResultsAreMergedOnTheDriverLargeOnesByATree() {
        // the benchmark's country: 16 tasks of about 0.13 MB
        assertEquals(1, SparkRun.mergeDepth(16, 130_000));
        // 128 MB exactly still fits; one byte more does not (16 tasks: a tree of depth 2)
        assertEquals(1, SparkRun.mergeDepth(16, 8L << 20));
        assertEquals(2, SparkRun.mergeDepth(16, (8L << 20) + 1));
        // the global plan: 800 tasks of 27 MB; 8^3 = 512 < 800 <= 8^4
        assertEquals(4, SparkRun.mergeDepth(800, 27_000_000));
        assertEquals(2, SparkRun.treeDepth(7));
        assertEquals(3, SparkRun.treeDepth(300));
    }

    @Test
    void serializedBytesCountsTheStream() {
        long n = SparkRun.serializedBytes(new long[1000]);
        // 8,000 bytes of values, a few dozen of stream header and class description
        assertTrue(n >= 8000 && n < 8100, "" + n);
    }
}
