package org.ldn.geodata.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ldn.core.InputException;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.zone.ZoneShape;
import org.ldn.geodata.crs.Crs;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * The zones of one boundary file: features in file order, with unique ids and polygonal, non-empty geometries, in
 * the file's CRS (east/north axis order). Immutable.
 *
 * @param source the file as the user named it, for messages
 */
public record Boundaries(String source, CoordinateReferenceSystem crs, List<BoundaryFeature> features) {
    /** Points sampled along each side of a grid to find its extent in the boundaries' CRS. */
    private static final int EDGE_SAMPLES = 64;

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
     * @throws InputException naming the file and zone when a coordinate cannot be transformed, or when the transform
     *         tears a ring apart (a ring crossing the antimeridian of a geographic target, or the meridian opposite
     *         a projection's central meridian); split or clip such boundaries first
     */
    public Boundaries reprojectedTo(CoordinateReferenceSystem target) {
        CoordinateReferenceSystem t = Crs.eastNorth(target);
        if (Crs.equivalent(crs, t)) {
            return this;
        }
        MathTransform mt = transform(crs, t);
        List<BoundaryFeature> out = new ArrayList<>(features.size());
        for (BoundaryFeature f : features) {
            out.add(new BoundaryFeature(f.id(), f.name(), transformed(f, mt, t)));
        }
        return new Boundaries(source, t, out);
    }

    /**
     * The zones as core's plain rings in {@code target} coordinates (see {@link #reprojectedTo}), each checked to be a
     * valid polygon ({@link ZoneValidity}).
     */
    public List<ZoneShape> zoneShapes(CoordinateReferenceSystem target) {
        features.forEach(this::requireValid);
        Boundaries b = reprojectedTo(target);
        List<ZoneShape> out = new ArrayList<>(b.features.size());
        for (BoundaryFeature f : b.features) {
            out.add(new ZoneShape(f.id(), f.name(), rings(f.geometry())));
        }
        return out;
    }

    /**
     * The zones as core's plain rings in the CRS of {@code grid}, one per feature in file order, each checked to be a
     * valid polygon ({@link ZoneValidity}: an invalid one is an InputException, never repaired). A zone whose
     * bounding box lies clear of the grid (its extent sampled along the edges, transformed to this file's CRS, and
     * widened by a tenth on each side) is not transformed and has no rings: it covers no pixel. This keeps far-away
     * features that a projection would tear apart (Brazil on a grid centred on New Guinea) from failing the run.
     */
    public List<ZoneShape> zoneShapes(Grid grid) {
        CoordinateReferenceSystem t = Crs.of(grid.crs());
        if (Crs.equivalent(crs, t)) {
            return zoneShapes(t);
        }
        Envelope area = gridArea(grid, transform(t, crs));
        MathTransform mt = transform(crs, t);
        List<ZoneShape> out = new ArrayList<>(features.size());
        for (BoundaryFeature f : features) {
            boolean near = area == null || area.intersects(f.geometry().getEnvelopeInternal());
            if (near) {
                requireValid(f);
            }
            out.add(new ZoneShape(f.id(), f.name(), near ? rings(transformed(f, mt, t)) : List.of()));
        }
        return out;
    }

    /** {@link Crs#transform}, its failure naming this file. */
    private MathTransform transform(CoordinateReferenceSystem from, CoordinateReferenceSystem to) {
        try {
            return Crs.transform(from, to);
        } catch (InputException e) {
            throw new InputException(source + ": " + e.getMessage() + " (use boundaries in the grid's CRS)", e);
        }
    }

    private void requireValid(BoundaryFeature f) {
        ZoneValidity.require(source, "zone '" + f.id() + "'" + (f.name().equals(f.id()) ? "" : " (" + f.name() + ")"),
                f.geometry());
    }

    /** The extent of {@code grid} in this file's CRS, widened by 10% each side; null when it cannot be found. */
    private static Envelope gridArea(Grid grid, MathTransform toFile) {
        double[] pts = new double[8 * EDGE_SAMPLES];
        double w = grid.width() * grid.dx();
        double h = grid.height() * grid.dy();
        for (int i = 0; i < EDGE_SAMPLES; i++) {
            double s = (double) i / EDGE_SAMPLES;
            double[] side = {grid.x0() + s * w, grid.y0(), grid.x0() + w, grid.y0() + s * h,
                grid.x0() + w - s * w, grid.y0() + h, grid.x0(), grid.y0() + h - s * h};
            System.arraycopy(side, 0, pts, 8 * i, 8);
        }
        try {
            toFile.transform(pts, 0, pts, 0, 4 * EDGE_SAMPLES);
        } catch (TransformException e) {
            return null;
        }
        Envelope env = new Envelope();
        for (int i = 0; i < pts.length; i += 2) {
            if (!Double.isFinite(pts[i]) || !Double.isFinite(pts[i + 1])) {
                return null;
            }
            env.expandToInclude(pts[i], pts[i + 1]);
        }
        env.expandBy(env.getWidth() / 10, env.getHeight() / 10);
        return env;
    }

    private Geometry transformed(BoundaryFeature f, MathTransform mt, CoordinateReferenceSystem target) {
        String to = target.getName().getCode();
        try {
            return GeometryReprojection.apply(f.geometry(), mt);
        } catch (TransformException e) {
            throw new InputException(source + ": zone '" + f.id() + "' cannot be transformed to " + to + ": "
                    + e.getMessage() + " (use boundaries in the grid's CRS, or clip them to the grid's area)", e);
        } catch (GeometryReprojection.TornEdge e) {
            throw new InputException(source + ": zone '" + f.id() + "' is torn apart when transformed to " + to
                    + ": " + e.getMessage() + " (it crosses the CRS's antimeridian; split it there, or use boundaries"
                    + " in the grid's CRS)", e);
        }
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

    /** The ring's x, y pairs, read from its coordinate sequence (no {@code Coordinate} object per vertex). */
    private static double[] xy(LineString ring) {
        CoordinateSequence c = ring.getCoordinateSequence();
        double[] xy = new double[2 * c.size()];
        for (int i = 0; i < c.size(); i++) {
            xy[2 * i] = c.getX(i);
            xy[2 * i + 1] = c.getY(i);
        }
        return xy;
    }
}
