package org.ldn.core.engine;

/**
 * Where the drought tallies live (one {@link org.ldn.core.accounting.ZoneTally} per zone): area keys are the zone
 * area, then per "period" (each reported year, then each block) the 7 class keys none, mild, moderate, severe,
 * extreme, nodata, water, then the 6 DVI keys (quintile classes 0–0.2 … 0.8–1 with inclusive upper bounds, then
 * nodata), then one risk key per period. Value keys are the population per period × class key × series, the
 * population in the risk area per period × series, the zone's population per series, and the area-weighted DVI
 * sum. Immutable.
 */
final class DroughtLayout {
    static final int CLASS_KEYS = 7;
    static final int NODATA = 5;
    static final int WATER = 6;
    static final int DVI_KEYS = 6;

    final int periods;
    final int series;
    final int keys;
    final int valueKeys;

    DroughtLayout(int periods, int series) {
        this.periods = periods;
        this.series = series;
        this.keys = dviKey(0) + DVI_KEYS + periods;
        this.valueKeys = periods * CLASS_KEYS * series + periods * series + series + 1;
    }

    int classKey(int period, int key) {
        return 1 + period * CLASS_KEYS + key;
    }

    int dviKey(int quintile) {
        return 1 + periods * CLASS_KEYS + quintile;
    }

    int riskKey(int period) {
        return dviKey(0) + DVI_KEYS + period;
    }

    int population(int period, int key, int s) {
        return (period * CLASS_KEYS + key) * series + s;
    }

    int riskPopulation(int period, int s) {
        return periods * CLASS_KEYS * series + period * series + s;
    }

    int zonePopulation(int s) {
        return periods * CLASS_KEYS * series + periods * series + s;
    }

    int dviSum() {
        return valueKeys - 1;
    }
}
