package org.ldn.geodata.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.geodata.crs.CrsCache;

/**
 * A GeoTIFF opened a second time takes its CRS from the cache, as SIS described it the first time (the bundled
 * example's custom equal-area and EPSG:4326 files); a planted entry shows that the file is what is read.
 */
class GeoreferenceCacheTest {
    private static final Path EXAMPLE = Path.of("..", "example");

    @TempDir
    Path tmp;

    @AfterEach
    void back() {
        CrsCache.use(null);
    }

    @Test
    void theSecondOpeningDescribesTheGridIdentically() throws Exception {
        Path file = tmp.resolve("crs.tsv");
        CrsCache.use(file);
        List<String> names = List.of("lc_2001.tif", "soc_2010.tif", "climate_zones.tif");
        List<Object> first = new ArrayList<>();
        for (String n : names) {
            try (GeoTiffSource s = GeoTiffSource.open(EXAMPLE.resolve(n), n)) {
                first.add(s.grid());
            }
        }
        long entries = Files.readAllLines(file).stream().filter(l -> l.startsWith("geotiff\t")).count();
        assertEquals(3, entries, "one entry per set of georeferencing tags");
        CrsCache.use(file);
        for (int i = 0; i < names.size(); i++) {
            try (GeoTiffSource s = GeoTiffSource.open(EXAMPLE.resolve(names.get(i)), names.get(i))) {
                assertEquals(first.get(i), s.grid(), names.get(i));
            }
        }
        // planted: another name for the land cover's CRS; the second opening reports it, so it read the file
        String text = Files.readString(file);
        assertTrue(text.contains("PROJCRS[\"Unnamed\""), text);
        Files.writeString(file, text.replace("PROJCRS[\"Unnamed\"", "PROJCRS[\"Planted\""));
        CrsCache.use(file);
        try (GeoTiffSource s = GeoTiffSource.open(EXAMPLE.resolve("lc_2001.tif"), "lc_2001.tif")) {
            assertEquals("Planted", s.grid().crs().name());
        }
    }
}
