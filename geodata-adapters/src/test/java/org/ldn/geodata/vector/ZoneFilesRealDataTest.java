package org.ldn.geodata.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ldn.core.InputException;
import org.ldn.core.grid.CrsInfo;
import org.ldn.geodata.crs.Crs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The four real boundary files of {@code ../shared/data/boundaries}. Expected areas are planar areas in the file's
 * CRS units from OGR (GDAL 3.6.2), printed with
 * {@code /usr/bin/python3 -c "from osgeo import ogr; l = ogr.Open(PATH).GetLayer(0);
 * [print(i, f.GetField(ID), repr(f.GetGeometryRef().GetArea())) for i, f in enumerate(l)]"}
 * (the totals are the sums of those values in file order).
 */
class ZoneFilesRealDataTest {
    private static final double REL = 1e-12;

    private static void assertArea(double expected, Geometry g) {
        assertEquals(expected, g.getArea(), Math.abs(expected) * REL);
    }

    private static double totalArea(Boundaries b) {
        return b.features().stream().mapToDouble(f -> f.geometry().getArea()).sum();
    }

    private static Map<String, BoundaryFeature> byId(Boundaries b) {
        return b.features().stream().collect(Collectors.toMap(BoundaryFeature::id, Function.identity()));
    }

    @Test
    void worldGeoPackage() {
        Boundaries b = ZoneFiles.read(SharedData.boundary("world_spdata.gpkg"),
                ZoneFileOptions.ids("name_long").withNames("iso_a2"));
        assertEquals(177, b.features().size());
        assertEquals("Fiji", b.features().get(0).id());
        assertEquals("FJ", b.features().get(0).name());
        assertEquals("South Sudan", b.features().get(176).id());
        assertEquals(Integer.valueOf(4326), b.crsInfo().epsg());
        Map<String, BoundaryFeature> f = byId(b);
        assertArea(1.6395061150689685, f.get("Fiji").geometry());
        assertArea(1712.995227649375, f.get("Canada").geometry());
        assertArea(2935.20515876605, f.get("Russian Federation").geometry());
        assertArea(112.71852362041113, f.get("South Africa").geometry());
        assertArea(2.561879915956406, f.get("Lesotho").geometry());
        assertArea(27.032682464703214, f.get("Côte d'Ivoire").geometry());
        assertEquals(21460.990919937856, totalArea(b), 21460.99 * REL);
        assertEquals(1, ((Polygon) f.get("South Africa").geometry().getGeometryN(0)).getNumInteriorRing(),
                "Lesotho is a hole in South Africa");
        assertEquals(3, f.get("Fiji").geometry().getNumGeometries());
        assertEquals(14, f.get("Russian Federation").geometry().getNumGeometries());
    }

    @Test
    void worldShapefileDecodesLatin1AndAssignsHoles() {
        Boundaries b = ZoneFiles.read(SharedData.boundary("world_spdata_shp/world.shp"),
                ZoneFileOptions.ids("name_long").withNames("iso_a2"));
        assertEquals(177, b.features().size());
        assertEquals("Fiji", b.features().get(0).id());
        assertTrue(Crs.equivalent(b.crs(), Crs.fromEpsg(4326)), "ESRI GCS_WGS_1984 .prj");
        Map<String, BoundaryFeature> f = byId(b);
        // no .cpg; language driver 0x57: ISO-8859-1, byte 0xF4 is ô
        assertEquals("CI", f.get("Côte d'Ivoire").name());
        assertArea(1.6395061150689632, f.get("Fiji").geometry());
        assertArea(1712.9952276493761, f.get("Canada").geometry());
        assertArea(2935.2051587660503, f.get("Russian Federation").geometry());
        assertArea(112.7185236204112, f.get("South Africa").geometry());
        assertArea(2.561879915956398, f.get("Lesotho").geometry());
        assertEquals(21460.99091993785, totalArea(b), 21460.99 * REL);
        Geometry za = f.get("South Africa").geometry();
        assertInstanceOf(Polygon.class, za, "one shell and one counter-clockwise hole");
        assertEquals(1, ((Polygon) za).getNumInteriorRing());
        assertFalse(za.contains(f.get("Lesotho").geometry().getInteriorPoint()),
                "Lesotho's interior is in the hole, not in South Africa");
    }

    @Test
    void shapefileAndGeoPackageWorldLayersHaveTheSameGeometries() {
        ZoneFileOptions o = ZoneFileOptions.ids("name_long");
        List<BoundaryFeature> gpkg = ZoneFiles.read(SharedData.boundary("world_spdata.gpkg"), o).features();
        List<BoundaryFeature> shp = ZoneFiles.read(SharedData.boundary("world_spdata_shp/world.shp"), o).features();
        assertEquals(gpkg.size(), shp.size());
        for (int i = 0; i < gpkg.size(); i++) {
            assertEquals(gpkg.get(i).id(), shp.get(i).id());
            Geometry a = gpkg.get(i).geometry().norm();
            Geometry b = shp.get(i).geometry().norm();
            if (b instanceof Polygon p) {
                b = p.getFactory().createMultiPolygon(new Polygon[] {p});
            }
            assertTrue(a.equalsExact(b), gpkg.get(i).id() + " differs between the GeoPackage and the Shapefile");
        }
    }

    @Test
    void naturalEarthGeoJson() {
        Boundaries b = ZoneFiles.read(SharedData.boundary("ne_50m_countries.geojson"), ZoneFileOptions.ids("name"));
        assertEquals(241, b.features().size());
        assertEquals("Zimbabwe", b.features().get(0).id());
        assertEquals("Sint Maarten", b.features().get(240).id());
        assertEquals(Integer.valueOf(4326), b.crsInfo().epsg());
        Map<String, BoundaryFeature> f = byId(b);
        assertArea(33.390969353579976, f.get("Zimbabwe").geometry());
        assertArea(113.1135727277411, f.get("South Africa").geometry());
        assertArea(1699.7488010785457, f.get("Russia").geometry());
        assertArea(13.735450512858339, f.get("Fiji").geometry());
        assertArea(0.0035716912420893365, f.get("Sint Maarten").geometry());
        assertEquals(10277.89292781305, totalArea(b), 10277.9 * REL);
        assertEquals(99, f.get("Russia").geometry().getNumGeometries());
        for (String utf8 : List.of("São Tomé and Principe", "Curaçao", "St-Barthélemy", "Åland", "Côte d'Ivoire")) {
            assertTrue(f.containsKey(utf8), utf8);
        }
    }

    @Test
    void naturalEarthGeoJsonIdsAreMissingForSomeCountries() {
        // five features (Somaliland, Kosovo, N. Cyprus, ...) have no "id" property; the first in file order fails
        Path file = SharedData.boundary("ne_50m_countries.geojson");
        InputException e = assertThrows(InputException.class, () -> ZoneFiles.read(file, ZoneFileOptions.ids("id")));
        assertTrue(e.getMessage().contains("has no value for the id attribute 'id'"), e.getMessage());
    }

    @Test
    void admin1GeoPackageWithMixedPolygonTypes() {
        Boundaries b = ZoneFiles.read(SharedData.boundary("ne_10m_admin1_png_idn_ken.gpkg"),
                ZoneFileOptions.ids("adm1_code").withNames("name").withLayer("admin1"));
        assertEquals(61, b.features().size());
        Map<String, BoundaryFeature> f = byId(b);
        assertEquals("Kalimantan Timur", b.features().get(0).name());
        assertArea(15.910627496782313, f.get("IDN-1185").geometry());
        assertArea(25.48936269392095, f.get("IDN-558").geometry());
        assertEquals("Papua", f.get("IDN-558").name());
        assertInstanceOf(Polygon.class, f.get("KEN-1195").geometry());
        assertInstanceOf(MultiPolygon.class, f.get("IDN-558").geometry());
        assertArea(1.0553116327004897, f.get("KEN-1195").geometry());
        assertEquals(238.74190415167433, totalArea(b), 238.74 * REL);
    }

    @Test
    void ecoregionsInACustomProjectedCrs() {
        Boundaries b = ZoneFiles.read(SharedData.boundary("new_guinea_ecoregions.gpkg"),
                ZoneFileOptions.ids("id").withNames("ECO_NAME"));
        assertEquals(22, b.features().size());
        for (int i = 0; i < 22; i++) {
            assertEquals(Integer.toString(i + 1), b.features().get(i).id(), "integer ids as text");
        }
        CrsInfo crs = b.crsInfo();
        assertFalse(crs.geographic());
        assertTrue(crs.equalArea(), "Lambert cylindrical equal-area");
        assertEquals(null, crs.epsg());
        Map<String, BoundaryFeature> f = byId(b);
        assertEquals("Admiralty Islands lowland rain forests", f.get("1").name());
        assertArea(1951061856.1951373, f.get("1").geometry());
        assertArea(444945685.0478399, f.get("4").geometry());
        assertArea(171425420814.33417, f.get("5").geometry());
        assertArea(21771670938.235832, f.get("21").geometry());
        assertArea(2291158957.064089, f.get("22").geometry());
        assertEquals(839561019708.7987, totalArea(b), 8.4e11 * REL);
        assertEquals(13, ((Polygon) f.get("5").geometry().getGeometryN(0)).getNumInteriorRing());
    }

    @Test
    void realNumbersAsIdsLoseTheirDecimalZero() {
        // ECO_ID is a REAL column: 135.0 -> "135" (sqlite3 new_guinea_ecoregions.gpkg "select ECO_ID from ecoregions")
        Boundaries b = ZoneFiles.read(SharedData.boundary("new_guinea_ecoregions.gpkg"), ZoneFileOptions.ids("ECO_ID"));
        assertEquals(List.of("135", "136", "137", "183"), b.features().subList(0, 4).stream()
                .map(BoundaryFeature::id).toList());
        assertEquals("135", b.features().get(0).name(), "names default to the ids");
    }
}
