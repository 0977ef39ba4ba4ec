package org.ldn.core.productivity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When a Mann–Kendall statistic S over n valid years is significant (METHOD.md §3, trajectory). Two tables:
 * <ul>
 * <li>{@link #exact}: two-sided 95 %, significant when {@code |S| ≥ k95(n)}, k95 computed from the exact null
 * distribution ({@link MannKendallNull}, {@code P(S ≥ k95) ≤ 0.025});</li>
 * <li>{@link #trendsEarth}: the printed table Trends.Earth uses ({@code mann_kendall_critical_values_trends_earth.csv}
 * in this package's resources, n = 4…60), significant when {@code |S| ≥ k95 and |S| > k90}.</li>
 * </ul>
 * Both are held as the smallest significant |S| per n, so the per-pixel test is one comparison. Immutable.
 */
public final class CriticalValues {
    /** The table's name in run files and reports. */
    public enum Table {
        EXACT("exact"), TRENDS_EARTH("trends-earth");

        private final String key;

        Table(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The table named {@code key}, or {@code null} when there is none. */
        public static Table ofKey(String key) {
            for (Table t : values()) {
                if (t.key.equals(key)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** The smallest n the trajectory accepts (fewer valid years are nodata). */
    public static final int MIN_N = 4;
    private static final String TRENDS_EARTH_CSV = "mann_kendall_critical_values_trends_earth.csv";

    private final Table table;
    /** minAbsS[n]: the smallest |S| that is significant for n values; 0 below MIN_N (unused). */
    private final int[] minAbsS;
    private final int[] k95;

    private CriticalValues(Table table, int[] minAbsS, int[] k95) {
        this.table = table;
        this.minAbsS = minAbsS;
        this.k95 = k95;
    }

    /** Exact two-sided 95 % critical values for n = 4..maxN. */
    public static CriticalValues exact(int maxN) {
        if (maxN < MIN_N) {
            maxN = MIN_N;
        }
        int[] k = MannKendallNull.upperCriticalValues(maxN, 1, 40);
        java.util.Arrays.fill(k, 0, MIN_N, 0);
        return new CriticalValues(Table.EXACT, k.clone(), k);
    }

    /** The Trends.Earth table, n = 4..60. */
    public static CriticalValues trendsEarth() {
        String text;
        try (InputStream in = CriticalValues.class.getResourceAsStream(TRENDS_EARTH_CSV)) {
            if (in == null) {
                throw new IllegalStateException("resource " + TRENDS_EARTH_CSV + " is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] min = new int[0];
        int[] k95 = new int[0];
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split(",", -1);
            int n = Integer.parseInt(f[0].strip());
            int k90 = Integer.parseInt(f[1].strip());
            int k = Integer.parseInt(f[2].strip());
            if (n >= min.length) {
                min = Arrays.copyOf(min, n + 1);
                k95 = Arrays.copyOf(k95, n + 1);
            }
            min[n] = Math.max(k, k90 + 1);
            k95[n] = k;
        }
        return new CriticalValues(Table.TRENDS_EARTH, min, k95);
    }

    /** The table for {@code t}, covering n up to {@code maxN} (the trends-earth table stops at 60). */
    public static CriticalValues of(Table t, int maxN) {
        return t == Table.EXACT ? exact(maxN) : trendsEarth();
    }

    public Table table() {
        return table;
    }

    /** The largest n this table covers. */
    public int maxN() {
        return minAbsS.length - 1;
    }

    /** True when S over n values (MIN_N ≤ n ≤ {@link #maxN()}) is significant. */
    public boolean significant(int s, int n) {
        return Math.abs(s) >= minAbsS[n];
    }

    /** The smallest |S| judged significant for n values (MIN_N ≤ n ≤ {@link #maxN()}). */
    public int minSignificant(int n) {
        return minAbsS[n];
    }

    /** k95 by n (n = 4..maxN), for the report's parameters. */
    public Map<String, Integer> k95ByN() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int n = MIN_N; n < k95.length; n++) {
            m.put(String.valueOf(n), k95[n]);
        }
        return m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CriticalValues[%s, n ≤ %d]", table.key(), maxN());
    }
}
