package org.ldn.core.zone;

import java.util.List;
import java.util.Objects;

/**
 * One zone (country, province, ...) as plain coordinates in the reference grid's CRS: every ring of every polygon
 * of the feature (shells and holes alike), each ring as {@code [x0, y0, x1, y1, ...]}, closed or not.
 * A pixel belongs to the zone when its centre is inside by the even-odd rule over all rings (so holes are holes).
 *
 * @param id   the zone's identifier as read from the id attribute
 * @param name the zone's display name (the id when no name attribute is given)
 */
public record ZoneShape(String id, String name, List<double[]> rings) {
    public ZoneShape {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        rings = List.copyOf(rings);
    }

    /**
     * The bounding box of every vertex of {@code shapes}: {@code [minX, minY, maxX, maxY]}; with no vertex at all,
     * the minima are +∞ and the maxima −∞.
     */
    public static double[] envelope(List<ZoneShape> shapes) {
        double[] e = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (ZoneShape z : shapes) {
            for (double[] ring : z.rings()) {
                for (int i = 0; i + 1 < ring.length; i += 2) {
                    e[0] = Math.min(e[0], ring[i]);
                    e[1] = Math.min(e[1], ring[i + 1]);
                    e[2] = Math.max(e[2], ring[i]);
                    e[3] = Math.max(e[3], ring[i + 1]);
                }
            }
        }
        return e;
    }
}
