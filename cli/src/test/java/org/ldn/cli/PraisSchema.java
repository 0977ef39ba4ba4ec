package org.ldn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Trends.Earth's reporting schema ({@code te_schemas}, repository ConservationInternational/trends.earth-schemas:
 * {@code te_schemas/reporting.py} at commit 1ce6a450 (the layout with {@code period_assessment},
 * {@code status_assessment} and {@code change_assessment} per period), {@code land_cover.py} at 269a3641,
 * {@code schemas.py} at d58f2ae2), written out here class by class from
 * the published marshmallow dataclasses, as a validator of JSON trees. The rules are marshmallow_dataclass's: a
 * field without a default is required; {@code Optional[X]} may be null or absent; a field with a default may be
 * absent; unknown fields are errors (marshmallow's RAISE); {@code validate.OneOf}, {@code Range}, {@code Length} and
 * {@code Regexp} as declared; {@code int} must be an integer; {@code datetime} follows the class's
 * {@code datetimeformat}; {@code Dict[int, X]} keys must be integers. The {@code __post_init__} checks of
 * {@code LCLegend} (unique codes), {@code LCLegendNesting} (parent and child codes exactly those of the nesting) and
 * the transition-matrix validation (each pair of legend classes exactly once, no nodata) are written out as well.
 */
final class PraisSchema {
    interface Type {
        void check(JsonNode n, String at, List<String> errors);
    }

    record Field(Type type, boolean required, boolean nullable) {
    }

    static final String DATETIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ss'+00:00'";

    static Type str() {
        return (n, at, e) -> {
            if (!n.isTextual()) {
                e.add(at + ": not a string");
            }
        };
    }

    static Type str(int maxLength) {
        return (n, at, e) -> {
            if (!n.isTextual() || n.asText().length() > maxLength) {
                e.add(at + ": not a string of at most " + maxLength + " characters");
            }
        };
    }

    static Type oneOf(String... values) {
        Set<String> ok = Set.of(values);
        return (n, at, e) -> {
            if (!n.isTextual() || !ok.contains(n.asText())) {
                e.add(at + ": " + n + " is not one of " + ok);
            }
        };
    }

    static Type regexp(String regex) {
        Pattern p = Pattern.compile(regex);
        return (n, at, e) -> {
            if (!n.isTextual() || !p.matcher(n.asText()).find()) {
                e.add(at + ": " + n + " does not match " + regex);
            }
        };
    }

    static Type number(Double min) {
        return (n, at, e) -> {
            if (!n.isNumber() || (min != null && n.asDouble() < min)) {
                e.add(at + ": " + n + " is not a number" + (min == null ? "" : " >= " + min));
            }
        };
    }

    static Type integer(Long min) {
        return (n, at, e) -> {
            if (!n.isIntegralNumber() || (min != null && n.asLong() < min)) {
                e.add(at + ": " + n + " is not an integer" + (min == null ? "" : " >= " + min));
            }
        };
    }

    static Type bool() {
        return (n, at, e) -> {
            if (!n.isBoolean()) {
                e.add(at + ": not a boolean");
            }
        };
    }

    static Type datetime() {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(DATETIME_FORMAT);
        return (n, at, e) -> {
            try {
                LocalDateTime.parse(n.asText(), f);
            } catch (DateTimeParseException ex) {
                e.add(at + ": " + n + " is not a datetime in the format %Y-%m-%dT%H:%M:%S+00:00");
            }
            if (!n.isTextual()) {
                e.add(at + ": not a string");
            }
        };
    }

    static Type anyDict() {
        return (n, at, e) -> {
            if (!n.isObject()) {
                e.add(at + ": not an object");
            }
        };
    }

    static Type list(Type item) {
        return (n, at, e) -> {
            if (!n.isArray()) {
                e.add(at + ": not a list");
                return;
            }
            for (int i = 0; i < n.size(); i++) {
                item.check(n.get(i), at + "[" + i + "]", e);
            }
        };
    }

    static Type dict(boolean intKeys, Type value) {
        return (n, at, e) -> {
            if (!n.isObject()) {
                e.add(at + ": not an object");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                if (intKeys && !f.getKey().matches("-?\\d+")) {
                    e.add(at + ": key '" + f.getKey() + "' is not an integer");
                }
                value.check(f.getValue(), at + "." + f.getKey(), e);
            }
        };
    }

    /** A dataclass: its fields in declaration order. */
    static Type cls(String name, Object... fieldsAndTypes) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndTypes.length; i += 2) {
            String spec = (String) fieldsAndTypes[i];
            Type t = (Type) fieldsAndTypes[i + 1];
            // "name" required; "name?" Optional[...] (null or absent); "name=" has a default (absent allowed)
            if (spec.endsWith("?")) {
                fields.put(spec.substring(0, spec.length() - 1), new Field(t, false, true));
            } else if (spec.endsWith("=")) {
                fields.put(spec.substring(0, spec.length() - 1), new Field(t, false, false));
            } else {
                fields.put(spec, new Field(t, true, false));
            }
        }
        return (n, at, e) -> {
            if (!n.isObject()) {
                e.add(at + ": not an object (" + name + ")");
                return;
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!fields.containsKey(f)) {
                    e.add(at + ": unknown field '" + f + "' in " + name);
                }
            }
            fields.forEach((f, spec) -> {
                JsonNode v = n.get(f);
                if (v == null || v.isMissingNode()) {
                    if (spec.required()) {
                        e.add(at + ": " + name + "." + f + " is required");
                    }
                } else if (v.isNull()) {
                    if (!spec.nullable()) {
                        e.add(at + ": " + name + "." + f + " may not be null");
                    }
                } else {
                    spec.type().check(v, at + "." + f, e);
                }
            });
        };
    }

    // te_schemas.reporting
    static final Type AREA = cls("Area", "name?", str(), "area", number(0.0));
    static final Type AREA_LIST = cls("AreaList", "name?", str(), "unit", oneOf("m", "ha", "sq km"), "areas",
            list(AREA));
    static final Type VALUES_BY_YEAR = cls("ValuesByYearDict", "name", str(), "unit", str(), "values",
            dict(true, dict(false, number(null))));
    static final Type POPULATION = cls("Population", "name?", str(), "population", integer(0L), "type",
            oneOf("Total population", "Female population", "Male population"));
    static final Type POPULATION_LIST = cls("PopulationList", "name?", str(), "values", list(POPULATION));
    static final Type CROSS_TAB_ENTRY = cls("CrossTabEntry", "initial_label", str(), "final_label", str(), "value",
            number(null));
    static final Type CROSS_TAB = cls("CrossTab", "name?", str(), "unit", str(), "initial_year", integer(null),
            "final_year", integer(null), "values", list(CROSS_TAB_ENTRY));
    // te_schemas.schemas
    static final Type TRENDS_EARTH_VERSION = cls("TrendsEarthVersion", "version", str(), "revision", str(),
            "release_date", datetime());
    static final Type AREA_OF_INTEREST = cls("AreaOfInterest", "name", str(), "geojson", anyDict(), "crs_wkt", str());
    // te_schemas.land_cover
    static final Type LC_CLASS = cls("LCClass", "code", integer(null), "name_short=", str(15), "name_long=", str(90),
            "description?", str(), "color?", regexp("^#([a-fA-F0-9]{6}|[a-fA-F0-9]{3})$"));
    static final Type LC_LEGEND = cls("LCLegend", "name", str(), "key=", list(LC_CLASS), "nodata=", LC_CLASS);
    static final Type LC_LEGEND_NESTING = cls("LCLegendNesting", "parent", LC_LEGEND, "child", LC_LEGEND,
            "nesting=", dict(true, list(integer(null))));
    static final Type LC_TRANSITION_MEANING_DEG = cls("LCTransitionMeaningDeg", "initial", LC_CLASS, "final", LC_CLASS,
            "meaning", oneOf("degradation", "stable", "improvement"));
    static final Type LC_TRANSITION_MATRIX_DEG = cls("LCTransitionMatrixDeg", "transitions",
            list(LC_TRANSITION_MEANING_DEG), "name", str());
    static final Type LC_TRANSITION_DEFINITION_DEG = cls("LCTransitionDefinitionDeg", "legend", LC_LEGEND, "name",
            str(), "definitions", LC_TRANSITION_MATRIX_DEG);
    // te_schemas.reporting, continued
    static final Type REPORT_METADATA = cls("ReportMetadata", "title", str(), "date", datetime(),
            "trends_earth_version", TRENDS_EARTH_VERSION, "area_of_interest", AREA_OF_INTEREST,
            "affected_areas_only=", bool());
    static final Type SDG15_REPORT = cls("SDG15Report", "summary", AREA_LIST);
    static final Type PRODUCTIVITY_REPORT = cls("ProductivityReport", "summaries", dict(false, AREA_LIST),
            "crosstabs_by_productivity_class", list(CROSS_TAB));
    static final Type LAND_COVER_REPORT = cls("LandCoverReport", "summary", AREA_LIST, "legend_nesting",
            LC_LEGEND_NESTING, "transition_matrix", LC_TRANSITION_DEFINITION_DEG, "crosstabs_by_land_cover_class",
            list(CROSS_TAB), "land_cover_areas_by_year", VALUES_BY_YEAR);
    static final Type SOC_REPORT = cls("SoilOrganicCarbonReport", "summaries", dict(false, AREA_LIST),
            "soc_stock_by_year", VALUES_BY_YEAR);
    static final Type LAND_CONDITION_ASSESSMENT = cls("LandConditionAssessment", "sdg", SDG15_REPORT,
            "productivity", PRODUCTIVITY_REPORT, "land_cover", LAND_COVER_REPORT, "soil_organic_carbon", SOC_REPORT,
            "error_recode?", anyDict(), "sdg_error_recode?", AREA_LIST);
    static final Type LAND_CONDITION_STATUS = cls("LandConditionStatus", "sdg", AREA_LIST, "productivity",
            dict(false, AREA_LIST), "land_cover", AREA_LIST, "soil_organic_carbon", dict(false, AREA_LIST));
    static final Type LAND_CONDITION_CHANGE = cls("LandConditionChange", "sdg", CROSS_TAB, "productivity", CROSS_TAB,
            "land_cover", CROSS_TAB, "soil_organic_carbon", CROSS_TAB);
    static final Type LAND_CONDITION_REPORT = cls("LandConditionReport", "period_assessment",
            LAND_CONDITION_ASSESSMENT, "status_assessment?", LAND_CONDITION_STATUS, "change_assessment?",
            LAND_CONDITION_CHANGE);
    static final Type AFFECTED_POPULATION_REPORT = cls("AffectedPopulationReport", "summary",
            dict(false, POPULATION_LIST));
    static final Type LAND_CONDITION_SUMMARY = cls("TrendsEarthLandConditionSummary", "metadata", REPORT_METADATA,
            "land_condition", dict(false, LAND_CONDITION_REPORT), "affected_population",
            dict(false, AFFECTED_POPULATION_REPORT));

    private PraisSchema() {
    }

    /** Every violation of {@code TrendsEarthLandConditionSummary} in {@code json}, empty when it loads. */
    static List<String> validate(JsonNode json) {
        List<String> e = new ArrayList<>();
        LAND_CONDITION_SUMMARY.check(json, "$", e);
        if (!e.isEmpty()) {
            return e;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get("land_condition").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode lc = p.getValue().get("period_assessment").get("land_cover");
            String at = "$.land_condition." + p.getKey() + ".period_assessment.land_cover";
            nesting(lc.get("legend_nesting"), at + ".legend_nesting", e);
            transitions(lc.get("transition_matrix"), at + ".transition_matrix", e);
        }
        return e;
    }

    private static List<Integer> codes(JsonNode legend, boolean withNodata, String at, List<String> e) {
        List<Integer> out = new ArrayList<>();
        legend.get("key").forEach(c -> out.add(c.get("code").asInt()));
        if (new HashSet<>(out).size() != out.size()) {
            e.add(at + ": duplicate LCClass code in legend " + legend.get("name"));
        }
        if (withNodata && legend.has("nodata")) {
            out.add(legend.get("nodata").get("code").asInt());
        }
        return out;
    }

    /** LCLegendNesting.__post_init__. */
    private static void nesting(JsonNode n, String at, List<String> e) {
        List<Integer> parents = new ArrayList<>();
        List<Integer> children = new ArrayList<>();
        n.get("nesting").fields().forEachRemaining(f -> {
            parents.add(Integer.valueOf(f.getKey()));
            f.getValue().forEach(c -> children.add(c.asInt()));
        });
        if (new HashSet<>(children).size() != children.size()) {
            e.add(at + ": duplicate child codes in nesting");
        }
        if (!new TreeSet<>(parents).equals(new TreeSet<>(codes(n.get("parent"), true, at, e)))
                || parents.size() != codes(n.get("parent"), true, at, e).size()) {
            e.add(at + ": nesting keys " + parents + " are not the parent legend's codes");
        }
        List<Integer> childCodes = codes(n.get("child"), true, at, e);
        if (!new TreeSet<>(children).equals(new TreeSet<>(childCodes)) || children.size() != childCodes.size()) {
            e.add(at + ": nested codes " + children + " are not the child legend's codes");
        }
    }

    /** LCTransitionDefinitionBase.validate_transitions (_validate_matrix). */
    private static void transitions(JsonNode d, String at, List<String> e) {
        List<Integer> key = codes(d.get("legend"), false, at, e);
        JsonNode ts = d.get("definitions").get("transitions");
        Map<String, Integer> seen = new LinkedHashMap<>();
        ts.forEach(t -> seen.merge(t.get("initial").get("code").asInt() + ">" + t.get("final").get("code").asInt(),
                1, Integer::sum));
        for (int a : key) {
            for (int b : key) {
                Integer c = seen.get(a + ">" + b);
                if (c == null || c != 1) {
                    e.add(at + ": transition " + a + " -> " + b + " is defined " + (c == null ? 0 : c) + " times");
                }
            }
        }
        if (ts.size() != key.size() * key.size()) {
            e.add(at + ": " + ts.size() + " transitions for " + key.size() + " classes");
        }
    }
}
