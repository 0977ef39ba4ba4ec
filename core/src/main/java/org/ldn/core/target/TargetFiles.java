package org.ldn.core.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ldn.core.DuplicateKeys;
import org.ldn.core.InputException;
import org.ldn.core.RegularFiles;

/**
 * Reads a targets file ({@code targets.yaml}, or JSON): a list {@code targets:} of records with the keys
 * {@code id, level (national|zone), zone, metric, goal, baselineYear, targetYear, unit, landType, class, from, to}.
 * Every problem is an {@link InputException} naming the file and the target.
 */
public final class TargetFiles {
    private static final Set<String> KEYS = Set.of("id", "level", "zone", "metric", "goal", "baselineYear",
            "targetYear", "unit", "landType", "class", "from", "to", "description");

    private TargetFiles() {
    }

    public static List<Target> read(Path file) {
        return read(file, new ArrayList<>());
    }

    /**
     * As {@link #read(Path)}, adding to {@code warnings} one line per target whose value looks like it was meant in
     * another unit: a share goal (atLeast/atMost) between 0 and 1 without a {@code unit:} key is read in the default
     * unit, percent, so {@code {atMost: 0.2}} asks for 0.2 %, not 20 %.
     */
    public static List<Target> read(Path file, List<String> warnings) {
        Object root;
        RegularFiles.require(file);
        try {
            root = DuplicateKeys.read(file, () -> DuplicateKeys.strict(new ObjectMapper(new YAMLFactory()))
                    .readValue(file.toFile(), Object.class));
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": targets file not found");
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": not valid YAML/JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
        }
        if (!(root instanceof Map<?, ?> m) || !(m.get("targets") instanceof List<?> list) || m.size() != 1) {
            throw new InputException(file + ": expected one key 'targets' holding a list of targets");
        }
        List<Target> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> t)) {
                throw new InputException(file + ": targets[" + i + "] is not a record");
            }
            Target target = parse(file, i, t);
            String w = unitWarning(file, i, t, target);
            if (w != null) {
                warnings.add(w);
            }
            if (!ids.add(target.id())) {
                throw new InputException(file + ": target id '" + target.id() + "' is used twice");
            }
            out.add(target);
        }
        return out;
    }

    private static Target parse(Path file, int i, Map<?, ?> t) {
        String label = file + ": targets[" + i + "]" + (t.get("id") != null ? " (" + t.get("id") + ")" : "");
        for (Object k : t.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw new InputException(label + ": unknown key '" + k + "' (known keys: " + String.join(", ",
                        KEYS.stream().sorted().toList()) + ")");
            }
        }
        String id = string(t, "id", label, true);
        Metric metric;
        try {
            metric = Metric.ofKey(string(t, "metric", label, true));
        } catch (IllegalArgumentException e) {
            throw new InputException(label + ": " + e.getMessage());
        }
        String level = string(t, "level", label, false);
        String zone = string(t, "zone", label, false);
        if (level == null) {
            level = zone == null ? "national" : "zone";
        }
        if (level.equals("national") && zone != null) {
            throw new InputException(label + ": level national takes no zone");
        }
        if (level.equals("zone") && zone == null) {
            throw new InputException(label + ": level zone needs a zone id");
        }
        if (!level.equals("national") && !level.equals("zone")) {
            throw new InputException(label + ": level must be national or zone, not '" + level + "'");
        }
        Integer landType = integer(t, "landType", label);
        Integer cls = integer(t, "class", label);
        Integer from = integer(t, "from", label);
        Integer to = integer(t, "to", label);
        Integer baselineYear = integer(t, "baselineYear", label);
        Integer targetYear = integer(t, "targetYear", label);
        if (targetYear == null) {
            throw new InputException(label + ": targetYear is missing");
        }
        if (baselineYear != null && baselineYear >= targetYear) {
            throw new InputException(label + ": baselineYear " + baselineYear + " is not before targetYear " + targetYear);
        }
        switch (metric) {
            case CONVERSION_RATE -> {
                if (from == null || to == null || from < 1 || from > 7 || to < 1 || to > 7 || from.equals(to)) {
                    throw new InputException(label + ": conversionRate needs from and to, two different classes 1..7");
                }
            }
            case LAND_COVER_AREA -> {
                if (cls == null || cls < 1 || cls > 7) {
                    throw new InputException(label + ": landCoverArea needs class, a UNCCD class 1..7");
                }
            }
            case LPD_CLASS_AREA -> {
                if (cls == null || cls < 1 || cls > 5) {
                    throw new InputException(label + ": lpdClassArea needs class, an LPD class 1..5");
                }
            }
            default -> {
            }
        }
        if (landType != null && metric != Metric.NET_LDN && metric != Metric.IMPROVED_AREA) {
            throw new InputException(label + ": landType applies to netLdn and improvedArea only");
        }
        Unit unit;
        try {
            unit = t.get("unit") == null ? Unit.defaultFor(metric.kind()) : Unit.ofKey(String.valueOf(t.get("unit")));
        } catch (IllegalArgumentException e) {
            throw new InputException(label + ": " + e.getMessage());
        }
        if (unit.kind() != metric.kind()) {
            throw new InputException(label + ": unit " + unit.key() + " does not fit metric " + metric.key());
        }
        Goal goal = goal(t.get("goal"), label, metric);
        return new Target(id, metric, zone, landType, cls, from, to, baselineYear, targetYear, goal, unit);
    }

    private static String unitWarning(Path file, int i, Map<?, ?> t, Target target) {
        if (t.get("unit") != null || target.unit() != Unit.PERCENT) {
            return null;
        }
        double v;
        if (target.goal() instanceof Goal.AtMost g) {
            v = g.value();
        } else if (target.goal() instanceof Goal.AtLeast g) {
            v = g.value();
        } else {
            return null;
        }
        if (!(v > 0 && v < 1)) {
            return null;
        }
        String n = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        String pct = BigDecimal.valueOf(v).movePointRight(2).stripTrailingZeros().toPlainString();
        return file + ": targets[" + i + "] (" + target.id() + "): goal " + n + " is read as " + n + " % (no unit:"
                + " key; the default unit of " + target.metric().key() + " is percent); if you meant " + pct
                + " %, add unit: proportion (or write " + pct + ")";
    }

    private static Goal goal(Object g, String label, Metric metric) {
        if ("noNetLoss".equals(g)) {
            if (metric != Metric.NET_LDN) {
                throw new InputException(label + ": goal noNetLoss applies to netLdn only");
            }
            return new Goal.NoNetLoss();
        }
        if (g instanceof Map<?, ?> m && m.size() == 1) {
            var e = m.entrySet().iterator().next();
            if (!(e.getValue() instanceof Number n)) {
                throw new InputException(label + ": goal " + e.getKey() + " needs a number");
            }
            double v = n.doubleValue();
            return switch (String.valueOf(e.getKey())) {
                case "atLeast" -> new Goal.AtLeast(v);
                case "atMost" -> new Goal.AtMost(v);
                case "perYear" -> {
                    if (metric != Metric.CONVERSION_RATE) {
                        throw new InputException(label + ": goal perYear applies to conversionRate only");
                    }
                    yield new Goal.PerYear(v);
                }
                case "change" -> new Goal.Change(v);
                default -> throw new InputException(label + ": unknown goal '" + e.getKey()
                        + "' (noNetLoss, {atLeast: v}, {atMost: v}, {perYear: v}, {change: d})");
            };
        }
        throw new InputException(label + ": goal must be noNetLoss, {atLeast: v}, {atMost: v}, {perYear: v} or"
                + " {change: d}");
    }

    private static String string(Map<?, ?> t, String key, String label, boolean required) {
        Object v = t.get(key);
        if (v == null) {
            if (required) {
                throw new InputException(label + ": " + key + " is missing");
            }
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            throw new InputException(label + ": " + key + " must be a single value");
        }
        return String.valueOf(v);
    }

    private static Integer integer(Map<?, ?> t, String key, String label) {
        Object v = t.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer n) {
            return n;
        }
        throw new InputException(label + ": " + key + " must be a whole number, not '" + v + "'");
    }
}
