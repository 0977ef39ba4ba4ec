package org.ldn.core.target;

/** Units of target values, with their factor from the report's own units (km², tonnes, proportion). */
public enum Unit {
    KM2("km2", Kind.AREA, 1), HA("ha", Kind.AREA, 100), PERCENT("percent", Kind.SHARE, 100),
    PROPORTION("proportion", Kind.SHARE, 1), TONNES("tonnes", Kind.STOCK, 1), MEGATONNES("Mt", Kind.STOCK, 1e-6);

    /** What a unit measures. */
    public enum Kind { AREA, SHARE, STOCK }

    private final String key;
    private final Kind kind;
    private final double fromReport;

    Unit(String key, Kind kind, double fromReport) {
        this.key = key;
        this.kind = kind;
        this.fromReport = fromReport;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** Converts a value in the report's unit (km², proportion, tonnes) into this unit. */
    public double fromReport(double v) {
        return v * fromReport;
    }

    public static Unit ofKey(String key) {
        for (Unit u : values()) {
            if (u.key.equalsIgnoreCase(key)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown unit '" + key + "' (km2, ha, percent, proportion, tonnes, Mt)");
    }

    /** The default unit of a kind. */
    public static Unit defaultFor(Kind k) {
        return switch (k) {
            case AREA -> KM2;
            case SHARE -> PERCENT;
            case STOCK -> TONNES;
        };
    }
}
