package org.ldn.core.engine;

import java.util.List;

/**
 * Where each category lives in the run's {@link org.ldn.core.accounting.ZoneTally}: the key offsets of every table
 * the report is built from. Class arrays are coded into keys as follows:
 * indicator classes (5 keys) improved, stable, degraded, nodata, water; land-cover classes (8) 1..7, nodata;
 * LPD (7) 1..5, nodata, water; status (9) 1..7, nodata, water; cross table (16) baseline × reporting, each
 * −1, 0, +1, nodata. Immutable.
 */
final class TallyLayout {
    static final int CLASS_KEYS = 5;
    static final int LC_KEYS = 8;
    static final int LPD_KEYS = 7;
    static final int STATUS_KEYS = 9;
    static final int CROSS_KEYS = 16;
    /** Indicators that get a status in reporting periods: combined, land cover, productivity, SOC. */
    static final int STATUS_INDICATORS = 4;
    static final int STATUS_BLOCK = STATUS_KEYS + CROSS_KEYS;
    /** Most distinct land types a run may have. */
    static final int MAX_LAND_TYPES = 256;
    /** Land-type index of the pixels whose land type is nodata (METHOD.md §7: reported as the type {@code nodata}). */
    static final int NODATA_LAND_TYPE = MAX_LAND_TYPES;
    /** Value keys per SOC year: stock by land-cover class 1..7, then stock of pixels without a class. */
    static final int SOC_VALUE_KEYS = 8;
    static final int POPULATION_SERIES = 3;

    static final int ZONE_AREA = 0;

    // offsets inside a period block
    static final int SDG = 0;
    static final int LC = SDG + CLASS_KEYS;
    static final int PROD = LC + CLASS_KEYS;
    static final int SOC = PROD + CLASS_KEYS;
    static final int LPD = SOC + CLASS_KEYS;
    static final int LPD_BY_LC = LPD + LPD_KEYS;
    static final int TRANSITION = LPD_BY_LC + LC_KEYS * LPD_KEYS;
    static final int STATUS = TRANSITION + LC_KEYS * LC_KEYS;
    /** Computed productivity: trajectory, state, performance (indicator classes each). */
    static final int METRICS = STATUS + STATUS_INDICATORS * STATUS_BLOCK;
    /** Per land type (the {@link #MAX_LAND_TYPES} codes, then nodata): gains, losses, area (derived), neither. */
    static final int LAND_TYPES = METRICS + 3 * CLASS_KEYS;
    static final int LAND_TYPE_KEYS = 4;
    /** Joint counts (start land cover × end land cover × LPD), from which {@link DerivedKeys} derives the marginals. */
    static final int TRANSITION_LPD = LAND_TYPES + LAND_TYPE_KEYS * (MAX_LAND_TYPES + 1);
    /** Joint counts per indicator (baseline class key × this period's class key), reporting periods only. */
    static final int JOINT = TRANSITION_LPD + LC_KEYS * LC_KEYS * LPD_KEYS;
    static final int JOINT_KEYS = CLASS_KEYS * CLASS_KEYS;
    static final int PERIOD_KEYS = JOINT + STATUS_INDICATORS * JOINT_KEYS;

    final int lcYears;
    final int socYears;
    final int periods;
    final int corrections;
    final int keys;
    final int valueKeys;
    /**
     * With two reporting periods, the first key of the (baseline class × reporting 1 class × reporting 2 class)
     * counts of each indicator ({@link #TRIPLE_KEYS} a block), from which {@link DerivedKeys} derives both joint
     * counts: one pass over the pixels instead of two. −1 otherwise.
     */
    final int tripleBase;
    static final int TRIPLE_KEYS = CLASS_KEYS * CLASS_KEYS * CLASS_KEYS;

    TallyLayout(int lcYears, int socYears, int periods) {
        this(lcYears, socYears, periods, 0);
    }

    /** @param corrections correction polygons: each gets, per period, the class keys of its pixels before it */
    TallyLayout(int lcYears, int socYears, int periods, int corrections) {
        this.lcYears = lcYears;
        this.socYears = socYears;
        this.periods = periods;
        this.corrections = corrections;
        int base = 1 + lcYears * LC_KEYS + socYears + periods * PERIOD_KEYS + corrections * periods * CLASS_KEYS;
        this.tripleBase = periods == 3 ? base : -1;
        this.keys = base + (periods == 3 ? STATUS_INDICATORS * TRIPLE_KEYS : 0);
        this.valueKeys = socYears * SOC_VALUE_KEYS + periods * POPULATION_SERIES * CLASS_KEYS;
    }

    static TallyLayout of(List<Integer> lcYears, List<Integer> socYears, int periods, int corrections) {
        return new TallyLayout(lcYears.size(), socYears.size(), periods, corrections);
    }

    /**
     * Area of correction {@code c}'s pixels in period p whose class of the corrected indicator was, before the
     * correction, class key {@code classKey} ({@link #classKey}).
     */
    int correction(int c, int p, int classKey) {
        return 1 + lcYears * LC_KEYS + socYears + periods * PERIOD_KEYS + (c * periods + p) * CLASS_KEYS + classKey;
    }

    /** Land-cover class key of land-cover year index {@code j}. */
    int landCover(int j) {
        return 1 + j * LC_KEYS;
    }

    /** Key counting the area without a valid stock in SOC year index {@code k}. */
    int socNoData(int k) {
        return 1 + lcYears * LC_KEYS + k;
    }

    /** First key of period {@code p}'s block. */
    int period(int p) {
        return 1 + lcYears * LC_KEYS + socYears + p * PERIOD_KEYS;
    }

    /** First key of the status block of indicator {@code j} (0 combined, 1 land cover, 2 productivity, 3 SOC). */
    int status(int p, int j) {
        return period(p) + STATUS + j * STATUS_BLOCK;
    }

    /** Gains (status 6, 7) or losses (status 1, 2) of land type {@code typeIndex} in reporting period p. */
    int landType(int p, int typeIndex, boolean gain) {
        return period(p) + LAND_TYPES + LAND_TYPE_KEYS * typeIndex + (gain ? 0 : 1);
    }

    /** Area of land type {@code typeIndex} in period p (every pixel of the type, whatever its status). */
    int landTypeArea(int p, int typeIndex) {
        return period(p) + LAND_TYPES + LAND_TYPE_KEYS * typeIndex + 2;
    }

    /** Pixels of land type {@code typeIndex} in period p that are neither a gain nor a loss. */
    int landTypeNeither(int p, int typeIndex) {
        return period(p) + LAND_TYPES + LAND_TYPE_KEYS * typeIndex + 3;
    }

    /** First key of the (baseline class × class) joint counts of indicator {@code j} in reporting period p. */
    int joint(int p, int j) {
        return period(p) + JOINT + j * JOINT_KEYS;
    }

    /** True when the joint counts of both reporting periods are derived from triple counts ({@link #triple}). */
    boolean countsTriples() {
        return tripleBase >= 0;
    }

    /** First key of indicator j's (baseline × reporting 1 × reporting 2) class-key counts: b × 25 + c1 × 5 + c2. */
    int triple(int j) {
        return tripleBase + j * TRIPLE_KEYS;
    }

    /** Value key of the SOC stock of year index {@code k}, class index 0..7 (7 = no class). */
    int socValue(int k, int classIndex) {
        return k * SOC_VALUE_KEYS + classIndex;
    }

    /** Value key of population series {@code s} (0 total, 1 female, 2 male) in indicator class key {@code c}. */
    int population(int p, int s, int c) {
        return socYears * SOC_VALUE_KEYS + (p * POPULATION_SERIES + s) * CLASS_KEYS + c;
    }

    /** {@link #classKey} of every short value, indexed by {@code v & 0xFFFF}: a load instead of branches. */
    static final byte[] CLASS_KEY = table(v -> classKey((short) v));
    /** {@link #lcKey} of every short value, indexed by {@code v & 0xFFFF}. */
    static final byte[] LC_KEY = table(v -> lcKey((short) v));
    /** {@link #lpdKey} (not water) of every short value, indexed by {@code v & 0xFFFF}. */
    static final byte[] LPD_KEY = table(v -> lpdKey((short) v, false));
    /**
     * Offset of a 7-class status value within its land type's keys ({@link #landType}, {@link #landTypeNeither}):
     * 0 gain (status 6, 7), 1 loss (1, 2), 3 neither; indexed by {@code v & 0xFFFF}.
     */
    static final byte[] LAND_TYPE_STATUS = table(v -> v == 6 || v == 7 ? 0 : v == 1 || v == 2 ? 1 : 3);

    private static byte[] table(java.util.function.IntUnaryOperator keyOfShort) {
        byte[] t = new byte[1 << 16];
        for (int v = Short.MIN_VALUE; v <= Short.MAX_VALUE; v++) {
            t[v & 0xFFFF] = (byte) keyOfShort.applyAsInt(v);
        }
        return t;
    }

    /** Class key of an indicator value: improved 0, stable 1, degraded 2, nodata 3, water 4. */
    static int classKey(short v) {
        // arithmetic rather than a switch: the switch's branches mispredict on noisy class maps
        return v >= -1 && v <= 1 ? 1 - v : v == org.ldn.core.indicator.Classes.WATER ? 4 : 3;
    }

    /** LPD key of a pixel: class 1..5 → 0..4, nodata 5, water (land cover 7 at the period's start) 6. */
    static int lpdKey(short lpd, boolean water) {
        return water ? 6 : lpd >= 1 && lpd <= 5 ? lpd - 1 : 5;
    }

    /** Land-cover key: class 1..7 → 0..6, nodata → 7. */
    static int lcKey(short v) {
        return v >= 1 && v <= 7 ? v - 1 : 7;
    }

    /** Cross-table index of an indicator class: −1 → 0, 0 → 1, +1 → 2, else (nodata) 3. */
    static int crossKey(short v) {
        return v >= -1 && v <= 1 ? v + 1 : 3;
    }
}
