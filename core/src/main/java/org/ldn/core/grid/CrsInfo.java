package org.ldn.core.grid;

import java.util.Objects;

/**
 * What core needs to know of a coordinate reference system, without depending on a CRS library.
 * Adapters fill it in; core never parses it.
 *
 * @param name       human-readable name (e.g. "WGS 84", "unnamed Lambert Cylindrical Equal Area")
 * @param wkt        the CRS as WKT 2 (the canonical description written into reports)
 * @param epsg       the EPSG code when one is known, else {@code null}
 * @param geographic {@code true} for a longitude/latitude CRS in degrees (x = longitude, y = latitude)
 * @param equalArea  {@code true} when the projection preserves area (pixel areas are then the cell size)
 */
public record CrsInfo(String name, String wkt, Integer epsg, boolean geographic, boolean equalArea) {
    public CrsInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(wkt, "wkt");
    }

    /** WGS 84 longitude/latitude (EPSG:4326 with east/north axis order), for tests and generated data. */
    public static final CrsInfo WGS84 = new CrsInfo("WGS 84",
            "GEOGCRS[\"WGS 84\",DATUM[\"World Geodetic System 1984\",ELLIPSOID[\"WGS 84\",6378137,298.257223563]],"
                    + "CS[ellipsoidal,2],AXIS[\"longitude\",east,ANGLEUNIT[\"degree\",0.0174532925199433]],"
                    + "AXIS[\"latitude\",north,ANGLEUNIT[\"degree\",0.0174532925199433]],ID[\"EPSG\",4326]]",
            4326, true, false);

    /** Same CRS: equal EPSG codes when both have one, else identical WKT. */
    public boolean sameAs(CrsInfo o) {
        if (o == null) {
            return false;
        }
        if (epsg != null && o.epsg != null) {
            return epsg.equals(o.epsg);
        }
        return wkt.equals(o.wkt);
    }

    /** Short label for messages and reports: "EPSG:4326" or the name. */
    public String label() {
        return epsg != null ? "EPSG:" + epsg : name;
    }
}
