package org.ldn.geodata.vector;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ldn.core.InputException;
import org.ldn.geodata.crs.Crs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.sqlite.SQLiteConfig;

/**
 * Reads one feature layer of a GeoPackage through sqlite-jdbc, read-only, in primary-key order. The layer's CRS
 * comes from {@code gpkg_spatial_ref_sys}: the EPSG code when the organization is EPSG, else the WKT definition;
 * the undefined SRSs (ids 0 and -1) count as no CRS.
 */
final class GeoPackageFeatures {
    private GeoPackageFeatures() {
    }

    private record Layer(String table, String geometryColumn, int srsId) {
    }

    static FeatureTable read(Path path, String file, ZoneFileOptions options) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        String url = "jdbc:sqlite:" + path.toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url, config.toProperties())) {
            Layer layer = layer(c, file, options.layer());
            List<String> columns = new ArrayList<>();
            String pk = columns(c, layer, columns);
            AttributeChoice choice = AttributeChoice.resolve(file, columns, options);
            CoordinateReferenceSystem crs = crs(c, file, layer, options.assumedCrs());
            return new FeatureTable(crs, features(c, file, layer, pk, columns.get(choice.idIndex()),
                    choice.nameIndex() < 0 ? null : columns.get(choice.nameIndex())));
        } catch (SQLException e) {
            throw new InputException(file + ": cannot read as a GeoPackage: " + e.getMessage()
                    + " (check that it is a GeoPackage)", e);
        }
    }

    private static Layer layer(Connection c, String file, String wanted) throws SQLException {
        List<Layer> layers = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT g.table_name, g.column_name, g.srs_id FROM gpkg_geometry_columns g"
                     + " JOIN gpkg_contents c ON c.table_name = g.table_name WHERE c.data_type = 'features'"
                     + " ORDER BY g.table_name")) {
            while (rs.next()) {
                layers.add(new Layer(rs.getString(1), rs.getString(2), rs.getInt(3)));
            }
        }
        List<String> names = layers.stream().map(Layer::table).toList();
        String list = names.isEmpty() ? "none" : String.join(", ", names);
        if (wanted == null) {
            if (layers.size() == 1) {
                return layers.get(0);
            }
            throw new InputException(file + ": " + (layers.isEmpty() ? "has no feature layer"
                    : "has " + layers.size() + " feature layers (" + list + ")")
                    + " (choose one with the layer option)");
        }
        for (Layer l : layers) {
            if (l.table().equals(wanted)) {
                return l;
            }
        }
        for (Layer l : layers) {
            if (l.table().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                return l;
            }
        }
        throw new InputException(file + ": no feature layer '" + wanted + "' (available: " + list + ")");
    }

    /** Fills {@code attributes} with the non-geometry columns and returns the primary-key column, or null. */
    private static String columns(Connection c, Layer layer, List<String> attributes) throws SQLException {
        String pk = null;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(layer.table()) + ")")) {
            while (rs.next()) {
                String name = rs.getString("name");
                if (rs.getInt("pk") == 1 && pk == null) {
                    pk = name;
                }
                if (!name.equalsIgnoreCase(layer.geometryColumn())) {
                    attributes.add(name);
                }
            }
        }
        return pk;
    }

    private static CoordinateReferenceSystem crs(Connection c, String file, Layer layer,
            CoordinateReferenceSystem assumed) throws SQLException {
        String organization = null;
        int code = 0;
        String definition = null;
        boolean found = false;
        try (PreparedStatement s = c.prepareStatement("SELECT organization, organization_coordsys_id, definition"
                + " FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            s.setInt(1, layer.srsId());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    found = true;
                    organization = rs.getString(1);
                    code = rs.getInt(2);
                    definition = rs.getString(3);
                }
            }
        }
        boolean undefined = layer.srsId() == 0 || layer.srsId() == -1 || !found
                || definition == null || definition.isBlank() || "undefined".equalsIgnoreCase(definition.trim());
        if ("EPSG".equalsIgnoreCase(organization) && code > 0) {
            try {
                return Crs.fromEpsg(code);
            } catch (InputException e) {
                if (undefined) {
                    throw new InputException(file + ": layer '" + layer.table() + "' has unknown CRS EPSG:" + code
                            + " (reproject the layer to a known CRS)", e);
                }
            }
        }
        if (!undefined) {
            try {
                return Crs.fromWkt(definition, file);
            } catch (InputException e) {
                String cause = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                throw new InputException(file + ": unreadable CRS definition for layer '" + layer.table() + "' (srs_id "
                        + layer.srsId() + "): " + cause + " (fix gpkg_spatial_ref_sys or reproject with ogr2ogr)", e);
            }
        }
        if (assumed != null) {
            return assumed;
        }
        throw new InputException(file + ": layer '" + layer.table() + "' has no defined CRS (srs_id "
                + layer.srsId() + "; assign one with ogr2ogr -a_srs, or give the CRS to assume)");
    }

    private static List<RawFeature> features(Connection c, String file, Layer layer, String pk, String idColumn,
            String nameColumn) throws SQLException {
        String key = pk == null ? "rowid" : quote(pk);
        String sql = "SELECT " + key + ", " + quote(layer.geometryColumn()) + ", " + quote(idColumn) + ", "
                + (nameColumn == null ? "NULL" : quote(nameColumn)) + " FROM " + quote(layer.table())
                + " ORDER BY " + key;
        WKBReader wkb = new WKBReader(new GeometryFactory());
        List<RawFeature> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String label = "feature " + (pk == null ? "" : pk + "=") + rs.getLong(1);
                byte[] blob = rs.getBytes(2);
                Geometry g = blob == null ? null : geometry(blob, wkb, file, label);
                out.add(new RawFeature(label, AttributeText.of(rs.getObject(3)), AttributeText.of(rs.getObject(4)), g));
            }
        }
        return out;
    }

    /** Decodes one geometry blob; every problem with it is an InputException naming the file and the feature. */
    static Geometry geometry(byte[] blob, WKBReader wkb, String file, String label) {
        try {
            return GeoPackageGeometry.decode(blob, wkb);
        } catch (ParseException | RuntimeException e) {
            throw new InputException(file + ": " + label + " has an unreadable geometry: " + e.getMessage()
                    + " (only simple features are supported; check the layer)", e);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
