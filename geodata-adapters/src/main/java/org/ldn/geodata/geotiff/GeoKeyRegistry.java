package org.ldn.geodata.geotiff;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GeoKeys of every GeoTIFF opened in this process, by the WKT of its CRS, so that a map on a CRS without an
 * EPSG code (such as the New Guinea land cover's Lambert cylindrical equal-area) can be written with exactly the
 * keys it was read with. Thread-safe; holds one entry per distinct CRS.
 */
final class GeoKeyRegistry {
    private static final Map<String, GeoKeys> BY_WKT = new ConcurrentHashMap<>();

    private GeoKeyRegistry() {
    }

    static void register(String wkt, GeoKeys keys) {
        BY_WKT.putIfAbsent(wkt, keys.withPixelIsArea());
    }

    /** The keys registered for {@code wkt}, or null. */
    static GeoKeys find(String wkt) {
        return BY_WKT.get(wkt);
    }
}
