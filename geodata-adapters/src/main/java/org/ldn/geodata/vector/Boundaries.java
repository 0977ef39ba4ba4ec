package org.ldn.geodata.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ldn.core.InputException;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.zone.ZoneShape;
import org.ldn.geodata.crs.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * The zones of one boundary file: features in file order, with unique ids and polygonal, non-empty geometries, in
 * the file's CRS (east/north axis order). Immutable.
 *
 * @param source the file as the user named it, for messages
 */
public record Boundaries(String source, CoordinateReferenceSystem crs, List<BoundaryFeature> features) {
    public Boundaries {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(crs, "crs");
        features = List.copyOf(features);
    }

    /** The file's CRS as core sees it. */
    public CrsInfo crsInfo() {
        return Crs.describe(crs);
    }

    /**
     * The same features with coordinates in {@code target}. Returns {@code this} when the CRSs are equivalent.
     *
     * @throws InputException naming the file and feature when a coordinate cannot be transformed, or when a ring
     *         would jump across the antimeridian of a geographic {@code target} (split such features at ±180° first)
     */
    public Boundaries reprojectedTo(CoordinateReferenceSystem target) {
        CoordinateReferenceSystem t = Crs.eastNorth(target);
        if (Crs.equivalent(crs, t)) {
            return this;
        }
        MathTransform mt = Crs.transform(crs, t);
        boolean geographic = t instanceof GeographicCRS;
        List<BoundaryFeature> out = new ArrayList<>(features.size());
        for (BoundaryFeature f : features) {
            Geometry g;
            try {
                g = GeometryReprojection.apply(f.geometry(), mt);
            } catch (TransformException e) {
                throw new InputException(source + ": zone '" + f.id() + "' cannot be transformed to "
                        + t.getName().getCode() + ": " + e.getMessage() + " (use boundaries in the grid's CRS)", e);
            }
            if (geographic && jumpsAntimeridian(g)) {
                throw new InputException(source + ": zone '" + f.id() + "' crosses the antimeridian once transformed to "
                        + t.getName().getCode() + " (split it at 180° longitude, or use boundaries in that CRS)");
            }
            out.add(new BoundaryFeature(f.id(), f.name(), g));
        }
        return new Boundaries(source, t, out);
    }

    /** The zones as core's plain rings in {@code target} coordinates (see {@link #reprojectedTo}). */
    public List<ZoneShape> zoneShapes(CoordinateReferenceSystem target) {
        Boundaries b = reprojectedTo(target);
        List<ZoneShape> out = new ArrayList<>(b.features.size());
        for (BoundaryFeature f : b.features) {
            out.add(new ZoneShape(f.id(), f.name(), rings(f.geometry())));
        }
        return out;
    }

    /** The zones as core's plain rings in the CRS of a grid. */
    public List<ZoneShape> zoneShapes(CrsInfo target) {
        return zoneShapes(Crs.of(target));
    }

    /** Every ring (shells and holes) of every polygon of {@code g} as {@code [x0, y0, x1, y1, ...]}. */
    static List<double[]> rings(Geometry g) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            if (p.isEmpty()) {
                continue;
            }
            out.add(xy(p.getExteriorRing()));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                out.add(xy(p.getInteriorRingN(h)));
            }
        }
        return out;
    }

    private static double[] xy(LineString ring) {
        Coordinate[] c = ring.getCoordinates();
        double[] xy = new double[2 * c.length];
        for (int i = 0; i < c.length; i++) {
            xy[2 * i] = c[i].x;
            xy[2 * i + 1] = c[i].y;
        }
        return xy;
    }

    /** True when an edge spans more than 180° of longitude: the transform wrapped it to the other side. */
    private static boolean jumpsAntimeridian(Geometry g) {
        for (double[] ring : rings(g)) {
            for (int i = 2; i < ring.length; i += 2) {
                if (Math.abs(ring[i] - ring[i - 2]) > 180) {
                    return true;
                }
            }
        }
        return false;
    }
}
