package org.ldn.core.run;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ldn.core.Excerpt;
import org.ldn.core.InputException;
import org.ldn.core.JsonProblem;
import org.ldn.core.engine.SubIndicator;

/** Reads run files strictly and fills in their defaults. Stateless. */
public final class RunFiles {
    /** Largest run file accepted (a run file is a few kilobytes). */
    static final long MAX_BYTES = 4L << 20;

    private RunFiles() {
    }

    static ObjectMapper mapper(boolean yaml) {
        ObjectMapper m = yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        m.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION); // a key given twice
        return m;
    }

    /** Parses {@code file} (YAML, or JSON when it ends in .json); every problem is an InputException naming it. */
    public static RunFile read(Path file) {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(name + ": too large for a run file (over 4 MB)");
            }
            boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
            RunFile rf = mapper(!json).readValue(file.toFile(), RunFile.class);
            if (rf == null) {
                throw new InputException(name + ": the run file is empty");
            }
            return rf;
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": run file not found");
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            throw new InputException(name + ": unknown key '" + e.getPropertyName() + "'" + where(e)
                    + " (known keys: " + String.join(", ", known) + ")");
        } catch (InvalidFormatException e) {
            throw new InputException(name + ": " + path(e) + ": " + Excerpt.of(String.valueOf(e.getValue()))
                    + " is not " + kind(e.getTargetType()) + line(e));
        } catch (MismatchedInputException e) {
            if (e.getTargetType() == null || e.getPath().isEmpty()) {
                throw new InputException(name + ": " + (e.getPath().isEmpty() ? "" : path(e) + ": ")
                        + firstLine(e.getOriginalMessage()) + line(e));
            }
            throw new InputException(name + ": " + path(e) + ": expected " + kind(e.getTargetType()) + line(e));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonProcessingException syntax) {
                throw new InputException(name + ": not valid " + (name.endsWith(".json") ? "JSON" : "YAML")
                        + JsonProblem.describe(syntax));
            }
            throw new InputException(name + ": " + path(e) + ": " + firstLine(e.getOriginalMessage()) + line(e));
        } catch (JsonProcessingException e) {
            throw new InputException(name + ": not valid " + (name.endsWith(".json") ? "JSON" : "YAML")
                    + JsonProblem.describe(e));
        } catch (IOException e) {
            throw new InputException(name + ": cannot read the run file (" + e.getMessage() + ")");
        }
    }

    /** What a value of {@code type} looks like in a run file, for messages. */
    private static String kind(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return Integer.class == type || Long.class == type || int.class == type || long.class == type
                    ? "a whole number" : "a number";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list [a, b, ...]";
        }
        return "a mapping {key: value, ...}";
    }

    private static String where(JsonMappingException e) {
        String p = path(e);
        int dot = p.lastIndexOf('.');
        return dot > 0 ? " in " + p.substring(0, dot) : ""; // Jackson's line for record properties is the object's end
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String line(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        return l != null && l.getLineNr() > 0 ? " (line " + l.getLineNr() + ")" : "";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        String one = nl >= 0 ? s.substring(0, nl) : s;
        return one.replace("org.ldn.core.run.RunFile$", "").replace("java.lang.", "").replace("java.util.", "");
    }

    /** The METHOD.md §1 default periods (UNCCD 2026 cycle). */
    public static List<RunFile.PeriodSpec> defaultPeriods() {
        return List.of(new RunFile.PeriodSpec("baseline", List.of(2000, 2015), List.of(2000, 2015), List.of(2000, 2015)),
                new RunFile.PeriodSpec("reporting1", List.of(2015, 2019), List.of(2015, 2019), List.of(2004, 2019)),
                new RunFile.PeriodSpec("reporting2", List.of(2015, 2023), List.of(2015, 2023), List.of(2008, 2023)));
    }

    /**
     * Checks the run file's content and fills in every default: the result is what the engine runs and what the
     * report records as {@code run}.
     */
    public static ResolvedRun resolve(RunFile rf, Path runFile) {
        String name = runFile.toString();
        List<String> problems = new ArrayList<>();
        if (rf.zones() == null || rf.zones().file() == null) {
            problems.add("zones.file is missing (the boundary file: GeoPackage, Shapefile or GeoJSON)");
        } else if (rf.zones().idField() == null) {
            problems.add("zones.idField is missing (the attribute that identifies each zone)");
        }
        List<SubIndicator> subs = new ArrayList<>();
        if (rf.subIndicators() != null) {
            for (String s : rf.subIndicators()) {
                try {
                    SubIndicator si = SubIndicator.ofKey(s);
                    if (!subs.contains(si)) {
                        subs.add(si);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("subIndicators: unknown '" + s + "' (use landCover, productivity, soc)");
                }
            }
            if (rf.subIndicators().isEmpty()) {
                problems.add("subIndicators: the list is empty");
            }
        } else {
            if (rf.landCover() != null) {
                subs.add(SubIndicator.LAND_COVER);
            }
            if (rf.productivity() != null) {
                subs.add(SubIndicator.PRODUCTIVITY);
            }
            if (rf.soc() != null) {
                subs.add(SubIndicator.SOC);
            }
            for (SubIndicator s : SubIndicator.values()) {
                if (!subs.contains(s)) {
                    problems.add(s.key() + " is missing; to compute the indicator without it, say so explicitly with"
                            + " subIndicators: [" + String.join(", ", subsExcept(s)) + "]");
                }
            }
        }
        subs.sort(null);
        if (subs.contains(SubIndicator.LAND_COVER) && (rf.landCover() == null || rf.landCover().maps() == null
                || rf.landCover().maps().isEmpty())) {
            problems.add("landCover.maps is missing (land-cover GeoTIFFs by year)");
        }
        if (rf.landCover() != null && rf.landCover().maps() != null && rf.landCover().maps().containsValue(null)) {
            problems.add("landCover.maps: a year has no file");
        }
        RunFile.Soc soc = rf.soc();
        if (subs.contains(SubIndicator.SOC)) {
            if (soc == null || (soc.stocks() == null) == (soc.initial() == null)) {
                problems.add("soc: give either stocks (maps by year) or initial + climate (Tier 1 model)");
            } else if (soc.initial() != null) {
                if (soc.initial().file() == null || soc.initial().year() == null) {
                    problems.add("soc.initial needs year and file");
                }
                if (soc.climate() == null) {
                    problems.add("soc.climate is missing (an IPCC climate-zone GeoTIFF or one factor, e.g. 0.69)");
                } else if (!(soc.climate() instanceof String) && !(soc.climate() instanceof Number)) {
                    problems.add("soc.climate must be a file name or a number");
                } else if (soc.climate() instanceof Number num && !(num.doubleValue() > 0 && num.doubleValue() <= 2)) {
                    problems.add("soc.climate factor " + num + " is outside (0, 2]");
                }
            }
            if (soc != null && soc.thresholdPercent() != null
                    && !(soc.thresholdPercent() > 0 && soc.thresholdPercent() < 100)) {
                problems.add("soc.thresholdPercent must be between 0 and 100");
            }
        }
        requireKeys(problems, "landCover.maps", rf.landCover() == null ? null : rf.landCover().maps());
        requireKeys(problems, "productivity.lpd", rf.productivity() == null ? null : rf.productivity().lpd());
        requireKeys(problems, "soc.stocks", soc == null ? null : soc.stocks());
        requireKeys(problems, "nationalLandAreaKm2", rf.nationalLandAreaKm2());
        List<RunFile.PeriodSpec> periods = rf.periods() != null ? rf.periods() : defaultsFor(rf);
        if (periods.isEmpty()) {
            problems.add("periods: the list is empty (a baseline is needed)");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            RunFile.PeriodSpec p = periods.get(i);
            String label = "periods[" + i + "]";
            if (p == null) {
                problems.add(label + ": the entry is empty (give name, landCover, soc and productivity)");
                continue;
            }
            if (p.name() == null || p.name().isBlank()) {
                problems.add(label + ": name is missing");
                continue;
            }
            if (names.contains(p.name())) {
                problems.add(label + ": the name '" + p.name() + "' is used twice");
            }
            names.add(p.name());
            checkYears(problems, label + " (" + p.name() + ").landCover", p.landCover());
            checkYears(problems, label + " (" + p.name() + ").soc", p.soc());
            checkYears(problems, label + " (" + p.name() + ").productivity", p.productivity());
        }
        boolean prod = subs.contains(SubIndicator.PRODUCTIVITY);
        ResolvedRun.Series series = prod || rf.productivity() != null
                ? ProductivitySpecs.resolve(rf.productivity(), prod, periods, problems) : null;
        if (!prod) {
            series = null;
        }
        String grid = rf.grid() != null ? rf.grid() : series != null ? "series" : prod ? "lpd"
                : rf.landCover() != null ? "landCover" : "soc";
        if (!List.of("landCover", "lpd", "soc", "series").contains(grid)) {
            problems.add("grid: '" + grid + "' is not landCover, lpd, soc or series");
        } else if (grid.equals("series") && series == null && prod) {
            problems.add("grid: series names no input (productivity has no series)");
        } else if (grid.equals("lpd") && series != null) {
            problems.add("grid: lpd names no input (productivity is computed from a series; use grid: series)");
        }
        if (!problems.isEmpty()) {
            throw new InputException(name + ": " + String.join("; ", problems));
        }
        return new ResolvedRun(runFile, rf, subs, periods, grid, series);
    }

    private static List<String> subsExcept(SubIndicator missing) {
        List<String> out = new ArrayList<>();
        for (SubIndicator s : SubIndicator.values()) {
            if (s != missing) {
                out.add(s.key());
            }
        }
        return out;
    }

    /** The default periods whose land-cover years the run has (all of them when it has no land cover). */
    private static List<RunFile.PeriodSpec> defaultsFor(RunFile rf) {
        Map<Integer, String> maps = rf.landCover() != null && rf.landCover().maps() != null ? rf.landCover().maps()
                : Map.of();
        List<RunFile.PeriodSpec> out = new ArrayList<>();
        for (RunFile.PeriodSpec p : defaultPeriods()) {
            if (maps.isEmpty() || maps.keySet().containsAll(p.landCover())) {
                out.add(p);
            }
        }
        return out.isEmpty() ? defaultPeriods().subList(0, 1) : out;
    }

    /** A YAML key written as {@code ~} or left empty reaches the map as null. */
    private static void requireKeys(List<String> problems, String label, Map<?, ?> map) {
        if (map != null && map.containsKey(null)) {
            problems.add(label + ": a key is empty");
        }
    }

    private static void checkYears(List<String> problems, String label, List<Integer> years) {
        if (years == null || years.size() != 2) {
            problems.add(label + ": give [start, end]");
        } else if (years.get(0) == null || years.get(1) == null) {
            problems.add(label + ": a year is missing");
        } else if (years.get(0) > years.get(1)) {
            problems.add(label + ": years out of order (" + years.get(0) + " after " + years.get(1) + ")");
        } else if (years.get(0) < 1900 || years.get(1) > 2200) {
            problems.add(label + ": implausible years " + years);
        }
    }

    /** The resolved run as plain maps (for the report's {@code run} field), every default filled in. */
    public static Map<String, Object> describe(ResolvedRun r) {
        RunFile rf = r.file();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", rf.title() != null ? rf.title() : "LDN run");
        Map<String, Object> zones = new LinkedHashMap<>();
        zones.put("file", rf.zones().file());
        zones.put("idField", rf.zones().idField());
        zones.put("nameField", rf.zones().nameField() != null ? rf.zones().nameField() : rf.zones().idField());
        if (rf.zones().layer() != null) {
            zones.put("layer", rf.zones().layer());
        }
        m.put("zones", zones);
        if (rf.landCover() != null) {
            Map<String, Object> lc = new LinkedHashMap<>();
            lc.put("legend", rf.landCover().legend() != null ? rf.landCover().legend() : "esa-cci");
            lc.put("matrix", rf.landCover().matrix() != null ? rf.landCover().matrix() : "default");
            lc.put("maps", new java.util.TreeMap<>(rf.landCover().maps()));
            m.put("landCover", lc);
        }
        if (r.subIndicators().contains(SubIndicator.PRODUCTIVITY)) {
            m.put("productivity", ProductivitySpecs.describe(r));
        }
        if (rf.soc() != null) {
            Map<String, Object> soc = new LinkedHashMap<>();
            if (rf.soc().stocks() != null) {
                soc.put("stocks", new java.util.TreeMap<>(rf.soc().stocks()));
            } else {
                Map<String, Object> initial = new LinkedHashMap<>(); // ordered: Map.of's order differs from JVM to JVM
                initial.put("year", rf.soc().initial().year());
                initial.put("file", rf.soc().initial().file());
                soc.put("initial", initial);
                soc.put("climate", rf.soc().climate());
            }
            soc.put("thresholdPercent", r.socThresholdPercent());
            m.put("soc", soc);
        }
        List<Object> periods = new ArrayList<>();
        for (RunFile.PeriodSpec p : r.periods()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("landCover", p.landCover());
            pm.put("soc", p.soc());
            pm.put("productivity", p.productivity());
            periods.add(pm);
        }
        m.put("periods", periods);
        if (rf.landTypes() != null) {
            m.put("landTypes", rf.landTypes());
        }
        if (rf.population() != null) {
            Map<String, Object> pop = new LinkedHashMap<>();
            pop.put("total", rf.population().total());
            if (rf.population().female() != null) {
                pop.put("female", rf.population().female());
            }
            if (rf.population().male() != null) {
                pop.put("male", rf.population().male());
            }
            m.put("population", pop);
        }
        m.put("grid", r.grid());
        m.put("subIndicators", r.subIndicators().stream().map(SubIndicator::key).toList());
        if (rf.nationalLandAreaKm2() != null) {
            m.put("nationalLandAreaKm2", new java.util.TreeMap<>(rf.nationalLandAreaKm2()));
        }
        return m;
    }
}
