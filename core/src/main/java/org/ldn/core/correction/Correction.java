package org.ldn.core.correction;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ldn.core.indicator.Classes;
import org.ldn.core.zone.ZoneShape;

/**
 * One false-positive / false-negative correction (UNCCD table SO1-4.T3): inside {@code shape} (pixel-centre rule,
 * as for zones), in each of {@code periods}, {@code indicator} takes class {@code imposed}, whatever the data gave.
 * Water pixels stay water. Immutable.
 *
 * @param id      the polygon's identifier (unique in its file)
 * @param periods names of the periods it applies to (at least one)
 * @param imposed {@link Classes#DEGRADED}, {@link Classes#STABLE} or {@link Classes#IMPROVED}
 * @param reason  the reason given (empty when none)
 * @param shape   the polygon in the reference grid's CRS
 */
public record Correction(String id, List<String> periods, CorrectedIndicator indicator, short imposed, String reason,
        ZoneShape shape) {
    public Correction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(shape, "shape");
        periods = List.copyOf(periods);
        reason = reason == null ? "" : reason;
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("correction " + id + " names no period");
        }
        if (!Classes.isValid(imposed)) {
            throw new IllegalArgumentException("correction " + id + ": class " + imposed + " is not -1, 0 or 1");
        }
    }

    /** The class an attribute value names: degraded / stable / improved, or −1 / 0 / 1 (case ignored). */
    public static short classOf(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "degraded", "degradation", "-1" -> Classes.DEGRADED;
            case "stable", "0" -> Classes.STABLE;
            case "improved", "improvement", "1", "+1" -> Classes.IMPROVED;
            default -> throw new IllegalArgumentException("'" + value + "' is not a class (use degraded, stable or"
                    + " improved)");
        };
    }

    /** degraded, stable or improved. */
    public static String className(short cls) {
        return cls == Classes.DEGRADED ? "degraded" : cls == Classes.STABLE ? "stable" : "improved";
    }
}
