package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.List;
import org.ldn.core.accounting.ZoneTally;
import org.ldn.core.indicator.Classes;
import org.ldn.core.indicator.Status;

/**
 * Which tally keys a run counts pixel by pixel and which it derives, after the pass, from joint counts: a pixel then
 * updates a few joint tables instead of every table the report shows.
 * <ul>
 * <li>Per period, (start land cover × end land cover × LPD) gives the transition matrix, LPD by land cover and LPD
 * (without land cover or LPD, the one that exists is counted alone).</li>
 * <li>Each land-cover year is a margin of the transition of a period that starts or ends in it (counted directly only
 * when no period uses the year), and the zone area is the sum of a land-cover year's classes.</li>
 * <li>In a run with reporting periods, per reporting period and indicator, (baseline class × class of the period)
 * gives the period's classes, the baseline's classes, the 7-class status and the cross table, since the status of a
 * pixel is a function of those two classes alone ({@link Status#apply}).</li>
 * <li>With exactly two reporting periods, per indicator, (baseline class × reporting 1 class × reporting 2 class)
 * gives both of those joint counts: one pass over the pixels instead of two.</li>
 * <li>A land type's area is the sum of its gains, losses and the rest.</li>
 * </ul>
 * Sums of tallies are exact integers, so derived keys are bit-identical to keys counted pixel by pixel. Immutable.
 */
final class DerivedKeys {
    /** A representative class value of each indicator class key ({@link TallyLayout#classKey}). */
    private static final short[] CLASS_OF_KEY = {Classes.IMPROVED, Classes.STABLE, Classes.DEGRADED, Classes.NODATA,
        Classes.WATER};

    private final TallyLayout layout;
    private final int periods;
    private final boolean[] usesIndicator;
    private final boolean hasLandCover;
    private final boolean[] hasLpd;
    private final int[] periodLcStart;
    private final int[] periodLcEnd;
    /** For each land-cover year, the period whose transition gives it, or −1 (counted directly). */
    private final int[] lcYearFrom;

    DerivedKeys(RunPlan plan) {
        EngineInputs in = plan.inputs();
        this.layout = plan.layout();
        this.periods = in.periods().size();
        this.usesIndicator = new boolean[] {true, in.uses(SubIndicator.LAND_COVER), in.uses(SubIndicator.PRODUCTIVITY),
            in.uses(SubIndicator.SOC)};
        this.hasLandCover = plan.hasLandCover();
        this.hasLpd = new boolean[periods];
        this.periodLcStart = new int[periods];
        this.periodLcEnd = new int[periods];
        for (int p = 0; p < periods; p++) {
            hasLpd[p] = plan.hasLpd(p);
            if (hasLandCover) {
                periodLcStart[p] = plan.lcIndex(in.periods().get(p).landCoverStart());
                periodLcEnd[p] = plan.lcIndex(in.periods().get(p).landCoverEnd());
            }
        }
        this.lcYearFrom = new int[plan.lcYears().size()];
        java.util.Arrays.fill(lcYearFrom, -1);
        for (int p = periods - 1; p >= 0 && hasLandCover; p--) {
            lcYearFrom[periodLcStart[p]] = p;
            lcYearFrom[periodLcEnd[p]] = p;
        }
    }

    boolean usesIndicator(int j) {
        return usesIndicator[j];
    }

    /** True when the zone area is counted pixel by pixel (no land cover to derive it from). */
    boolean countsZoneArea() {
        return !hasLandCover;
    }

    /** True when land-cover year index {@code j} is counted pixel by pixel. */
    boolean countsLandCoverYear(int j) {
        return lcYearFrom[j] < 0;
    }

    /** True when the classes of every indicator are counted per period (a run with the baseline period only). */
    boolean countsClasses() {
        return periods < 2;
    }

    int periodLcStart(int p) {
        return periodLcStart[p];
    }

    int periodLcEnd(int p) {
        return periodLcEnd[p];
    }

    /** Fills every derived key of {@code t} (the merged tally of a whole run) from the joint counts. */
    void derive(ZoneTally t) {
        for (int p = 0; p < periods; p++) {
            int base = layout.period(p);
            if (hasLandCover && hasLpd[p]) {
                for (int a = 0; a < TallyLayout.LC_KEYS; a++) {
                    for (int b = 0; b < TallyLayout.LC_KEYS; b++) {
                        int[] src = new int[TallyLayout.LPD_KEYS];
                        for (int k = 0; k < src.length; k++) {
                            src[k] = transitionLpd(base, a, b, k);
                        }
                        t.sumInto(base + TallyLayout.TRANSITION + a * TallyLayout.LC_KEYS + b, src);
                    }
                }
                for (int b = 0; b < TallyLayout.LC_KEYS; b++) {
                    for (int k = 0; k < TallyLayout.LPD_KEYS; k++) {
                        int[] src = new int[TallyLayout.LC_KEYS];
                        for (int a = 0; a < src.length; a++) {
                            src[a] = transitionLpd(base, a, b, k);
                        }
                        t.sumInto(base + TallyLayout.LPD_BY_LC + b * TallyLayout.LPD_KEYS + k, src);
                    }
                }
            }
            if (hasLpd[p]) {
                for (int k = 0; k < TallyLayout.LPD_KEYS; k++) {
                    int[] src = new int[TallyLayout.LC_KEYS];
                    for (int b = 0; b < src.length; b++) {
                        src[b] = base + TallyLayout.LPD_BY_LC + b * TallyLayout.LPD_KEYS + k;
                    }
                    t.sumInto(base + TallyLayout.LPD + k, src);
                }
            }
        }
        for (int j = 0; j < lcYearFrom.length; j++) {
            int p = lcYearFrom[j];
            if (p < 0) {
                continue;
            }
            int first = layout.period(p) + TallyLayout.TRANSITION;
            boolean start = periodLcStart[p] == j;
            for (int c = 0; c < TallyLayout.LC_KEYS; c++) {
                int[] src = new int[TallyLayout.LC_KEYS];
                for (int o = 0; o < src.length; o++) {
                    src[o] = first + (start ? c * TallyLayout.LC_KEYS + o : o * TallyLayout.LC_KEYS + c);
                }
                t.sumInto(layout.landCover(j) + c, src);
            }
        }
        if (hasLandCover) {
            int[] src = new int[TallyLayout.LC_KEYS];
            for (int c = 0; c < src.length; c++) {
                src[c] = layout.landCover(0) + c;
            }
            t.sumInto(TallyLayout.ZONE_AREA, src);
        }
        if (layout.countsTriples()) {
            deriveJointsFromTriples(t);
        }
        if (!countsClasses()) {
            for (int p = 1; p < periods; p++) {
                for (int j = 0; j < TallyLayout.STATUS_INDICATORS; j++) {
                    if (usesIndicator[j]) {
                        deriveFromJoint(t, p, j);
                    }
                }
            }
        }
        for (int p = 1; p < periods; p++) {
            for (int lt = 0; lt <= TallyLayout.NODATA_LAND_TYPE; lt++) {
                t.sumInto(layout.landTypeArea(p, lt), new int[] {layout.landType(p, lt, true),
                    layout.landType(p, lt, false), layout.landTypeNeither(p, lt)});
            }
        }
    }

    /** Both reporting periods' (baseline × period) joint counts, as margins of the triple counts. */
    private void deriveJointsFromTriples(ZoneTally t) {
        int k = TallyLayout.CLASS_KEYS;
        for (int j = 0; j < TallyLayout.STATUS_INDICATORS; j++) {
            if (!usesIndicator[j]) {
                continue;
            }
            int triple = layout.triple(j);
            for (int b = 0; b < k; b++) {
                for (int c = 0; c < k; c++) {
                    int[] overSecond = new int[k];
                    int[] overFirst = new int[k];
                    for (int o = 0; o < k; o++) {
                        overSecond[o] = triple + b * k * k + c * k + o;
                        overFirst[o] = triple + b * k * k + o * k + c;
                    }
                    t.sumInto(layout.joint(1, j) + b * k + c, overSecond);
                    t.sumInto(layout.joint(2, j) + b * k + c, overFirst);
                }
            }
        }
    }

    private static int transitionLpd(int base, int start, int end, int lpd) {
        return base + TallyLayout.TRANSITION_LPD + (start * TallyLayout.LC_KEYS + end) * TallyLayout.LPD_KEYS + lpd;
    }

    /** Classes of period p (and of the baseline, from the first reporting period), status and cross table. */
    private void deriveFromJoint(ZoneTally t, int p, int j) {
        int joint = layout.joint(p, j);
        int classes = layout.period(p) + TallyLayout.SDG + j * TallyLayout.CLASS_KEYS;
        int baseline = layout.period(0) + TallyLayout.SDG + j * TallyLayout.CLASS_KEYS;
        int k = TallyLayout.CLASS_KEYS;
        for (int c = 0; c < k; c++) {
            int[] byBaseline = new int[k];
            int[] byPeriod = new int[k];
            for (int o = 0; o < k; o++) {
                byBaseline[o] = joint + o * k + c;
                byPeriod[o] = joint + c * k + o;
            }
            t.sumInto(classes + c, byBaseline);
            if (p == 1) {
                t.sumInto(baseline + c, byPeriod);
            }
        }
        int status = layout.status(p, j);
        List<List<Integer>> sources = new ArrayList<>();
        for (int i = 0; i < TallyLayout.STATUS_BLOCK; i++) {
            sources.add(new ArrayList<>());
        }
        short[] out = new short[1];
        for (int b = 0; b < k; b++) {
            for (int c = 0; c < k; c++) {
                short bv = CLASS_OF_KEY[b];
                short cv = CLASS_OF_KEY[c];
                Status.apply(new short[] {bv}, new short[] {cv}, out, 1);
                short v = out[0];
                int key = joint + b * k + c;
                sources.get(statusKey(v)).add(key);
                if (v != Classes.WATER) {
                    int bk = bv == Classes.WATER ? 3 : TallyLayout.crossKey(bv);
                    sources.get(TallyLayout.STATUS_KEYS + bk * 4 + TallyLayout.crossKey(cv)).add(key);
                }
            }
        }
        for (int i = 0; i < sources.size(); i++) {
            t.sumInto(status + i, sources.get(i).stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Status key of a 7-class status value: 1..7 → 0..6, nodata 7, water 8. */
    static int statusKey(short v) {
        return v >= 1 && v <= 7 ? v - 1 : v == Classes.WATER ? 8 : 7;
    }
}
