package org.ldn.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.landcover.LandCoverNoise;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SharedReads;
import org.ldn.core.report.Report.ZoneReport;

class VariantsTest {
    private static ZoneReport[] reports(EngineResult r) {
        ReportTables t = new ReportTables(r, Map.of());
        List<ZoneReport> z = new ArrayList<>(t.zones());
        z.add(t.total());
        return z.toArray(new ZoneReport[0]);
    }

    private static EngineInputs withThreshold(EngineInputs in, double t) {
        return new EngineInputs(in.grid(), in.zones(), in.periods(), in.subIndicators(), in.legend(), in.landCover(),
                in.matrices(), in.matrixOfZone(), in.lpd(), in.soc(), t, in.landTypes(), in.population(), in.series(),
                in.landCoverNoise());
    }

    /** The inputs with every raster wrapped in one SharedReads each; the wrappers are returned in {@code out}. */
    private static EngineInputs shared(EngineInputs in, List<SharedReads> out) {
        TreeMap<Integer, RasterSource> lc = new TreeMap<>();
        in.landCover().forEach((y, s) -> lc.put(y, add(out, s)));
        Map<String, RasterSource> lpd = new TreeMap<>();
        in.lpd().forEach((p, s) -> lpd.put(p, add(out, s)));
        Map<Integer, RasterSource> soc = new TreeMap<>();
        ((SocInput.Supplied) in.soc()).stocks().forEach((y, s) -> soc.put(y, add(out, s)));
        return new EngineInputs(in.grid(), in.zones(), in.periods(), in.subIndicators(), in.legend(), lc,
                in.matrices(), in.matrixOfZone(), lpd, new SocInput.Supplied(soc), in.socThresholdPercent(),
                in.landTypes(), in.population(), in.series(), null);
    }

    private static RasterSource add(List<SharedReads> out, RasterSource s) {
        SharedReads r = new SharedReads(s);
        out.add(r);
        return r;
    }

    @Test
    void variantsInOnePassEqualSeparateRunsAndReadEachTileOnce() {
        EngineTest.Synthetic s = EngineTest.synthetic(EngineTest.geographic(90, 70), 51, 3);
        List<SharedReads> wrappers = new ArrayList<>();
        EngineInputs base = shared(s.inputs(), wrappers);
        List<EngineInputs> variants = List.of(base, withThreshold(base, 5), withThreshold(base, 20));
        EngineOptions options = new EngineOptions(32, 2, null);
        List<EngineResult> together = Engine.runVariants(variants, List.of(MapOutputs.NONE, MapOutputs.NONE,
                MapOutputs.NONE), options);
        int tiles = Tiling.of(base.grid(), 32).tileCount();
        for (SharedReads w : wrappers) {
            assertEquals(tiles, w.reads(), w.name() + " is read once per tile for all three variants");
        }
        for (int v = 0; v < 3; v++) {
            EngineInputs alone = withThreshold(s.inputs(), variants.get(v).socThresholdPercent());
            assertArrayEquals(EngineTest.run(alone, 17, 1), reports(together.get(v)), "variant " + v);
        }
        // a lower SOC threshold never shows less SOC degradation
        double d5 = reports(together.get(1))[3].periods().get(0).soc().degradedKm2();
        double d10 = reports(together.get(0))[3].periods().get(0).soc().degradedKm2();
        double d20 = reports(together.get(2))[3].periods().get(0).soc().degradedKm2();
        assertEquals(true, d5 >= d10 && d10 >= d20, d5 + " " + d10 + " " + d20);
    }

    @Test
    void landCoverNoiseIsDeterministicPerPixelAndKeepsPerfectClasses() {
        long[][] perfect = new long[7][7];
        long[][] noisy = new long[7][7];
        for (int i = 0; i < 7; i++) {
            perfect[i][i] = 10;
            noisy[i][i] = 6;
            noisy[i][(i + 1) % 7] = 4;
        }
        Grid g = EngineTest.geographic(50, 40);
        short[] classes = new short[g.width() * g.height()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = (short) (1 + i % 7);
        }
        short[] same = classes.clone();
        LandCoverNoise.of(3, 0, perfect).apply(same, 0, g.extent(), g.width(), same.length);
        assertArrayEquals(classes, same, "a perfect confusion matrix changes nothing");
        short[] whole = classes.clone();
        LandCoverNoise noise = LandCoverNoise.of(3, 0, noisy);
        noise.apply(whole, 1, g.extent(), g.width(), whole.length);
        // the same pixels redrawn tile by tile get the same classes
        short[] tiled = new short[whole.length];
        for (Window w : Tiling.of(g, 7).windows()) {
            short[] t = new short[w.length()];
            for (int i = 0; i < t.length; i++) {
                t[i] = classes[(w.row() + i / w.width()) * g.width() + w.col() + i % w.width()];
            }
            noise.apply(t, 1, w, g.width(), t.length);
            for (int i = 0; i < t.length; i++) {
                tiled[(w.row() + i / w.width()) * g.width() + w.col() + i % w.width()] = t[i];
            }
        }
        assertArrayEquals(whole, tiled);
        int moved = 0;
        for (int i = 0; i < whole.length; i++) {
            int c = classes[i];
            assertEquals(true, whole[i] == c || whole[i] == 1 + c % 7, "only the confused class is drawn");
            moved += whole[i] != c ? 1 : 0;
        }
        // 2000 pixels, each moved with probability 0.4: 800 expected, 4.5 standard deviations is ±99
        assertEquals(800, moved, 99);
        short[] other = classes.clone();
        LandCoverNoise.of(3, 1, noisy).apply(other, 1, g.extent(), g.width(), other.length);
        assertNotEquals(java.util.Arrays.toString(whole), java.util.Arrays.toString(other), "another draw differs");
    }
}
