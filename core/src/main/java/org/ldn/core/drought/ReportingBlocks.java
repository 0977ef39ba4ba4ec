package org.ldn.core.drought;

import java.util.ArrayList;
import java.util.List;

/**
 * The UNCCD reporting blocks of years (METHOD.md §9); default 2000–2003, 2004–2007, …, 2020–2023. A pixel's class
 * in a block is its most severe yearly class there ({@link #maxClass}). Immutable.
 */
public record ReportingBlocks(List<Block> blocks) {
    /** Years first..last, inclusive. */
    public record Block(int first, int last) {
        public Block {
            if (last < first) {
                throw new IllegalArgumentException("block " + first + "–" + last + " out of order");
            }
        }

        /** "2000-2003". */
        public String name() {
            return first + "-" + last;
        }
    }

    public ReportingBlocks {
        blocks = List.copyOf(blocks);
    }

    /** 2000–2003 … 2020–2023. */
    public static ReportingBlocks unccd() {
        List<Block> b = new ArrayList<>();
        for (int y = 2000; y <= 2020; y += 4) {
            b.add(new Block(y, y + 3));
        }
        return new ReportingBlocks(b);
    }

    /**
     * Kernel: the most severe class over {@code years} yearly class layers of {@code n} pixels starting at layer
     * {@code firstLayer}, {@code classes[y · n + i]} for layer y. Nodata rule: a year without a class is skipped;
     * a pixel with no class in any of the layers is {@link DroughtClass#NODATA}.
     */
    public static void maxClass(byte[] classes, int n, int firstLayer, int years, byte[] out, int outFrom) {
        for (int i = 0; i < n; i++) {
            byte m = DroughtClass.NODATA;
            for (int y = 0, o = firstLayer * n + i; y < years; y++, o += n) {
                byte c = classes[o];
                if (c > m) {
                    m = c;
                }
            }
            out[outFrom + i] = m;
        }
    }
}
