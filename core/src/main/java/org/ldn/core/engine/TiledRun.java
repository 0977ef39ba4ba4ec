package org.ldn.core.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ldn.core.accounting.ZoneTally;
import org.ldn.core.grid.PixelAreas;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.productivity.UnitHistograms;

/**
 * One run split into tasks of tiles, for engines that spread the tiles over several processes or machines (each
 * process opens the same inputs and builds the same {@code TiledRun}; tasks name tiles by their index):
 * <ol>
 * <li>when LPD is computed from a series, each task builds the performance histograms of its tiles
 * ({@link #histograms}); they are merged, and their p90 table ({@link PerformanceHistograms#table}) is handed to
 * every task of the second stage;</li>
 * <li>each task runs the kernels over its tiles and writes their map tiles ({@link #tally}), returning a
 * {@link PartialTally};</li>
 * <li>the partial tallies are merged in any order or tree, and {@link #finish} turns the total into the result of
 * {@link Engine#run}.</li>
 * </ol>
 * The tiles are those of {@link Engine#run} for the same tile size (cut from the reference grid's origin, which the
 * run's crop aligns on the reference file's blocks). Tasks are pure: a task run again gives the same partial tally
 * and the same map tiles. Immutable; tasks may run on several threads at once.
 */
public final class TiledRun {
    private final EngineInputs in;
    private final Tiling tiling;
    private final int maxPixels;
    private final RunPlan plan;
    private final DerivedKeys derived;

    private TiledRun(EngineInputs in, int tileSize) {
        this.in = in;
        this.tiling = Tiling.of(in.grid(), tileSize);
        this.maxPixels = Math.min(tileSize, in.grid().width()) * Math.min(tileSize, in.grid().height());
        this.plan = RunPlan.of(in, PixelAreas.rowAreasKm2(in.grid()), PixelAreas.maxPixelAreaKm2(in.grid()));
        this.derived = new DerivedKeys(plan);
    }

    /** Plans {@code in} in tiles of {@code tileSize} pixels square (checks the inputs as {@link Engine#run} does). */
    public static TiledRun of(EngineInputs in, int tileSize) {
        new EngineOptions(tileSize, 1, null); // the same bounds as a local run
        return new TiledRun(in, tileSize);
    }

    public Tiling tiling() {
        return tiling;
    }

    public int tileCount() {
        return tiling.tileCount();
    }

    public EngineInputs inputs() {
        return in;
    }

    /** True when the run needs the first stage ({@link #histograms}) before {@link #tally}. */
    public boolean hasPerformanceStage() {
        return plan.series() != null;
    }

    /** First stage: the performance histograms over {@code tiles} (indices into {@link #tiling()}). */
    public PerformanceHistograms histograms(int[] tiles) {
        if (!hasPerformanceStage()) {
            throw new IllegalStateException("this run computes no productivity: it has no first stage");
        }
        return new PerformanceHistograms(PerformancePass.histograms(plan, tiling, check(tiles), maxPixels));
    }

    /**
     * Second stage: runs the kernels over {@code tiles} on this thread, tallies them and writes their map tiles to
     * {@code outputs} (sinks of the whole grid that receive these tiles only; committed when every tile is done).
     *
     * @param p90 the merged first stage's table, or {@code null} when the run has no first stage
     */
    public PartialTally tally(int[] tiles, PerformanceHistograms.PerformanceTable p90, MapOutputs outputs) {
        check(tiles);
        if (hasPerformanceStage() != (p90 != null)) {
            throw new IllegalArgumentException(hasPerformanceStage() ? "the p90 table of the first stage is needed"
                    : "this run has no first stage, so no p90 table");
        }
        RunPlan own = plan.withFreshLandTypes();
        UnitHistograms.P90[] table = p90 == null ? null : p90.byPeriod();
        TileWorker worker = new TileWorker(own, derived, maxPixels, table, null);
        try (MapWriter maps = new MapWriter(in, outputs)) {
            for (int t : tiles) {
                worker.process(tiling.tile(t), maps);
            }
            maps.commit();
        }
        return new PartialTally(worker.tally(), own.landTypeCodes().codes(), plan.layout(), in.periods().size(),
                own.landTypeCodes().source(), tiles.length);
    }

    /** An empty partial tally of this run (the zero of {@link PartialTally#merge}). */
    public PartialTally empty() {
        return new PartialTally(new ZoneTally(in.zones().zoneCount(), plan.layout().keys, plan.layout().valueKeys),
                new int[0], plan.layout(), in.periods().size(), plan.landTypeCodes().source(), 0);
    }

    /**
     * The result of {@link Engine#run} from the merged partial tallies of every tile ({@code total} is not
     * changed).
     *
     * @throws IllegalArgumentException when {@code total} does not hold every tile once
     */
    public EngineResult finish(PartialTally total) {
        return finish(total, null);
    }

    /**
     * The run's result from the merged tallies of every tile and, for a run with a first stage, the p90 table the
     * tiles were classified with (reported as {@link EngineResult#performanceP90}, as {@link Engine#run} does).
     */
    public EngineResult finish(PartialTally total, PerformanceHistograms.PerformanceTable p90) {
        if (hasPerformanceStage() != (p90 != null)) {
            throw new IllegalArgumentException(hasPerformanceStage() ? "the p90 table of the first stage is needed"
                    : "this run has no first stage, so no p90 table");
        }
        if (total.tiles() != tiling.tileCount()) {
            throw new IllegalArgumentException("the partial tallies hold " + total.tiles() + " tiles of "
                    + tiling.tileCount());
        }
        ZoneTally t = total.tally().emptyCopy();
        t.merge(total.tally());
        derived.derive(t);
        Map<Integer, Integer> byCode = new TreeMap<>();
        int[] codes = total.landTypeCodes();
        for (int i = 0; i < codes.length; i++) {
            byCode.put(codes[i], i);
        }
        return new EngineResult(in, plan.lcYears(), plan.socYears(), t, plan.scale(), byCode,
                plan.populationSeries().stream().map(Map.Entry::getKey).toList(),
                p90 == null ? null : List.of(p90.byPeriod()));
    }

    private int[] check(int[] tiles) {
        for (int t : tiles) {
            if (t < 0 || t >= tiling.tileCount()) {
                throw new IllegalArgumentException("tile " + t + " is not one of the run's " + tiling.tileCount());
            }
        }
        return tiles;
    }

    /** The window of tile {@code i}. */
    public Window tile(int i) {
        return tiling.tile(i);
    }
}
