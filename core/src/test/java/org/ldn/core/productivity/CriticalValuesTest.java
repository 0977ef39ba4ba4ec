package org.ldn.core.productivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CriticalValuesTest {

    @Test
    void exactCriticalValuesMatchTheMethodsChecks() {
        // METHOD.md §3: n = 10 → 23, n = 15 → 41, n = 16 → 46
        assertEquals(23, MannKendallNull.upperCriticalValue(10, 1, 40));
        assertEquals(41, MannKendallNull.upperCriticalValue(15, 1, 40));
        assertEquals(46, MannKendallNull.upperCriticalValue(16, 1, 40));
        CriticalValues t = CriticalValues.exact(16);
        assertTrue(t.significant(23, 10));
        assertTrue(t.significant(-23, 10));
        assertFalse(t.significant(21, 10));
        assertTrue(t.significant(46, 16));
        assertFalse(t.significant(-44, 16));
    }

    @Test
    void onePassTableEqualsTheValuesOneByOne() {
        int[] all = MannKendallNull.upperCriticalValues(40, 1, 40);
        for (int n = 1; n <= 40; n++) {
            assertEquals(MannKendallNull.upperCriticalValue(n, 1, 40), all[n], "n " + n);
        }
        assertEquals(23, CriticalValues.exact(40).minSignificant(10));
    }

    @Test
    void smallNByHand() {
        // n = 4: P(S = 6) = 1/24 > 0.025, so no S is significant (6 + 2 = 8 is unreachable).
        assertEquals(8, MannKendallNull.upperCriticalValue(4, 1, 40));
        // n = 5: P(S = 10) = 1/120 ≤ 0.025; P(S ≥ 8) = (1 + 4)/120 > 0.025 (4 orders have one inversion).
        assertEquals(10, MannKendallNull.upperCriticalValue(5, 1, 40));
        assertArrayEquals(new BigInteger[] {BigInteger.ONE, BigInteger.valueOf(3), BigInteger.valueOf(5),
            BigInteger.valueOf(6), BigInteger.valueOf(5), BigInteger.valueOf(3), BigInteger.ONE},
                MannKendallNull.inversionCounts(4)); // Mahonian numbers, row 4 (OEIS A008302)
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void distributionEqualsEnumerationOfAllPermutations(int n) {
        long[] byInversions = new long[n * (n - 1) / 2 + 1];
        enumerate(new int[n], 0, new boolean[n], byInversions);
        BigInteger[] counts = MannKendallNull.inversionCounts(n);
        assertEquals(byInversions.length, counts.length);
        for (int i = 0; i < counts.length; i++) {
            assertEquals(BigInteger.valueOf(byInversions[i]), counts[i], "n " + n + " inversions " + i);
        }
    }

    private static void enumerate(int[] perm, int depth, boolean[] used, long[] out) {
        int n = perm.length;
        if (depth == n) {
            int inv = 0;
            for (int j = 0; j < n; j++) {
                for (int k = j + 1; k < n; k++) {
                    inv += perm[j] > perm[k] ? 1 : 0;
                }
            }
            out[inv]++;
            return;
        }
        for (int v = 0; v < n; v++) {
            if (!used[v]) {
                used[v] = true;
                perm[depth] = v;
                enumerate(perm, depth + 1, used, out);
                used[v] = false;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 25, 40, 60, 70})
    void distributionSumsToNFactorialAndIsSymmetric(int n) {
        BigInteger[] c = MannKendallNull.inversionCounts(n);
        BigInteger sum = BigInteger.ZERO;
        for (BigInteger v : c) {
            sum = sum.add(v);
        }
        BigInteger factorial = BigInteger.ONE;
        for (int k = 2; k <= n; k++) {
            factorial = factorial.multiply(BigInteger.valueOf(k));
        }
        assertEquals(factorial, sum);
        for (int i = 0; i < c.length; i++) {
            assertEquals(c[i], c[c.length - 1 - i]);
        }
        int k = MannKendallNull.upperCriticalValue(n, 1, 40);
        int m = n * (n - 1) / 2;
        assertEquals(m % 2, k % 2, "k95 is a value S can take");
        // P(S ≥ k) ≤ 1/40 < P(S ≥ k − 2): counts of S ≥ k are those with at most (m − k)/2 inversions
        BigInteger tail = BigInteger.ZERO;
        for (int i = 0; i <= (m - k) / 2; i++) {
            tail = tail.add(c[i]);
        }
        BigInteger wider = tail.add(c[(m - k) / 2 + 1]);
        assertTrue(tail.multiply(BigInteger.valueOf(40)).compareTo(factorial) <= 0);
        assertTrue(wider.multiply(BigInteger.valueOf(40)).compareTo(factorial) > 0);
    }

    @Test
    void trendsEarthOptionReproducesTheShippedTable() throws Exception {
        String dir = System.getProperty("ldn.shared");
        Assumptions.assumeTrue(dir != null, "ldn.shared is not set");
        Path shared = Path.of(dir, "method", "mann_kendall_critical_values_trends_earth.csv");
        Assumptions.assumeTrue(Files.isRegularFile(shared), "shared method folder is absent");
        byte[] original = Files.readAllBytes(shared);
        try (InputStream in = CriticalValues.class.getResourceAsStream(
                "mann_kendall_critical_values_trends_earth.csv")) {
            assertArrayEquals(original, in.readAllBytes(), "the bundled copy is the shipped table");
        }
        CriticalValues te = CriticalValues.trendsEarth();
        assertEquals(60, te.maxN());
        List<String> lines = Files.readAllLines(shared);
        assertEquals("n,k90,k95,k99", lines.get(0));
        int rows = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int n = Integer.parseInt(f[0]);
            int k90 = Integer.parseInt(f[1]);
            int k95 = Integer.parseInt(f[2]);
            for (int s = -n * (n - 1) / 2; s <= n * (n - 1) / 2; s++) {
                boolean expected = Math.abs(s) >= k95 && Math.abs(s) > k90;
                assertEquals(expected, te.significant(s, n), "n " + n + " S " + s);
            }
            assertEquals(k95, te.k95ByN().get(String.valueOf(n)));
            rows++;
        }
        assertEquals(57, rows);
        // the documented difference: 33 for n = 15 against the exact two-sided 41
        assertEquals(33, te.k95ByN().get("15"));
    }
}
