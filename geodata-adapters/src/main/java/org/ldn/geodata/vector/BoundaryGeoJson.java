package org.ldn.geodata.vector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ldn.core.InputException;
import org.ldn.geodata.crs.Crs;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Boundaries as a GeoJSON FeatureCollection (RFC 7946: WGS84 longitude/latitude), each feature with its
 * {@code id} and {@code name} properties, as plain maps and lists ready for any JSON writer. Stateless.
 */
public final class BoundaryGeoJson {
    /** WGS84, longitude first. */
    public static final CoordinateReferenceSystem WGS84 = Crs.fromEpsg(4326);
    private static final ObjectMapper JSON = new ObjectMapper();

    private BoundaryGeoJson() {
    }

    /** The features of {@code b} whose id is in {@code ids} ({@code null}: all), in file order. */
    public static Map<String, Object> of(Boundaries b, Set<String> ids) {
        Boundaries lonLat = b.reprojectedTo(WGS84);
        GeoJsonWriter w = new GeoJsonWriter(15);
        w.setEncodeCRS(false);
        List<Object> features = new ArrayList<>();
        for (BoundaryFeature f : lonLat.features()) {
            if (ids != null && !ids.contains(f.id())) {
                continue;
            }
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", f.id());
            props.put("name", f.name());
            feature.put("properties", props);
            try {
                feature.put("geometry", JSON.readValue(w.write(f.geometry()), Map.class));
            } catch (JsonProcessingException e) {
                throw new InputException(b.source() + ": feature '" + f.id() + "' cannot be written as GeoJSON ("
                        + e.getOriginalMessage() + ")");
            }
            features.add(feature);
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        return fc;
    }

    /** The WKT of {@link #WGS84}. */
    public static String crsWkt() {
        return Crs.toWkt(WGS84);
    }
}
