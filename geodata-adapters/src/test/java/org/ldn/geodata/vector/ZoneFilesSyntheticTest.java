package org.ldn.geodata.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.geodata.crs.Crs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** Small files written by the test, whose right answers follow from how they were written. */
class ZoneFilesSyntheticTest {
    static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    @TempDir
    Path dir;

    /** Clockwise square (a shell in a Shapefile) with corners (x0, y0) and (x1, y1). */
    static double[] cw(double x0, double y0, double x1, double y1) {
        return new double[] {x0, y0, x0, y1, x1, y1, x1, y0, x0, y0};
    }

    /** Counter-clockwise square (a hole in a Shapefile). */
    static double[] ccw(double x0, double y0, double x1, double y1) {
        return new double[] {x0, y0, x1, y0, x1, y1, x0, y1, x0, y0};
    }

    Path shapefile(String name, List<String> fields, List<ShapefileWriter.Shape> shapes) throws Exception {
        Path base = dir.resolve(name);
        ShapefileWriter.write(base, 5, fields, shapes, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + ".prj"), WGS84_PRJ);
        return dir.resolve(name + ".shp");
    }

    @Test
    void shapefileHolesGoToTheSmallestContainingShell() throws Exception {
        // big shell 0..10 holding a second shell 2..8 (an island in a lake) whose hole 4..6 must go to it, not to
        // the big shell; a hole 0.25..0.75 inside only the big shell; and a separate square 20..21
        Path shp = shapefile("holes", List.of("id"), List.of(
                new ShapefileWriter.Shape(List.of(cw(0, 0, 10, 10), ccw(1, 1, 9, 9), cw(2, 2, 8, 8), ccw(4, 4, 6, 6),
                        ccw(0.25, 0.25, 0.75, 0.75)), "lake"),
                new ShapefileWriter.Shape(List.of(cw(20, 20, 21, 21)), "square")));
        Boundaries b = ZoneFiles.read(shp, ZoneFileOptions.ids("id"));
        Geometry lake = b.features().get(0).geometry();
        assertInstanceOf(MultiPolygon.class, lake);
        // ring (1..9) lies in the big shell only; (4..6) lies in both shells: the smaller one (2..8) takes it
        Geometry expected = new WKTReader().read("MULTIPOLYGON (((0 0, 0 10, 10 10, 10 0, 0 0),"
                + " (1 1, 9 1, 9 9, 1 9, 1 1), (0.25 0.25, 0.75 0.25, 0.75 0.75, 0.25 0.75, 0.25 0.25)),"
                + " ((2 2, 2 8, 8 8, 8 2, 2 2), (4 4, 6 4, 6 6, 4 6, 4 4)))");
        assertTrue(expected.norm().equalsExact(lake.norm()), lake.toText());
        assertEquals(100 - 64 - 0.25 + 36 - 4, lake.getArea(), 1e-12);
        assertTrue(lake.isValid());
        assertInstanceOf(Polygon.class, b.features().get(1).geometry());
    }

    @Test
    void shapefileOrphanHoleBecomesAShell() throws Exception {
        Path shp = shapefile("orphan", List.of("id"), List.of(
                new ShapefileWriter.Shape(List.of(cw(0, 0, 1, 1), ccw(5, 5, 7, 7)), "a")));
        Geometry g = ZoneFiles.read(shp, ZoneFileOptions.ids("id")).features().get(0).geometry();
        assertEquals(2, g.getNumGeometries());
        assertEquals(1 + 4, g.getArea(), 1e-12);
    }

    @Test
    void shapefileUtf8CodePageAndNumericIds() throws Exception {
        Path shp = shapefile("utf8", List.of("code:N", "name"), List.of(
                new ShapefileWriter.Shape(List.of(cw(0, 0, 1, 1)), "12.000000000000000", "Côte d'Ivoire"),
                new ShapefileWriter.Shape(List.of(cw(1, 0, 2, 1)), "2.500000000000000", "São Tomé"),
                new ShapefileWriter.Shape(List.of(cw(2, 0, 3, 1)), "-7", "Åland")));
        Files.writeString(dir.resolve("utf8.cpg"), "UTF-8");
        Boundaries b = ZoneFiles.read(shp, ZoneFileOptions.ids("CODE").withNames("name"));
        assertEquals(List.of("12", "2.5", "-7"), b.features().stream().map(BoundaryFeature::id).toList());
        assertEquals(List.of("Côte d'Ivoire", "São Tomé", "Åland"),
                b.features().stream().map(BoundaryFeature::name).toList());
    }

    @Test
    void shapefileWithoutCodePageIsLatin1() throws Exception {
        Path base = dir.resolve("latin");
        ShapefileWriter.write(base, 5, List.of("name"), List.of(
                new ShapefileWriter.Shape(List.of(cw(0, 0, 1, 1)), "Curaçao")), StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("latin.prj"), WGS84_PRJ);
        assertEquals("Curaçao", ZoneFiles.read(dir.resolve("latin.shp"), ZoneFileOptions.ids("name"))
                .features().get(0).id());
    }

    @Test
    void shapefileWithoutPrjUsesTheAssumedCrs() throws Exception {
        Path shp = shapefile("noprj", List.of("id"), List.of(new ShapefileWriter.Shape(List.of(cw(0, 0, 1, 1)), "a")));
        Files.delete(dir.resolve("noprj.prj"));
        Boundaries b = ZoneFiles.read(shp, ZoneFileOptions.ids("id").withAssumedCrs(Crs.fromEpsg(3857)));
        assertEquals(Integer.valueOf(3857), b.crsInfo().epsg());
    }

    @Test
    void geoPackageLayersAndSrsDefinitions() throws Exception {
        Path gpkg = dir.resolve("two.gpkg");
        WKTReader wkt = new WKTReader();
        try (GeoPackageWriter w = new GeoPackageWriter(gpkg)) {
            w.addSrs(4326, "EPSG", 4326, "undefined");
            w.addSrs(100000, "NONE", 100000, Crs.toWkt(Crs.fromEpsg(32633)));
            w.addLayer("lonlat", 4326, List.of("code", "label"), List.<Object[]>of(
                    new Object[] {wkt.read("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0), (0.5 0.5, 0.5 1, 1 1, 1 0.5, 0.5 0.5))"),
                            "A", "Ä"}));
            w.addLayer("utm", 100000, List.of("code"), List.<Object[]>of(
                    new Object[] {wkt.read("POLYGON ((500000 0, 501000 0, 501000 1000, 500000 1000, 500000 0))"),
                            "U"}));
        }
        Boundaries a = ZoneFiles.read(gpkg, ZoneFileOptions.ids("code").withNames("label").withLayer("LONLAT"));
        assertEquals("Ä", a.features().get(0).name());
        assertEquals(4 - 0.25, a.features().get(0).geometry().getArea(), 1e-12);
        assertEquals(Integer.valueOf(4326), a.crsInfo().epsg(), "organization EPSG wins over the definition");
        Boundaries u = ZoneFiles.read(gpkg, ZoneFileOptions.ids("code").withLayer("utm"));
        assertTrue(Crs.equivalent(u.crs(), Crs.fromEpsg(32633)), "CRS from the WKT definition");
    }

    @Test
    void geoJsonLegacyCrsMemberAndNumericIds() throws Exception {
        Path f = dir.resolve("m.geojson");
        Files.writeString(f, """
                {"type": "FeatureCollection",
                 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
                 "features": [
                  {"type": "Feature", "id": 7, "properties": {"v": 7.0},
                   "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 0]]]}},
                  {"type": "Feature", "id": 8, "properties": {"v": 2.50, "name": "x"},
                   "geometry": {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]}}]}
                """);
        Boundaries byV = ZoneFiles.read(f, ZoneFileOptions.ids("v").withNames("name"));
        assertEquals(List.of("7", "2.5"), byV.features().stream().map(BoundaryFeature::id).toList());
        assertEquals(List.of("7", "x"), byV.features().stream().map(BoundaryFeature::name).toList());
        assertEquals(Integer.valueOf(3857), byV.crsInfo().epsg());
        Boundaries byTopLevelId = ZoneFiles.read(f, ZoneFileOptions.ids("id"));
        assertEquals(List.of("7", "8"), byTopLevelId.features().stream().map(BoundaryFeature::id).toList());
        assertEquals(50, byTopLevelId.features().get(0).geometry().getArea(), 0);
    }

    @Test
    void geoJsonCrs84MemberIsLongitudeLatitude() throws Exception {
        Path f = dir.resolve("crs84.geojson");
        Files.writeString(f, """
                {"type": "FeatureCollection",
                 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
                 "features": [{"type": "Feature", "properties": {"id": "a"},
                   "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]}
                """);
        assertEquals(Integer.valueOf(4326), ZoneFiles.read(f, ZoneFileOptions.ids("id")).crsInfo().epsg());
    }
}
