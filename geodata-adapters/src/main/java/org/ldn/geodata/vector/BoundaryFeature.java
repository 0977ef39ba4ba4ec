package org.ldn.geodata.vector;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a boundary file: its zone id and display name as text, and its polygonal geometry (a
 * {@code Polygon} or {@code MultiPolygon}, never empty) in the file's CRS, x = easting or longitude.
 *
 * @param id   the value of the chosen id attribute as text (integral numbers without ".0")
 * @param name the value of the name attribute, or the id when no name attribute was chosen
 */
public record BoundaryFeature(String id, String name, Geometry geometry) {
    public BoundaryFeature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(geometry, "geometry");
    }
}
