package org.ldn.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * For {@link ClusterBenchmark}: each stage's wall time and its tasks' summed metrics as Spark's scheduler reports
 * them (run time on the executors, of which deserializing the task and serializing its result, JVM garbage
 * collection; shuffle bytes), so that where a split run spends its time beside the kernels can be read off.
 */
final class StageTimes extends SparkListener {
    private final List<String> lines = new ArrayList<>();
    private final java.util.Map<Integer, long[]> byStage = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        TaskMetrics m = e.taskMetrics();
        if (m == null) {
            return;
        }
        long[] s = byStage.computeIfAbsent(e.stageId(), k -> new long[7]);
        synchronized (s) {
            s[0]++;
            s[1] += m.executorRunTime();
            s[2] += m.executorDeserializeTime();
            s[3] += m.resultSerializationTime();
            s[4] += m.jvmGCTime();
            s[5] += m.shuffleWriteMetrics().bytesWritten();
            s[6] = Math.max(s[6], m.resultSize());
        }
    }

    @Override
    public synchronized void onStageCompleted(SparkListenerStageCompleted e) {
        StageInfo i = e.stageInfo();
        long wall = i.completionTime().isDefined() && i.submissionTime().isDefined()
                ? (Long) i.completionTime().get() - (Long) i.submissionTime().get() : -1;
        long[] s = byStage.getOrDefault(i.stageId(), new long[7]);
        lines.add(String.format(Locale.ROOT, "  stage %d (%s): %.2f s wall, %d tasks: run %.2f s (deserialize %.2f s,"
                + " result serialization %.2f s, GC %.2f s), shuffle written %.1f MB, largest result %.2f MB",
                i.stageId(), i.name().replaceAll(" at .*", ""), wall / 1e3, s[0], s[1] / 1e3, s[2] / 1e3, s[3] / 1e3,
                s[4] / 1e3, s[5] / 1e6, s[6] / 1e6));
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
