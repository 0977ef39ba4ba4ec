package org.ldn.geodata.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ldn.geodata.vector.ZoneFilesSyntheticTest.WGS84_PRJ;
import static org.ldn.geodata.vector.ZoneFilesSyntheticTest.cw;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.InputException;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

/** Every input problem is one {@link InputException} line that names the file and the problem. */
class ZoneFilesErrorTest {
    @TempDir
    Path dir;

    private static String fails(Path file, ZoneFileOptions options, String... fragments) {
        InputException e = assertThrows(InputException.class, () -> ZoneFiles.read(file, options));
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString() + ": "), m);
        assertFalse(m.contains("\n"), m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "'" + f + "' missing from: " + m);
        }
        return m;
    }

    private Path shapefile(String name, List<ShapefileWriter.Shape> shapes) throws Exception {
        ShapefileWriter.write(dir.resolve(name), 5, List.of("id", "label"), shapes, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + ".prj"), WGS84_PRJ);
        return dir.resolve(name + ".shp");
    }

    private Path square(String name) throws Exception {
        return shapefile(name, List.of(new ShapefileWriter.Shape(List.of(cw(0, 0, 1, 1)), "a", "A")));
    }

    private Path geoJson(String name, String features) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"type\": \"FeatureCollection\", \"features\": [" + features + "]}");
        return f;
    }

    private static String feature(String id, String geometry) {
        return "{\"type\": \"Feature\", \"properties\": {\"id\": \"" + id + "\", \"name\": \"N" + id + "\"},"
                + " \"geometry\": " + geometry + "}";
    }

    private static final String SQUARE = "{\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[1,1],[0,0]]]}";

    private Path geoPackage(String name, List<Object[]> rows, String... layers) throws Exception {
        Path f = dir.resolve(name);
        try (GeoPackageWriter w = new GeoPackageWriter(f)) {
            w.addSrs(4326, "EPSG", 4326, "undefined");
            for (String layer : layers) {
                w.addLayer(layer, 4326, List.of("id", "name"), rows);
            }
        }
        return f;
    }

    private static Object[] row(String wkt, String id) throws Exception {
        return new Object[] {wkt == null ? null : new WKTReader().read(wkt), id, "N" + id};
    }

    @Test
    void missingFile() {
        fails(dir.resolve("nothere.gpkg"), ZoneFileOptions.ids("id"), "file not found");
    }

    @Test
    void unknownExtension() throws Exception {
        Path f = Files.writeString(dir.resolve("zones.kml"), "<kml/>");
        fails(f, ZoneFileOptions.ids("id"), "unknown boundary format", ".gpkg, .shp or .geojson");
    }

    @Test
    void layerNotFoundListsTheLayers() throws Exception {
        Path f = geoPackage("layers.gpkg", List.<Object[]>of(row("POLYGON ((0 0, 1 0, 1 1, 0 0))", "a")), "provinces", "countries");
        fails(f, ZoneFileOptions.ids("id").withLayer("districts"), "no feature layer 'districts'",
                "available: countries, provinces");
        fails(f, ZoneFileOptions.ids("id"), "has 2 feature layers (countries, provinces)", "layer option");
    }

    @Test
    void attributeNotFoundListsTheAttributes() throws Exception {
        Path gpkg = geoPackage("a.gpkg", List.<Object[]>of(row("POLYGON ((0 0, 1 0, 1 1, 0 0))", "a")), "zones");
        fails(gpkg, ZoneFileOptions.ids("code"), "no attribute 'code' for the zone id", "available: fid, id, name");
        fails(gpkg, ZoneFileOptions.ids("id").withNames("title"), "no attribute 'title' for the zone name");
        fails(square("a"), ZoneFileOptions.ids("code"), "no attribute 'code'", "available: id, label");
        fails(geoJson("a.geojson", feature("a", SQUARE)), ZoneFileOptions.ids("code"), "no attribute 'code'",
                "available: id, name");
    }

    @Test
    void duplicateIdsNameBothFeatures() throws Exception {
        Path gpkg = geoPackage("dup.gpkg", List.<Object[]>of(row("POLYGON ((0 0, 1 0, 1 1, 0 0))", "a"),
                row("POLYGON ((0 0, 1 0, 1 1, 0 0))", "b"), row("POLYGON ((0 0, 1 0, 1 1, 0 0))", "a")), "zones");
        fails(gpkg, ZoneFileOptions.ids("id").withNames("name"), "feature fid=1 'Na' and feature fid=3 'Na'",
                "same id 'a'");
        Path json = geoJson("dup.geojson", feature("x", SQUARE) + "," + feature("x", SQUARE));
        fails(json, ZoneFileOptions.ids("id"), "feature 1 and feature 2 have the same id 'x'");
        Path shp = shapefile("dup", List.of(new ShapefileWriter.Shape(List.of(cw(0, 0, 1, 1)), "k", "A"),
                new ShapefileWriter.Shape(List.of(cw(1, 0, 2, 1)), "k", "B")));
        fails(shp, ZoneFileOptions.ids("id").withNames("label"), "record 1 'A' and record 2 'B' have the same id 'k'");
    }

    @Test
    void emptyOrNullGeometriesNameTheFeature() throws Exception {
        Path gpkg = geoPackage("empty.gpkg", List.<Object[]>of(row("POLYGON ((0 0, 1 0, 1 1, 0 0))", "a"),
                row("POLYGON EMPTY", "b")), "zones");
        fails(gpkg, ZoneFileOptions.ids("id"), "feature fid=2 (id 'b') has an empty or null geometry");
        Path nullGpkg = geoPackage("null.gpkg", List.<Object[]>of(row(null, "c")), "zones");
        fails(nullGpkg, ZoneFileOptions.ids("id"), "feature fid=1 (id 'c') has an empty or null geometry");
        fails(geoJson("null.geojson", feature("a", SQUARE) + "," + feature("d", "null")), ZoneFileOptions.ids("id"),
                "feature 2 (id 'd') has an empty or null geometry");
        fails(geoJson("empty.geojson", feature("e", "{\"type\": \"MultiPolygon\", \"coordinates\": []}")),
                ZoneFileOptions.ids("id"), "feature 1 (id 'e') has an empty or null geometry");
        Path shp = shapefile("nullshape", List.of(new ShapefileWriter.Shape(List.of(cw(0, 0, 1, 1)), "a", "A"),
                new ShapefileWriter.Shape(null, "f", "F")));
        fails(shp, ZoneFileOptions.ids("id"), "record 2 (id 'f') has an empty or null geometry");
    }

    @Test
    void nonPolygonalGeometries() throws Exception {
        Path gpkg = geoPackage("line.gpkg", List.<Object[]>of(row("LINESTRING (0 0, 1 1)", "a")), "zones");
        fails(gpkg, ZoneFileOptions.ids("id"), "feature fid=1 (id 'a') is a LineString, not a polygon");
        fails(geoJson("point.geojson", feature("p", "{\"type\": \"Point\", \"coordinates\": [1, 2]}")),
                ZoneFileOptions.ids("id"), "feature 1 (id 'p') is a Point, not a polygon");
        ShapefileWriter.write(dir.resolve("lines"), 3, List.of("id"), List.of(
                new ShapefileWriter.Shape(List.of(cw(0, 0, 1, 1)), "l")), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("lines.prj"), WGS84_PRJ);
        fails(dir.resolve("lines.shp"), ZoneFileOptions.ids("id"), "holds polyline shapes, not polygons");
    }

    @Test
    void missingShxOrDbf() throws Exception {
        Path shp = square("noshx");
        Files.delete(dir.resolve("noshx.shx"));
        fails(shp, ZoneFileOptions.ids("id"), "has no noshx.shx beside it");
        Path shp2 = square("nodbf");
        Files.delete(dir.resolve("nodbf.dbf"));
        fails(shp2, ZoneFileOptions.ids("id"), "has no nodbf.dbf beside it");
    }

    @Test
    void dbfWithFewerRecordsThanShapes() throws Exception {
        Path shp = shapefile("short", List.of(new ShapefileWriter.Shape(List.of(cw(0, 0, 1, 1)), "a", "A"),
                new ShapefileWriter.Shape(List.of(cw(1, 0, 2, 1)), "b", "B")));
        ShapefileWriter.write(dir.resolve("other"), 5, List.of("id", "label"), List.of(
                new ShapefileWriter.Shape(List.of(cw(0, 0, 1, 1)), "a", "A")), StandardCharsets.UTF_8);
        Files.copy(dir.resolve("other.dbf"), dir.resolve("short.dbf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        fails(shp, ZoneFileOptions.ids("id"), "the .dbf has 1 record(s) but the .shp has 2 shapes");
    }

    @Test
    void unreadableOrMissingCrs() throws Exception {
        Path shp = square("badprj");
        Files.writeString(dir.resolve("badprj.prj"), "PROJCS[\"nonsense\", FOO[1]]");
        fails(shp, ZoneFileOptions.ids("id"), "unreadable CRS in badprj.prj");
        Path noPrj = square("noprj");
        Files.delete(dir.resolve("noprj.prj"));
        fails(noPrj, ZoneFileOptions.ids("id"), "has no .prj", "give the CRS to assume");

        Path gpkg = dir.resolve("badsrs.gpkg");
        try (GeoPackageWriter w = new GeoPackageWriter(gpkg)) {
            w.addSrs(9999, "NONE", 9999, "GEOGCS[broken");
            w.addLayer("zones", 9999, List.of("id"), List.<Object[]>of(
                    new Object[] {new GeometryFactory().toGeometry(new org.locationtech.jts.geom.Envelope(0, 1, 0, 1)),
                            "a"}));
            w.addLayer("undefined", 0, List.of("id"), List.<Object[]>of(
                    new Object[] {new GeometryFactory().toGeometry(new org.locationtech.jts.geom.Envelope(0, 1, 0, 1)),
                            "a"}));
        }
        fails(gpkg, ZoneFileOptions.ids("id").withLayer("zones"), "unreadable CRS definition for layer 'zones'");
        fails(gpkg, ZoneFileOptions.ids("id").withLayer("undefined"), "layer 'undefined' has no defined CRS");

        Path json = dir.resolve("crs.geojson");
        Files.writeString(json, "{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\":"
                + " {\"name\": \"urn:ogc:def:crs:EPSG::999999\"}}, \"features\": [" + feature("a", SQUARE) + "]}");
        fails(json, ZoneFileOptions.ids("id"), "unreadable CRS name 'urn:ogc:def:crs:EPSG::999999'");
    }

    @Test
    void notAGeoPackageOrNotJson() throws Exception {
        Path gpkg = Files.writeString(dir.resolve("fake.gpkg"), "this is text, not SQLite");
        fails(gpkg, ZoneFileOptions.ids("id"), "cannot read as a GeoPackage");
        Path json = Files.writeString(dir.resolve("broken.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [");
        fails(json, ZoneFileOptions.ids("id"), "not valid JSON");
    }

    @Test
    void corruptShapeRecord() throws Exception {
        Path shp = square("corrupt");
        byte[] b = Files.readAllBytes(shp);
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(100 + 8 + 40, 1_000_000);
        Files.write(shp, b);
        String m = fails(shp, ZoneFileOptions.ids("id"), "record 1 is corrupt in the .shp");
        assertEquals(-1, m.indexOf("Exception"), m);
    }
}
