package org.ldn.core.soc;

/**
 * The IPCC Tier 1 land-use factor {@code f} for conversions to and from cropland, by climate regime
 * (METHOD.md §4): temperate dry 0.80, temperate moist 0.69, tropical dry 0.58, tropical moist/wet 0.48,
 * tropical montane 0.64. IPCC climate zones 0..12 map to regimes [none, moist, dry, moist, dry, moist, dry, moist,
 * dry, montane, moist-tropical, moist-tropical, dry-tropical]; zone 0, nodata and codes outside 0..12 are unknown.
 */
public final class ClimateFactor {
    public static final double TEMPERATE_DRY = 0.80;
    public static final double TEMPERATE_MOIST = 0.69;
    public static final double TROPICAL_DRY = 0.58;
    public static final double TROPICAL_MOIST = 0.48;
    public static final double TROPICAL_MONTANE = 0.64;

    private static final double[] BY_ZONE = {
        Double.NaN, TEMPERATE_MOIST, TEMPERATE_DRY, TEMPERATE_MOIST, TEMPERATE_DRY, TEMPERATE_MOIST, TEMPERATE_DRY,
        TEMPERATE_MOIST, TEMPERATE_DRY, TROPICAL_MONTANE, TROPICAL_MOIST, TROPICAL_MOIST, TROPICAL_DRY,
    };

    private ClimateFactor() {
    }

    /** The factor of an IPCC climate zone, NaN when unknown. */
    public static double ofZone(double zone) {
        if (Double.isNaN(zone) || zone != Math.rint(zone) || zone < 0 || zone >= BY_ZONE.length) {
            return Double.NaN;
        }
        return BY_ZONE[(int) zone];
    }

    /** Kernel: climate zones to factors in place. Nodata rule: NaN or unknown zone → NaN. */
    public static void fromZones(double[] zones, int n) {
        for (int i = 0; i < n; i++) {
            zones[i] = ofZone(zones[i]);
        }
    }
}
