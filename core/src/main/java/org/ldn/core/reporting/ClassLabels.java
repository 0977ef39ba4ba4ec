package org.ldn.core.reporting;

/**
 * Names of the class codes the report uses as keys, as the UNCCD reporting tables name them: the seven UNCCD
 * land-cover classes ({@code "1"} Tree-covered areas … {@code "7"} Water bodies), the five land productivity dynamics
 * classes ({@code "1"} Declining … {@code "5"} Increasing) and the seven status classes ({@code "1"} Persistent
 * degradation … {@code "7"} Persistent improvement); {@code "nodata"} and {@code "water"} in each. A code that is
 * none of these gets {@code null} (no name is invented). The names are those of {@link UnccdTables}. Stateless.
 */
public final class ClassLabels {
    private ClassLabels() {
    }

    /** The UNCCD land-cover class name of {@code code} ("1".."7", "nodata"), or null. */
    public static String landCover(String code) {
        return find(code, UnccdTables.LC, UnccdTables.LC_LABELS);
    }

    /** The land productivity dynamics class name of {@code code} ("1".."5", "nodata", "water"), or null. */
    public static String lpd(String code) {
        return find(code, UnccdTables.LPD, UnccdTables.LPD_LABELS);
    }

    /** The 7-class status name of {@code code} ("1".."7", "nodata", "water"), or null. */
    public static String status(String code) {
        return find(code, UnccdTables.STATUS, UnccdTables.STATUS_LABELS);
    }

    private static String find(String code, String[] codes, String[] labels) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equals(code)) {
                return labels[i];
            }
        }
        return "water".equals(code) ? "Water bodies" : null;
    }
}
