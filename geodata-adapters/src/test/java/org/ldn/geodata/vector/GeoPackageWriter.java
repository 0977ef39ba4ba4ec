package org.ldn.geodata.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes small GeoPackages for tests with sqlite-jdbc: the three required metadata tables and feature tables whose
 * geometries are GeoPackageBinary blobs (header without envelope, then little-endian WKB).
 */
final class GeoPackageWriter implements AutoCloseable {
    private final Connection c;

    GeoPackageWriter(Path file) throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
                    + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
                    + " definition TEXT NOT NULL, description TEXT)");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian', -1, 'NONE', -1, 'undefined', NULL),"
                    + " ('Undefined geographic', 0, 'NONE', 0, 'undefined', NULL)");
            s.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL,"
                    + " identifier TEXT, description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE,"
                    + " min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)");
            s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                    + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,"
                    + " m TINYINT NOT NULL)");
        }
    }

    void addSrs(int srsId, String organization, int code, String definition) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, NULL)")) {
            p.setString(1, "srs " + srsId);
            p.setInt(2, srsId);
            p.setString(3, organization);
            p.setInt(4, code);
            p.setString(5, definition);
            p.executeUpdate();
        }
    }

    /** A feature table with TEXT columns {@code columns} and rows of (geometry or null, values...). */
    void addLayer(String table, int srsId, List<String> columns, List<Object[]> rows) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE \"" + table + "\" (fid INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " geom BLOB");
        columns.forEach(col -> ddl.append(", \"").append(col).append("\" TEXT"));
        try (Statement s = c.createStatement()) {
            s.execute(ddl.append(')').toString());
            s.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('" + table
                    + "', 'features', '" + table + "', " + srsId + ")");
            s.execute("INSERT INTO gpkg_geometry_columns VALUES ('" + table + "', 'geom', 'GEOMETRY', " + srsId
                    + ", 0, 0)");
        }
        String marks = "?" + ", ?".repeat(columns.size());
        try (PreparedStatement p = c.prepareStatement("INSERT INTO \"" + table + "\" (geom"
                + columns.stream().map(col -> ", \"" + col + "\"").reduce("", String::concat) + ") VALUES (" + marks + ")")) {
            for (Object[] row : rows) {
                p.setBytes(1, row[0] == null ? null : blob((Geometry) row[0], srsId));
                for (int i = 1; i < row.length; i++) {
                    p.setObject(i + 1, row[i]);
                }
                p.executeUpdate();
            }
        }
    }

    static byte[] blob(Geometry g, int srsId) {
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(g);
        ByteBuffer b = ByteBuffer.allocate(8 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) (0x01 | (g.isEmpty() ? 0x10 : 0)));
        b.putInt(srsId).put(wkb);
        return b.array();
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
