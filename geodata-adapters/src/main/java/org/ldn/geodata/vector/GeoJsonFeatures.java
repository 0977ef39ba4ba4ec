package org.ldn.geodata.vector;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature) as a stream: one pass of Jackson's {@link JsonParser}
 * over the file, each feature's small members ({@code properties}, {@code id}) read as trees, its coordinates
 * straight into primitive arrays ({@link GeoJsonGeometry}), so that zones cost memory in proportion to their
 * vertices (16 bytes each) rather than to a tree of the whole document. Coordinates are longitude/latitude on WGS 84
 * (CRS84) unless a legacy {@code "crs"} member of type {@code name} names another CRS. A feature's top-level
 * {@code "id"} serves as the attribute {@code id} when its properties have none.
 */
final class GeoJsonFeatures {
    private static final String TOP_LEVEL_ID = "id";

    /** One feature as read: its properties (an object node, possibly empty), top-level id and geometry. */
    private record Parsed(JsonNode properties, JsonNode id, Geometry geometry) {
    }

    private GeoJsonFeatures() {
    }

    static FeatureTable read(Path path, String file, ZoneFileOptions options) {
        ObjectMapper mapper = new ObjectMapper();
        JsonFactory factory = mapper.getFactory();
        String type = "";
        JsonNode crs = null;
        List<Parsed> features = null;
        Parsed single;
        try (JsonParser p = factory.createParser(path.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(file + ": not a GeoJSON object (expected a FeatureCollection)");
            }
            FeatureReader root = new FeatureReader(file, "feature 1");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "type" -> type = t == JsonToken.VALUE_STRING ? p.getText() : "";
                    case "crs" -> crs = p.readValueAsTree();
                    case "features" -> features = features(p, file);
                    default -> root.member(p, name);
                }
            }
            single = root.done();
        } catch (JacksonException e) {
            throw new InputException(file + ": not valid JSON: " + e.getOriginalMessage() + " (check the file)", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        List<Parsed> list;
        if ("Feature".equals(type)) {
            list = List.of(single);
        } else if ("FeatureCollection".equals(type) && features != null) {
            list = features;
        } else {
            throw new InputException(file + ": GeoJSON of type '" + type
                    + "' has no features (expected a FeatureCollection)");
        }
        List<String> attributes = attributeNames(list);
        AttributeChoice choice = AttributeChoice.resolve(file, attributes, options);
        String idName = attributes.get(choice.idIndex());
        String nameName = choice.nameIndex() < 0 ? null : attributes.get(choice.nameIndex());
        List<RawFeature> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Parsed f = list.get(i);
            out.add(new RawFeature("feature " + (i + 1), value(f, idName), nameName == null ? null : value(f, nameName),
                    f.geometry()));
        }
        return new FeatureTable(crs(crs, file), out);
    }

    /** The features of the {@code "features"} array (the parser on its START_ARRAY), or null when not an array. */
    private static List<Parsed> features(JsonParser p, String file) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        List<Parsed> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            FeatureReader f = new FeatureReader(file, "feature " + (list.size() + 1));
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                list.add(f.done());
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                f.member(p, name);
            }
            list.add(f.done());
        }
        return list;
    }

    /** The members of one feature object, as the parser meets them. */
    private static final class FeatureReader {
        private final String file;
        private final String label;
        private JsonNode properties;
        private JsonNode id;
        private Geometry geometry;

        FeatureReader(String file, String label) {
            this.file = file;
            this.label = label;
        }

        /** Reads member {@code name}, the parser on its value's first token. */
        void member(JsonParser p, String name) throws IOException {
            switch (name) {
                case "properties" -> properties = p.readValueAsTree();
                case TOP_LEVEL_ID -> id = p.readValueAsTree();
                case "geometry" -> geometry = GeoJsonGeometry.read(p, file, label);
                default -> p.skipChildren();
            }
        }

        Parsed done() {
            return new Parsed(properties, id, geometry);
        }
    }

    private static List<String> attributeNames(List<Parsed> features) {
        Set<String> names = new LinkedHashSet<>();
        boolean topLevelId = false;
        for (Parsed f : features) {
            if (f.properties() != null && f.properties().isObject()) {
                for (Iterator<String> it = f.properties().fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
            }
            topLevelId |= f.id() != null && !f.id().isNull();
        }
        if (topLevelId) {
            names.add(TOP_LEVEL_ID);
        }
        return new ArrayList<>(names);
    }

    private static String value(Parsed feature, String attribute) {
        JsonNode v = feature.properties() == null ? null : feature.properties().get(attribute);
        if ((v == null || v.isNull()) && TOP_LEVEL_ID.equals(attribute)) {
            v = feature.id();
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

    /** CRS84 unless a legacy {@code "crs": {"type": "name", "properties": {"name": ...}}} names another CRS. */
    private static CoordinateReferenceSystem crs(JsonNode crs, String file) {
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
