package org.ldn.core.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.PixelAreas;

/**
 * The 177 countries of {@code world_spdata.gpkg} (R package spData) on a global 0.1° grid (3600 × 1800, EPSG:4326).
 * <ul>
 *   <li>The polygons are read through {@code ogr2ogr --config OGR_WKT_PRECISION 17 -f CSV -lco GEOMETRY=AS_WKT
 *       -select iso_a2,name_long,area_km2 world.csv world_spdata.gpkg world} and a minimal WKT parse (the vector
 *       readers live in the adapters). OGR writes 15 significant digits by default, which changes some coordinates
 *       (Canada's -106.15000000000002 becomes -106.15) and, with them, pixels whose centre lies on an edge.</li>
 *   <li>For every country, the pixels are compared with GDAL burning that country alone:
 *       {@code /usr/bin/python3 gdal_zone_counts.py world_spdata.gpkg world name_long -180 90 0.1 -0.1 3600 1800}
 *       (a test resource: {@code gdal.RasterizeLayer(burn_values=[1])} with the attribute filter {@code fid = N},
 *       like {@code gdal_rasterize -burn 1 -te -180 -90 180 90 -ts 3600 1800 -ot Byte -where "fid = N"}), by
 *       count and by the sum of pixel indices.</li>
 *   <li>For every country over 100,000 km², the pixel-centre area (pixel count per row × {@link PixelAreas}) is
 *       within 1 % of the file's geodesic {@code area_km2}.</li>
 * </ul>
 * Skipped when the shared data ({@code ldn.shared}) or GDAL is absent. Prints the overlaps found and the time taken.
 */
class WorldZonesTest {
    private static final Grid WORLD = new Grid(CrsInfo.WGS84, -180, 90, 360.0 / 3600, -180.0 / 1800, 3600, 1800);

    record Country(String iso, String name, double areaKm2, List<double[]> rings) {
    }

    /** The shared world_spdata.gpkg; skips the test when it or GDAL is absent. */
    private static Path worldFile() {
        String shared = System.getProperty("ldn.shared");
        assumeTrue(shared != null, "ldn.shared is not set");
        Path gpkg = Path.of(shared, "data", "boundaries", "world_spdata.gpkg");
        assumeTrue(Files.isRegularFile(gpkg), gpkg + " is absent");
        assumeTrue(GdalTools.available("ogr2ogr"), "ogr2ogr is not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "/usr/bin/python3 is absent");
        return gpkg;
    }

    private static List<Country> readCountries(Path gpkg, Path dir) throws IOException, InterruptedException {
        Path csv = dir.resolve("world.csv");
        GdalTools.run(dir, List.of("ogr2ogr", "--config", "OGR_WKT_PRECISION", "17", "-f", "CSV", "-lco",
                "GEOMETRY=AS_WKT", "-select", "iso_a2,name_long,area_km2", csv.toString(), gpkg.toString(), "world"));
        List<Country> countries = readCountries(csv);
        assertEquals(177, countries.size());
        return countries;
    }

    private static String runScript(Path dir, String script, List<String> args)
            throws IOException, InterruptedException {
        Path file = dir.resolve(script);
        try (InputStream in = WorldZonesTest.class.getResourceAsStream(script)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", file.toString()));
        command.addAll(args);
        return GdalTools.run(dir, command);
    }

    private static List<ZoneShape> zones(List<Country> countries) {
        List<ZoneShape> zones = new ArrayList<>();
        for (int k = 0; k < countries.size(); k++) {
            Country c = countries.get(k);
            zones.add(new ZoneShape(Integer.toString(k + 1), c.name(), c.rings()));
        }
        return zones;
    }

    @Test
    void everyCountryMatchesGdalAndItsArea(@TempDir Path dir) throws IOException, InterruptedException {
        Path gpkg = worldFile();
        List<Country> countries = readCountries(gpkg, dir);
        String gdalOut = runScript(dir, "gdal_zone_counts.py", List.of(gpkg.toString(), "world", "name_long",
                "-180", "90", "0.1", "-0.1", "3600", "1800"));
        String[] gdalLines = gdalOut.split("\n");
        assertEquals(countries.size(), gdalLines.length);

        double[] rowKm2 = PixelAreas.rowAreasKm2(WORLD);
        int checkedAreas = 0;
        double worstAreaError = 0;
        for (int k = 0; k < countries.size(); k++) {
            Country c = countries.get(k);
            String[] g = gdalLines[k].split("\t");
            assertEquals(c.name(), g[3], "feature order");
            long[] count = {0};
            long[] indexSum = {0};
            double[] area = {0};
            ScanlineRasterizer.rasterize(c.rings(), WORLD, (r, a, b) -> {
                count[0] += b - a;
                indexSum[0] += (long) r * WORLD.width() * (b - a) + (long) (a + b - 1) * (b - a) / 2;
                area[0] += rowKm2[r] * (b - a);
            });
            assertEquals(Long.parseLong(g[1]), count[0], c.name() + ": pixel count");
            assertEquals(Long.parseLong(g[2]), indexSum[0], c.name() + ": sum of pixel indices");
            if (c.areaKm2() > 100_000) {
                assertEquals(c.areaKm2(), area[0], c.areaKm2() * 0.01, c.name() + ": area, km²");
                checkedAreas++;
                worstAreaError = Math.max(worstAreaError, Math.abs(area[0] / c.areaKm2() - 1));
            }
        }
        assertTrue(checkedAreas > 50, "countries over 100,000 km²: " + checkedAreas);
        System.out.printf(Locale.ROOT, "world_spdata at 0.1°: %d countries over 100,000 km², largest area difference"
                + " %.3f %%%n", checkedAreas, worstAreaError * 100);

        List<ZoneShape> zones = zones(countries);
        long t0 = System.nanoTime();
        List<ZoneOverlap> overlaps = ZoneRaster.overlaps("world_spdata.gpkg", zones, WORLD);
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "world_spdata at 0.1°: %d countries rasterized with overlap check in %.0f ms%n",
                zones.size(), (t1 - t0) / 1e6);
        for (ZoneOverlap o : overlaps) {
            System.out.printf(Locale.ROOT, "  overlap: %s / %s, %d pixel(s), first at (%.2f, %.2f)%n",
                    zones.get(o.zoneA()).name(), zones.get(o.zoneB()).name(), o.pixels(), o.x(), o.y());
        }
        ZoneRaster raster = ZoneRaster.build("world_spdata.gpkg", zones, WORLD);
        System.out.printf(Locale.ROOT, "  %d runs of pixels held%n", raster.spanCount());
    }

    /**
     * Overlaps against GDAL burning every country with {@code MERGE_ALG=ADD} (test resource
     * {@code gdal_overlaps.py}, like {@code gdal_rasterize -burn 1 -add}): none on the global 0.1° grid; on a
     * 0.01° window over the Sudan / South Sudan border (21..39° E, 3..13° N) one pixel, which both contain.
     */
    @Test
    void overlapsMatchGdal(@TempDir Path dir) throws IOException, InterruptedException {
        Path gpkg = worldFile();
        List<ZoneShape> zones = zones(readCountries(gpkg, dir));
        String global = runScript(dir, "gdal_overlaps.py", List.of(gpkg.toString(), "world", "-180", "90", "0.1",
                "-0.1", "3600", "1800"));
        assertEquals("0\t-1\t-1", global.trim());
        assertEquals(List.of(), ZoneRaster.overlaps("world_spdata.gpkg", zones, WORLD));

        Grid window = new Grid(CrsInfo.WGS84, 21, 13, 0.01, -0.01, 1800, 1000);
        String[] gdal = runScript(dir, "gdal_overlaps.py",
                List.of(gpkg.toString(), "world", "21", "13", "0.01", "-0.01", "1800", "1000")).trim().split("\t");
        List<ZoneOverlap> ours = ZoneRaster.overlaps("world_spdata.gpkg", zones, window);
        assertEquals(1, ours.size());
        ZoneOverlap o = ours.get(0);
        assertEquals(List.of("Sudan", "South Sudan"),
                List.of(zones.get(o.zoneA()).name(), zones.get(o.zoneB()).name()));
        assertEquals(Long.parseLong(gdal[0]), o.pixels());
        assertEquals(Integer.parseInt(gdal[1]), o.firstRow());
        assertEquals(Integer.parseInt(gdal[2]), o.firstCol());
    }

    private static List<Country> readCountries(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("WKT,iso_a2,name_long,area_km2", lines.get(0));
        List<Country> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = csvFields(line);
            out.add(new Country(f.get(1), f.get(2), Double.parseDouble(f.get(3)), rings(f.get(0))));
        }
        return out;
    }

    /** Fields of one CSV line as OGR writes it: quoted when needed, doubled quotes inside quotes. */
    private static List<String> csvFields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static final Pattern RING = Pattern.compile("\\(([^()]+)\\)");

    /** The rings of a POLYGON or MULTIPOLYGON in WKT: every innermost parenthesised list of "x y" pairs. */
    static List<double[]> rings(String wkt) {
        assertTrue(wkt.startsWith("POLYGON") || wkt.startsWith("MULTIPOLYGON"), wkt.substring(0, 20));
        List<double[]> rings = new ArrayList<>();
        Matcher m = RING.matcher(wkt);
        while (m.find()) {
            String[] points = m.group(1).split(",");
            double[] ring = new double[points.length * 2];
            for (int i = 0; i < points.length; i++) {
                String[] xy = points[i].trim().split(" ");
                ring[2 * i] = Double.parseDouble(xy[0]);
                ring[2 * i + 1] = Double.parseDouble(xy[1]);
            }
            rings.add(ring);
        }
        return rings;
    }
}
