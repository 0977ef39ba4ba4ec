package org.ldn.core.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ldn.core.InputException;
import org.ldn.core.grid.Grid;

/**
 * The runs of pixels of every zone, row by row: for row {@code r}, entries {@code rowStart[r] .. rowStart[r+1]−1}
 * hold {@code [colStart, colEnd)} and the zone index, sorted by {@code colStart}. Memory is proportional to the number
 * of runs (about twice the number of zone-boundary crossings per row), not to the zones' area.
 */
final class ZoneSpans {
    final int[] rowStart;
    final int[] colStart;
    final int[] colEnd;
    final int[] zone;

    private ZoneSpans(int[] rowStart, int[] colStart, int[] colEnd, int[] zone) {
        this.rowStart = rowStart;
        this.colStart = colStart;
        this.colEnd = colEnd;
        this.zone = zone;
    }

    /** Rasterizes every zone onto {@code grid}; {@code source} names the boundaries in messages. */
    static ZoneSpans rasterize(String source, List<ZoneShape> zones, Grid grid) {
        Collector c = new Collector();
        for (int z = 0; z < zones.size(); z++) {
            ZoneShape shape = zones.get(z);
            c.zone = z;
            try {
                ScanlineRasterizer.rasterize(shape.rings(), grid, c);
            } catch (IllegalArgumentException e) {
                throw new InputException(source + ": zone '" + shape.id() + "' has a malformed ring: " + e.getMessage()
                        + " (repair the geometry, e.g. with ogr2ogr -makevalid)", e);
            }
        }
        return c.toSpans(grid.height());
    }

    int spanCount() {
        return colStart.length;
    }

    long[] pixelCounts(int zoneCount) {
        long[] counts = new long[zoneCount];
        for (int i = 0; i < colStart.length; i++) {
            counts[zone[i]] += colEnd[i] - colStart[i];
        }
        return counts;
    }

    /** Every pair of zones sharing pixels, in order of their first shared pixel (row-major). */
    List<ZoneOverlap> overlaps(List<ZoneShape> zones, Grid grid) {
        Map<Long, long[]> pairs = new LinkedHashMap<>(); // (a, b) -> {pixels, firstCol, firstRow}
        int[] active = new int[16];
        for (int r = 0; r + 1 < rowStart.length; r++) {
            int nActive = 0;
            for (int i = rowStart[r]; i < rowStart[r + 1]; i++) {
                int kept = 0;
                for (int k = 0; k < nActive; k++) {
                    int a = active[k];
                    if (colEnd[a] > colStart[i]) {
                        active[kept++] = a;
                        if (zone[a] != zone[i]) {
                            int lo = Math.min(zone[a], zone[i]);
                            int hi = Math.max(zone[a], zone[i]);
                            long[] p = pairs.get(((long) lo << 32) | hi);
                            if (p == null) {
                                p = new long[] {0, colStart[i], r};
                                pairs.put(((long) lo << 32) | hi, p);
                            }
                            p[0] += Math.min(colEnd[a], colEnd[i]) - colStart[i];
                        }
                    }
                }
                nActive = kept;
                if (nActive == active.length) {
                    active = Arrays.copyOf(active, nActive * 2);
                }
                active[nActive++] = i;
            }
        }
        List<ZoneOverlap> out = new ArrayList<>(pairs.size());
        for (Map.Entry<Long, long[]> e : pairs.entrySet()) {
            int a = (int) (e.getKey() >>> 32);
            int b = (int) (long) e.getKey();
            long[] p = e.getValue();
            int col = (int) p[1];
            int row = (int) p[2];
            out.add(new ZoneOverlap(a, b, zones.get(a).id(), zones.get(b).id(), p[0], col, row,
                    grid.centreX(col), grid.centreY(row)));
        }
        out.sort(Comparator.comparingInt(ZoneOverlap::firstRow).thenComparingInt(ZoneOverlap::firstCol));
        return out;
    }

    /** Gathers spans from the rasterizer in any row order, then sorts them into rows. */
    private static final class Collector implements ScanlineRasterizer.SpanConsumer {
        int zone;
        private int[] data = new int[1024]; // row, colStart, colEnd, zone
        private int size;

        @Override
        public void span(int row, int colStart, int colEnd) {
            if (size + 4 > data.length) {
                if (data.length > Integer.MAX_VALUE / 2 - 16) {
                    throw new IllegalStateException("too many pixel runs for one zone layer");
                }
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = row;
            data[size++] = colStart;
            data[size++] = colEnd;
            data[size++] = zone;
        }

        ZoneSpans toSpans(int height) {
            int m = size / 4;
            int[] rowStart = new int[height + 1];
            for (int i = 0; i < m; i++) {
                rowStart[data[4 * i] + 1]++;
            }
            for (int r = 0; r < height; r++) {
                rowStart[r + 1] += rowStart[r];
            }
            int[] next = Arrays.copyOf(rowStart, height);
            int[] order = new int[m];
            for (int i = 0; i < m; i++) {
                order[next[data[4 * i]]++] = i;
            }
            int[] c0 = new int[m];
            int[] c1 = new int[m];
            int[] z = new int[m];
            long[] keys = new long[0];
            for (int r = 0; r < height; r++) {
                int from = rowStart[r];
                int n = rowStart[r + 1] - from;
                if (keys.length < n) {
                    keys = new long[Math.max(n, keys.length * 2)];
                }
                for (int k = 0; k < n; k++) {
                    int i = order[from + k];
                    keys[k] = ((long) data[4 * i + 1] << 32) | i;
                }
                Arrays.sort(keys, 0, n);
                for (int k = 0; k < n; k++) {
                    int i = (int) keys[k];
                    c0[from + k] = data[4 * i + 1];
                    c1[from + k] = data[4 * i + 2];
                    z[from + k] = data[4 * i + 3];
                }
            }
            data = null;
            return new ZoneSpans(rowStart, c0, c1, z);
        }
    }
}
