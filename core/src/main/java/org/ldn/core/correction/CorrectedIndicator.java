package org.ldn.core.correction;

import java.util.Locale;

/**
 * What a correction polygon corrects: the combined indicator (SDG 15.3.1) or one sub-indicator. {@link #index} is
 * the indicator's place in the engine's class arrays (0 combined, 1 land cover, 2 productivity, 3 SOC).
 */
public enum CorrectedIndicator {
    SDG("sdg", 0), LAND_COVER("landCover", 1), PRODUCTIVITY("productivity", 2), SOC("soc", 3);

    private final String key;
    private final int index;

    CorrectedIndicator(String key, int index) {
        this.key = key;
        this.index = index;
    }

    /** The name in run files, attribute values and the report: sdg, landCover, productivity, soc. */
    public String key() {
        return key;
    }

    public int index() {
        return index;
    }

    /**
     * The indicator an attribute value names: {@code sdg} (or {@code combined}, {@code sdg_15_3_1}), {@code landCover}
     * ({@code land_cover}), {@code productivity}, {@code soc}; case and separators are ignored.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static CorrectedIndicator of(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "")
                .replace(".", "");
        return switch (v) {
            case "sdg", "combined", "sdg1531", "indicator" -> SDG;
            case "landcover", "lc" -> LAND_COVER;
            case "productivity", "lpd" -> PRODUCTIVITY;
            case "soc", "soilorganiccarbon" -> SOC;
            default -> throw new IllegalArgumentException("'" + value + "' is not an indicator (use sdg, landCover,"
                    + " productivity or soc)");
        };
    }
}
