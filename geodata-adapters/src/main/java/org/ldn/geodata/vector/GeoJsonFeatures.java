package org.ldn.geodata.vector;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ldn.core.InputException;
import org.ldn.geodata.crs.Crs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature). Each geometry is parsed on its own with JTS's
 * {@link GeoJsonReader}: parsing the whole collection with it drops the properties and fails on the legacy
 * {@code "crs"} member that GDAL writes. Coordinates are longitude/latitude on WGS 84 (CRS84) unless a legacy
 * {@code "crs"} member of type {@code name} names another CRS. A feature's top-level {@code "id"} serves as the
 * attribute {@code id} when its properties have none.
 */
final class GeoJsonFeatures {
    private static final String TOP_LEVEL_ID = "id";

    private GeoJsonFeatures() {
    }

    static FeatureTable read(Path path, String file, ZoneFileOptions options) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(path.toFile());
        } catch (JacksonException e) {
            throw new InputException(file + ": not valid JSON: " + e.getOriginalMessage() + " (check the file)", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(file + ": not a GeoJSON object (expected a FeatureCollection)");
        }
        List<JsonNode> features = features(root, file);
        List<String> attributes = attributeNames(features);
        AttributeChoice choice = AttributeChoice.resolve(file, attributes, options);
        String idName = attributes.get(choice.idIndex());
        String nameName = choice.nameIndex() < 0 ? null : attributes.get(choice.nameIndex());
        GeoJsonReader reader = new GeoJsonReader(new GeometryFactory());
        List<RawFeature> out = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String label = "feature " + (i + 1);
            out.add(new RawFeature(label, value(f, idName), nameName == null ? null : value(f, nameName),
                    geometry(f, reader, file, label)));
        }
        return new FeatureTable(crs(root, file), out);
    }

    private static List<JsonNode> features(JsonNode root, String file) {
        String type = root.path("type").asText("");
        List<JsonNode> list = new ArrayList<>();
        if ("Feature".equals(type)) {
            list.add(root);
        } else if ("FeatureCollection".equals(type) && root.path("features").isArray()) {
            root.get("features").forEach(list::add);
        } else {
            throw new InputException(file + ": GeoJSON of type '" + type
                    + "' has no features (expected a FeatureCollection)");
        }
        return list;
    }

    private static List<String> attributeNames(List<JsonNode> features) {
        Set<String> names = new LinkedHashSet<>();
        boolean topLevelId = false;
        for (JsonNode f : features) {
            JsonNode props = f.path("properties");
            for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            topLevelId |= f.has(TOP_LEVEL_ID) && !f.get(TOP_LEVEL_ID).isNull();
        }
        if (topLevelId) {
            names.add(TOP_LEVEL_ID);
        }
        return new ArrayList<>(names);
    }

    private static String value(JsonNode feature, String attribute) {
        JsonNode v = feature.path("properties").get(attribute);
        if ((v == null || v.isNull()) && TOP_LEVEL_ID.equals(attribute)) {
            v = feature.get(TOP_LEVEL_ID);
        }
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            // a float beyond the double range (1e400) was read as infinity, which has no decimal value
            return Double.isFinite(v.doubleValue()) ? AttributeText.of(v.decimalValue()) : v.asText();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static Geometry geometry(JsonNode feature, GeoJsonReader reader, String file, String label) {
        JsonNode g = feature.get("geometry");
        if (g == null || g.isNull()) {
            return null;
        }
        try {
            return reader.read(g.toString());
        } catch (ParseException | RuntimeException e) {
            throw new InputException(file + ": " + label + " has an unreadable geometry: " + e.getMessage()
                    + " (check the file)", e);
        }
    }

    /** CRS84 unless a legacy {@code "crs": {"type": "name", "properties": {"name": ...}}} names another CRS. */
    private static CoordinateReferenceSystem crs(JsonNode root, String file) {
        JsonNode crs = root.get("crs");
        if (crs == null || crs.isNull()) {
            return Crs.fromEpsg(4326);
        }
        String name = crs.path("properties").path("name").asText(null);
        if (!"name".equals(crs.path("type").asText()) || name == null) {
            throw new InputException(file + ": unreadable \"crs\" member " + crs
                    + " (use a named CRS such as \"EPSG:4326\", or remove the member for WGS 84 longitude/latitude)");
        }
        String n = name.toUpperCase(Locale.ROOT);
        if (n.endsWith("CRS84") || n.endsWith("CRS:84")) {
            return Crs.fromEpsg(4326);
        }
        int sep = n.lastIndexOf(':');
        if (n.contains("EPSG") && sep >= 0) {
            try {
                return Crs.fromEpsg(Integer.parseInt(n.substring(sep + 1).trim()));
            } catch (NumberFormatException | InputException e) {
                // reported below with the file name
            }
        }
        throw new InputException(file + ": unreadable CRS name '" + name
                + "' in the \"crs\" member (use \"EPSG:<code>\" or remove the member for WGS 84)");
    }
}
