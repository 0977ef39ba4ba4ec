package org.ldn.geodata.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.InputException;
import org.ldn.core.grid.Grid;
import org.ldn.core.zone.ZoneShape;
import org.ldn.geodata.crs.Crs;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

class BoundariesReprojectionTest {
    @TempDir
    Path dir;

    private static boolean ran(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, ZoneShape> byId(List<ZoneShape> zones) {
        return zones.stream().collect(Collectors.toMap(ZoneShape::id, Function.identity()));
    }

    /** Largest coordinate difference between two zone lists that must have identical ring structure. */
    private static double maxDifference(List<ZoneShape> a, List<ZoneShape> b) {
        assertEquals(a.size(), b.size());
        double max = 0;
        for (int z = 0; z < a.size(); z++) {
            assertEquals(a.get(z).id(), b.get(z).id());
            assertEquals(a.get(z).rings().size(), b.get(z).rings().size(), a.get(z).id());
            for (int r = 0; r < a.get(z).rings().size(); r++) {
                double[] ra = a.get(z).rings().get(r);
                double[] rb = b.get(z).rings().get(r);
                assertEquals(ra.length, rb.length);
                for (int i = 0; i < ra.length; i++) {
                    max = Math.max(max, Math.abs(ra[i] - rb[i]));
                }
            }
        }
        return max;
    }

    @Test
    void ecoregionsToWgs84AgreeWithOgr2ogr() {
        Path eco = SharedData.boundary("new_guinea_ecoregions.gpkg");
        Path ogr = dir.resolve("eco4326.gpkg");
        assumeTrue(ran("ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:4326", ogr.toString(), eco.toString()),
                "ogr2ogr is not available");
        ZoneFileOptions ids = ZoneFileOptions.ids("id").withNames("ECO_NAME");
        List<ZoneShape> ours = ZoneFiles.read(eco, ids).zoneShapes(Crs.fromEpsg(4326));
        List<ZoneShape> theirs = ZoneFiles.read(ogr, ids).zoneShapes(Crs.fromEpsg(4326));
        double max = maxDifference(ours, theirs);
        assertTrue(max < 1e-12, "largest difference (2.8e-14 when written) from ogr2ogr -t_srs EPSG:4326: " + max + " degrees");
    }

    @Test
    void worldLayerAcrossTheAntimeridianSurvivesMercatorAndBack() {
        Boundaries world = ZoneFiles.read(SharedData.boundary("world_spdata.gpkg"), ZoneFileOptions.ids("name_long"));
        CoordinateReferenceSystem wgs84 = Crs.fromEpsg(4326);
        List<ZoneShape> direct = world.zoneShapes(wgs84);
        Map<String, ZoneShape> z = byId(direct);
        assertEquals(3, z.get("Fiji").rings().size(), "three polygons, split at 180°");
        assertEquals(14, z.get("Russian Federation").rings().size());
        for (ZoneShape s : direct) {
            for (double[] ring : s.rings()) {
                for (int i = 0; i < ring.length; i += 2) {
                    assertTrue(ring[i] >= -180 && ring[i] <= 180, s.id());
                }
            }
        }
        Boundaries mercator = world.reprojectedTo(Crs.fromEpsg(3857));
        List<ZoneShape> back = mercator.zoneShapes(wgs84);
        assertTrue(maxDifference(direct, back) < 1e-9, "4326 -> 3857 -> 4326 round trip");
    }

    @Test
    void ringsTornByTheTargetAntimeridianAreReported() throws Exception {
        GeometryFactory gf = new GeometryFactory();
        WKTReader wkt = new WKTReader(gf);
        // PDC Mercator (EPSG:3832, central meridian 150°E) is continuous across 180°, where EPSG:4326 is cut
        Boundaries pacific = new Boundaries("pacific", Crs.fromEpsg(3832), List.of(new BoundaryFeature("fj", "Fiji",
                wkt.read("POLYGON ((3000000 -2000000, 3600000 -2000000, 3600000 -1800000, 3000000 -1800000,"
                        + " 3000000 -2000000))"))));
        InputException e = assertThrows(InputException.class, () -> pacific.zoneShapes(Crs.fromEpsg(4326)));
        assertTrue(e.getMessage().startsWith("pacific: zone 'fj' is torn apart when transformed to WGS 84"),
                e.getMessage());
        // and a lon/lat square across 30°W (the meridian opposite 150°E) is torn in EPSG:3832
        Boundaries atlantic = new Boundaries("atlantic", Crs.fromEpsg(4326), List.of(
                new BoundaryFeature("at", "at", wkt.read("POLYGON ((-31 0, -29 0, -29 1, -31 1, -31 0))")),
                new BoundaryFeature("fj", "fj", wkt.read("POLYGON ((177 -18, 179 -18, 179 -16, 177 -16, 177 -18))"))));
        assertThrows(InputException.class, () -> atlantic.zoneShapes(Crs.fromEpsg(3832)));
        // on a grid around Fiji the Atlantic square is far away: it gets no rings instead of failing the run
        Grid fiji = new Grid(Crs.describe(Crs.fromEpsg(3832)), 2_500_000, -1_500_000, 1000, -1000, 1500, 1000);
        Map<String, ZoneShape> z = byId(atlantic.zoneShapes(fiji));
        assertEquals(0, z.get("at").rings().size());
        assertEquals(1, z.get("fj").rings().size());
        double[] ring = z.get("fj").rings().get(0);
        double[] expected = {177, -18};
        Crs.transform(Crs.fromEpsg(4326), Crs.fromEpsg(3832)).transform(expected, 0, expected, 0, 1);
        assertEquals(expected[0], ring[0], 1e-6);
        assertEquals(expected[1], ring[1], 1e-6);
    }

    @Test
    void worldOntoTheNewGuineaGridKeepsFarAwayZonesEmpty() {
        Boundaries world = ZoneFiles.read(SharedData.boundary("world_spdata.gpkg"), ZoneFileOptions.ids("name_long"));
        Boundaries eco = ZoneFiles.read(SharedData.boundary("new_guinea_ecoregions.gpkg"), ZoneFileOptions.ids("id"));
        // the land-cover grid of New Guinea (gdalinfo new_guinea_lc_2001.tif: origin, 300 m, 7360 x 3812)
        Grid grid = new Grid(eco.crsInfo(), -1091676.0997804, -38556.486310935, 300, -300, 7360, 3812);
        Map<String, ZoneShape> z = byId(world.zoneShapes(grid));
        assertEquals(177, z.size());
        assertTrue(z.get("Papua New Guinea").rings().size() > 0);
        assertTrue(z.get("Indonesia").rings().size() > 0);
        assertEquals(0, z.get("Brazil").rings().size());
        assertEquals(0, z.get("Greenland").rings().size());
    }
}
