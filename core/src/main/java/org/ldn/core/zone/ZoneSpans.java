package org.ldn.core.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ldn.core.InputException;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;

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

    /**
     * Rasterizes every zone onto {@code grid}; {@code source} names the boundaries in messages. A pixel that a zone
     * takes only because its centre lies on that zone's southern horizontal edge (rule 3 of
     * {@link ScanlineRasterizer}) is left to another zone that contains it by the crossing rule: where two zones
     * share a horizontal edge lying exactly on a row of pixel centres, {@code gdal_rasterize} gives that row to both,
     * and here it goes to the zone south of the edge (on a north-up grid: the one on the edge's larger-row side).
     */
    static ZoneSpans rasterize(String source, List<ZoneShape> zones, Grid grid) {
        return rasterize(source, zones, grid, grid.extent());
    }

    /** As {@link #rasterize(String, List, Grid)} on the window {@code crop} of {@code full}, in its rows and columns. */
    static ZoneSpans rasterize(String source, List<ZoneShape> zones, Grid full, Window crop) {
        Collector inside = new Collector();
        Collector onEdge = new Collector();
        for (int z = 0; z < zones.size(); z++) {
            ZoneShape shape = zones.get(z);
            inside.zone = z;
            onEdge.zone = z;
            try {
                ScanlineRasterizer.rasterize(shape.rings(), full, crop, inside, onEdge);
            } catch (IllegalArgumentException e) {
                throw new InputException(source + ": zone '" + shape.id() + "' has a malformed ring: " + e.getMessage()
                        + " (repair the geometry, e.g. with ogr2ogr -makevalid)", e);
            }
        }
        ZoneSpans spans = inside.toSpans(crop.height());
        if (onEdge.size == 0) {
            return spans;
        }
        for (int i = 0; i < onEdge.size; i += 4) {
            spans.addUncovered(onEdge.data[i], onEdge.data[i + 1], onEdge.data[i + 2], onEdge.data[i + 3], inside);
        }
        return inside.toSpans(crop.height());
    }

    /** Appends to {@code c} the parts of run [a, b) of row {@code row} that no run of these spans covers. */
    private void addUncovered(int row, int a, int b, int z, Collector c) {
        int from = a;
        for (int i = rowStart[row]; i < rowStart[row + 1] && from < b; i++) {
            if (colEnd[i] <= from) {
                continue;
            }
            if (colStart[i] >= b) {
                break;
            }
            if (colStart[i] > from) {
                c.add(row, from, colStart[i], z);
            }
            from = Math.max(from, colEnd[i]);
        }
        if (from < b) {
            c.add(row, from, b, z);
        }
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
            add(row, colStart, colEnd, zone);
        }

        void add(int row, int colStart, int colEnd, int z) {
            if (size + 4 > data.length) {
                if (data.length > Integer.MAX_VALUE / 2 - 16) {
                    throw new IllegalStateException("too many pixel runs for one zone layer");
                }
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = row;
            data[size++] = colStart;
            data[size++] = colEnd;
            data[size++] = z;
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
            return new ZoneSpans(rowStart, c0, c1, z);
        }
    }
}
