package org.ldn.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.ldn.cli.output.RunWriter;
import org.ldn.cli.run.SplitRun;
import org.ldn.core.InputException;
import org.ldn.core.engine.PerformanceHistograms;

/**
 * {@code ldn run} of one run as a Spark job ({@link SplitRun}): the driver assembles the run, opens the output
 * folder and cuts the tiles into tasks (bands of tiles, which read the inputs' blocks together); each task opens
 * the run on its executor (once per executor JVM) from the shared paths and computes its tiles, writing its map
 * parts into the output folder; the partial tallies come back by a tree reduce; the driver writes the report,
 * tables, VRT maps and manifest, and moves the folder into place. With computed productivity, a first job builds
 * the performance histograms the same way (merged by a tree reduce) and the second job classifies. Tasks are pure,
 * so a lost or retried task gives the same result; a job that fails or is killed leaves no output folder.
 */
public final class SparkRun {
    private SparkRun() {
    }

    /**
     * Runs {@code runFile} into {@code out} with tiles of {@code tileSize} pixels in {@code tasks} tasks (fewer when
     * there are fewer tiles).
     */
    public static RunWriter.Outcome run(JavaSparkContext sc, Path runFile, Path out, int tileSize, int tasks) {
        try (SplitRun split = SplitRun.start(runFile, out, tileSize, tasks)) {
            // the plan (with the driver's prepared inputs: grids and zone shapes, ~0.3 MB for 40 units) goes to each
            // executor once and is deserialized there once, not with every task
            org.apache.spark.broadcast.Broadcast<SplitRun.Plan> plan = sc.broadcast(split.plan());
            List<Integer> ids = new ArrayList<>();
            for (int k = 0; k < split.plan().taskCount(); k++) {
                ids.add(k);
            }
            JavaRDD<Integer> taskIds = sc.parallelize(ids, ids.size());
            int depth = treeDepth(ids.size());
            PerformanceHistograms.PerformanceTable p90 = null;
            try {
                if (split.hasPerformanceStage()) {
                    sc.setJobDescription("ldn run: performance histograms (" + ids.size() + " tasks)");
                    p90 = taskIds.map(k -> SplitRun.histograms(plan.value(), k))
                            .treeReduce(PerformanceHistograms::merge, depth).table();
                }
                PerformanceHistograms.PerformanceTable table = p90;
                sc.setJobDescription("ldn run: tiles (" + ids.size() + " tasks)");
                SplitRun.TaskResult total = taskIds.map(k -> SplitRun.tally(plan.value(), k, table))
                        .treeReduce(SplitRun.TaskResult::merge, mergeDepth(ids.size(), serializedBytes(split.empty())));
                return split.finish(total, table);
            } catch (Exception e) { // Spark's job failures are checked exceptions (SparkException), undeclared
                awaitStragglers(sc);
                throw inputProblem(e);
            }
        }
    }

    /**
     * Bytes of task results the driver merges itself, as they arrive, when all the tasks' results together are no
     * larger: a tree reduce would add a shuffle stage (a second wave of tasks, and seconds on a small cluster) to
     * spare the driver nothing it cannot take. Spark's default {@code spark.driver.maxResultSize} is 1 GB.
     */
    static final long DRIVER_MERGE_BYTES = 128L << 20;

    /**
     * Depth of the tally's merge: 1 (the driver merges each task's result as it arrives) when {@code tasks} results of
     * {@code resultBytes} fit in {@link #DRIVER_MERGE_BYTES}, else a tree reduce ({@link #treeDepth}).
     */
    static int mergeDepth(int tasks, long resultBytes) {
        return (double) tasks * resultBytes <= DRIVER_MERGE_BYTES ? 1 : treeDepth(tasks);
    }

    /** Depth of a tree reduce over {@code tasks} results: levels of at most 8, at least 2. */
    static int treeDepth(int tasks) {
        return Math.max(2, (int) Math.ceil(Math.log(tasks) / Math.log(8)));
    }

    /**
     * The size of {@code o} serialized (an empty tally: its arrays are allocated for every zone and key, so a task's
     * result is about as large).
     */
    static long serializedBytes(java.io.Serializable o) {
        long[] n = new long[1];
        java.io.OutputStream counter = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                n[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                n[0] += len;
            }
        };
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(counter)) {
            out.writeObject(o);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return n[0];
    }

    /**
     * After a failed job, cancels what is left of it and waits (up to a minute) until no executor runs a task: Spark
     * fails the job at the first task failure while the other tasks of the stage run on, still writing map parts into
     * the output folder that the caller is about to discard.
     */
    static void awaitStragglers(JavaSparkContext sc) {
        sc.cancelAllJobs();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && runningTasks(sc) > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int runningTasks(JavaSparkContext sc) {
        int n = 0;
        for (org.apache.spark.SparkExecutorInfo e : sc.sc().statusTracker().getExecutorInfos()) {
            n += e.numRunningTasks();
        }
        return n;
    }

    /** The input problem an executor met, as the driver's own error (one line, no stack trace), else {@code e}. */
    static RuntimeException inputProblem(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputException ie) {
                return new InputException(ie.getMessage(), e);
            }
        }
        // Spark may pass on only the text of an executor's exception
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(InputException.class.getName() + ": ([^\\n]*)")
                .matcher(String.valueOf(e.getMessage()));
        if (m.find()) {
            return new InputException(m.group(1), e);
        }
        return e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
    }
}
