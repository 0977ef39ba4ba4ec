package org.ldn.core.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ldn.core.InputException;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;

/**
 * Zones rasterized once onto a grid with the pixel-centre rule of {@link ScanlineRasterizer} (identical to
 * {@code gdal_rasterize}), kept as runs of pixels per row so that memory follows the length of the zone boundaries,
 * not their area. A pixel belongs to at most one zone: overlapping zones are rejected when built.
 * Each zone gets exactly the pixels {@code gdal_rasterize} burns for it alone, with one exception that keeps zones
 * that merely touch from overlapping: where two zones share a horizontal edge lying exactly on a row of pixel
 * centres, GDAL burns that row for both, and here it goes to the zone south of the edge (on a north-up grid).
 * Immutable and thread-safe.
 */
public final class ZoneRaster implements ZoneSource {
    /** The zone index {@link #fill} writes for a pixel in no zone. */
    public static final int NO_ZONE = -1;

    private final Grid grid;
    private final String[] ids;
    private final String[] names;
    private final ZoneSpans spans;
    private final long[] pixelCounts;

    private ZoneRaster(Grid grid, List<ZoneShape> zones, ZoneSpans spans) {
        this.grid = grid;
        this.ids = zones.stream().map(ZoneShape::id).toArray(String[]::new);
        this.names = zones.stream().map(ZoneShape::name).toArray(String[]::new);
        this.spans = spans;
        this.pixelCounts = spans.pixelCounts(zones.size());
    }

    /**
     * Rasterizes {@code zones} (coordinates in {@code grid}'s CRS) onto {@code grid}. Zone {@code i} of the result is
     * {@code zones.get(i)}.
     *
     * @param source how the user named the boundaries (file and layer), used in messages
     * @throws InputException when two zones share an id, a ring is malformed, or two zones contain the same pixel
     *                        centre (the message names both zones and the first such pixel)
     */
    public static ZoneRaster build(String source, List<ZoneShape> zones, Grid grid) {
        return build(source, zones, grid, grid.extent());
    }

    /**
     * As {@link #build(String, List, Grid)} on the window {@code crop} of {@code full} (the result's grid): the
     * pixels each zone gets are those it gets on {@code full}, whatever the window (pixel coordinates are computed in
     * {@code full}, so rounding does not depend on where a crop starts).
     */
    public static ZoneRaster build(String source, List<ZoneShape> zones, Grid full, Window crop) {
        Grid grid = full.subGrid(crop);
        requireUniqueIds(source, zones);
        ZoneSpans spans = ZoneSpans.rasterize(source, zones, full, crop);
        List<ZoneOverlap> overlaps = spans.overlaps(zones, grid);
        if (!overlaps.isEmpty()) {
            throw new InputException(source + ": " + describe(overlaps.get(0), zones, grid)
                    + (overlaps.size() > 1 ? "; " + (overlaps.size() - 1) + " other pairs of zones overlap too" : "")
                    + " (make the zones disjoint, e.g. clean the shared borders, so that each pixel centre lies in"
                    + " one zone only)");
        }
        return new ZoneRaster(grid, zones, spans);
    }

    /**
     * Every pair of zones that contain the same pixel centres of {@code grid}, with the number of such pixels,
     * ordered by their first shared pixel. Empty when the zones are disjoint on this grid.
     */
    public static List<ZoneOverlap> overlaps(String source, List<ZoneShape> zones, Grid grid) {
        return ZoneSpans.rasterize(source, zones, grid).overlaps(zones, grid);
    }

    /** As {@link #overlaps(String, List, Grid)} on the window {@code crop} of {@code full}, in full's pixel frame. */
    public static List<ZoneOverlap> overlaps(String source, List<ZoneShape> zones, Grid full, Window crop) {
        return ZoneSpans.rasterize(source, zones, full, crop).overlaps(zones, full.subGrid(crop));
    }

    private static void requireUniqueIds(String source, List<ZoneShape> zones) {
        Set<String> seen = new HashSet<>();
        for (ZoneShape z : zones) {
            if (!seen.add(z.id())) {
                throw new InputException(source + ": zone id '" + z.id() + "' is used by more than one feature"
                        + " (give every zone a unique id, or dissolve the features that share it into one)");
            }
        }
    }

    private static String describe(ZoneOverlap o, List<ZoneShape> zones, Grid grid) {
        String fmt = grid.crs().geographic() ? "%.6f" : "%.2f";
        return String.format(Locale.ROOT, "zones '%s' (%s) and '%s' (%s) overlap: %d pixel centre%s of the grid lie"
                        + " in both, the first at column %d, row %d (x " + fmt + ", y " + fmt + ")",
                o.idA(), zones.get(o.zoneA()).name(), o.idB(), zones.get(o.zoneB()).name(), o.pixels(),
                o.pixels() == 1 ? "" : "s", o.firstCol(), o.firstRow(), o.x(), o.y());
    }

    /** The grid the zones are rasterized on. */
    public Grid grid() {
        return grid;
    }

    @Override
    public int zoneCount() {
        return ids.length;
    }

    @Override
    public String id(int zone) {
        return ids[zone];
    }

    @Override
    public String name(int zone) {
        return names[zone];
    }

    /**
     * The number of pixels of the whole grid in zone {@code zone}; 0 means the zone contains no pixel centre at
     * all, which a report should say rather than show the zone with an area of zero.
     */
    public long pixelCount(int zone) {
        return pixelCounts[zone];
    }

    /** Indices of the zones that contain no pixel centre of the grid, in increasing order. */
    public int[] zonesWithoutPixels() {
        List<Integer> empty = new ArrayList<>();
        for (int z = 0; z < pixelCounts.length; z++) {
            if (pixelCounts[z] == 0) {
                empty.add(z);
            }
        }
        return empty.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Number of pixel runs held (a measure of memory: 12 bytes each). */
    public int spanCount() {
        return spans.spanCount();
    }

    /**
     * Writes the zone index of each pixel of {@code window} into {@code out[r·width + c]}, −1 where there is none.
     *
     * @throws IllegalArgumentException when the window is not inside the grid or {@code out} is too short
     */
    @Override
    public void fill(Window window, int[] out) {
        if (window.colEnd() > grid.width() || window.rowEnd() > grid.height()) {
            throw new IllegalArgumentException("window " + window + " is not inside the "
                    + grid.width() + "x" + grid.height() + " grid");
        }
        if (out.length < window.length()) {
            throw new IllegalArgumentException("output holds " + out.length + " values, window needs "
                    + window.length());
        }
        int[] rowStart = spans.rowStart;
        int[] c0 = spans.colStart;
        int[] c1 = spans.colEnd;
        int[] zone = spans.zone;
        int w = window.width();
        int col = window.col();
        int colEnd = window.colEnd();
        for (int r = 0; r < window.height(); r++) {
            int off = r * w;
            Arrays.fill(out, off, off + w, NO_ZONE);
            int row = window.row() + r;
            int hi = rowStart[row + 1];
            for (int i = firstEndingAfter(c1, rowStart[row], hi, col); i < hi && c0[i] < colEnd; i++) {
                int a = Math.max(c0[i], col);
                int b = Math.min(c1[i], colEnd);
                Arrays.fill(out, off + a - col, off + b - col, zone[i]);
            }
        }
    }

    /** First index in {@code [lo, hi)} whose run ends after column {@code col} (runs are disjoint and sorted). */
    private static int firstEndingAfter(int[] ends, int lo, int hi, int col) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= col) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
