package org.ldn.core.engine;

/** The three sub-indicators of SDG 15.3.1, in the order the report and the tables use. */
public enum SubIndicator {
    LAND_COVER("landCover"), PRODUCTIVITY("productivity"), SOC("soc");

    private final String key;

    SubIndicator(String key) {
        this.key = key;
    }

    /** The name used in run files and reports. */
    public String key() {
        return key;
    }

    public static SubIndicator ofKey(String key) {
        for (SubIndicator s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException(key);
    }
}
