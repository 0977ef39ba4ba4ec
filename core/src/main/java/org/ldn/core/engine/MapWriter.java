package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ldn.core.grid.Window;
import org.ldn.core.indicator.Classes;
import org.ldn.core.raster.RasterSink;

/**
 * The map sinks of a run: per period the sub-indicators the run uses and the combined indicator, per reporting
 * period the 7-class status of the combined indicator, and, when LPD is computed from a series, per period the
 * trajectory, state and performance maps and the computed LPD. Thread-safe as the sinks are.
 */
final class MapWriter implements AutoCloseable {
    private static final MapKind[] KINDS = {MapKind.SDG, MapKind.LAND_COVER, MapKind.PRODUCTIVITY, MapKind.SOC,
        MapKind.STATUS, MapKind.TRAJECTORY, MapKind.STATE, MapKind.PERFORMANCE, MapKind.LPD};
    private static final int STATUS = 4;
    private static final int METRICS = 5;
    private static final int LPD = 8;
    /** [period][index in KINDS] */
    private final RasterSink[][] sinks;
    private final List<RasterSink> all = new ArrayList<>();
    /** A window of nodata, shared by the threads (the last size asked for). */
    private volatile short[] noData;

    MapWriter(EngineInputs in, MapOutputs outputs) {
        int periods = in.periods().size();
        sinks = new RasterSink[periods][KINDS.length];
        try {
            for (int p = 0; p < periods; p++) {
                for (int j = 0; j < KINDS.length; j++) {
                    boolean wanted = j == 0 || (j < STATUS && in.uses(SubIndicator.values()[j - 1]))
                            || (j == STATUS && p > 0) || (j > STATUS && in.computesProductivity());
                    if (wanted) {
                        RasterSink s = outputs.open(in.periods().get(p), KINDS[j]);
                        sinks[p][j] = s;
                        if (s != null) {
                            all.add(s);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Writes one window of every map.
     *
     * @param metrics [period][trajectory, state, performance][pixel], or {@code null} without a series
     * @param lpd     [period][pixel] computed LPD, or {@code null} without a series
     */
    void write(Window w, short[][][] sub, short[][] status, short[][][] metrics, short[][] lpd) {
        StageClock.enter(StageClock.Stage.WRITE);
        try {
            writeTimed(w, sub, status, metrics, lpd);
        } finally {
            StageClock.exit();
        }
    }

    private void writeTimed(Window w, short[][][] sub, short[][] status, short[][][] metrics, short[][] lpd) {
        for (int p = 0; p < sinks.length; p++) {
            for (int j = 0; j < STATUS; j++) {
                write(sinks[p][j], w, sub[p][j]);
            }
            write(sinks[p][STATUS], w, status[p]);
            for (int k = 0; k < 3; k++) {
                write(sinks[p][METRICS + k], w, metrics == null ? null : metrics[p][k]);
            }
            write(sinks[p][LPD], w, lpd == null ? null : lpd[p]);
        }
    }

    private static void write(RasterSink sink, Window w, short[] data) {
        if (sink != null) {
            int n = w.length();
            sink.write(w, n == data.length ? data : Arrays.copyOf(data, n));
        }
    }

    void writeNoData(Window w) {
        if (all.isEmpty()) {
            return;
        }
        StageClock.enter(StageClock.Stage.WRITE);
        try {
            short[] nd = noData;
            if (nd == null || nd.length != w.length()) {
                nd = new short[w.length()];
                Arrays.fill(nd, Classes.NODATA);
                noData = nd; // never written to once published: sinks only read it
            }
            for (RasterSink s : all) {
                s.write(w, nd);
            }
        } finally {
            StageClock.exit();
        }
    }

    void commit() {
        StageClock.enter(StageClock.Stage.WRITE);
        try {
            for (RasterSink s : all) {
                s.commit();
            }
        } finally {
            StageClock.exit();
        }
    }

    @Override
    public void close() {
        for (RasterSink s : all) {
            s.close();
        }
    }
}
