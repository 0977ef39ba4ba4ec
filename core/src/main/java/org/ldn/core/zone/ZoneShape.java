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
}
