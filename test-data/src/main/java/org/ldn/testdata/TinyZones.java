package org.ldn.testdata;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Zone boundaries in EPSG:3035 written as GeoJSON, Shapefile or GeoPackage without a GIS library, so that tests can
 * write wrong ones (bow-ties, overlaps, duplicate ids, missing parts). Coordinates are written as given; rings
 * should be closed.
 */
public final class TinyZones {
    /** ESRI WKT of EPSG:3035, as GDAL writes it into a .prj. */
    static final String PRJ_3035 = "PROJCS[\"ETRS_1989_LAEA\",GEOGCS[\"GCS_ETRS_1989\",DATUM[\"D_ETRS_1989\","
            + "SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Lambert_Azimuthal_Equal_Area\"],"
            + "PARAMETER[\"False_Easting\",4321000.0],PARAMETER[\"False_Northing\",3210000.0],"
            + "PARAMETER[\"Central_Meridian\",10.0],PARAMETER[\"Latitude_Of_Origin\",52.0],UNIT[\"Meter\",1.0]]";

    /**
     * One zone: its id, name and polygons, each a list of rings {@code [x0, y0, x1, y1, ...]} (the first ring the
     * shell); several polygons make a MultiPolygon.
     */
    public record Zone(String id, String name, List<List<double[]>> polygons) {
        public static Zone of(String id, double[]... rings) {
            return new Zone(id, "Zone " + id, List.of(List.of(rings)));
        }
    }

    private TinyZones() {
    }

    /** The closed ring of the rectangle of columns {@code [c0, c1)} and rows {@code [r0, r1)} of {@link TinyRun}. */
    public static double[] cells(int c0, int r0, int c1, int r1) {
        double x0 = TinyRun.X0 + c0 * TinyRun.CELL;
        double x1 = TinyRun.X0 + c1 * TinyRun.CELL;
        double y0 = TinyRun.Y0 - r0 * TinyRun.CELL;
        double y1 = TinyRun.Y0 - r1 * TinyRun.CELL;
        return new double[] {x0, y0, x1, y0, x1, y1, x0, y1, x0, y0};
    }

    /** The run's two zones: W (columns 0–9) and E (columns 10–19), all rows. */
    public static List<Zone> rectangles() {
        return List.of(Zone.of("W", cells(0, 0, 10, TinyRun.HEIGHT)), Zone.of("E", cells(10, 0, 20, TinyRun.HEIGHT)));
    }

    /** A GeoJSON FeatureCollection with a legacy "crs" member naming EPSG:3035; properties id and name. */
    public static String geoJson(List<Zone> zones) {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::3035\"}},\"features\":[");
        for (int i = 0; i < zones.size(); i++) {
            Zone z = zones.get(i);
            boolean multi = z.polygons().size() > 1;
            sb.append(i > 0 ? ",\n" : "\n").append("{\"type\":\"Feature\",\"properties\":{\"id\":\"").append(z.id())
                    .append("\",\"name\":\"").append(z.name()).append("\"},\"geometry\":{\"type\":\"")
                    .append(multi ? "MultiPolygon" : "Polygon").append("\",\"coordinates\":").append(multi ? "[" : "");
            for (int p = 0; p < z.polygons().size(); p++) {
                sb.append(p > 0 ? "," : "").append('[');
                List<double[]> rings = z.polygons().get(p);
                for (int r = 0; r < rings.size(); r++) {
                    sb.append(r > 0 ? "," : "").append('[');
                    double[] xy = rings.get(r);
                    for (int k = 0; k < xy.length; k += 2) {
                        sb.append(k > 0 ? "," : "").append('[').append(xy[k]).append(',').append(xy[k + 1]).append(']');
                    }
                    sb.append(']');
                }
                sb.append(']');
            }
            sb.append(multi ? "]" : "").append("}}");
        }
        return sb.append("]}\n").toString();
    }

    /**
     * Writes {@code base}.shp, .shx, .dbf (character fields id and name, 20 wide) and .prj; the .dbf holds the
     * first {@code dbfRecords} zones only (pass {@code zones.size()} for a consistent file). Polygon records, rings
     * as given (shells should run clockwise, holes counter-clockwise).
     */
    public static void shapefile(Path base, List<Zone> zones, int dbfRecords) {
        List<byte[]> records = new ArrayList<>();
        for (Zone z : zones) {
            List<double[]> rings = new ArrayList<>();
            z.polygons().forEach(rings::addAll);
            int points = rings.stream().mapToInt(r -> r.length / 2).sum();
            ByteBuffer b = le(44 + 4 * rings.size() + 16 * points);
            b.putInt(5).putDouble(0).putDouble(0).putDouble(0).putDouble(0).putInt(rings.size()).putInt(points);
            int start = 0;
            for (double[] r : rings) {
                b.putInt(start);
                start += r.length / 2;
            }
            rings.forEach(r -> {
                for (double v : r) {
                    b.putDouble(v);
                }
            });
            records.add(b.array());
        }
        int shpBytes = 100 + records.stream().mapToInt(r -> 8 + r.length).sum();
        ByteBuffer shp = header(shpBytes);
        ByteBuffer shx = header(100 + 8 * records.size());
        for (int i = 0; i < records.size(); i++) {
            byte[] r = records.get(i);
            shx.order(ByteOrder.BIG_ENDIAN).putInt(shp.position() / 2).putInt(r.length / 2);
            shp.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(r.length / 2).put(r);
        }
        TinyRun.write(base.resolveSibling(base.getFileName() + ".shp"), shp.array());
        TinyRun.write(base.resolveSibling(base.getFileName() + ".shx"), shx.array());
        TinyRun.write(base.resolveSibling(base.getFileName() + ".dbf"), dbf(zones.subList(0, dbfRecords)));
        TinyRun.write(base.resolveSibling(base.getFileName() + ".prj"), PRJ_3035.getBytes(StandardCharsets.US_ASCII));
    }

    private static ByteBuffer header(int bytes) {
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.BIG_ENDIAN);
        b.putInt(9994).position(24);
        b.putInt(bytes / 2).order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(5);
        return b.position(100);
    }

    private static byte[] dbf(List<Zone> zones) {
        int width = 20;
        int headerLength = 32 + 2 * 32 + 1;
        int recordLength = 1 + 2 * width;
        ByteBuffer b = le(headerLength + recordLength * zones.size() + 1);
        b.put((byte) 3).put((byte) 124).put((byte) 1).put((byte) 1).putInt(zones.size())
                .putShort((short) headerLength).putShort((short) recordLength).position(32);
        for (String f : new String[] {"id", "name"}) {
            b.put(f.getBytes(StandardCharsets.US_ASCII)).put(new byte[11 - f.length()]).put((byte) 'C').putInt(0)
                    .put((byte) width).put((byte) 0).put(new byte[14]);
        }
        b.put((byte) 0x0D);
        for (Zone z : zones) {
            b.put((byte) ' ').put(padded(z.id(), width)).put(padded(z.name(), width));
        }
        return b.put((byte) 0x1A).array();
    }

    private static byte[] padded(String s, int width) {
        byte[] out = " ".repeat(width).getBytes(StandardCharsets.US_ASCII);
        byte[] v = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(v, 0, out, 0, Math.min(width, v.length));
        return out;
    }

    /** A GeoPackage with one feature layer {@code layer} (srs EPSG:3035, columns id and name) holding the zones. */
    public static void geoPackage(Path file, String layer, List<Zone> zones) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
                    + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
                    + " definition TEXT NOT NULL, description TEXT)");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('ETRS89 / LAEA Europe', 3035, 'EPSG', 3035, '"
                    + PRJ_3035.replace("'", "''") + "', NULL)");
            s.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL,"
                    + " identifier TEXT, description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE,"
                    + " min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)");
            s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                    + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,"
                    + " m TINYINT NOT NULL)");
            s.execute("CREATE TABLE \"" + layer + "\" (fid INTEGER PRIMARY KEY, geom BLOB, id TEXT, name TEXT)");
            s.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('" + layer
                    + "', 'features', '" + layer + "', 3035)");
            s.execute("INSERT INTO gpkg_geometry_columns VALUES ('" + layer + "', 'geom', 'MULTIPOLYGON', 3035, 0, 0)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO \"" + layer
                    + "\" (geom, id, name) VALUES (?, ?, ?)")) {
                for (Zone z : zones) {
                    p.setBytes(1, blob(z));
                    p.setString(2, z.id());
                    p.setString(3, z.name());
                    p.executeUpdate();
                }
            }
        }
    }

    /** GeoPackageBinary: "GP", version 0, flags (little-endian, no envelope), srs id, then WKB MultiPolygon. */
    private static byte[] blob(Zone z) {
        int size = 8 + 9;
        for (List<double[]> poly : z.polygons()) {
            size += 9 + poly.stream().mapToInt(r -> 4 + 8 * r.length).sum();
        }
        ByteBuffer b = le(size);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(3035);
        b.put((byte) 1).putInt(6).putInt(z.polygons().size());
        for (List<double[]> poly : z.polygons()) {
            b.put((byte) 1).putInt(3).putInt(poly.size());
            for (double[] r : poly) {
                b.putInt(r.length / 2);
                for (double v : r) {
                    b.putDouble(v);
                }
            }
        }
        return b.array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
