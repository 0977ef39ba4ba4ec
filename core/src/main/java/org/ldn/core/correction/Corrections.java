package org.ldn.core.correction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ldn.core.InputException;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.zone.ZoneOverlap;
import org.ldn.core.zone.ZoneRaster;
import org.ldn.core.zone.ZoneShape;
import org.ldn.core.zone.ZoneSource;

/**
 * A run's false-positive / false-negative corrections, checked and rasterized on the reference grid: each polygon
 * gets the pixels whose centre it contains (in the uncropped grid's pixel frame, exactly as the zones). Polygons may
 * overlap, except two that impose different classes on the same indicator in the same period: that is an input
 * error naming both. Immutable and thread-safe.
 */
public final class Corrections {
    private final String source;
    private final List<Correction> list;
    private final List<ZoneSource> areas;
    private final int[][][] byPeriodAndIndicator;
    /** Per correction: a window of the (cropped) grid holding every pixel it may cover, or null for none. */
    private final Window[] bounds;

    private Corrections(String source, List<Correction> list, List<ZoneSource> areas, int[][][] index,
            Window[] bounds) {
        this.source = source;
        this.list = List.copyOf(list);
        this.areas = List.copyOf(areas);
        this.byPeriodAndIndicator = index;
        this.bounds = bounds;
    }

    /**
     * Checks {@code corrections} against the run and rasterizes them on the window {@code crop} of {@code full}.
     *
     * @param source      the file, as messages name it
     * @param periodNames the run's periods in order (the baseline first)
     * @param indicators  which indicators the run computes (index {@link CorrectedIndicator#index}; 0 is always true)
     * @throws InputException for an unknown period, an indicator the run does not compute, a repeated id, or two
     *                        overlapping polygons imposing different classes on one indicator in one period
     */
    public static Corrections build(String source, List<Correction> corrections, Grid full, Window crop,
            List<String> periodNames, boolean[] indicators) {
        Set<String> ids = new HashSet<>();
        int[][][] index = new int[periodNames.size()][4][];
        List<List<Integer>> lists = new ArrayList<>();
        for (int k = 0; k < periodNames.size() * 4; k++) {
            lists.add(new ArrayList<>());
        }
        for (int c = 0; c < corrections.size(); c++) {
            Correction x = corrections.get(c);
            if (!ids.add(x.id())) {
                throw new InputException(source + ": correction id '" + x.id() + "' is used by more than one polygon"
                        + " (give each polygon a unique id)");
            }
            if (!indicators[x.indicator().index()]) {
                throw new InputException(source + ": correction '" + x.id() + "' corrects " + x.indicator().key()
                        + ", which this run does not compute (correct sdg or a sub-indicator of the run)");
            }
            for (String p : x.periods()) {
                int pi = periodNames.indexOf(p);
                if (pi < 0) {
                    throw new InputException(source + ": correction '" + x.id() + "' names period '" + p
                            + "', which the run does not have (periods: " + String.join(", ", periodNames) + ")");
                }
                List<Integer> l = lists.get(pi * 4 + x.indicator().index());
                if (!l.contains(c)) {
                    l.add(c);
                }
            }
        }
        for (int p = 0; p < periodNames.size(); p++) {
            for (int j = 0; j < 4; j++) {
                List<Integer> l = lists.get(p * 4 + j);
                index[p][j] = l.stream().mapToInt(Integer::intValue).toArray();
                requireNoConflict(source, corrections, l, periodNames.get(p), full, crop);
            }
        }
        List<ZoneSource> areas = new ArrayList<>();
        Window[] bounds = new Window[corrections.size()];
        for (int c = 0; c < corrections.size(); c++) {
            areas.add(ZoneRaster.build(source, List.of(corrections.get(c).shape()), full, crop));
            bounds[c] = bounds(corrections.get(c).shape(), full, crop);
        }
        return new Corrections(source, corrections, areas, index, bounds);
    }

    /**
     * A window of {@code crop} (in its own pixel coordinates) holding every pixel centre {@code shape} may contain:
     * the shape's bounding box widened by one pixel on each side; {@code null} when it misses the crop.
     */
    static Window bounds(ZoneShape shape, Grid full, Window crop) {
        double[] e = ZoneShape.envelope(List.of(shape));
        double minX = e[0];
        double minY = e[1];
        double maxX = e[2];
        double maxY = e[3];
        if (!(minX <= maxX && minY <= maxY)) {
            return null;
        }
        double c0 = (minX - full.x0()) / full.dx();
        double c1 = (maxX - full.x0()) / full.dx();
        double r0 = (minY - full.y0()) / full.dy();
        double r1 = (maxY - full.y0()) / full.dy();
        long col0 = (long) Math.floor(Math.min(c0, c1)) - 1 - crop.col();
        long col1 = (long) Math.ceil(Math.max(c0, c1)) + 1 - crop.col();
        long row0 = (long) Math.floor(Math.min(r0, r1)) - 1 - crop.row();
        long row1 = (long) Math.ceil(Math.max(r0, r1)) + 1 - crop.row();
        int a = (int) Math.max(0, col0);
        int b = (int) Math.min(crop.width(), col1);
        int r = (int) Math.max(0, row0);
        int s = (int) Math.min(crop.height(), row1);
        return a < b && r < s ? new Window(a, r, b - a, s - r) : null;
    }

    /** True when correction {@code c} may cover a pixel of {@code w} (a window of the cropped grid). */
    public boolean mayCover(int c, Window w) {
        Window b = bounds[c];
        return b != null && b.col() < w.colEnd() && w.col() < b.colEnd() && b.row() < w.rowEnd()
                && w.row() < b.rowEnd();
    }

    private static void requireNoConflict(String source, List<Correction> all, List<Integer> group, String period,
            Grid full, Window crop) {
        Set<Short> classes = new HashSet<>();
        group.forEach(c -> classes.add(all.get(c).imposed()));
        if (classes.size() < 2) {
            return;
        }
        List<ZoneShape> shapes = group.stream().map(c -> all.get(c).shape()).toList();
        for (ZoneOverlap o : ZoneRaster.overlaps(source, shapes, full, crop)) {
            Correction a = all.get(group.get(o.zoneA()));
            Correction b = all.get(group.get(o.zoneB()));
            if (a.imposed() != b.imposed()) {
                String fmt = full.crs().geographic() ? "%.6f" : "%.2f";
                throw new InputException(source + ": corrections '" + a.id() + "' (" + Correction.className(a.imposed())
                        + ") and '" + b.id() + "' (" + Correction.className(b.imposed()) + ") overlap on "
                        + a.indicator().key() + " in period " + period + ": " + o.pixels() + " pixel centre"
                        + (o.pixels() == 1 ? "" : "s") + " lie in both, the first at "
                        + String.format(Locale.ROOT, "x " + fmt + ", y " + fmt, o.x(), o.y())
                        + " (make them disjoint or give them the same class)");
            }
        }
    }

    /** The file the corrections come from. */
    public String source() {
        return source;
    }

    public int size() {
        return list.size();
    }

    public List<Correction> list() {
        return list;
    }

    /** Correction {@code c}'s pixels: zone 0 inside, −1 outside. */
    public ZoneSource area(int c) {
        return areas.get(c);
    }

    /** Indices of the corrections of indicator {@code indicator} in period {@code period}, in file order. */
    public int[] of(int period, int indicator) {
        return byPeriodAndIndicator[period][indicator];
    }

    /** True when correction {@code c} applies in period {@code period}. */
    public boolean appliesIn(int c, int period) {
        for (int x : byPeriodAndIndicator[period][list.get(c).indicator().index()]) {
            if (x == c) {
                return true;
            }
        }
        return false;
    }
}
