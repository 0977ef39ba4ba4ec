package org.ldn.core.landcover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ldn.core.InputException;
import org.ldn.core.RegularFiles;

/**
 * The land-cover transition matrix: for each (initial class → final class) of the 7 UNCCD classes, −1 (degradation),
 * 0 (stable) or +1 (improvement); rows are the initial class (METHOD.md §2). Immutable.
 */
public final class TransitionMatrix {
    private static final int N = LandCoverClass.COUNT;
    private static final byte[][] DEFAULT = {
        {0, -1, -1, -1, -1, -1, 0},
        {1, 0, 1, -1, -1, -1, 0},
        {1, -1, 0, -1, -1, -1, 0},
        {-1, -1, -1, 0, -1, -1, 0},
        {1, 1, 1, 1, 0, 1, 0},
        {1, 1, 1, 1, -1, 0, 0},
        {0, 0, 0, 0, 0, 0, 0},
    };

    private final String name;
    /** 8×8 flattened, index (initial·8 + final), classes 1..7; row/column 0 unused. */
    private final byte[] table;

    private TransitionMatrix(String name, byte[][] m) {
        this.name = name;
        this.table = new byte[(N + 1) * (N + 1)];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                byte v = m[i][j];
                if (v < -1 || v > 1) {
                    throw new InputException(name + ": entry (" + (i + 1) + "," + (j + 1) + ") is " + v
                            + "; a transition is -1, 0 or 1");
                }
                table[(i + 1) * (N + 1) + j + 1] = v;
            }
        }
    }

    /** The default matrix of the Good Practice Guidance (METHOD.md §2). */
    public static TransitionMatrix defaults() {
        return new TransitionMatrix("default", DEFAULT);
    }

    public static TransitionMatrix of(String name, int[][] m) {
        if (m.length != N) {
            throw new InputException(name + ": a transition matrix has 7 rows, found " + m.length);
        }
        byte[][] b = new byte[N][N];
        for (int i = 0; i < N; i++) {
            if (m[i].length != N) {
                throw new InputException(name + ": row " + (i + 1) + " has " + m[i].length + " values, expected 7");
            }
            for (int j = 0; j < N; j++) {
                if (m[i][j] < -1 || m[i][j] > 1) {
                    throw new InputException(name + ": entry (" + (i + 1) + "," + (j + 1) + ") is " + m[i][j]
                            + "; a transition is -1, 0 or 1");
                }
                b[i][j] = (byte) m[i][j];
            }
        }
        return new TransitionMatrix(name, b);
    }

    /**
     * Reads a 7×7 CSV of −1/0/1, rows = initial class 1..7, columns = final class 1..7. An optional header row and
     * an optional first label column are recognised by not being numbers.
     */
    public static TransitionMatrix fromCsv(Path file, String displayName) {
        List<String> lines;
        RegularFiles.require(file, displayName);
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(displayName + ": cannot read the transition matrix (" + e.getMessage() + ")", e);
        }
        List<int[]> rows = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.replace("\uFEFF", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("[,;\\t]", -1);
            List<Integer> values = new ArrayList<>();
            boolean numeric = true;
            for (int k = 0; k < f.length; k++) {
                String s = f[k].trim().replace('\u2212', '-');
                try {
                    values.add(Integer.parseInt(s.startsWith("+") ? s.substring(1) : s));
                } catch (NumberFormatException e) {
                    if (k == 0 && f.length == N + 1) {
                        continue; // a label column
                    }
                    numeric = false;
                    break;
                }
            }
            if (!numeric) {
                if (rows.isEmpty()) {
                    continue; // header
                }
                throw new InputException(displayName + ": line '" + line + "' is not 7 values of -1, 0 or 1");
            }
            int[] row = values.stream().mapToInt(Integer::intValue).toArray();
            if (rows.isEmpty() && java.util.Arrays.equals(row, new int[] {1, 2, 3, 4, 5, 6, 7})) {
                continue; // a header naming the final classes
            }
            rows.add(row);
        }
        return of(displayName, rows.toArray(new int[0][]));
    }

    public String name() {
        return name;
    }

    /** The label of initial → final, classes 1..7. */
    public int get(int initial, int fin) {
        return table[initial * (N + 1) + fin];
    }

    /** The matrix as 7 rows of 7 values (for reports). */
    public int[][] toArray() {
        int[][] m = new int[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                m[i][j] = get(i + 1, j + 1);
            }
        }
        return m;
    }

    /** Flattened 8×8 table for kernels: index initial·8 + final. */
    byte[] table() {
        return table;
    }
}
