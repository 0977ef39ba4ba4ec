package org.ldn.geodata.vector;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds polygons from the flat ring list of a Shapefile polygon record (ESRI Shapefile Technical Description,
 * 1998): clockwise rings are shells, counter-clockwise rings are holes. Each hole goes to the smallest shell that
 * contains one of its vertices not on that shell's boundary; a hole that no shell contains becomes a shell of its own,
 * as OGR does.
 */
final class ShapeRings {
    private ShapeRings() {
    }

    private record Ring(Coordinate[] coords, Envelope envelope, double signedArea) {
    }

    /**
     * @param rings each ring as {@code [x0, y0, x1, y1, ...]}, closed or not, at least 3 distinct vertices
     * @return a Polygon, or a MultiPolygon when there are several shells
     */
    static Geometry assemble(List<double[]> rings, GeometryFactory gf) {
        List<Ring> shells = new ArrayList<>();
        List<Ring> holes = new ArrayList<>();
        for (double[] xy : rings) {
            Ring r = ring(xy);
            (r.signedArea() <= 0 ? shells : holes).add(r);
        }
        List<List<Ring>> holesOf = new ArrayList<>();
        shells.forEach(s -> holesOf.add(new ArrayList<>()));
        for (Ring hole : holes) {
            int best = -1;
            for (int s = 0; s < shells.size(); s++) {
                Ring shell = shells.get(s);
                if (shell.envelope().covers(hole.envelope()) && inside(hole, shell)
                        && (best < 0 || Math.abs(shell.signedArea()) < Math.abs(shells.get(best).signedArea()))) {
                    best = s;
                }
            }
            if (best >= 0) {
                holesOf.get(best).add(hole);
            } else {
                shells.add(hole);
                holesOf.add(new ArrayList<>());
            }
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int s = 0; s < shells.size(); s++) {
            List<Ring> hs = holesOf.get(s);
            LinearRing[] inner = new LinearRing[hs.size()];
            for (int h = 0; h < inner.length; h++) {
                inner[h] = gf.createLinearRing(hs.get(h).coords());
            }
            polygons[s] = gf.createPolygon(gf.createLinearRing(shells.get(s).coords()), inner);
        }
        return polygons.length == 1 ? polygons[0] : gf.createMultiPolygon(polygons);
    }

    private static boolean inside(Ring hole, Ring shell) {
        for (Coordinate c : hole.coords()) {
            int loc = PointLocation.locateInRing(c, shell.coords());
            if (loc != Location.BOUNDARY) {
                return loc == Location.INTERIOR;
            }
        }
        return true; // every vertex on the shell's boundary: the hole lies along it
    }

    /** Closes the ring when needed; the signed area is positive for counter-clockwise rings (y up). */
    private static Ring ring(double[] xy) {
        int n = xy.length / 2;
        boolean closed = xy[0] == xy[2 * n - 2] && xy[1] == xy[2 * n - 1];
        Coordinate[] c = new Coordinate[closed ? n : n + 1];
        Envelope env = new Envelope();
        for (int i = 0; i < n; i++) {
            c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
            env.expandToInclude(c[i]);
        }
        if (!closed) {
            c[n] = c[0].copy();
        }
        double twice = 0; // shoelace formula
        for (int i = 0; i + 1 < c.length; i++) {
            twice += c[i].x * c[i + 1].y - c[i + 1].x * c[i].y;
        }
        return new Ring(c, env, twice / 2);
    }
}
