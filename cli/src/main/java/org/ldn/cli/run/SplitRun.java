package org.ldn.cli.run;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.ldn.cli.output.MosaicRunWriter;
import org.ldn.cli.output.OutputDirectory;
import org.ldn.cli.output.RunWriter;
import org.ldn.core.engine.EngineResult;
import org.ldn.core.engine.MapOutputs;
import org.ldn.core.engine.PartialTally;
import org.ldn.core.engine.PerformanceHistograms;
import org.ldn.core.engine.TileTasks;
import org.ldn.core.engine.TiledRun;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.indicator.Classes;
import org.ldn.core.raster.PartitionedSink;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.SampleType;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFiles;
import org.ldn.geodata.geotiff.GeoTiffIO;

/**
 * {@code ldn run} split into tasks of tiles that other processes run (the Spark job {@code ldn-spark run}): the
 * driver ({@link #start}) assembles the run, opens the output folder (atomically, as {@code ldn run} does) and plans
 * the tasks; each task ({@link #histograms}, {@link #tally}) opens the same run from the same paths, computes its
 * tiles and writes their map tiles into the output folder as GeoTIFF parts, one per rectangle of its tiles; the
 * driver merges the partial tallies and {@link #finish}es: {@code report.json} and {@code tables/} exactly as
 * {@code ldn run} writes them, each map as a VRT mosaic of its parts ({@code maps/NAME.vrt}, parts under
 * {@code maps/parts/NAME/}), and the manifest, with the parts' digests computed by the tasks (the driver never reads
 * a map's pixels). Tasks are pure: a task run again writes the same parts and returns the same result.
 */
public final class SplitRun implements AutoCloseable {
    /**
     * What every task needs; paths absolute and the same on every process.
     *
     * @param runFile the run file
     * @param stamp   the run file's size and modification time: a process re-opens the run when it changed
     * @param work    the output folder being written (moved into place by the driver at the end)
     * @param tasks   the tile indices of each task
     * @param inputs  what the driver read while assembling the run (inputs' grids, zones' shapes), so that a task's
     *                process does not work it out again; {@code null}: the task's process assembles the run alone
     */
    public record Plan(String runFile, String stamp, int tileSize, String work, List<int[]> tasks,
            PreparedInputs inputs) implements Serializable {
        private static final long serialVersionUID = 2L;

        public Plan {
            tasks = List.copyOf(tasks);
        }

        /** A plan whose tasks' processes assemble the run alone. */
        public Plan(String runFile, String stamp, int tileSize, String work, List<int[]> tasks) {
            this(runFile, stamp, tileSize, work, tasks, null);
        }

        public int taskCount() {
            return tasks.size();
        }
    }

    /** What a task sends back: its share of the tally and the SHA-256 of each map part it wrote (by path). */
    public static final class TaskResult implements Serializable {
        private static final long serialVersionUID = 1L;
        private final PartialTally tally;
        private final TreeMap<String, String> parts;

        TaskResult(PartialTally tally, TreeMap<String, String> parts) {
            this.tally = tally;
            this.parts = parts;
        }

        /** Adds {@code other} into this one and returns this one. */
        public TaskResult merge(TaskResult other) {
            tally.merge(other.tally);
            parts.putAll(other.parts);
            return this;
        }

        public long tiles() {
            return tally.tiles();
        }

        /** The map parts written, relative path → SHA-256. */
        public java.util.SortedMap<String, String> parts() {
            return java.util.Collections.unmodifiableSortedMap(parts);
        }
    }

    /** A run opened in this process, kept for its tasks. */
    private record Opened(AssembledRun run, TiledRun tiled) {
    }

    private static final Map<String, Opened> OPEN = new ConcurrentHashMap<>();

    /**
     * System property that, set to {@code false}, sends no {@link PreparedInputs} with the plan, so that every task's
     * process assembles the run alone (a diagnostic for benchmarks; results are the same).
     */
    public static final String PREPARED_PROPERTY = "org.ldn.split.prepared";

    private final AssembledRun run;
    private final TiledRun tiled;
    private final OutputDirectory out;
    private final Plan plan;

    private SplitRun(AssembledRun run, TiledRun tiled, OutputDirectory out, Plan plan) {
        this.run = run;
        this.tiled = tiled;
        this.out = out;
        this.plan = plan;
    }

    /** Driver: assembles {@code runFile}, opens {@code outDir} and cuts its tiles into {@code tasks} bands. */
    public static SplitRun start(Path runFile, Path outDir, int tileSize, int tasks) {
        return start(runFile, outDir, tileSize, t -> TileTasks.contiguous(t, tasks));
    }

    /** Driver: as {@link #start(Path, Path, int, int)} with the tasks {@code partition} makes of the tile count. */
    public static SplitRun start(Path runFile, Path outDir, int tileSize,
            java.util.function.IntFunction<List<int[]>> partition) {
        Path file = runFile.toAbsolutePath().normalize();
        ResolvedRun resolved = RunFiles.resolve(RunFiles.read(file), file);
        RunAssembler assembler = new RunAssembler(new GeoTiffIO());
        AssembledRun run = assembler.assemble(resolved);
        OutputDirectory out = null;
        try {
            if (run.drought() != null) {
                throw new org.ldn.core.InputException(file + ": drought: the drought section is computed by 'ldn run'"
                        + " and 'ldn drought', not by a run split into tasks (remove it here and run 'ldn drought')");
            }
            TiledRun tiled = TiledRun.of(run.inputs(), tileSize);
            out = OutputDirectory.create(outDir);
            Files.createDirectories(out.work().resolve(MosaicRunWriter.PARTS));
            Plan plan = new Plan(file.toString(), stamp(file), tileSize, out.work().toString(),
                    partition.apply(tiled.tileCount()), "false".equals(System.getProperty(PREPARED_PROPERTY)) ? null
                            : PreparedInputs.of(resolved, run, assembler.zoneShapes()));
            return new SplitRun(run, tiled, out, plan);
        } catch (IOException | RuntimeException e) {
            run.close();
            if (out != null) {
                out.close();
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public Plan plan() {
        return plan;
    }

    public int tileCount() {
        return tiled.tileCount();
    }

    /** True when the run has the first stage (computed productivity: performance histograms). */
    public boolean hasPerformanceStage() {
        return tiled.hasPerformanceStage();
    }

    /** Task, first stage: the performance histograms of task {@code task}'s tiles. */
    public static PerformanceHistograms histograms(Plan plan, int task) {
        return opened(plan).tiled().histograms(plan.tasks().get(task));
    }

    /**
     * Task, second stage: the tiles of task {@code task}, their tally and their map parts.
     *
     * @param p90 the merged first stage's table, or {@code null} when the run has no first stage
     */
    public static TaskResult tally(Plan plan, int task, PerformanceHistograms.PerformanceTable p90) {
        Opened o = opened(plan);
        int[] tiles = plan.tasks().get(task);
        List<Window> rects = TileTasks.rectangles(o.tiled().tiling(), tiles);
        Grid grid = o.run().inputs().grid();
        Path work = Path.of(plan.work());
        GeoTiffIO io = new GeoTiffIO();
        List<Path> written = new ArrayList<>();
        MapOutputs outputs = (period, kind) -> {
            List<RasterSink> sinks = new ArrayList<>();
            try {
                for (Window r : rects) {
                    Path part = work.resolve(MosaicRunWriter.partPath(period.name() + "_" + kind.fileStem(), r));
                    makeFolder(part.getParent());
                    sinks.add(io.create(part, grid.subGrid(r), SampleType.INT16, Classes.NODATA));
                    written.add(part);
                }
            } catch (IOException | RuntimeException e) {
                sinks.forEach(RasterSink::close);
                throw e instanceof IOException io2 ? new UncheckedIOException(io2) : (RuntimeException) e;
            }
            return new PartitionedSink(rects, sinks);
        };
        PartialTally tally = o.tiled().tally(tiles, p90, outputs);
        TreeMap<String, String> digests = new TreeMap<>();
        try {
            for (Path p : written) {
                digests.put(work.relativize(p).toString().replace('\\', '/'), Digests.sha256(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TaskResult(tally, digests);
    }

    /** The empty result, zero of {@link TaskResult#merge}. */
    public TaskResult empty() {
        return new TaskResult(tiled.empty(), new TreeMap<>());
    }

    /**
     * Driver: writes the report, tables, VRT maps and manifest from the merged results of every task
     * ({@link MosaicRunWriter}) and moves the output folder into place.
     */
    public RunWriter.Outcome finish(TaskResult total, PerformanceHistograms.PerformanceTable p90) {
        EngineResult result = tiled.finish(total.tally, p90);
        return MosaicRunWriter.write(run, result, out, total.parts);
    }

    /** Discards the output folder unless finished, and closes the run's inputs. */
    @Override
    public void close() {
        try {
            out.close();
        } finally {
            run.close();
        }
    }

    /**
     * Creates the map's folder of parts under the driver's {@code maps/parts}, never its parents: a task still running
     * after its job failed must not bring back an output folder that the driver has discarded.
     */
    private static void makeFolder(Path dir) throws IOException {
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // another task of this map made it
        }
    }

    private static Opened opened(Plan plan) {
        return OPEN.computeIfAbsent(plan.runFile() + "|" + plan.stamp() + "|" + plan.tileSize(), k -> {
            Path file = Path.of(plan.runFile());
            ResolvedRun resolved = RunFiles.resolve(RunFiles.read(file), file);
            // the driver has checked the run file (same-file rule included) before any task runs
            PreparedInputs prepared = plan.inputs();
            AssembledRun run = (prepared == null ? new RunAssembler(new GeoTiffIO(), DigestCache.none(), true)
                    : new RunAssembler(prepared.io(new GeoTiffIO()), DigestCache.none(), true, prepared.zoneShapes()))
                    .assemble(resolved);
            return new Opened(run, TiledRun.of(run.inputs(), plan.tileSize()));
        });
    }

    private static String stamp(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new org.ldn.core.InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
