package org.ldn.geodata.vector;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ldn.core.InputException;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Which polygons a run rejects: each case in one line, with the problem and where JTS finds it. */
class ZoneValidityTest {
    private static void rejected(String wkt, String problem) throws ParseException {
        InputException e = assertThrows(InputException.class,
                () -> ZoneValidity.require("z.gpkg", "zone 'A'", new WKTReader().read(wkt)));
        assertEquals("z.gpkg: zone 'A' is not a valid polygon: " + problem + " (repair it, e.g. `ogr2ogr -makevalid"
                + " out.gpkg in.gpkg` or QGIS 'Fix geometries', and check the repaired zone)", e.getMessage());
    }

    private static void accepted(String wkt) throws ParseException {
        var g = new WKTReader().read(wkt);
        assertDoesNotThrow(() -> ZoneValidity.require("z.gpkg", "zone 'A'", g));
    }

    @Test
    void bowTieIsRejected() throws ParseException {
        rejected("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))", "Self-intersection at (1, 1)");
    }

    @Test
    void holeOutsideItsShellIsRejected() throws ParseException {
        rejected("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (5 5, 6 5, 6 6, 5 6, 5 5))", "Hole lies outside shell at (5, 5)");
    }

    @Test
    void overlappingPartsAreRejected() throws ParseException {
        rejected("MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0)), ((1 0, 3 0, 3 2, 1 2, 1 0)))", "Self-intersection at (1, 0)");
    }

    @Test
    void nonFiniteCoordinatesAreRejected() throws ParseException {
        rejected("POLYGON ((0 0, 2 0, 2 NaN, 0 2, 0 0))", "Invalid Coordinate at (2, NaN)");
    }

    @Test
    void validPolygonsAndArcGisStyleHolesAreAccepted() throws ParseException {
        accepted("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))");
        accepted("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((1 1, 2 1, 2 2, 1 1)))");
        // one ring touching itself at (2, 0) to enclose a hole, as ArcGIS writes an inverted hole
        accepted("POLYGON ((0 0, 2 0, 1 1, 2 2, 3 1, 2 0, 4 0, 4 4, 0 4, 0 0))");
    }
}
