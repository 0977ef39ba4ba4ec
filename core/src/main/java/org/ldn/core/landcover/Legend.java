package org.ldn.core.landcover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ldn.core.InputException;
import org.ldn.core.RegularFiles;

/**
 * A land-cover legend: how the source codes of a land-cover map nest into the 7 UNCCD classes (METHOD.md §2).
 * Every source code appears once; codes listed as nodata map to nodata. A code found in the data but absent from
 * the legend is an error naming the code and the file, never silently dropped. Immutable and thread-safe.
 *
 * @param name     "esa-cci", "unccd" or the CSV file name
 * @param classOf  source code → UNCCD class (1..7)
 * @param labels   source code → label (for tables)
 * @param noData   source codes that mean nodata (besides the file's own nodata value)
 */
public record Legend(String name, Map<Integer, Integer> classOf, Map<Integer, String> labels, Set<Integer> noData) {
    /** Highest source code a legend may use (codes index a lookup table). */
    public static final int MAX_CODE = 65535;

    public Legend {
        classOf = Map.copyOf(classOf);
        labels = Map.copyOf(labels);
        noData = Set.copyOf(noData);
        for (var e : classOf.entrySet()) {
            if (e.getKey() < 0 || e.getKey() > MAX_CODE) {
                throw new InputException("legend " + name + ": code " + e.getKey() + " is outside 0.." + MAX_CODE);
            }
            if (e.getValue() < 1 || e.getValue() > LandCoverClass.COUNT) {
                throw new InputException("legend " + name + ": code " + e.getKey() + " maps to " + e.getValue()
                        + ", not a UNCCD class 1..7");
            }
            if (noData.contains(e.getKey())) {
                throw new InputException("legend " + name + ": code " + e.getKey() + " is both a class and nodata");
            }
        }
    }

    /** The 7 UNCCD classes themselves (maps already coded 1..7); 0 is nodata. */
    public static Legend unccd() {
        Map<Integer, Integer> m = new LinkedHashMap<>();
        Map<Integer, String> l = new LinkedHashMap<>();
        for (LandCoverClass c : LandCoverClass.values()) {
            m.put(c.code(), c.code());
            l.put(c.code(), c.label());
        }
        return new Legend("unccd", m, l, Set.of(0));
    }

    /** ESA CCI land cover (and C3S) codes nested into the UNCCD classes as METHOD.md §2 gives; 0 is nodata. */
    public static Legend esaCci() {
        Map<Integer, Integer> m = new LinkedHashMap<>();
        put(m, 1, 50, 60, 61, 62, 70, 71, 72, 80, 81, 82, 90, 100);
        put(m, 2, 110, 120, 121, 122, 130, 140, 150, 151, 152, 153);
        put(m, 3, 10, 11, 12, 20, 30, 40);
        put(m, 4, 160, 170, 180);
        put(m, 5, 190);
        put(m, 6, 200, 201, 202, 220);
        put(m, 7, 210);
        Map<Integer, String> l = new LinkedHashMap<>();
        m.keySet().forEach(k -> l.put(k, "ESA CCI " + k));
        return new Legend("esa-cci", m, l, Set.of(0));
    }

    private static void put(Map<Integer, Integer> m, int cls, int... codes) {
        for (int c : codes) {
            m.put(c, cls);
        }
    }

    /**
     * Reads a CSV legend with header {@code code,name,unccd_class}. A row whose unccd_class is empty, "nodata" or 0
     * declares a nodata code.
     */
    public static Legend fromCsv(Path file, String displayName) {
        List<String> lines;
        RegularFiles.require(file, displayName);
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(displayName + ": cannot read the legend file (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty()) {
            throw new InputException(displayName + ": the legend file is empty (expected header code,name,unccd_class)");
        }
        List<String> header = Arrays.stream(lines.get(0).replace("\uFEFF", "").split(",", -1))
                .map(s -> s.trim().toLowerCase()).toList();
        int ci = header.indexOf("code");
        int ni = header.indexOf("name");
        int ui = header.indexOf("unccd_class");
        if (ci < 0 || ui < 0) {
            throw new InputException(displayName + ": the legend header must name the columns code,name,unccd_class"
                    + " (found " + lines.get(0).trim() + ")");
        }
        Map<Integer, Integer> m = new LinkedHashMap<>();
        Map<Integer, String> l = new LinkedHashMap<>();
        Set<Integer> nd = new TreeSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < header.size()) {
                throw new InputException(displayName + ": line " + (i + 1) + " has " + f.length + " fields, expected "
                        + header.size());
            }
            int code = parseInt(f[ci].trim(), displayName, i + 1, "code");
            String u = f[ui].trim();
            if (m.containsKey(code) || nd.contains(code)) {
                throw new InputException(displayName + ": code " + code + " appears twice (line " + (i + 1) + ")");
            }
            if (u.isEmpty() || u.equalsIgnoreCase("nodata") || u.equals("0")) {
                nd.add(code);
            } else {
                m.put(code, parseInt(u, displayName, i + 1, "unccd_class"));
            }
            l.put(code, ni >= 0 ? f[ni].trim() : String.valueOf(code));
        }
        if (m.isEmpty()) {
            throw new InputException(displayName + ": the legend maps no code to a UNCCD class");
        }
        return new Legend(displayName, m, l, nd);
    }

    private static int parseInt(String s, String file, int line, String column) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new InputException(file + ": line " + line + ": " + column + " '" + s + "' is not a whole number");
        }
    }

    /**
     * The lookup table used by {@link LegendKernel}: index = source code, value = UNCCD class 1..7,
     * {@link LegendKernel#NODATA_CODE} for nodata codes, {@link LegendKernel#UNKNOWN_CODE} for codes not in the legend.
     */
    public byte[] lookupTable() {
        byte[] t = new byte[MAX_CODE + 1];
        Arrays.fill(t, LegendKernel.UNKNOWN_CODE);
        classOf.forEach((code, cls) -> t[code] = (byte) (int) cls);
        noData.forEach(code -> {
            if (code >= 0 && code <= MAX_CODE) {
                t[code] = LegendKernel.NODATA_CODE;
            }
        });
        return t;
    }
}
