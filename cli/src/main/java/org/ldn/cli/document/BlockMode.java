package org.ldn.cli.document;

/**
 * Kernel: the mode of each {@code f × f} block of a class map, to draw a large map small without inventing values
 * (an average of classes is no class). Values are the maps' Int16 classes read as doubles, NaN for nodata.
 * Nodata rule: nodata is a value like any other (a block mostly outside the zones stays blank); ties go to the
 * value seen first in the block, rows top to bottom. Not thread-safe (keeps its counting buffers).
 */
final class BlockMode {
    /** Stored for nodata in the output. */
    static final short NODATA = Short.MIN_VALUE;
    private final short[] seen;
    private final int[] counts;

    /** @param f the block side in pixels (≥ 1) */
    BlockMode(int f) {
        seen = new short[f * f];
        counts = new int[f * f];
    }

    /**
     * Fills {@code out[outOffset + i]} for the blocks of one band of rows: {@code in} holds {@code rows} rows of
     * {@code width} values from {@code inOffset}; block i covers columns {@code [i·f, min((i+1)·f, width))} and all rows.
     */
    void rowOfBlocks(double[] in, int inOffset, int width, int rows, int f, short[] out, int outOffset) {
        int blocks = (width + f - 1) / f;
        for (int b = 0; b < blocks; b++) {
            int c0 = b * f;
            int c1 = Math.min(c0 + f, width);
            int distinct = 0;
            for (int r = 0; r < rows; r++) {
                int base = inOffset + r * width;
                for (int c = c0; c < c1; c++) {
                    double v = in[base + c];
                    short s = Double.isNaN(v) ? NODATA : (short) v;
                    int k = 0;
                    while (k < distinct && seen[k] != s) {
                        k++;
                    }
                    if (k == distinct) {
                        seen[k] = s;
                        counts[k] = 0;
                        distinct++;
                    }
                    counts[k]++;
                }
            }
            int best = 0;
            for (int k = 1; k < distinct; k++) {
                if (counts[k] > counts[best]) {
                    best = k;
                }
            }
            out[outOffset + b] = distinct == 0 ? NODATA : seen[best];
        }
    }
}
