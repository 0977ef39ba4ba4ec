package org.ldn.cli.output;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ldn.core.engine.MapKind;

/**
 * The one definition of the colours and labels of the run's class maps, used by the QGIS styles ({@link QmlStyle})
 * and by the rendered report alike. Values are the maps' Int16 samples (−32767 water); nodata (−32768) has no
 * entry: it is drawn transparent. Immutable.
 *
 * @param name a short name for the palette ("classes", "status", "lpd")
 */
public record MapPalette(String name, List<Entry> entries) {
    /** Water in every map (the value the maps write for water pixels). */
    public static final int WATER = -32767;

    /** One class: its map value, colour as 0xRRGGBB and label. */
    public record Entry(int value, int rgb, String label) {
        public Entry {
            Objects.requireNonNull(label, "label");
            if ((rgb & ~0xFFFFFF) != 0) {
                throw new IllegalArgumentException("rgb " + Integer.toHexString(rgb));
            }
        }

        /** The colour as {@code #rrggbb}. */
        public String hex() {
            return String.format(Locale.ROOT, "#%06x", rgb);
        }
    }

    public MapPalette {
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
    }

    /** Degraded / stable / improved (−1 / 0 / +1), for the combined indicator and each sub-indicator. */
    public static final MapPalette CLASSES = new MapPalette("classes", List.of(
            new Entry(-1, 0xd7191c, "Degraded"), new Entry(0, 0xffffbf, "Stable"),
            new Entry(1, 0x1a9641, "Improved"), new Entry(WATER, 0x2b83ba, "Water")));

    /** The 7 status classes of a reporting period against the baseline (METHOD §6). */
    public static final MapPalette STATUS = new MapPalette("status", List.of(
            new Entry(1, 0xa50026, "Persistent degradation"), new Entry(2, 0xf46d43, "Recent degradation"),
            new Entry(3, 0xfdae61, "Baseline degradation"), new Entry(4, 0xffffbf, "Stable"),
            new Entry(5, 0xa6d96a, "Baseline improvement"), new Entry(6, 0x66bd63, "Recent improvement"),
            new Entry(7, 0x006837, "Persistent improvement"), new Entry(WATER, 0x2b83ba, "Water")));

    /** The 5 land productivity dynamics classes. */
    public static final MapPalette LPD = new MapPalette("lpd", List.of(
            new Entry(1, 0xd7191c, "Declining"), new Entry(2, 0xfdae61, "Moderate decline"),
            new Entry(3, 0xffffbf, "Stable but stressed"), new Entry(4, 0xa6d96a, "Stable"),
            new Entry(5, 0x1a9641, "Increasing"), new Entry(WATER, 0x2b83ba, "Water")));

    /** The drought-intensity classes of the drought class maps (METHOD §9): 0 none … 4 extreme, by SPI. */
    public static final MapPalette DROUGHT = new MapPalette("drought", List.of(
            new Entry(0, 0xffffbf, "No drought (SPI >= 0)"), new Entry(1, 0xfee08b, "Mild (0 > SPI > -1)"),
            new Entry(2, 0xfdae61, "Moderate (-1 >= SPI > -1.5)"), new Entry(3, 0xf46d43, "Severe (-1.5 >= SPI > -2)"),
            new Entry(4, 0xa50026, "Extreme (SPI <= -2)"), new Entry(WATER, 0x2b83ba, "Water")));

    /** One step of a discrete colour ramp for a continuous map: values up to {@code upTo} get the colour. */
    public record Step(double upTo, int rgb, String label) {
        public Step {
            Objects.requireNonNull(label, "label");
        }

        /** The colour as {@code #rrggbb}. */
        public String hex() {
            return String.format(Locale.ROOT, "#%06x", rgb);
        }

        /** The bound as QGIS writes it: {@code -1.5}, {@code 1}. */
        public String bound() {
            return java.math.BigDecimal.valueOf(upTo).stripTrailingZeros().toPlainString();
        }
    }

    /** The SPI maps' ramp, at the drought-class boundaries (SPI is clamped to ±3.09). */
    public static final List<Step> SPI_RAMP = List.of(
            new Step(-2, 0xa50026, "<= -2 extreme"), new Step(-1.5, 0xf46d43, "-2..-1.5 severe"),
            new Step(-1, 0xfdae61, "-1.5..-1 moderate"), new Step(0, 0xfee08b, "-1..0 mild"),
            new Step(1, 0xd9ef8b, "0..1"), new Step(2, 0x66bd63, "1..2"), new Step(3.09, 0x1a9850, ">= 2"));

    /** The Drought Vulnerability Index map's ramp, at the quintile classes (upper bounds inclusive). */
    public static final List<Step> DVI_RAMP = List.of(
            new Step(0.2, 0xffffcc, "0-0.2"), new Step(0.4, 0xc2e699, "0.2-0.4"), new Step(0.6, 0xfecc5c, "0.4-0.6"),
            new Step(0.8, 0xfd8d3c, "0.6-0.8"), new Step(1, 0xe31a1c, "0.8-1"));

    /** The palette of a map kind. */
    public static MapPalette of(MapKind kind) {
        return switch (kind) {
            case STATUS -> STATUS;
            case LPD -> LPD;
            default -> CLASSES;
        };
    }

    /** The kind of a map file named {@code <period>_<stem>.tif}, or null when the name is not a run's map. */
    public static MapKind kindOfFile(String file) {
        MapKind best = null;
        for (MapKind k : MapKind.values()) {
            if (file.endsWith("_" + k.fileStem() + ".tif")
                    && (best == null || k.fileStem().length() > best.fileStem().length())) {
                best = k;
            }
        }
        return best;
    }

    /** The entry of map value {@code value}, or null. */
    public Entry entry(int value) {
        for (Entry e : entries) {
            if (e.value == value) {
                return e;
            }
        }
        return null;
    }
}
