package org.ldn.geodata.vector;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ldn.core.InputException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;

/**
 * A GeoJSON geometry object read from a stream: each list of positions goes straight into one {@code double[]} of
 * x, y pairs (a third ordinate is dropped: zones are planar), which becomes a JTS {@link PackedCoordinateSequence}
 * without a {@code Coordinate} object per vertex. Members may come in any order ({@code coordinates} before
 * {@code type}). We parse by hand rather than with JTS's {@code GeoJsonReader}, which needs the geometry as a string
 * and builds a tree of boxed numbers from it: 25 times the file's size for a boundary of 10⁶ vertices.
 */
final class GeoJsonGeometry {
    /** Geometries with coordinates packed in primitive arrays. */
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 0,
            PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    /** A list of positions: x, y pairs. */
    private record Positions(double[] xy) {
    }

    /** One position (of a Point). */
    private record Position(double x, double y) {
    }

    private GeoJsonGeometry() {
    }

    /**
     * Reads the geometry whose first token is the parser's current one ({@code null} for a JSON null) and leaves the
     * parser on its last token.
     */
    static Geometry read(JsonParser p, String file, String label) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            throw unreadable(file, label, "not a geometry object");
        }
        String type = null;
        Object coordinates = null;
        List<Geometry> members = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "type" -> type = t == JsonToken.VALUE_STRING ? p.getText() : null;
                case "coordinates" -> coordinates = t == JsonToken.START_ARRAY ? array(p, p.nextToken(), file, label)
                        : skip(p);
                case "geometries" -> members = geometries(p, file, label);
                default -> p.skipChildren();
            }
        }
        if (type == null) {
            throw unreadable(file, label, "the geometry has no type");
        }
        try {
            return build(type, coordinates, members, file, label);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw unreadable(file, label, type + " with coordinates of the wrong shape ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    private static Object skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static List<Geometry> geometries(JsonParser p, String file, String label) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        List<Geometry> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Geometry g = read(p, file, label);
            if (g != null) {
                out.add(g);
            }
        }
        return out;
    }

    /**
     * The array whose first inner token is {@code first} (the START_ARRAY consumed): a {@link Position}, a
     * {@link Positions} when its elements are positions, else a list of such values.
     */
    private static Object array(JsonParser p, JsonToken first, String file, String label) throws IOException {
        if (first == JsonToken.END_ARRAY) {
            return List.of();
        }
        if (first != null && first.isNumeric()) {
            double[] xy = new double[2];
            position(p, xy, 0, file, label);
            return new Position(xy[0], xy[1]);
        }
        if (first != JsonToken.START_ARRAY) {
            throw unreadable(file, label, "coordinates hold " + first + " where a number or an array belongs");
        }
        JsonToken inner = p.nextToken();
        if (inner != null && inner.isNumeric()) {
            double[] xy = new double[64];
            int n = 0;
            while (true) {
                if (n + 2 > xy.length) {
                    xy = Arrays.copyOf(xy, xy.length * 2);
                }
                position(p, xy, n, file, label);
                n += 2;
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    return new Positions(n == xy.length ? xy : Arrays.copyOf(xy, n));
                }
                if (t != JsonToken.START_ARRAY || !isNumber(p.nextToken())) {
                    throw unreadable(file, label, "a list of positions holds something else than a position");
                }
            }
        }
        List<Object> out = new ArrayList<>();
        out.add(array(p, inner, file, label));
        while (true) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
                return out;
            }
            if (t != JsonToken.START_ARRAY) {
                throw unreadable(file, label, "coordinates hold " + t + " where an array belongs");
            }
            out.add(array(p, p.nextToken(), file, label));
        }
    }

    private static boolean isNumber(JsonToken t) {
        return t != null && t.isNumeric();
    }

    /** Reads a position whose first number is the current token into {@code xy[at]}, {@code xy[at + 1]}. */
    private static void position(JsonParser p, double[] xy, int at, String file, String label) throws IOException {
        xy[at] = p.getDoubleValue();
        if (!isNumber(p.nextToken())) {
            throw unreadable(file, label, "a position has fewer than two numbers");
        }
        xy[at + 1] = p.getDoubleValue();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (!isNumber(t)) {
                throw unreadable(file, label, "a position holds " + t + " where a number belongs");
            }
        }
    }

    private static Geometry build(String type, Object c, List<Geometry> members, String file, String label) {
        return switch (type) {
            case "Point" -> c instanceof Position q ? point(q) : FACTORY.createPoint();
            case "MultiPoint" -> c instanceof Positions ps ? FACTORY.createMultiPoint(sequence(ps.xy()))
                    : FACTORY.createMultiPoint();
            case "LineString" -> FACTORY.createLineString(c instanceof Positions ps ? sequence(ps.xy()) : null);
            case "MultiLineString" -> FACTORY.createMultiLineString(lines(list(c)));
            case "Polygon" -> polygon(list(c));
            case "MultiPolygon" -> {
                List<Object> parts = list(c);
                Polygon[] polygons = new Polygon[parts.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(list(parts.get(i)));
                }
                yield FACTORY.createMultiPolygon(polygons);
            }
            case "GeometryCollection" -> FACTORY.createGeometryCollection(
                    members == null ? new Geometry[0] : members.toArray(Geometry[]::new));
            default -> throw unreadable(file, label, "unknown geometry type '" + type + "'");
        };
    }

    private static Point point(Position q) {
        return FACTORY.createPoint(sequence(new double[] {q.x(), q.y()}));
    }

    /** A value that is a list: a list of lists as read, a single list of positions as its one element, or empty. */
    @SuppressWarnings("unchecked")
    private static List<Object> list(Object c) {
        if (c == null) {
            return List.of();
        }
        if (c instanceof Positions) {
            return List.of(c);
        }
        return (List<Object>) c;
    }

    private static LineString[] lines(List<Object> parts) {
        LineString[] out = new LineString[parts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = FACTORY.createLineString(sequence(((Positions) parts.get(i)).xy()));
        }
        return out;
    }

    private static Polygon polygon(List<Object> rings) {
        if (rings.isEmpty()) {
            return FACTORY.createPolygon();
        }
        LinearRing shell = FACTORY.createLinearRing(sequence(((Positions) rings.get(0)).xy()));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = FACTORY.createLinearRing(sequence(((Positions) rings.get(i)).xy()));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static PackedCoordinateSequence.Double sequence(double[] xy) {
        return new PackedCoordinateSequence.Double(xy, 2, 0);
    }

    private static InputException unreadable(String file, String label, String why) {
        return new InputException(file + ": " + label + " has an unreadable geometry: " + why + " (check the file)");
    }
}
