package org.ldn.geodata.vector;

import org.ldn.core.InputException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Rejects invalid zone polygons (OGC simple-features validity, by JTS {@link IsValidOp}); they are never repaired.
 * The rasterizer fills by the even-odd rule over all rings, so a bow-tie, a hole outside its shell or overlapping
 * parts of a multipolygon would silently give a zone other than the one drawn, and an automatic repair would have to
 * guess which zone was meant. Rings that touch themselves at a point to enclose a hole (as ArcGIS writes them) are
 * accepted: even-odd fills them as drawn. Stateless.
 */
final class ZoneValidity {
    private ZoneValidity() {
    }

    /**
     * Throws an InputException naming {@code source}, the zone and the first problem, with its position.
     *
     * @param who the zone as messages name it, e.g. {@code zone 'PG-01' (Central)}
     */
    static void require(String source, String who, Geometry g) {
        IsValidOp valid = new IsValidOp(g);
        valid.setSelfTouchingRingFormingHoleValid(true);
        TopologyValidationError e;
        try {
            e = valid.getValidationError();
        } catch (RuntimeException jts) {
            // JTS 1.20 can fail on degenerate input ("Segment vertex does not intersect ring"): not provably valid
            throw new InputException(source + ": " + who + " is not a valid polygon: JTS cannot check it ("
                    + jts.getMessage() + ") (repair it, e.g. `ogr2ogr -makevalid out.gpkg in.gpkg` or QGIS 'Fix"
                    + " geometries', and check the repaired zone)", jts);
        }
        if (e != null) {
            Coordinate at = e.getCoordinate();
            String where = at == null ? "" : " at (" + AttributeText.ofNumber(at.x) + ", "
                    + AttributeText.ofNumber(at.y) + ")";
            throw new InputException(source + ": " + who + " is not a valid polygon: " + e.getMessage() + where
                    + " (repair it, e.g. `ogr2ogr -makevalid out.gpkg in.gpkg` or QGIS 'Fix geometries', and check"
                    + " the repaired zone)");
        }
    }
}
