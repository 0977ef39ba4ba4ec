package org.ldn.core.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
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
 * Reads a scenarios file: {@code scenarios:} (a list of named variants, see {@link Scenario}) and optionally
 * {@code uncertainty:} (a Monte Carlo analysis, see {@link UncertaintySpec}). Problems name the file and the entry.
 */
public final class ScenarioFiles {
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "socThresholdPercent", "matrix", "climateFactor",
            "criticalValues", "landUnits", "restoration");
    private static final Set<String> RESTORATION_KEYS = Set.of("file", "idField", "class", "fromYear");
    private static final Set<String> UNCERTAINTY_KEYS = Set.of("draws", "seed", "climateFactor",
            "socThresholdPercent", "landCoverConfusion");

    /** The parsed file; either part may be empty. */
    public record Contents(List<Scenario> scenarios, UncertaintySpec uncertainty) {
    }

    private ScenarioFiles() {
    }

    public static Contents read(Path file) {
        Object root;
        RegularFiles.require(file);
        try {
            root = DuplicateKeys.read(file, () -> DuplicateKeys.strict(new ObjectMapper(new YAMLFactory()))
                    .readValue(file.toFile(), Object.class));
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": scenarios file not found");
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": not valid YAML/JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
        }
        if (!(root instanceof Map<?, ?> m)) {
            throw new InputException(file + ": expected the keys scenarios and/or uncertainty");
        }
        for (Object k : m.keySet()) {
            if (!k.equals("scenarios") && !k.equals("uncertainty")) {
                throw new InputException(file + ": unknown key '" + k + "' (known keys: scenarios, uncertainty)");
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        if (m.get("scenarios") != null) {
            if (!(m.get("scenarios") instanceof List<?> list)) {
                throw new InputException(file + ": scenarios must be a list");
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Scenario s = scenario(file + ": scenarios[" + i + "]", list.get(i));
                if (!names.add(s.name())) {
                    throw new InputException(file + ": scenario name '" + s.name() + "' is used twice");
                }
                scenarios.add(s);
            }
        }
        UncertaintySpec u = m.get("uncertainty") == null ? null : uncertainty(file + ": uncertainty",
                m.get("uncertainty"));
        if (scenarios.isEmpty() && u == null) {
            throw new InputException(file + ": no scenario and no uncertainty analysis given");
        }
        return new Contents(scenarios, u);
    }

    private static Scenario scenario(String label, Object o) {
        Map<?, ?> m = record(label, o, SCENARIO_KEYS);
        String name = text(m, "name", label);
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new InputException(label + ": name is missing or not a plain name (letters, digits, . _ -)");
        }
        Double thr = number(m, "socThresholdPercent", label);
        if (thr != null && !(thr > 0 && thr < 100)) {
            throw new InputException(label + ": socThresholdPercent must be between 0 and 100");
        }
        Double f = number(m, "climateFactor", label);
        if (f != null && !(f > 0 && f <= 2)) {
            throw new InputException(label + ": climateFactor " + f + " is outside (0, 2]");
        }
        String cv = text(m, "criticalValues", label);
        if (cv != null && !cv.equals("exact") && !cv.equals("trends-earth")) {
            throw new InputException(label + ": criticalValues must be exact or trends-earth");
        }
        Scenario.Restoration r = null;
        if (m.get("restoration") != null) {
            Map<?, ?> rm = record(label + ".restoration", m.get("restoration"), RESTORATION_KEYS);
            String f2 = text(rm, "file", label + ".restoration");
            Double cls = number(rm, "class", label + ".restoration");
            Double from = number(rm, "fromYear", label + ".restoration");
            if (f2 == null || cls == null || from == null || cls != Math.rint(cls) || cls < 1 || cls > 7
                    || from != Math.rint(from)) {
                throw new InputException(label + ".restoration needs file, class (a UNCCD class 1..7) and fromYear");
            }
            r = new Scenario.Restoration(f2, text(rm, "idField", label), (int) (double) cls, (int) (double) from);
        }
        return new Scenario(name, thr, text(m, "matrix", label), f, cv, text(m, "landUnits", label), r);
    }

    private static UncertaintySpec uncertainty(String label, Object o) {
        Map<?, ?> m = record(label, o, UNCERTAINTY_KEYS);
        Double draws = number(m, "draws", label);
        Double seed = number(m, "seed", label);
        if (draws == null || draws != Math.rint(draws) || draws < 1 || draws > 100_000) {
            throw new InputException(label + ": draws must be a whole number from 1 to 100000");
        }
        long[][] confusion = null;
        if (m.get("landCoverConfusion") != null) {
            if (!(m.get("landCoverConfusion") instanceof List<?> rows) || rows.size() != 7) {
                throw new InputException(label + ": landCoverConfusion must be 7 rows of 7 counts (rows: map class)");
            }
            confusion = new long[7][7];
            for (int i = 0; i < 7; i++) {
                if (!(rows.get(i) instanceof List<?> row) || row.size() != 7) {
                    throw new InputException(label + ": landCoverConfusion row " + (i + 1) + " is not 7 counts");
                }
                for (int j = 0; j < 7; j++) {
                    if (!(row.get(j) instanceof Integer n) || n < 0) {
                        throw new InputException(label + ": landCoverConfusion row " + (i + 1)
                                + " holds a value that is not a count >= 0");
                    }
                    confusion[i][j] = n;
                }
            }
        }
        return new UncertaintySpec((int) (double) draws, seed == null ? 1 : (long) (double) seed,
                range(m, "climateFactor", label), range(m, "socThresholdPercent", label), confusion);
    }

    private static UncertaintySpec.Range range(Map<?, ?> m, String key, String label) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> r && r.get("min") instanceof Number a && r.get("max") instanceof Number b
                && r.size() == 2) {
            try {
                return new UncertaintySpec.Range(a.doubleValue(), b.doubleValue());
            } catch (IllegalArgumentException e) {
                throw new InputException(label + "." + key + ": " + e.getMessage());
            }
        }
        throw new InputException(label + "." + key + " must be {min: a, max: b}");
    }

    private static Map<?, ?> record(String label, Object o, Set<String> keys) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new InputException(label + " is not a record");
        }
        for (Object k : m.keySet()) {
            if (!keys.contains(String.valueOf(k))) {
                throw new InputException(label + ": unknown key '" + k + "' (known keys: "
                        + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
        return m;
    }

    private static String text(Map<?, ?> m, String key, String label) {
        Object v = m.get(key);
        if (v instanceof Map || v instanceof List) {
            throw new InputException(label + ": " + key + " must be a single value");
        }
        return v == null ? null : String.valueOf(v);
    }

    private static Double number(Map<?, ?> m, String key, String label) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new InputException(label + ": " + key + " must be a number, not '" + v + "'");
    }
}
