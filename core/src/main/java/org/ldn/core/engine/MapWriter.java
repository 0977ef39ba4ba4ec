package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ldn.core.grid.Window;
import org.ldn.core.indicator.Classes;
import org.ldn.core.raster.RasterSink;

/**
 * The map sinks of a run: per period the sub-indicators the run uses and the combined indicator, and per reporting
 * period the 7-class status of the combined indicator. Thread-safe as the sinks are.
 */
final class MapWriter implements AutoCloseable {
    /** [period][0 sdg, 1 lc, 2 prod, 3 soc, 4 status] */
    private final RasterSink[][] sinks;
    private final List<RasterSink> all = new ArrayList<>();

    MapWriter(EngineInputs in, MapOutputs outputs) {
        int periods = in.periods().size();
        sinks = new RasterSink[periods][5];
        MapKind[] kinds = {MapKind.SDG, MapKind.LAND_COVER, MapKind.PRODUCTIVITY, MapKind.SOC, MapKind.STATUS};
        try {
            for (int p = 0; p < periods; p++) {
                for (int j = 0; j < 5; j++) {
                    boolean wanted = j == 0 || (j < 4 && in.uses(SubIndicator.values()[j - 1])) || (j == 4 && p > 0);
                    if (wanted) {
                        RasterSink s = outputs.open(in.periods().get(p), kinds[j]);
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

    void write(Window w, short[][][] sub, short[][][] status) {
        int n = w.length();
        for (int p = 0; p < sinks.length; p++) {
            for (int j = 0; j < 4; j++) {
                if (sinks[p][j] != null) {
                    sinks[p][j].write(w, n == sub[p][j].length ? sub[p][j] : Arrays.copyOf(sub[p][j], n));
                }
            }
            if (sinks[p][4] != null) {
                sinks[p][4].write(w, n == status[p][0].length ? status[p][0] : Arrays.copyOf(status[p][0], n));
            }
        }
    }

    void writeNoData(Window w) {
        if (all.isEmpty()) {
            return;
        }
        short[] nd = new short[w.length()];
        Arrays.fill(nd, Classes.NODATA);
        for (RasterSink s : all) {
            s.write(w, nd);
        }
    }

    void commit() {
        for (RasterSink s : all) {
            s.commit();
        }
    }

    @Override
    public void close() {
        for (RasterSink s : all) {
            s.close();
        }
    }
}
