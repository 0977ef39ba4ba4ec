package org.ldn.geodata.vector;

import java.util.Objects;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * What to take from a boundary file.
 *
 * @param idAttribute   the attribute holding each zone's id (required)
 * @param nameAttribute the attribute holding each zone's display name, or {@code null} to use the id
 * @param layer         the GeoPackage layer (table) to read, or {@code null} for the file's only feature layer;
 *                      ignored for Shapefile and GeoJSON
 * @param assumedCrs    the CRS to assume when the file declares none (a Shapefile without {@code .prj}, a
 *                      GeoPackage layer with an undefined SRS), or {@code null} to fail in that case; a CRS that the
 *                      file declares always wins
 */
public record ZoneFileOptions(String idAttribute, String nameAttribute, String layer,
        CoordinateReferenceSystem assumedCrs) {
    public ZoneFileOptions {
        Objects.requireNonNull(idAttribute, "idAttribute");
    }

    /** Ids from {@code idAttribute}, names equal to the ids, the only layer, no assumed CRS. */
    public static ZoneFileOptions ids(String idAttribute) {
        return new ZoneFileOptions(idAttribute, null, null, null);
    }

    public ZoneFileOptions withNames(String attribute) {
        return new ZoneFileOptions(idAttribute, attribute, layer, assumedCrs);
    }

    public ZoneFileOptions withLayer(String layerName) {
        return new ZoneFileOptions(idAttribute, nameAttribute, layerName, assumedCrs);
    }

    public ZoneFileOptions withAssumedCrs(CoordinateReferenceSystem crs) {
        return new ZoneFileOptions(idAttribute, nameAttribute, layer, crs);
    }
}
